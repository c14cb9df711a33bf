// Strings, IRIs and comments, whose text must not count as keywords. An IRI here has no spaces,
// so a comparison such as `?a < ?b` is not taken for one.
const OPAQUE_TEXT =
  /"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|#[^\n]*/gu;

// The keyword FROM, but not a variable (`?from`), a prefixed name (`ex:from`) or a prefix (`from:`).
const FROM_KEYWORD = /(?<![?$\w:-])FROM(?![\w:-])/iu;

/**
 * Tells whether a query has a `FROM` or `FROM NAMED` clause. Oxigraph 0.5.11 ignores `FROM` when
 * asked to use the union of named graphs as the default graph, so a store must know when the
 * query sets its own dataset.
 */
export function hasDatasetClause(sparql: string): boolean {
  return FROM_KEYWORD.test(sparql.replace(OPAQUE_TEXT, ' '));
}
