import { DataFactory, Parser, Writer } from 'n3';
import type { Quad } from 'n3';
import { LDP, PIM, SOLID } from '../vocab/index.js';
import { SolidHttpError } from './SolidHttpError.js';

/** Accept header of {@link SolidDocumentClient.read}: N-Triples, else Turtle. */
const READ_ACCEPT = 'application/n-triples, text/turtle;q=0.5';

/** An RDF document read from a pod, with the ETag to make a later write conditional. */
export interface RdfDocument {
  url: string;
  quads: Quad[];
  /** ETag header of the response, when the server sent one. */
  etag: string | undefined;
}

/** Preconditions of a write: `If-Match` on an ETag, or create-only with `If-None-Match: *`. */
export type WriteCondition = { ifMatch: string } | { ifNoneMatch: '*' } | undefined;

/**
 * Reads and writes RDF documents on a Solid server through an injected (usually authenticated)
 * fetch. Failed requests throw {@link SolidHttpError}; a missing document reads as `undefined`.
 */
export class SolidDocumentClient {
  private readonly fetchFn: typeof fetch;

  public constructor(fetchFn: typeof fetch) {
    this.fetchFn = fetchFn;
  }

  /**
   * Reads a document as N-Triples (or Turtle, when the server offers only that) and parses it with
   * its URL as base IRI; returns `undefined` on 404. N-Triples comes first because Community
   * Solid Server 7.2.0 serves a Turtle body cut short after an N3 Patch that inserted a literal
   * with non-ASCII characters, while its N-Triples body of the same document is complete.
   */
  public async read(url: string): Promise<RdfDocument | undefined> {
    const response = await this.send('Reading a document', url, { headers: { accept: READ_ACCEPT } });
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    await assertOk('Reading a document', 'GET', response, url);
    const text = await response.text();
    const format = isNTriples(response) ? 'N-Triples' : 'text/turtle';
    let quads: Quad[];
    try {
      quads = new Parser({ baseIRI: url, format }).parse(text);
    } catch (error: unknown) {
      throw new Error(`Document [${url}] is not valid ${format === 'N-Triples' ? 'N-Triples' : 'Turtle'}: ` +
        `[${(error as Error).message}]`, { cause: error });
    }
    return { url, quads, etag: response.headers.get('etag') ?? undefined };
  }

  /** Tells whether a resource exists, by a HEAD request. */
  public async exists(url: string): Promise<boolean> {
    const response = await this.send('Checking a resource', url, { method: 'HEAD' });
    if (response.status === 404) {
      return false;
    }
    await assertOk('Checking a resource', 'HEAD', response, url);
    return true;
  }

  /**
   * Tells whether a URL is the storage root of a pod, by a HEAD request: the Solid Protocol has
   * the server mark it with `Link: <http://www.w3.org/ns/pim/space#Storage>; rel="type"`, as
   * Community Solid Server does. A missing resource is no storage root.
   */
  public async isStorageRoot(url: string): Promise<boolean> {
    const response = await this.send('Checking a storage root', url, { method: 'HEAD' });
    if (response.status === 404) {
      return false;
    }
    await assertOk('Checking a storage root', 'HEAD', response, url);
    return linkTargets(response.headers.get('link') ?? '', 'type').includes(PIM.Storage.value);
  }

  /**
   * Returns the URL of a resource's ACL document from the `Link: <…>; rel="acl"` header of a HEAD
   * request (Web Access Control discovery), whether or not that ACL exists yet.
   */
  public async aclUrl(url: string): Promise<string> {
    const response = await this.send('Discovering an ACL', url, { method: 'HEAD' });
    await assertOk('Discovering an ACL', 'HEAD', response, url);
    const link = /<([^>]*)>\s*;\s*rel="acl"/u.exec(response.headers.get('link') ?? '');
    if (link?.[1] === undefined) {
      throw new Error(`Resource [${url}] has no Link header with rel="acl"; the server may not use WAC`);
    }
    return new URL(link[1], url).href;
  }

  /**
   * Creates a container unless it exists; the server creates missing parent containers.
   * Returns true when this call created it.
   */
  public async ensureContainer(url: string): Promise<boolean> {
    if (!url.endsWith('/')) {
      throw new Error(`Expected a container URL ending in a slash, got [${url}]`);
    }
    if (await this.exists(url)) {
      return false;
    }
    const response = await this.send('Creating a container', url, {
      method: 'PUT',
      headers: { link: `<${LDP.BasicContainer.value}>; rel="type"`, 'if-none-match': '*' },
    });
    // 412 means another writer created it between the HEAD and the PUT, which is what we want.
    if (response.status === 412) {
      await response.body?.cancel();
      return false;
    }
    await assertOk('Creating a container', 'PUT', response, url);
    await response.body?.cancel();
    return true;
  }

  /** Replaces (or creates) a document with the given quads, serialized as Turtle. */
  public async put(url: string, quads: Quad[], condition?: WriteCondition): Promise<void> {
    const response = await this.send('Writing a document', url, {
      method: 'PUT',
      headers: { 'content-type': 'text/turtle', ...conditionHeaders(condition) },
      body: toNTriples(quads),
    });
    await assertOk('Writing a document', 'PUT', response, url);
    await response.body?.cancel();
  }

  /**
   * Appends quads with an N3 Patch that has only `solid:inserts`, so nothing in the document
   * changes. The server creates the document when it is missing.
   */
  public async patchInsert(url: string, quads: Quad[], condition?: WriteCondition): Promise<void> {
    const patch = `@prefix solid: <${SOLID.namespace}>.\n` +
      `_:patch a solid:InsertDeletePatch;\n  solid:inserts {\n${toNTriples(quads)}  }.\n`;
    const response = await this.send('Appending to a document', url, {
      method: 'PATCH',
      headers: { 'content-type': 'text/n3', ...conditionHeaders(condition) },
      body: patch,
    });
    await assertOk('Appending to a document', 'PATCH', response, url);
    await response.body?.cancel();
  }

  private async send(operation: string, url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetchFn(url, init);
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      throw new SolidHttpError(operation, { method: init.method ?? 'GET', url, status: 0, body: message, cause: error });
    }
  }
}

/** Serializes quads as N-Triples lines, which are valid both as Turtle and inside an N3 formula. */
export function toNTriples(quads: Quad[]): string {
  const triples = quads.map((quad) => DataFactory.quad(quad.subject, quad.predicate, quad.object));
  return new Writer({ format: 'N-Triples' }).quadsToString(triples);
}

/** Returns the targets of the links in a `Link` header whose `rel` includes the relation. */
function linkTargets(header: string, relation: string): string[] {
  const targets: string[] = [];
  for (const [, target = '', parameters = ''] of header.matchAll(/<([^>]*)>([^<]*)/gu)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/iu.exec(parameters);
    const relations = (rel?.[1] ?? rel?.[2] ?? '').split(/\s+/u);
    if (relations.includes(relation)) {
      targets.push(target);
    }
  }
  return targets;
}

function isNTriples(response: Response): boolean {
  const contentType = response.headers.get('content-type') ?? '';
  return contentType.split(';')[0]?.trim().toLowerCase() === 'application/n-triples';
}

function conditionHeaders(condition: WriteCondition): Record<string, string> {
  if (condition === undefined) {
    return {};
  }
  return 'ifMatch' in condition ? { 'if-match': condition.ifMatch } : { 'if-none-match': '*' };
}

async function assertOk(operation: string, method: string, response: Response, url: string): Promise<void> {
  if (!response.ok) {
    throw await SolidHttpError.fromResponse(operation, method, response, url);
  }
}
