/**
 * A document that could not be read or parsed at all. The message names the document, the
 * content type, the line when the parser reported one, and the parser's own message.
 */
export class RdfParseError extends Error {
  public readonly source: string;
  public readonly contentType: string;
  /** 1-based line of the error, when the parser reported one. */
  public readonly line?: number;

  public constructor(
    details: { source: string; contentType: string; line?: number; reason: string },
    options?: { cause?: unknown },
  ) {
    const where = details.line === undefined ? '' : ` at line ${details.line}`;
    super(`Cannot parse [${details.source}] as ${details.contentType}${where}: ${details.reason}`, options);
    this.name = 'RdfParseError';
    this.source = details.source;
    this.contentType = details.contentType;
    if (details.line !== undefined) {
      this.line = details.line;
    }
  }
}
