import type { QueryOptions } from './QuadStore.js';
import type { TextAnswer } from './TextAnswer.js';

/** A message from the main thread to the query worker: a graph write to mirror, or a query. */
export type WorkerRequest =
  | { type: 'replace'; graphIri: string; nTriples: string }
  | { type: 'query'; sparql: string; options: QueryOptions };

/** The worker's reply to a query: the result as text, or the name and message of the error. */
export type WorkerResponse =
  | { type: 'answer'; answer: TextAnswer }
  | { type: 'error'; name: string; message: string };
