// The worker thread of WorkerQueryStore: a replica of the store that runs queries, so the main
// thread can stop a query that runs too long by terminating this thread.
import { parentPort, workerData } from 'node:worker_threads';
import { OxigraphStore } from './OxigraphStore.js';
import type { WorkerRequest, WorkerResponse } from './WorkerMessages.js';

const replica = new OxigraphStore();
replica.loadNQuads((workerData as { nQuads: string }).nQuads);

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'replace') {
    replica.replaceGraphText(request.graphIri, request.nTriples);
    return;
  }
  let response: WorkerResponse;
  try {
    response = { type: 'answer', answer: replica.queryText(request.sparql, request.options) };
  } catch (error) {
    response = { type: 'error', name: (error as Error).name, message: (error as Error).message };
  }
  parentPort?.postMessage(response);
});
