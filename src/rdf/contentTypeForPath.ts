import { extname } from 'node:path';

/** Content types that {@link parseRdf} reads. */
export const RDF_CONTENT_TYPES = {
  turtle: 'text/turtle',
  trig: 'application/trig',
  nTriples: 'application/n-triples',
  nQuads: 'application/n-quads',
  jsonLd: 'application/ld+json',
  yamlLd: 'application/ld+yaml',
  rdfXml: 'application/rdf+xml',
} as const;

/** One of the content types in {@link RDF_CONTENT_TYPES}. */
export type RdfContentType = (typeof RDF_CONTENT_TYPES)[keyof typeof RDF_CONTENT_TYPES];

const BY_EXTENSION: Record<string, RdfContentType> = {
  '.ttl': RDF_CONTENT_TYPES.turtle,
  '.trig': RDF_CONTENT_TYPES.trig,
  '.nt': RDF_CONTENT_TYPES.nTriples,
  '.nq': RDF_CONTENT_TYPES.nQuads,
  '.jsonld': RDF_CONTENT_TYPES.jsonLd,
  '.json': RDF_CONTENT_TYPES.jsonLd,
  '.yaml': RDF_CONTENT_TYPES.yamlLd,
  '.yml': RDF_CONTENT_TYPES.yamlLd,
  '.rdf': RDF_CONTENT_TYPES.rdfXml,
  '.owl': RDF_CONTENT_TYPES.rdfXml,
};

/** Other names servers and files use for the same formats, mapped to ours. */
const ALIASES: Record<string, RdfContentType> = {
  'application/x-turtle': RDF_CONTENT_TYPES.turtle,
  'application/turtle': RDF_CONTENT_TYPES.turtle,
  'application/json': RDF_CONTENT_TYPES.jsonLd,
  'application/yaml': RDF_CONTENT_TYPES.yamlLd,
  'application/x-yaml': RDF_CONTENT_TYPES.yamlLd,
  'text/yaml': RDF_CONTENT_TYPES.yamlLd,
  'application/xml': RDF_CONTENT_TYPES.rdfXml,
  'text/xml': RDF_CONTENT_TYPES.rdfXml,
  'text/n3': RDF_CONTENT_TYPES.turtle,
};

/**
 * Returns the RDF content type for a file name or URL path by its extension (`.ttl`, `.trig`,
 * `.nt`, `.nq`, `.jsonld`, `.json`, `.yaml`, `.yml`, `.rdf`, `.owl`), or undefined when the
 * extension is none of these.
 */
export function contentTypeForPath(path: string): RdfContentType | undefined {
  const withoutQuery = path.replace(/[?#].*$/u, '');
  return BY_EXTENSION[extname(withoutQuery).toLowerCase()];
}

/**
 * Returns the supported content type that a media type names, ignoring parameters such as
 * `charset` and accepting common aliases, or undefined when it names no supported format.
 */
export function normalizeContentType(mediaType: string): RdfContentType | undefined {
  const bare = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  const known = Object.values(RDF_CONTENT_TYPES) as string[];
  if (known.includes(bare)) {
    return bare as RdfContentType;
  }
  return ALIASES[bare];
}
