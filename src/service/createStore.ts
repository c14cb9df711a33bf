import type { AggregatorConfig } from '../config/index.js';
import { ConfigError } from '../config/index.js';
import { OxigraphStore, RemoteSparqlStore, VIRTUOSO_AUTHENTICATED_PATHS } from '../store/index.js';
import type { QuadStore } from '../store/index.js';

/**
 * Creates the SPARQL store of `oce serve`. Without `store.url` it is an embedded Oxigraph store
 * that evaluates queries in a worker thread, so the query time limit holds. With `store.url` it
 * is a remote store over the Graph Store and Query protocols. Its endpoint paths are Virtuoso's:
 * `sparql` and `sparql-graph-crud`, or `sparql-auth` and `sparql-graph-crud-auth` with a user
 * and password.
 */
export function createStore(config: AggregatorConfig['store']): QuadStore {
  if (config.url === undefined) {
    return new OxigraphStore({ queryWorker: true });
  }
  if ((config.username === undefined) !== (config.password === undefined)) {
    const missing = config.username === undefined ? 'store.username' : 'store.password';
    throw new ConfigError([{ kind: 'missing', path: missing, expected: 'store.username and store.password set together' }]);
  }
  const credentials = config.username === undefined || config.password === undefined
    ? undefined
    : { username: config.username, password: config.password };
  return new RemoteSparqlStore({
    baseUrl: config.url,
    ...(credentials === undefined ? {} : { credentials, ...VIRTUOSO_AUTHENTICATED_PATHS }),
  });
}
