import type { EconomicModel, Quantity } from '../model/index.js';
import { parseDecimal } from '../model/index.js';
import { explodeRecipe, NetworkCoordination, PlanWriter } from '../planning/index.js';
import type {
  CoordinationStatus, GeneratedPlan, PlanDemand, PlannedCommitment, ScopeHierarchy, WrittenPlan,
} from '../planning/index.js';
import { EventRecorder } from '../pod/index.js';
import type { RecordedEvent } from '../pod/index.js';
import { ClientCredentialsSession } from '../solid/index.js';
import type { PodAccount } from '../solid/index.js';
import type { DemoNetwork } from './DemoNetworkBuilder.js';
import { DEMO_MEMBERS, DEMO_PLAN } from './DemoNetworkPlan.js';

/**
 * The demo's plan: the demand, the plan written to the woodshop's pod, the work event that
 * fulfills part of it, and the status of its commitments before and after that event.
 */
export interface DemoPlan {
  demand: PlanDemand;
  plan: GeneratedPlan;
  written: WrittenPlan;
  /** Ada's work event in her own pod, which fulfills the plan's work commitment. */
  work: RecordedEvent;
  /** The work commitment that `work` fulfills. */
  fulfilled: string;
  /** The instant both statuses are computed at, an `xsd:dateTime`. */
  now: string;
  /** Status of the plan's flows as the aggregator read them back from the woodshop's pod, before the work event. */
  before: CoordinationStatus;
  /** Status of the plan's flows from the crawl after the work event, the figures the service publishes. */
  after: CoordinationStatus;
}

/** The parts of a {@link DemoPlan} that exist once the plan is written. */
export type WrittenDemoPlan = Pick<DemoPlan, 'demand' | 'plan' | 'written'>;

/**
 * Plans and fulfills in the demo network as its members would: the woodshop explodes its stool
 * recipe for the market's demand and writes the plan to its own pod, and Ada records work on it in
 * hers. Each step logs in with that member's own client credentials and logs out again.
 */
export class DemoPlanning {
  public constructor(private readonly network: DemoNetwork, private readonly solidBaseUrl: string) {}

  /**
   * Explodes the woodshop's recipe for the demand of {@link DEMO_PLAN}, netted against the on-hand
   * inventory of `model`, and writes the plan to the woodshop's pod. Throws a `PlanningError` when
   * the recipe cannot be planned or the plan's documents already exist.
   */
  public async writePlan(model: EconomicModel): Promise<WrittenDemoPlan> {
    const woodshop = this.member('woodshop');
    const demand: PlanDemand = {
      target: new URL(DEMO_PLAN.recipe, woodshop.podUrl).href,
      quantity: parseDecimal(DEMO_PLAN.quantity),
      due: DEMO_PLAN.due,
    };
    return this.as(woodshop, async (fetch) => {
      const writer = new PlanWriter({ fetch, storage: woodshop.podUrl });
      const iris = writer.iris(DEMO_PLAN.documentName);
      const plan = explodeRecipe(model, demand, { iris, name: DEMO_PLAN.name });
      const written = await writer.write(plan);
      return { demand, plan, written };
    });
  }

  /**
   * Records, in Ada's pod, her work event that fulfills the plan's work commitment and is an input
   * of the commitment's process. Returns the event and the commitment it fulfills.
   */
  public async recordWork(plan: GeneratedPlan): Promise<{ work: RecordedEvent; fulfilled: string }> {
    const commitment = workCommitment(plan);
    const ada = this.member('ada');
    const woodshop = this.member('woodshop');
    const work = await this.as(ada, (fetch) => new EventRecorder({ fetch, storage: ada.podUrl }).record({
      id: DEMO_PLAN.work.id,
      action: 'work',
      provider: ada.webId,
      receiver: woodshop.webId,
      resourceConformsTo: commitment.resourceConformsTo,
      inputOf: commitment.inputOf,
      effortQuantity: { value: DEMO_PLAN.work.hours, unit: commitment.effortQuantity.unit },
      hasBeginning: DEMO_PLAN.work.hasBeginning,
      hasEnd: DEMO_PLAN.work.hasEnd,
      fulfills: [commitment.id],
    }));
    return { work, fulfilled: commitment.id };
  }

  /** Returns the member account of a pod name of {@link DEMO_MEMBERS}. */
  private member(name: string): PodAccount {
    const account = this.network.members[DEMO_MEMBERS.findIndex((plan) => plan.name === name)];
    if (account === undefined) {
      throw new Error(`Expected a demo member named [${name}], found none`);
    }
    return account;
  }

  /** Runs `step` with the member's authenticated fetch, logging the member out afterwards. */
  private async as<T>(account: PodAccount, step: (memberFetch: typeof fetch) => Promise<T>): Promise<T> {
    const session = await ClientCredentialsSession.login({
      clientId: account.clientId, clientSecret: account.clientSecret, oidcIssuer: this.solidBaseUrl,
    });
    try {
      return await step(session.fetch);
    } finally {
      await session.logout();
    }
  }
}

/**
 * Computes the status of one plan's flows at `now`, as `GET /api/coordination?plan=` does. Throws
 * when the model has no such plan, since the aggregator then failed to read it from the pod.
 */
export function planStatus(model: EconomicModel, plan: string, now: string, hierarchy?: ScopeHierarchy):
  CoordinationStatus {
  const coordination = new NetworkCoordination(model, hierarchy);
  if (!coordination.hasPlan(plan)) {
    throw new Error(`Expected plan [${plan}] in the crawled data, but no document states it`);
  }
  return coordination.status({ now, plan });
}

/** Finds the plan's work commitment measured in effort, which the demo's work event fulfills. */
function workCommitment(plan: GeneratedPlan): PlannedCommitment & { effortQuantity: Quantity } {
  const found = plan.commitments.find((commitment): commitment is PlannedCommitment & { effortQuantity: Quantity } =>
    commitment.action === 'work' && commitment.effortQuantity !== undefined);
  if (found === undefined) {
    const actions = plan.commitments.map((commitment) => commitment.action).join(', ');
    throw new Error(`Expected plan [${plan.id}] to have a work commitment with an effort quantity, ` +
      `got commitments with the actions [${actions}]`);
  }
  return found;
}
