import { compareCodeUnits } from '../accounting/compareCodeUnits.js';
import type { PodState } from './CrawlState.js';
import { readMemberships } from './MembershipReader.js';
import type { Membership } from './MembershipReader.js';

/** An agent reached from a network root, with its place in the network graph. */
export interface DiscoveredAgent {
  webId: string;
  /** Shortest distance from a root: 0 for a root, 1 for its members, and so on. */
  depth: number;
  /** Members the agent's pod lists; an agent with members is a network. */
  members: string[];
  /** Networks that list the agent as a member. */
  memberOf: string[];
}

/** The networks reached from the roots: agents, memberships and membership cycles. */
export interface NetworkGraph {
  roots: string[];
  /** Every agent reached, roots first, then by depth and WebID. */
  agents: DiscoveredAgent[];
  memberships: Membership[];
  /** Each cycle once, as the WebIDs around it starting at the smallest in code-unit order. */
  cycles: string[][];
}

/** Crawls one agent's pod and returns its state in the view. */
export type PodVisitor = (webId: string, depth: number) => Promise<PodState>;

/**
 * Discovers the agents of networks from their roots. Each agent's pod is crawled once, even
 * when several networks list it. A network is an agent whose pod lists members with W3C ORG
 * terms, in its profile or its registered documents. Its members are crawled next, level by
 * level, to any depth. A membership that leads back to an agent already on the path closes a cycle,
 * which ends the recursion there and is reported once.
 */
export class NetworkDiscovery {
  public constructor(private readonly visit: PodVisitor, private readonly concurrency: number) {}

  /** Crawls the roots and every agent their memberships reach. */
  public async discover(roots: string[]): Promise<NetworkGraph> {
    const depths = new Map<string, number>();
    const memberships: Membership[] = [];
    let level = [...new Set(roots)];
    level.forEach((root) => depths.set(root, 0));
    let depth = 0;
    while (level.length > 0) {
      const states = await mapConcurrently(level, this.concurrency, async (webId) => this.visit(webId, depth));
      const next: string[] = [];
      for (const state of states) {
        for (const membership of membershipsOfPod(state)) {
          memberships.push(membership);
          if (!depths.has(membership.member)) {
            depths.set(membership.member, depth + 1);
            next.push(membership.member);
          }
        }
      }
      level = next.sort();
      depth += 1;
    }
    const unique = [...new Set(roots)];
    const agents = agentsOf(depths, memberships);
    return { roots: unique, agents, memberships, cycles: findCycles(unique, memberships) };
  }
}

/** Reads the memberships a pod states for its own agent, one per member. */
export function membershipsOfPod(state: PodState): Membership[] {
  const sources = [{ url: state.webId.split('#')[0] ?? state.webId, quads: state.profile },
    ...[...state.documents.values()].map((document) => ({ url: document.source, quads: document.quads }))];
  const byMember = new Map<string, Membership>();
  for (const source of sources) {
    for (const membership of readMemberships(state.webId, source.quads, source.url)) {
      const known = byMember.get(membership.member);
      if (known === undefined || (known.id === null && membership.id !== null)) {
        byMember.set(membership.member, membership);
      }
    }
  }
  return [...byMember.values()];
}

function agentsOf(depths: Map<string, number>, memberships: Membership[]): DiscoveredAgent[] {
  const agents = [...depths].map(([webId, depth]) => ({
    webId,
    depth,
    members: memberships.filter((entry) => entry.network === webId).map((entry) => entry.member).sort(),
    memberOf: memberships.filter((entry) => entry.member === webId).map((entry) => entry.network).sort(),
  }));
  return agents.sort((a, b) => a.depth - b.depth || compareCodeUnits(a.webId, b.webId));
}

/** Finds membership cycles by a depth-first walk from the roots; each back edge closes one cycle. */
function findCycles(roots: string[], memberships: Membership[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const entry of memberships) {
    edges.set(entry.network, [...(edges.get(entry.network) ?? []), entry.member].sort());
  }
  const cycles = new Map<string, string[]>();
  const done = new Set<string>();
  const path: string[] = [];
  const walk = (agent: string): void => {
    path.push(agent);
    for (const member of edges.get(agent) ?? []) {
      const onPath = path.indexOf(member);
      if (onPath >= 0) {
        const cycle = canonicalCycle(path.slice(onPath));
        cycles.set(cycle.join(' '), cycle);
      } else if (!done.has(member)) {
        walk(member);
      }
    }
    path.pop();
    done.add(agent);
  };
  [...new Set(roots)].filter((root) => !done.has(root)).forEach(walk);
  return [...cycles.values()];
}

/** Rotates a cycle so that it starts at its smallest WebID. */
function canonicalCycle(cycle: string[]): string[] {
  const smallest = [...cycle].sort()[0]!;
  const start = cycle.indexOf(smallest);
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

/** Maps items with at most `limit` calls running at once, keeping the input order. */
export async function mapConcurrently<T, R>(items: T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await map(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
