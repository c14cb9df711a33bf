import { Parser } from 'n3';
import type { QueryResult } from './QuadStore.js';
import { parseJsonResults } from './parseJsonResults.js';

/** An engine's result as text: SPARQL JSON results, or N-Triples for a graph. */
export interface TextAnswer {
  readonly kind: 'results' | 'graph';
  readonly text: string;
}

/** Parses a {@link TextAnswer} into a typed result, keeping at most `maxResults` rows or triples. */
export function toQueryResult(answer: TextAnswer, maxResults = Number.POSITIVE_INFINITY): QueryResult {
  if (answer.kind === 'graph') {
    const quads = new Parser({ format: 'N-Triples' }).parse(answer.text);
    return { type: 'quads', quads: quads.slice(0, maxResults), truncated: quads.length > maxResults };
  }
  const parsed = parseJsonResults(answer.text);
  if (parsed.type === 'boolean') {
    return parsed;
  }
  const { variables, rows } = parsed;
  return { type: 'bindings', variables, rows: rows.slice(0, maxResults), truncated: rows.length > maxResults };
}
