import { Worker } from 'node:worker_threads';
import { DataFactory, Writer } from 'n3';
import type * as RDF from '@rdfjs/types';
import { getLogger } from '../util/index.js';
import { OxigraphStore } from './OxigraphStore.js';
import type { QuadStore, QueryOptions, QueryResult } from './QuadStore.js';
import { toQueryResult } from './TextAnswer.js';
import type { WorkerRequest, WorkerResponse } from './WorkerMessages.js';
import { MalformedQueryError } from './MalformedQueryError.js';
import { QueryFailedError } from './QueryFailedError.js';
import { QueryTimeoutError } from './QueryTimeoutError.js';

const logger = getLogger('WorkerQueryStore');

/** Time limit of a query when the options give none, in milliseconds. */
const DEFAULT_TIMEOUT_MS = 30_000;

// A worker thread does not inherit the tsx loader of the main thread, so its entry module
// registers tsx and then imports the TypeScript worker.
const WORKER_ENTRY = new URL(`data:text/javascript,${encodeURIComponent(
  `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};\n` +
    'register();\n' +
    `await import(${JSON.stringify(new URL('./queryWorker.ts', import.meta.url).href)});\n`,
)}`);

/**
 * A {@link QuadStore} that enforces the query time limit. Writes go to an {@link OxigraphStore}
 * on the calling thread and are mirrored, as N-Triples, to a replica in a worker thread that
 * runs the queries one at a time. A query over its limit terminates the worker, and a new
 * worker starts from an N-Quads dump of the main store.
 *
 * NOTE: the replica doubles the memory of the store, and a restart after a timeout costs a dump
 * and a reload of all quads; the `maxResults` cut still happens after the engine built the answer.
 */
export class WorkerQueryStore implements QuadStore {
  private readonly primary = new OxigraphStore();
  private worker: Worker;
  private queue: Promise<unknown> = Promise.resolve();

  public constructor() {
    this.worker = this.startWorker();
  }

  public get size(): number {
    return this.primary.size;
  }

  public async replaceGraph(graphIri: string, quads: Iterable<RDF.Quad>): Promise<void> {
    const nTriples = new Writer({ format: 'N-Triples' }).quadsToString([...quads].map(toTriple));
    this.primary.replaceGraphText(graphIri, nTriples);
    this.post({ type: 'replace', graphIri, nTriples });
    return Promise.resolve();
  }

  public deleteGraph(graphIri: string): Promise<void> {
    return this.replaceGraph(graphIri, []);
  }

  public graphs(): Promise<string[]> {
    return this.primary.graphs();
  }

  public query(sparql: string, options: QueryOptions = {}): Promise<QueryResult> {
    const run = this.queue.then(() => this.runInWorker(sparql, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the worker thread. Queries fail after this call. */
  public async close(): Promise<void> {
    await this.worker.terminate();
  }

  private startWorker(): Worker {
    const worker = new Worker(WORKER_ENTRY, { workerData: { nQuads: this.primary.toNQuads() } });
    worker.on('error', (error) => logger.error({ err: error }, 'Query worker failed'));
    // An idle worker does not keep the process alive.
    worker.unref();
    return worker;
  }

  private post(request: WorkerRequest): void {
    this.worker.postMessage(request);
  }

  private runInWorker(sparql: string, options: QueryOptions): Promise<QueryResult> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const worker = this.worker;
    return new Promise<QueryResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.off('message', onMessage);
        logger.warn({ timeoutMs, queryLength: sparql.length }, 'Query timed out, so the query worker restarts');
        void worker.terminate();
        this.worker = this.startWorker();
        reject(new QueryTimeoutError(timeoutMs));
      }, timeoutMs);
      const onMessage = (response: WorkerResponse): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        if (response.type === 'answer') {
          resolve(toQueryResult(response.answer, options.maxResults));
        } else {
          reject(toError(response));
        }
      };
      worker.on('message', onMessage);
      this.post({ type: 'query', sparql, options: { ...options } });
    });
  }
}

function toTriple(quad: RDF.Quad): RDF.Quad {
  return DataFactory.quad(quad.subject, quad.predicate, quad.object);
}

function toError(response: { name: string; message: string }): Error {
  if (response.name === 'MalformedQueryError') {
    return new MalformedQueryError(response.message.replace(/^The query is not valid SPARQL 1\.1: /u, ''));
  }
  return new QueryFailedError(response.message.replace(/^The query failed: /u, ''));
}
