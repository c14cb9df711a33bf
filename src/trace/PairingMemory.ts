import type { EconomicEvent } from '../model/index.js';
import type { TraceDirection } from './TraceResult.js';

type PairFamily = 'transport' | 'repair' | 'containment';

/** The paired actions: which pair each belongs to, and whether it is the input or the output side. */
const PAIRED_ACTIONS: Record<string, { family: PairFamily; side: 'input' | 'output' }> = {
  pickup: { family: 'transport', side: 'input' },
  dropoff: { family: 'transport', side: 'output' },
  accept: { family: 'repair', side: 'input' },
  modify: { family: 'repair', side: 'output' },
  combine: { family: 'containment', side: 'input' },
  separate: { family: 'containment', side: 'output' },
};

/** One remembered leg: the pair, the resource that went through, and the process it went through. */
interface PairKey {
  family: PairFamily;
  resource: string;
  /** Empty for containment, whose two sides happen in different processes. */
  process: string;
}

/**
 * Returns the pairing key of a paired event, or undefined for any other event. The resource is
 * the record that is inside the process: the T of a pickup or accept when it has one (the
 * receiver's record, under an implied custody transfer), else its R. A combine's T is the
 * container, so a combine and a separate always use R.
 */
function keyOf(event: EconomicEvent): PairKey | undefined {
  const pair = PAIRED_ACTIONS[event.action];
  if (pair === undefined) {
    return undefined;
  }
  const viaT = pair.side === 'input' && pair.family !== 'containment';
  const resource = (viaT ? event.toResourceInventoriedAs : undefined) ?? event.resourceInventoriedAs;
  const process = pair.family === 'containment' ? '' : (pair.side === 'input' ? event.inputOf : event.outputOf);
  if (resource === undefined || process === undefined) {
    return undefined;
  }
  return { family: pair.family, resource, process };
}

/** Returns the side whose events are remembered in a direction; the other side is checked against them. */
function rememberedSide(direction: TraceDirection): 'input' | 'output' {
  return direction === 'trace' ? 'output' : 'input';
}

/**
 * What a walk remembers along one path so that a resource passing through many transports,
 * repairs or packings follows only its own leg, as the ValueFlows track-and-trace algorithm
 * does. Tracing remembers the resource of each dropoff, modify and separate. A pickup, accept
 * or combine is then followed only when it matches a remembered one, which is then forgotten.
 * Tracking mirrors this. pickup/dropoff and accept/modify match by resource and process;
 * combine/separate match by resource alone, because VF 1.0 no longer pairs them and packing and
 * unpacking are separate processes. Instances are immutable: each path has its own.
 *
 * Unlike the upstream algorithm, a paired event is followed when nothing of its pair is
 * remembered (for its process, in the case of transport and repair), so a trace that starts at
 * a transport process or at a package still reaches what went in.
 */
export class PairingMemory {
  /** Memory of a path that has passed no paired event. */
  public static readonly empty = new PairingMemory([]);

  private constructor(private readonly keys: readonly PairKey[]) {}

  /** Returns the memory after passing `event` in `direction`: itself, or with the event's leg added. */
  public after(event: EconomicEvent, direction: TraceDirection): PairingMemory {
    const key = keyOf(event);
    if (key === undefined || PAIRED_ACTIONS[event.action]?.side !== rememberedSide(direction)) {
      return this;
    }
    return new PairingMemory([...this.keys, key]);
  }

  /**
   * Returns the memory for following `event` from its process, or undefined when the pairing
   * rule forbids following it. A matched leg is forgotten in the returned memory.
   */
  public follow(event: EconomicEvent, direction: TraceDirection): PairingMemory | undefined {
    const key = keyOf(event);
    if (key === undefined || PAIRED_ACTIONS[event.action]?.side === rememberedSide(direction)) {
      return this;
    }
    const index = this.keys.findIndex((remembered) => sameKey(remembered, key));
    if (index >= 0) {
      return new PairingMemory(this.keys.filter((_, position) => position !== index));
    }
    const pending = this.keys.some((other) => other.family === key.family && other.process === key.process);
    return pending ? undefined : this;
  }
}

function sameKey(a: PairKey, b: PairKey): boolean {
  return a.family === b.family && a.resource === b.resource && a.process === b.process;
}
