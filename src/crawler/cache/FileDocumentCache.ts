import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { getLogger } from '../../util/index.js';
import type { CachedDocument, DocumentCache } from './DocumentCache.js';

/** A cache entry that was found on disk but could not be read back intact. */
export interface DamagedCacheEntry {
  /** The metadata file of the entry. */
  file: string;
  reason: string;
}

const METADATA_SCHEMA = z.object({
  version: z.literal(1),
  url: z.string().min(1),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  link: z.string().optional(),
  contentType: z.string(),
  fetchedAt: z.string(),
  bytes: z.number().int().nonnegative(),
  /** SHA-256 of the body, hex; detects a body and metadata pair from two different writes. */
  bodySha256: z.string().regex(/^[0-9a-f]{64}$/u),
});

const METADATA_SUFFIX = '.json';
const BODY_SUFFIX = '.body';

/**
 * A {@link DocumentCache} in one folder. Each URL has a metadata file `<sha256(url)>.json` and a
 * body file `<sha256(url)>.body`. Both are written to a temporary file and renamed, so a reader
 * never sees a half-written file. A damaged entry (unreadable JSON, wrong fields, a body whose
 * length or digest differs from its metadata) is logged, passed to `onDamagedEntry` and treated
 * as absent.
 */
export class FileDocumentCache implements DocumentCache {
  private readonly logger = getLogger('FileDocumentCache');
  private readonly folder: string;
  private readonly onDamagedEntry: (entry: DamagedCacheEntry) => void;
  // Writes of one key run one after another, so two puts cannot mix bodies and metadata.
  private readonly pendingWrites = new Map<string, Promise<void>>();

  public constructor(options: { folder: string; onDamagedEntry?: (entry: DamagedCacheEntry) => void }) {
    this.folder = options.folder;
    this.onDamagedEntry = options.onDamagedEntry ?? ((): void => undefined);
  }

  public async get(url: string): Promise<CachedDocument | undefined> {
    return this.read(keyOf(url), url);
  }

  public async put(document: CachedDocument): Promise<void> {
    const key = keyOf(document.url);
    const previous = this.pendingWrites.get(key) ?? Promise.resolve();
    const write = previous.catch(() => undefined).then(async() => this.write(key, document));
    this.pendingWrites.set(key, write);
    try {
      await write;
    } finally {
      if (this.pendingWrites.get(key) === write) {
        this.pendingWrites.delete(key);
      }
    }
  }

  public async delete(url: string): Promise<void> {
    const key = keyOf(url);
    await rm(this.pathOf(key, METADATA_SUFFIX), { force: true });
    await rm(this.pathOf(key, BODY_SUFFIX), { force: true });
  }

  public async* entries(): AsyncIterable<CachedDocument> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error: unknown) {
      if (isMissingFile(error)) {
        return;
      }
      throw error;
    }
    for (const name of names.sort()) {
      if (/^[0-9a-f]{64}\.json$/u.test(name)) {
        const document = await this.read(name.slice(0, -METADATA_SUFFIX.length));
        if (document !== undefined) {
          yield document;
        }
      }
    }
  }

  private async write(key: string, document: CachedDocument): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const body = Buffer.from(document.body, 'utf8');
    const metadata: z.infer<typeof METADATA_SCHEMA> = {
      version: 1,
      url: document.url,
      contentType: document.contentType,
      fetchedAt: document.fetchedAt,
      bytes: body.byteLength,
      bodySha256: sha256(body),
    };
    if (document.etag !== undefined) {
      metadata.etag = document.etag;
    }
    if (document.lastModified !== undefined) {
      metadata.lastModified = document.lastModified;
    }
    if (document.link !== undefined) {
      metadata.link = document.link;
    }
    // The body goes first: metadata that is present always describes a complete body, and a
    // crash between the two renames leaves a digest mismatch that `read` detects.
    await this.writeAtomically(this.pathOf(key, BODY_SUFFIX), body);
    await this.writeAtomically(this.pathOf(key, METADATA_SUFFIX), `${JSON.stringify(metadata, null, 2)}\n`);
  }

  private async writeAtomically(path: string, data: string | Buffer): Promise<void> {
    const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, data);
      await rename(temporary, path);
    } catch (error: unknown) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  private async read(key: string, expectedUrl?: string): Promise<CachedDocument | undefined> {
    const metadataPath = this.pathOf(key, METADATA_SUFFIX);
    let text: string;
    try {
      text = await readFile(metadataPath, 'utf8');
    } catch (error: unknown) {
      if (isMissingFile(error)) {
        return undefined;
      }
      return this.damaged(metadataPath, `metadata could not be read: ${describe(error)}`);
    }
    const metadata = parseMetadata(text);
    if (typeof metadata === 'string') {
      return this.damaged(metadataPath, metadata);
    }
    if (expectedUrl !== undefined && metadata.url !== expectedUrl) {
      return this.damaged(metadataPath, `metadata is for [${metadata.url}], expected [${expectedUrl}]`);
    }
    return this.readBody(key, metadataPath, metadata);
  }

  private async readBody(
    key: string, metadataPath: string, metadata: z.infer<typeof METADATA_SCHEMA>,
  ): Promise<CachedDocument | undefined> {
    let body: Buffer;
    try {
      body = await readFile(this.pathOf(key, BODY_SUFFIX));
    } catch (error: unknown) {
      return this.damaged(metadataPath, `body could not be read: ${describe(error)}`);
    }
    if (body.byteLength !== metadata.bytes) {
      return this.damaged(metadataPath, `body has [${body.byteLength}] bytes, metadata says [${metadata.bytes}]`);
    }
    if (sha256(body) !== metadata.bodySha256) {
      return this.damaged(metadataPath, 'body digest differs from the one in the metadata');
    }
    const document: CachedDocument = {
      url: metadata.url,
      contentType: metadata.contentType,
      fetchedAt: metadata.fetchedAt,
      bytes: metadata.bytes,
      body: body.toString('utf8'),
    };
    if (metadata.etag !== undefined) {
      document.etag = metadata.etag;
    }
    if (metadata.lastModified !== undefined) {
      document.lastModified = metadata.lastModified;
    }
    if (metadata.link !== undefined) {
      document.link = metadata.link;
    }
    return document;
  }

  private damaged(file: string, reason: string): undefined {
    this.logger.warn({ file, reason }, 'Ignoring damaged cache entry');
    this.onDamagedEntry({ file, reason });
    return undefined;
  }

  private pathOf(key: string, suffix: string): string {
    return join(this.folder, `${key}${suffix}`);
  }
}

/** Parses and validates a metadata file; returns the reason as a string when it is invalid. */
function parseMetadata(text: string): z.infer<typeof METADATA_SCHEMA> | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error: unknown) {
    return `metadata is not valid JSON: ${describe(error)}`;
  }
  const result = METADATA_SCHEMA.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return `metadata has invalid fields: [${issues.join('; ')}]`;
  }
  return result.data;
}

function keyOf(url: string): string {
  return sha256(Buffer.from(url, 'utf8'));
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
