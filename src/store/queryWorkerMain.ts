// The entry module of QueryWorker's thread: a replica of an OxigraphStore that runs queries, so the main
// thread can stop a query that runs too long by terminating this thread.
import { parentPort, workerData } from 'node:worker_threads';
import { OxigraphStore } from './OxigraphStore.js';
import { MalformedQueryError } from './MalformedQueryError.js';
import { QueryFailedError } from './QueryFailedError.js';
import type { WorkerRequest, WorkerResponse } from './WorkerMessages.js';

const replica = new OxigraphStore();
replica.loadNQuads((workerData as { nQuads: string }).nQuads);

function answer(request: Extract<WorkerRequest, { type: 'query' }>): WorkerResponse {
  try {
    return { type: 'answer', answer: replica.queryText(request.sparql, request.options) };
  } catch (error) {
    if (error instanceof MalformedQueryError) {
      return { type: 'error', malformed: true, engineMessage: error.parserMessage };
    }
    const engineMessage = error instanceof QueryFailedError ? error.engineMessage : String(error);
    return { type: 'error', malformed: false, engineMessage };
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'replace') {
    replica.replaceGraphText(request.graphIri, request.nTriples);
    return;
  }
  parentPort?.postMessage(answer(request));
});
parentPort?.postMessage({ type: 'ready' } satisfies WorkerResponse);
