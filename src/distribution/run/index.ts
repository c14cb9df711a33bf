/**
 * Committed distribution runs: a run written once to the distributing agent's pod with a snapshot
 * of its equation, its inputs and every payout as a `vf:Claim` settled by a `vf:transfer`, the
 * payees told through their `ldp:inbox`, and committed runs read back from crawled data.
 */
export type { CommittedRun, WrittenPayout } from './CommittedRun.js';
export { CommittedDistribution } from './CommittedDistribution.js';
export type { CommittedRunResult } from './CommittedDistribution.js';
export { distributionDataOf } from './DistributionData.js';
export type { DistributionData } from './DistributionData.js';
export { DistributionRunError } from './DistributionRunError.js';
export { DistributionRunWriter } from './DistributionRunWriter.js';
export type { DistributionRunWriterOptions, RunWriteRequest, WrittenRun } from './DistributionRunWriter.js';
export { equationSnapshot } from './equationSnapshot.js';
export type { EquationSnapshot } from './equationSnapshot.js';
export { PayoutNotifier } from './PayoutNotifier.js';
export type { PayoutNotice } from './PayoutNotifier.js';
export { readCommittedRuns, readPriorPayouts } from './readCommittedRuns.js';
export type { CommittedRunSummary } from './readCommittedRuns.js';
export { RunContainerSetup } from './RunContainerSetup.js';
export type { PodOwner } from './RunContainerSetup.js';
export { runEquation } from './runEquation.js';
export type { RunRequest } from './runEquation.js';
export { checkRunSum, runToQuads } from './runToQuads.js';
export type { RunDocument } from './runToQuads.js';
export { AS, LDP_INBOX, OCE_RUN, ROUNDING_RULE } from './RunVocabulary.js';
