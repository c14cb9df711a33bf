import { Router } from 'express';
import type { Request } from 'express';
import { distributionToJson, MAX_SCALE, ValueEquationError } from '../../distribution/index.js';
import {
  DistributionRunError, readCommittedRuns, readPriorPayouts, runEquation,
} from '../../distribution/run/index.js';
import type { CommittedDistribution, DistributionData, RunRequest } from '../../distribution/run/index.js';
import { parseDecimal } from '../../model/index.js';
import type { Decimal } from '../../model/index.js';
import { ApiError, InvalidParameterError, SnapshotUnavailableError } from './ApiProblem.js';
import { echoValue } from './echoValue.js';
import { jsonBody } from './jsonBody.js';

/** Checks that the caller may commit a run; throws an `ApiError` (403, or 401 without credentials) when not. */
export type CommitAuthorizer = (request: Request) => Promise<void>;

/** Options of {@link createDistributionRouter}. */
export interface DistributionRouteOptions {
  /** The model and quads of the latest crawl; undefined until the first crawl has finished. */
  data?: () => DistributionData | undefined;
  /** Supplies the writer of committed runs. While it returns undefined, `POST /distributions` responds 503. */
  committer?: () => CommittedDistribution | undefined;
  /** Checks each committed run's caller; without it, every committed run is rejected with 403. */
  authorize?: CommitAuthorizer;
}

/** Max size of a request body, far above any valid request. */
const MAX_BODY = '16kb';

/** Digits of the currency's minor unit when the request names no `scale`. */
const DEFAULT_SCALE = 2;

/** Rejects every committed run, for a service that was given no way to authorize callers. */
const rejectAll: CommitAuthorizer = () => Promise.reject(new ApiError(403, 'forbidden', 'Forbidden',
  'Committed distribution runs are disabled on this service, because it has no authorization configured'));

/**
 * Builds the distribution routes, mounted at `/api/distributions`:
 * - `POST /dry-run` with `{equation, amount, currency?, scale?}`: runs the equation over the latest
 *   crawl, counting the committed runs in it, and explains every payout. Anyone may call it, and
 *   nothing is written;
 * - `POST /` with the same body: a committed run, written by the `committer` once `authorize`
 *   accepts the caller, responding 201 with the run IRI and the payouts;
 * - `GET /`: the committed runs found in the crawled data.
 * A body that is not `application/json` is a 415 problem, one over 16 KB a 413, and a malformed
 * body a 400 naming the field. An equation the engine rejects is a 422.
 */
export function createDistributionRouter(options: DistributionRouteOptions = {}): Router {
  const router = Router();
  const json = jsonBody(MAX_BODY);
  const data = (): DistributionData => {
    if (options.data === undefined) {
      throw new ApiError(503, 'not-configured', 'Service Unavailable',
        'Distributions are not configured on this service: it was given no crawl data to run them on');
    }
    const current = options.data();
    if (current === undefined) {
      throw new SnapshotUnavailableError();
    }
    return current;
  };
  router.post('/dry-run', json, (request, response) => {
    const current = data();
    // Earlier runs in the crawled data count, so the dry run shows what committing would pay.
    const result = withEquationErrors(() =>
      runEquation(current, parseRunBody(request.body), readPriorPayouts(current.quads)));
    response.json({ dryRun: true, ...distributionToJson(result) });
  });
  router.post('/', async (request, response, next) => {
    await (options.authorize ?? rejectAll)(request);
    json(request, response, next);
  }, async (request, response) => {
    const body = parseRunBody(request.body);
    const committer = options.committer?.();
    if (committer === undefined) {
      throw new ApiError(503, 'not-configured', 'Service Unavailable',
        'Committed runs are not configured on this service: it has no writer for the network pod');
    }
    const committed = await withEquationErrors(() => committer.commit(data(), body));
    const { run, payouts } = committed.written;
    const scale = committed.result.scale;
    response.status(201).location(run.document).json({
      run: run.id,
      document: run.document,
      runTime: run.runTime.toISOString(),
      payouts: payouts.map((payout) => ({
        agent: payout.agent, amount: payout.amount.toFixed(scale), claim: payout.claim, event: payout.event,
      })),
      undistributed: committed.result.undistributed.toFixed(scale),
      notices: committed.notices,
      result: distributionToJson(committed.result),
    });
  });
  router.get('/', (_request, response) => {
    response.json({ runs: readCommittedRuns(data().quads) });
  });
  return router;
}

/** Turns the engine's and the writer's rejections into 422 problems, keeping their messages. */
function withEquationErrors<T>(run: () => T): T {
  const rethrow = (error: unknown): never => {
    if (error instanceof ValueEquationError || error instanceof DistributionRunError) {
      throw new ApiError(422, 'distribution-rejected', 'Unprocessable Content', error.message, 'equation');
    }
    throw error;
  };
  try {
    const result = run();
    return result instanceof Promise ? result.catch(rethrow) as T : result;
  } catch (error: unknown) {
    return rethrow(error);
  }
}

/**
 * Reads `{equation, amount, currency?, scale?}`, raising a 400 that names the first bad field.
 * The result always has a `scale`, the default being 2 digits.
 */
export function parseRunBody(body: unknown): RunRequest & { amount: Decimal; scale: number } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidParameterError('body', `Expected a JSON object {equation, amount, currency?, scale?}, got ${
      shown(body)}`);
  }
  const fields = body as Record<string, unknown>;
  const equation = fields.equation;
  if (typeof equation !== 'string' || !isAbsoluteIri(equation)) {
    throw new InvalidParameterError('equation', `Expected [equation] to be the IRI of a value equation, got ${
      shown(equation)}`);
  }
  const currency = fields.currency ?? null;
  if (currency !== null && (typeof currency !== 'string' || !isAbsoluteIri(currency))) {
    throw new InvalidParameterError('currency', `Expected [currency] to be the IRI of a resource specification, got ${
      shown(currency)}`);
  }
  const scale = fields.scale;
  if (scale !== undefined && (!Number.isInteger(scale) || (scale as number) < 0 || (scale as number) > MAX_SCALE)) {
    throw new InvalidParameterError('scale', `Expected [scale] to be a whole number of digits from 0 to ${MAX_SCALE}, ` +
      `got ${shown(scale)}`);
  }
  const digits = scale === undefined ? DEFAULT_SCALE : scale as number;
  return { equation, amount: parseAmount(fields.amount, digits), currency, scale: digits };
}

/**
 * Reads `amount`: a decimal string of 0 or more with at most `scale` decimal places, because
 * every payout is a whole number of the currency's minor units.
 */
function parseAmount(value: unknown, scale: number): Decimal {
  const invalid = (): InvalidParameterError => new InvalidParameterError('amount', `Expected [amount] to be a ` +
    `decimal string of 0 or more with at most ${scale} decimal places, such as "1000.00", got ${shown(value)}`);
  if (typeof value !== 'string') {
    throw invalid();
  }
  let amount: Decimal;
  try {
    amount = parseDecimal(value);
  } catch {
    throw invalid();
  }
  if (amount.isNegative() || amount.decimalPlaces() > scale) {
    throw invalid();
  }
  return amount;
}

/** Formats a body value for a problem detail: its JSON in square brackets, cut when long. */
function shown(value: unknown): string {
  return `[${echoValue(JSON.stringify(value) ?? 'nothing')}]`;
}

function isAbsoluteIri(text: string): boolean {
  return URL.canParse(text) && !/\s/u.test(text);
}
