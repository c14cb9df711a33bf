import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSparqlRouter } from '../../src/sparql/index.js';
import type { SparqlRouterOptions } from '../../src/sparql/index.js';
import { OxigraphStore } from '../../src/store/index.js';
import type { QuadStore } from '../../src/store/index.js';
import { literal, namedNode, quad } from '../rdf/terms.js';

/** Namespace of the test data. */
export const EX = 'http://example.org/';
/** The two source documents of the test store. */
export const DOC_A = `${EX}docA`;
export const DOC_B = `${EX}docB`;

/** An endpoint served on a loopback port, with the means to stop it. */
export interface SparqlServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts an express app with the SPARQL router at `/sparql` on 127.0.0.1 over `store`, given two
 * documents: docA contains `ex:a ex:p "1"`, docB contains `ex:b ex:p "2"` and `ex:b ex:p "x,y"@en`.
 */
export async function startSparqlServer(
  options: SparqlRouterOptions = {},
  store: QuadStore = new OxigraphStore(),
): Promise<SparqlServer> {
  const p = namedNode(`${EX}p`);
  await store.replaceGraph(DOC_A, [quad(namedNode(`${EX}a`), p, literal('1'))]);
  await store.replaceGraph(DOC_B, [quad(namedNode(`${EX}b`), p, literal('2')), quad(namedNode(`${EX}b`), p, literal('x,y', 'en'))]);
  const app = express();
  app.use('/sparql', createSparqlRouter(store, options));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sparql`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
