import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import { GRAPH_MEDIA_TYPES } from './serializeGraph.js';
import { RESULTS_MEDIA_TYPES } from './serializeResults.js';

/** Namespace of the SPARQL 1.1 Service Description vocabulary. */
export const SD = 'http://www.w3.org/ns/sparql-service-description#';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const FORMATS = 'http://www.w3.org/ns/formats/';

// The W3C format IRIs (https://www.w3.org/ns/formats/) of the media types the endpoint writes.
const FORMAT_IRIS: Record<string, string> = {
  'application/sparql-results+json': 'SPARQL_Results_JSON',
  'application/sparql-results+xml': 'SPARQL_Results_XML',
  'text/csv': 'SPARQL_Results_CSV',
  'text/tab-separated-values': 'SPARQL_Results_TSV',
  'text/turtle': 'Turtle',
  'application/n-triples': 'N-Triples',
  'application/ld+json': 'JSON-LD',
};

/**
 * Builds the SPARQL 1.1 Service Description of the endpoint at `endpointUrl`: SPARQL 1.1 Query
 * only, the result formats it writes, and the union of named graphs as the default graph.
 */
export function describeService(endpointUrl: string): RDF.Quad[] {
  const service = DataFactory.namedNode(`${endpointUrl}#service`);
  const add = (predicate: string, object: RDF.Quad_Object): RDF.Quad =>
    DataFactory.quad(service, DataFactory.namedNode(predicate), object);
  const formats = [...RESULTS_MEDIA_TYPES, ...GRAPH_MEDIA_TYPES].map((mediaType) =>
    add(`${SD}resultFormat`, DataFactory.namedNode(`${FORMATS}${FORMAT_IRIS[mediaType]}`)));
  return [
    add(RDF_TYPE, DataFactory.namedNode(`${SD}Service`)),
    add(`${SD}endpoint`, DataFactory.namedNode(endpointUrl)),
    add(`${SD}supportedLanguage`, DataFactory.namedNode(`${SD}SPARQL11Query`)),
    add(`${SD}feature`, DataFactory.namedNode(`${SD}UnionDefaultGraph`)),
    ...formats,
  ];
}
