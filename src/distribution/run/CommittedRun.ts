import type { Decimal } from '../../model/index.js';
import type { DistributionResult } from '../DistributionResult.js';

/** What a committed run writes, besides the equation snapshot: the run's inputs and its result. */
export interface CommittedRun {
  /** IRI of the `oce:DistributionRun` node: `<storage>/rea/distributions/<run-id>.ttl#run`. */
  id: string;
  /** URL of the run document. */
  document: string;
  /** The agent that pays: provider of every payout claim and transfer. */
  distributor: string;
  /** When the run was committed; every payout transfer has this `vf:hasPointInTime`. */
  runTime: Date;
  result: DistributionResult;
}

/** One payout as written: the claim, the transfer that settles it, the payee and the amount. */
export interface WrittenPayout {
  agent: string;
  amount: Decimal;
  claim: string;
  event: string;
}
