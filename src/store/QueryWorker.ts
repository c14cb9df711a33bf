import { Worker } from 'node:worker_threads';
import { getLogger } from '../util/index.js';
import type { QueryOptions } from './QuadStore.js';
import type { TextAnswer } from './TextAnswer.js';
import type { WorkerRequest, WorkerResponse } from './WorkerMessages.js';
import { MalformedQueryError } from './MalformedQueryError.js';
import { QueryFailedError } from './QueryFailedError.js';
import { QueryTimeoutError } from './QueryTimeoutError.js';

const logger = getLogger('QueryWorker');

// A worker thread does not inherit the tsx loader of the main thread, so its entry module
// registers tsx and then imports the TypeScript worker.
const WORKER_ENTRY = new URL(`data:text/javascript,${encodeURIComponent(
  `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};\n` +
    'register();\n' +
    `await import(${JSON.stringify(new URL('./queryWorkerMain.ts', import.meta.url).href)});\n`,
)}`);

/** A started worker thread and the promise that it has loaded its seed data. */
interface RunningWorker {
  readonly thread: Worker;
  readonly ready: Promise<void>;
}

/**
 * A worker thread with a replica of an Oxigraph store, which runs queries one at a time and stops
 * a query at its time limit by terminating the thread. The worker starts on the first query,
 * seeded with an N-Quads dump of the main store, and gets every later write through
 * {@link replaceGraph}. After a timeout the next query starts a new worker from a new dump.
 * The time limit counts from the moment the ready worker receives the query, so a worker's
 * start-up and the wait behind earlier queries do not count.
 */
export class QueryWorker {
  private worker?: RunningWorker;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  /** `dump` returns the current content of the main store as N-Quads. */
  public constructor(private readonly dump: () => string) {}

  /** Mirrors a graph write to the running worker; an empty text removes the graph. */
  public replaceGraph(graphIri: string, nTriples: string): void {
    this.worker?.thread.postMessage({ type: 'replace', graphIri, nTriples } satisfies WorkerRequest);
  }

  /**
   * Runs a query in the worker after the queries before it. The time spent waiting for them counts
   * against the query's time limit, so a query behind a slow one fails at its own deadline
   * instead of waiting for another full limit.
   * NOTE: queries run one at a time in one worker, so a slow query delays the others by up to the
   * time limit. A pool of workers would remove that wait at the cost of one store copy each.
   */
  public query(sparql: string, options: QueryOptions): Promise<TextAnswer> {
    const queuedAt = performance.now();
    const run = this.queue.then(() => {
      if (options.timeoutMs === undefined) {
        return this.run(sparql, options);
      }
      const remaining = options.timeoutMs - (performance.now() - queuedAt);
      if (remaining <= 0) {
        logger.warn({ timeoutMs: options.timeoutMs }, 'Query timed out while waiting for the queries before it');
        throw new QueryTimeoutError(options.timeoutMs);
      }
      return this.run(sparql, { ...options, timeoutMs: remaining, limitMs: options.timeoutMs });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Terminates the worker; later queries are rejected. */
  public async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.thread.terminate();
  }

  private async run(sparql: string, options: QueryOptions & { limitMs?: number }): Promise<TextAnswer> {
    if (this.closed) {
      throw new QueryFailedError('the store is closed');
    }
    this.worker ??= this.start();
    const worker = this.worker;
    await worker.ready;
    return new Promise<TextAnswer>((resolve, reject) => {
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        worker.thread.off('message', onMessage);
        worker.thread.off('exit', onExit);
        settle();
      };
      const onMessage = (response: WorkerResponse): void => {
        finish(() => (response.type === 'answer' ? resolve(response.answer) : reject(toError(response))));
      };
      const onExit = (code: number): void => {
        this.discard(worker);
        finish(() => reject(new QueryFailedError(`the query worker stopped with exit code [${code}]`)));
      };
      const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => {
        logger.warn({ timeoutMs: options.timeoutMs, queryLength: sparql.length }, 'Query timed out; stopping the query worker');
        this.discard(worker);
        finish(() => reject(new QueryTimeoutError(options.limitMs ?? options.timeoutMs ?? 0)));
      }, options.timeoutMs);
      worker.thread.on('message', onMessage);
      worker.thread.on('exit', onExit);
      const engineOptions = { defaultGraphs: options.defaultGraphs, namedGraphs: options.namedGraphs };
      worker.thread.postMessage({ type: 'query', sparql, options: engineOptions } satisfies WorkerRequest);
    });
  }

  private start(): RunningWorker {
    const thread = new Worker(WORKER_ENTRY, { workerData: { nQuads: this.dump() } });
    // An idle worker does not keep the process alive; `close` terminates it.
    thread.unref();
    thread.on('error', (error) => logger.error({ err: error }, 'Query worker failed'));
    const ready = new Promise<void>((resolve, reject) => {
      const onExit = (code: number): void => reject(new QueryFailedError(`the query worker stopped with exit code [${code}] while starting`));
      thread.once('exit', onExit);
      thread.once('message', () => {
        thread.off('exit', onExit);
        resolve();
      });
    });
    const worker = { thread, ready };
    ready.catch(() => this.discard(worker));
    return worker;
  }

  /** Terminates `worker` and drops the reference to it, so the next query starts a new one. */
  private discard(worker: RunningWorker): void {
    if (this.worker === worker) {
      this.worker = undefined;
    }
    void worker.thread.terminate();
  }
}

function toError(response: WorkerResponse): Error {
  if (response.type === 'error' && response.malformed) {
    return new MalformedQueryError(response.engineMessage);
  }
  return new QueryFailedError(response.type === 'error' ? response.engineMessage : 'unexpected worker message');
}
