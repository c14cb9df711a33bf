import type { CachedDocument, DocumentCache } from './DocumentCache.js';

/** A {@link DocumentCache} in memory, for tests and for runs that need no restart recovery. */
export class MemoryDocumentCache implements DocumentCache {
  private readonly documents = new Map<string, CachedDocument>();

  public get(url: string): Promise<CachedDocument | undefined> {
    const document = this.documents.get(url);
    return Promise.resolve(document === undefined ? undefined : { ...document });
  }

  public put(document: CachedDocument): Promise<void> {
    this.documents.set(document.url, { ...document });
    return Promise.resolve();
  }

  public delete(url: string): Promise<void> {
    this.documents.delete(url);
    return Promise.resolve();
  }

  public async* entries(): AsyncIterable<CachedDocument> {
    const snapshot = [ ...this.documents.values() ];
    for (const document of snapshot) {
      yield await Promise.resolve({ ...document });
    }
  }
}
