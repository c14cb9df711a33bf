import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileDocumentCache, MemoryDocumentCache } from '../../../src/crawler/cache/index.js';
import type { CachedDocument, DamagedCacheEntry, DocumentCache } from '../../../src/crawler/cache/index.js';

const URL_A = 'https://pod.example.org/alice/rea/events/2026/12/04.ttl';
const URL_B = 'https://pod.example.org/bob/rea/events/2026/12/05.ttl';

function documentOf(url: string, body: string, etag?: string): CachedDocument {
  const document: CachedDocument = {
    url, contentType: 'text/turtle', fetchedAt: '2026-12-04T10:00:00.000Z', bytes: Buffer.byteLength(body), body,
  };
  if (etag !== undefined) {
    document.etag = etag;
  }
  return document;
}

function keyOf(url: string): string {
  return createHash('sha256').update(url).digest('hex');
}

async function collect(cache: DocumentCache): Promise<CachedDocument[]> {
  const documents: CachedDocument[] = [];
  for await (const document of cache.entries()) {
    documents.push(document);
  }
  return documents.sort((a, b) => a.url.localeCompare(b.url));
}

/** Runs the same contract tests against both implementations. */
function describeContract(name: string, create: () => Promise<DocumentCache>): void {
  describe(`A ${name} (contract)`, () => {
    let cache: DocumentCache;

    beforeEach(async() => {
      cache = await create();
    });

    it('returns what was put.', async() => {
      const document: CachedDocument = {
        ...documentOf(URL_A, '<#é> <#b> <#c>.', '"1-text/turtle"'),
        lastModified: 'Fri, 04 Dec 2026 10:00:00 GMT',
        link: '<https://pod.example.org/alice/rea/events/?page=2>; rel="next"',
      };
      await cache.put(document);
      assert.deepEqual(await cache.get(URL_A), document);
    });

    it('returns undefined for an unknown URL.', async() => {
      assert.equal(await cache.get(URL_B), undefined);
    });

    it('replaces an entry on a second put.', async() => {
      await cache.put(documentOf(URL_A, 'old', '"1"'));
      await cache.put(documentOf(URL_A, 'new', '"2"'));
      assert.deepEqual(await cache.get(URL_A), documentOf(URL_A, 'new', '"2"'));
    });

    it('deletes an entry and ignores a missing one.', async() => {
      await cache.put(documentOf(URL_A, 'a'));
      await cache.delete(URL_A);
      await cache.delete(URL_B);
      assert.equal(await cache.get(URL_A), undefined);
    });

    it('lists every entry.', async() => {
      await cache.put(documentOf(URL_A, 'a'));
      await cache.put(documentOf(URL_B, 'b', '"b"'));
      assert.deepEqual(await collect(cache), [ documentOf(URL_A, 'a'), documentOf(URL_B, 'b', '"b"') ]);
    });
  });
}

describe('A FileDocumentCache', () => {
  let folder: string;
  let damaged: DamagedCacheEntry[];

  function open(): FileDocumentCache {
    return new FileDocumentCache({ folder, onDamagedEntry: (entry) => damaged.push(entry) });
  }

  beforeEach(async() => {
    folder = join(await mkdtemp(join(tmpdir(), 'oce-cache-')), 'documents');
    damaged = [];
  });

  afterEach(async() => {
    await rm(join(folder, '..'), { recursive: true, force: true });
  });

  describeContract('FileDocumentCache', async() => Promise.resolve(open()));

  it('keeps entries for a new instance on the same folder.', async() => {
    await open().put(documentOf(URL_A, 'kept', '"k"'));
    assert.deepEqual(await open().get(URL_A), documentOf(URL_A, 'kept', '"k"'));
  });

  it('stores a metadata file and a body file named by the hash of the URL.', async() => {
    await open().put(documentOf(URL_A, 'body', '"e"'));
    const key = keyOf(URL_A);
    assert.deepEqual((await readdir(folder)).sort(), [ `${key}.body`, `${key}.json` ]);
    assert.equal(await readFile(join(folder, `${key}.body`), 'utf8'), 'body');
    const metadata = JSON.parse(await readFile(join(folder, `${key}.json`), 'utf8')) as Record<string, unknown>;
    assert.equal(metadata.url, URL_A);
    assert.equal(metadata.etag, '"e"');
    assert.equal(metadata.bytes, 4);
  });

  it('lists nothing when the folder does not exist yet.', async() => {
    assert.deepEqual(await collect(open()), []);
  });

  it('ignores and reports metadata that is not JSON.', async() => {
    const cache = open();
    await cache.put(documentOf(URL_A, 'a'));
    await writeFile(join(folder, `${keyOf(URL_A)}.json`), '{"version": 1, "url": ');
    assert.equal(await cache.get(URL_A), undefined);
    assert.equal(damaged.length, 1);
    assert.match(damaged[0]!.reason, /^metadata is not valid JSON/u);
  });

  it('ignores and reports metadata with missing fields.', async() => {
    const cache = open();
    await cache.put(documentOf(URL_A, 'a'));
    await writeFile(join(folder, `${keyOf(URL_A)}.json`), JSON.stringify({ version: 1, url: URL_A }));
    assert.equal(await cache.get(URL_A), undefined);
    assert.match(damaged[0]!.reason, /^metadata has invalid fields: \[contentType: /u);
  });

  it('ignores and reports a truncated body.', async() => {
    const cache = open();
    await cache.put(documentOf(URL_A, 'a complete body'));
    await writeFile(join(folder, `${keyOf(URL_A)}.body`), 'a compl');
    assert.equal(await cache.get(URL_A), undefined);
    assert.equal(damaged[0]!.reason, 'body has [7] bytes, metadata says [15]');
  });

  it('ignores and reports a body from another write of the same length.', async() => {
    const cache = open();
    await cache.put(documentOf(URL_A, 'version 1'));
    await writeFile(join(folder, `${keyOf(URL_A)}.body`), 'version 2');
    assert.equal(await cache.get(URL_A), undefined);
    assert.equal(damaged[0]!.reason, 'body digest differs from the one in the metadata');
  });

  it('ignores and reports a missing body.', async() => {
    const cache = open();
    await cache.put(documentOf(URL_A, 'a'));
    await rm(join(folder, `${keyOf(URL_A)}.body`));
    assert.equal(await cache.get(URL_A), undefined);
    assert.match(damaged[0]!.reason, /^body could not be read: ENOENT/u);
  });

  it('lists the intact entries and skips a damaged one.', async() => {
    const cache = open();
    await cache.put(documentOf(URL_A, 'a'));
    await cache.put(documentOf(URL_B, 'b'));
    await writeFile(join(folder, `${keyOf(URL_A)}.json`), 'garbage');
    assert.deepEqual(await collect(cache), [ documentOf(URL_B, 'b') ]);
    assert.equal(damaged.length, 1);
    assert.equal(damaged[0]!.file, join(folder, `${keyOf(URL_A)}.json`));
  });

  it('leaves no temporary files after concurrent puts of one URL.', async() => {
    const cache = open();
    await Promise.all(Array.from({ length: 8 }, async(_unused, index) => cache.put(documentOf(URL_A, `body ${index}`))));
    const names = await readdir(folder);
    assert.deepEqual(names.sort(), [ `${keyOf(URL_A)}.body`, `${keyOf(URL_A)}.json` ]);
    assert.deepEqual(await cache.get(URL_A), documentOf(URL_A, 'body 7'));
    assert.deepEqual(damaged, []);
  });
});

describeContract('MemoryDocumentCache', async() => Promise.resolve(new MemoryDocumentCache()));
