import { readFile } from 'node:fs/promises';
import { parseRdf } from './parseRdf.js';
import type { ParseRdfOptions } from './parseRdf.js';
import type { ParsedDocument } from './ParsedDocument.js';
import { RdfFileReadError } from './RdfFileReadError.js';

/**
 * Reads and parses an RDF file, choosing the format by its extension unless `options` names a
 * content type. Throws an {@link RdfFileReadError} when the file cannot be read or is not UTF-8,
 * and an `RdfParseError` when its content cannot be parsed.
 */
export async function readRdfFile(
  path: string,
  options: Omit<ParseRdfOptions, 'source'> = {},
): Promise<ParsedDocument> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RdfFileReadError(path, reason, { cause: error });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error: unknown) {
    throw new RdfFileReadError(path, 'the content is not valid UTF-8 text', { cause: error });
  }
  return parseRdf(text, { ...options, source: path });
}
