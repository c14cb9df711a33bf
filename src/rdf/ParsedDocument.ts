import type { Quad } from 'n3';
import type { Problem } from '../model/index.js';

/**
 * One RDF document after parsing and vocabulary normalization. Blank node labels are unique
 * to the document, so the quads of several documents can share one store.
 */
export interface ParsedDocument {
  /** URL or file path of the document. */
  source: string;
  quads: Quad[];
  /** Warnings about normalized terms and dropped data; a document that fails to parse throws instead. */
  problems: Problem[];
}
