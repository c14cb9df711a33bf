import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RemoteDocument } from 'jsonld/jsonld-spec.js';

/** URL under which documents refer to our JSON-LD context for ValueFlows 1.0 and OCE terms. */
export const OCE_CONTEXT_URL = 'https://w3id.org/oce/context.jsonld';

const CONTEXT_FILE = fileURLToPath(new URL('../../vocab/context.jsonld', import.meta.url));

let contextDocument: RemoteDocument | undefined;

/** Raised for a remote JSON-LD context or document, which parsing never fetches. */
export class RemoteContextRejectedError extends Error {
  public readonly url: string;

  public constructor(url: string) {
    super(
      `The remote JSON-LD context [${url}] was not loaded, because parsing never fetches remote ` +
        `documents; only [${OCE_CONTEXT_URL}] is available offline. Inline the context in the document.`,
    );
    this.name = 'RemoteContextRejectedError';
    this.url = url;
  }
}

/**
 * JSON-LD document loader that never touches the network: it serves `vocab/context.jsonld`
 * for {@link OCE_CONTEXT_URL} and rejects every other URL with a {@link RemoteContextRejectedError}.
 */
export async function loadLocalContext(url: string): Promise<RemoteDocument> {
  if (url !== OCE_CONTEXT_URL) {
    throw new RemoteContextRejectedError(url);
  }
  contextDocument ??= {
    contextUrl: undefined,
    documentUrl: OCE_CONTEXT_URL,
    document: JSON.parse(readFileSync(CONTEXT_FILE, 'utf8')) as RemoteDocument['document'],
  };
  return Promise.resolve(contextDocument);
}
