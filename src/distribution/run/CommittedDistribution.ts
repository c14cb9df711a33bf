import type { DistributionResult } from '../DistributionResult.js';
import { OCE_DISTRIBUTION } from '../DistributionVocabulary.js';
import type { DistributionData } from './DistributionData.js';
import { DistributionRunError } from './DistributionRunError.js';
import type { DistributionRunWriter, WrittenRun } from './DistributionRunWriter.js';
import type { PayoutNotice, PayoutNotifier } from './PayoutNotifier.js';
import { runEquation } from './runEquation.js';
import type { RunRequest } from './runEquation.js';

/** A committed run: the written document, the engine's result and the notices sent to payees. */
export interface CommittedRunResult {
  written: WrittenRun;
  result: DistributionResult;
  notices: PayoutNotice[];
}

/**
 * Commits distribution runs: reads the payouts of earlier runs from the run container, runs the
 * equation with them, writes the run document, and then notifies the payees. When the data names
 * the crawled agents, only those are notified. The payer is the request's `distributor`, else the
 * equation's `oce:equationOf`.
 */
export class CommittedDistribution {
  public constructor(private readonly writer: DistributionRunWriter, private readonly notifier: PayoutNotifier) {}

  /** Runs and writes one committed run; throws `ValueEquationError` or {@link DistributionRunError}. */
  public async commit(data: DistributionData, request: RunRequest & { distributor?: string }):
    Promise<CommittedRunResult> {
    if (request.currency === null) {
      throw new DistributionRunError('A committed run needs the IRI of its currency, got none');
    }
    const priorPayouts = await this.writer.readPriorPayouts();
    const result = runEquation(data, request, priorPayouts);
    const distributor = request.distributor ?? equationOf(data, request.equation);
    if (distributor === null) {
      throw new DistributionRunError(`Equation [${request.equation}] has no oce:equationOf and the request ` +
        'names no distributor, so no agent pays the payouts');
    }
    const written = await this.writer.write({ result, equationQuads: data.quads, distributor });
    const notices = await this.notifier.notify(written, data.agents);
    return { written, result, notices };
  }
}

function equationOf(data: DistributionData, equation: string): string | null {
  const quad = data.quads.find((candidate) => candidate.subject.value === equation &&
    candidate.predicate.equals(OCE_DISTRIBUTION.equationOf));
  return quad?.object.value ?? null;
}
