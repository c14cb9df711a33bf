import type { QueryOptions } from './QuadStore.js';
import type { TextAnswer } from './TextAnswer.js';

/** A message from the main thread to the query worker: a graph write to mirror, or a query. */
export type WorkerRequest =
  | { readonly type: 'replace'; readonly graphIri: string; readonly nTriples: string }
  | { readonly type: 'query'; readonly sparql: string; readonly options: QueryOptions };

/**
 * A message from the query worker: `ready` once the replica contains the seed data, then one `answer`
 * or `error` per query, in order. An error carries the engine's message without our prefix.
 */
export type WorkerResponse =
  | { readonly type: 'ready' }
  | { readonly type: 'answer'; readonly answer: TextAnswer }
  | { readonly type: 'error'; readonly malformed: boolean; readonly engineMessage: string };
