/** Raised when a query does not parse; the message is the parser's, with line and column. */
export class MalformedQueryError extends Error {
  public constructor(public readonly parserMessage: string) {
    super(`The query is not valid SPARQL 1.1: ${parserMessage}`);
    this.name = 'MalformedQueryError';
  }
}
