import { randomBytes } from 'node:crypto';
import type { Quad } from 'n3';
import { LDP } from '../../vocab/index.js';
import { SolidDocumentClient, SolidHttpError } from '../../solid/index.js';
import { getLogger } from '../../util/index.js';
import type { PriorPayout } from '../DistributionEngine.js';
import type { DistributionResult } from '../DistributionResult.js';
import type { CommittedRun } from './CommittedRun.js';
import { DistributionRunError } from './DistributionRunError.js';
import { equationSnapshot } from './equationSnapshot.js';
import { readPriorPayouts } from './readCommittedRuns.js';
import { runToQuads } from './runToQuads.js';
import type { RunDocument } from './runToQuads.js';

const logger = getLogger('DistributionRunWriter');

/** Options of a {@link DistributionRunWriter}. */
export interface DistributionRunWriterOptions {
  /** Fetch of an agent with Read and Write (or Append) on the container, usually the aggregator's session. */
  fetch: typeof fetch;
  /** Storage root of the distributing network or project, with a trailing slash. */
  storage: string;
  /** Clock of the run time; the system clock when absent. */
  now?: () => Date;
  /** Makes the run id; the default is the run time with a random suffix. */
  newRunId?: (time: Date) => string;
}

/** Input of {@link DistributionRunWriter.write}. */
export interface RunWriteRequest {
  result: DistributionResult;
  /** The quads that state the equation, from which its snapshot is copied. */
  equationQuads: readonly Quad[];
  /** The paying agent: provider of each payout. */
  distributor: string;
}

/** A run as written to the pod. */
export interface WrittenRun extends RunDocument {
  run: CommittedRun;
}

/**
 * Writes committed distribution runs to `<storage>/rea/distributions/<run-id>.ttl`, one document
 * per run, created with `If-None-Match: *` and never changed afterwards, and reads the payouts of
 * the runs already there for debt-like and one-off claims.
 */
export class DistributionRunWriter {
  /** The container of the run documents. */
  public readonly container: string;
  private readonly client: SolidDocumentClient;

  public constructor(private readonly options: DistributionRunWriterOptions) {
    this.container = new URL('rea/distributions/', options.storage).href;
    this.client = new SolidDocumentClient(options.fetch);
  }

  /** Reads every run document in the container and sums their payouts per claim and payee. */
  public async readPriorPayouts(): Promise<PriorPayout[]> {
    const listing = await this.client.read(this.container);
    if (listing === undefined) {
      return [];
    }
    const documents = listing.quads.filter((quad) => quad.predicate.equals(LDP.contains))
      .map((quad) => quad.object.value).filter((url) => url.endsWith('.ttl')).sort();
    const quads: Quad[] = [];
    for (const url of documents) {
      quads.push(...(await this.client.read(url))?.quads ?? []);
    }
    return readPriorPayouts(quads);
  }

  /**
   * Writes one run: checks that payouts plus the undistributed amount equal the amount, creates
   * the container when missing, and creates the document. Throws a {@link DistributionRunError}
   * when the sum fails or the document exists, and a `SolidHttpError` when a request fails.
   */
  public async write(request: RunWriteRequest): Promise<WrittenRun> {
    const runTime = (this.options.now ?? (() => new Date()))();
    const runId = (this.options.newRunId ?? defaultRunId)(runTime);
    const document = `${this.container}${runId}.ttl`;
    const run: CommittedRun = {
      id: `${document}#run`, document, distributor: request.distributor, runTime, result: request.result,
    };
    const written = runToQuads(run, equationSnapshot(request.equationQuads, request.result.equation, document));
    await this.client.ensureContainer(this.container);
    try {
      await this.client.put(document, written.quads, { ifNoneMatch: '*' });
    } catch (error: unknown) {
      if (error instanceof SolidHttpError && error.status === 412) {
        throw new DistributionRunError(`Run document [${document}] exists already; a run is written once`, run.id);
      }
      throw error;
    }
    logger.info({ run: run.id, payouts: written.payouts.length }, 'Wrote a committed distribution run');
    return { ...written, run };
  }
}

/** Returns `2026-12-04T20-45-00-123Z-1a2b3c4d`: the run time, safe in a path, and 32 random bits. */
function defaultRunId(time: Date): string {
  return `${time.toISOString().replace(/[:.]/gu, '-')}-${randomBytes(4).toString('hex')}`;
}
