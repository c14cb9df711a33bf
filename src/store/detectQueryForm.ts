/** The four SPARQL query forms. */
export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';

// The prologue is a sequence of BASE and PREFIX declarations and comments; the first keyword
// after it names the query form. IRIs in the prologue cannot contain `>`, and `#` starts a
// comment only outside them, so this pattern reads the prologue exactly.
const PROLOGUE_THEN_FORM =
  /^(?:\s+|#[^\n]*|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/iu;

/**
 * Detects the form of a SPARQL query from the keyword after its prologue. Returns undefined when
 * the text does not start like a query (an update, say, or garbage), so the engine's parser can
 * report why.
 */
export function detectQueryForm(sparql: string): QueryForm | undefined {
  const match = PROLOGUE_THEN_FORM.exec(sparql);
  return match?.[1]?.toUpperCase() as QueryForm | undefined;
}
