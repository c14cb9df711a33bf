/**
 * A request the SPARQL endpoint rejects, carrying the HTTP status and the text of the
 * `application/problem+json` response. `allow` fills the `Allow` header of a 405.
 */
export class SparqlProtocolError extends Error {
  public constructor(
    public readonly status: number,
    public readonly title: string,
    detail: string,
    public readonly allow?: string,
  ) {
    super(detail);
    this.name = 'SparqlProtocolError';
  }
}
