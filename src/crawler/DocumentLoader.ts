import { DataFactory } from 'n3';
import type { Quad } from 'n3';
import type { Problem } from '../model/index.js';
import { parseRdf } from '../rdf/index.js';
import type { ParsedDocument } from '../rdf/index.js';
import type { ShapeValidator } from '../validation/index.js';
import type { SourceDocument } from './DocumentSource.js';

/** A document that parsed and conforms to the shapes; every quad's graph is the document URL. */
export interface LoadedDocument extends ParsedDocument {
  /** When the body was downloaded or confirmed unchanged, as an ISO 8601 UTC timestamp. */
  loadedAt: string;
}

/** A document kept out of the model, with the parse error or the SHACL violations that rejected it. */
export interface QuarantinedDocument {
  url: string;
  /** `parse` when the body is not valid RDF of its content type, `shape` when SHACL reports a violation. */
  reason: 'parse' | 'shape';
  messages: string[];
}

/** Outcome of {@link DocumentLoader.load}. */
export type LoadOutcome = { loaded: LoadedDocument } | { quarantined: QuarantinedDocument };

/**
 * Turns a fetched body into a document of the model: parsed by its content type with
 * `parseRdf`, validated against the SHACL shapes, and placed in one named graph named by its
 * URL. A document that fails to parse or has a SHACL violation is quarantined; warnings of the
 * shapes stay with the loaded document as problems.
 */
export class DocumentLoader {
  public constructor(private readonly validator: ShapeValidator | undefined) {}

  /** Parses, validates and names the graph of one document. */
  public async load(document: SourceDocument, loadedAt: string): Promise<LoadOutcome> {
    let parsed: ParsedDocument;
    try {
      parsed = await parseRdf(document.body, { source: document.url, contentType: document.contentType || undefined });
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      return { quarantined: { url: document.url, reason: 'parse', messages: [message] } };
    }
    const shapeProblems = await this.validate(parsed);
    const violations = shapeProblems.filter((entry) => entry.severity === 'error');
    if (violations.length > 0) {
      return { quarantined: { url: document.url, reason: 'shape', messages: violations.map((entry) => entry.message) } };
    }
    return {
      loaded: {
        source: document.url,
        quads: inGraph(parsed.quads, document.url),
        problems: [...parsed.problems, ...shapeProblems],
        loadedAt,
      },
    };
  }

  private async validate(parsed: ParsedDocument): Promise<Problem[]> {
    return this.validator === undefined ? [] : this.validator.validate(parsed.quads, parsed.source);
  }
}

/** Returns the quads with their graph set to `url`, so each document is one named graph. */
export function inGraph(quads: readonly Quad[], url: string): Quad[] {
  const graph = DataFactory.namedNode(url);
  return quads.map((quad) => DataFactory.quad(quad.subject, quad.predicate, quad.object, graph));
}
