import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Quad } from 'n3';
import type { Problem } from '../model/index.js';
import { getLogger } from '../util/index.js';
import { contentTypeForPath, normalizeContentType, RDF_CONTENT_TYPES } from './contentTypeForPath.js';
import type { RdfContentType } from './contentTypeForPath.js';
import { parseJsonLd } from './JsonLdParser.js';
import type { JsonLdContextOption } from './JsonLdParser.js';
import { readJsonTree, readYamlTree } from './JsonTreeReader.js';
import { isN3Syntax, parseN3Syntax } from './N3SyntaxParser.js';
import type { ParsedDocument } from './ParsedDocument.js';
import { RdfParseError } from './RdfParseError.js';
import { parseRdfXml } from './RdfXmlParser.js';
import { VocabularyNormalizer } from './VocabularyNormalizer.js';

/** Options of {@link parseRdf}. */
export interface ParseRdfOptions {
  /** URL or file path of the document, used in problems and errors. */
  source: string;
  /** Base IRI for relative IRIs; defaults to `source` as a URL, or its `file:` URL for a path. */
  baseIRI?: string;
  /** Media type of the text; defaults to the type of `source`'s file extension. */
  contentType?: string;
  /**
   * JSON-LD context applied before the document's own, as the JSON-LD 1.1 API option of the
   * same name: for a fragment that relies on a context stated elsewhere. Ignored by other formats.
   */
  expandContext?: JsonLdContextOption;
}

/** Output of one syntax parser, before normalization. */
interface SyntaxResult {
  quads: Quad[];
  prefixes: Record<string, string>;
  problems: Problem[];
}

const logger = getLogger('parseRdf');
let normalizer: VocabularyNormalizer | undefined;

/**
 * Parses an RDF document in Turtle, TriG, N-Triples, N-Quads, JSON-LD, YAML-LD or RDF/XML and
 * normalizes its ValueFlows vocabulary to VF 1.0. JSON-LD never fetches remote contexts.
 * Throws an {@link RdfParseError} naming the source, content type and line when the document
 * cannot be parsed, and never any other error for bad input.
 */
export async function parseRdf(text: string, options: ParseRdfOptions): Promise<ParsedDocument> {
  const contentType = resolveContentType(options);
  const baseIRI = options.baseIRI ?? defaultBaseIri(options.source);
  const where = { source: options.source, baseIRI, contentType, expandContext: options.expandContext };
  rejectBinary(text, where);

  const parsed = await parseSyntax(text.replace(/^\uFEFF/u, ''), where);
  normalizer ??= new VocabularyNormalizer();
  const normalized = normalizer.normalize({ quads: parsed.quads, source: options.source, prefixes: parsed.prefixes });
  const problems = [...parsed.problems, ...normalized.problems];
  logger.debug({ source: options.source, contentType, quads: normalized.quads.length, problems: problems.length }, 'Parsed document');
  return { source: options.source, quads: normalized.quads, problems };
}

async function parseSyntax(
  text: string,
  where: { source: string; baseIRI: string; contentType: RdfContentType; expandContext?: JsonLdContextOption },
): Promise<SyntaxResult> {
  if (isN3Syntax(where.contentType)) {
    return { ...parseN3Syntax(text, where), problems: [] };
  }
  if (where.contentType === RDF_CONTENT_TYPES.rdfXml) {
    return { quads: parseRdfXml(text, where), prefixes: {}, problems: [] };
  }
  const tree = where.contentType === RDF_CONTENT_TYPES.yamlLd ? readYamlTree(text, where) : readJsonTree(text, where);
  return parseJsonLd(tree, where);
}

function resolveContentType(options: ParseRdfOptions): RdfContentType {
  const given = options.contentType;
  const contentType = given === undefined ? contentTypeForPath(options.source) : normalizeContentType(given);
  if (contentType !== undefined) {
    return contentType;
  }
  const supported = Object.values(RDF_CONTENT_TYPES).join(', ');
  const reason = given === undefined
    ? 'the file extension names no supported RDF format; use one of .ttl, .trig, .nt, .nq, .jsonld, .json, '
      + `.yaml, .yml, .rdf or .owl, or pass a content type (one of ${supported})`
    : `the content type [${given}] is not supported; expected one of ${supported}`;
  throw new RdfParseError({ source: options.source, contentType: given ?? 'an unknown content type', reason });
}

function defaultBaseIri(source: string): string {
  return /^[a-z][a-z0-9+.-]*:/iu.test(source) && !/^[a-z]:[\\/]/iu.test(source)
    ? source
    : pathToFileURL(resolve(source)).href;
}

/** Rejects text with a NUL character, which no RDF syntax allows, with the line it is on. */
function rejectBinary(text: string, where: { source: string; contentType: string }): void {
  const index = text.indexOf('\u0000');
  if (index >= 0) {
    const line = text.slice(0, index).split('\n').length;
    throw new RdfParseError({ ...where, line, reason: 'the content contains a NUL character, so it is binary, not RDF text' });
  }
}
