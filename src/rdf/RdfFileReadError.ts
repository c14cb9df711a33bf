/** A file that could not be read at all (missing, a directory, not permitted, not UTF-8 text). */
export class RdfFileReadError extends Error {
  public readonly path: string;

  public constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super(`Cannot read [${path}]: ${reason}`, options);
    this.name = 'RdfFileReadError';
    this.path = path;
  }
}
