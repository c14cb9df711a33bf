import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the server responds: normally, with 503 to every request, or never. */
export type MiniPodMode = 'ok' | 'unavailable' | 'hang';

/**
 * A tiny pod on 127.0.0.1 for fault tests: a profile with `pim:storage` and a public type index,
 * one registered container served in pages of `pageSize` children (`Link: rel="next"`), and its
 * Turtle documents with ETags and 304 responses. A path in `failFirst` returns 500 once
 * before it is served.
 */
export class MiniPodServer {
  public mode: MiniPodMode = 'ok';
  /** Bodies served, by path; tests change them to change the pod. */
  public readonly documents = new Map<string, string>();
  /** Paths that return 500 on their first request only. */
  public readonly failFirst = new Set<string>();
  /** Paths answered with a 302 to the given location, listed in their container like documents. */
  public readonly redirects = new Map<string, string>();
  /** Requests received, by path. */
  public readonly requests: string[] = [];
  private readonly hanging: ServerResponse[] = [];

  private constructor(
    private readonly server: Server, public readonly base: string, private readonly pageSize: number,
  ) {}

  /** Starts a server on a free port of 127.0.0.1. */
  public static async start(pageSize = 2): Promise<MiniPodServer> {
    const holder: { pod?: MiniPodServer } = {};
    const server = createServer((request, response) => holder.pod?.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.pod = new MiniPodServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, pageSize);
    return holder.pod;
  }

  public get webId(): string {
    return `${this.base}profile/card#me`;
  }

  public get container(): string {
    return `${this.base}data/`;
  }

  /** Stops the server and drops requests left hanging. */
  public async stop(): Promise<void> {
    this.hanging.forEach((response) => response.destroy());
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', this.base);
    this.requests.push(url.pathname + url.search);
    if (this.mode === 'hang') {
      this.hanging.push(response);
      return;
    }
    if (this.mode === 'unavailable' || this.failFirst.delete(url.pathname + url.search)) {
      response.writeHead(this.mode === 'unavailable' ? 503 : 500).end();
      return;
    }
    const location = this.redirects.get(url.pathname);
    if (location !== undefined) {
      response.writeHead(302, { location }).end();
      return;
    }
    const body = this.body(url);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    const etag = `"${createHash('sha256').update(body.text).digest('base64url')}"`;
    const headers: Record<string, string> = { 'content-type': 'text/turtle', etag };
    if (body.next !== undefined) {
      headers.link = `<${body.next}>; rel="next"`;
    }
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(200, headers).end(body.text);
  }

  private body(url: URL): { text: string; next?: string } | undefined {
    if (url.pathname === '/profile/card') {
      return { text: `<#me> <http://www.w3.org/ns/pim/space#storage> <${this.base}> ;
        <http://www.w3.org/ns/solid/terms#publicTypeIndex> <${this.base}settings/index.ttl> .` };
    }
    if (url.pathname === '/settings/index.ttl') {
      return { text: `<#events> <http://www.w3.org/ns/solid/terms#instanceContainer> <${this.container}> .` };
    }
    if (url.pathname.startsWith('/data/') && url.pathname.endsWith('/')) {
      return this.page(url.pathname, Number(url.searchParams.get('page') ?? '0'));
    }
    const text = this.documents.get(url.pathname);
    return text === undefined ? undefined : { text };
  }

  /** One page of a container listing its direct children; every page but the last links to the next. */
  private page(path: string, index: number): { text: string; next?: string } | undefined {
    const container = new URL(path, this.base).href;
    const children = new Set<string>();
    for (const document of [...this.documents.keys(), ...this.redirects.keys()]) {
      if (document.startsWith(path)) {
        const rest = document.slice(path.length);
        children.add(new URL(path + (rest.includes('/') ? `${rest.split('/')[0]}/` : rest), this.base).href);
      }
    }
    if (children.size === 0 && path !== '/data/') {
      return undefined;
    }
    const sorted = [...children].sort();
    const slice = sorted.slice(index * this.pageSize, (index + 1) * this.pageSize);
    const text = slice.map((child) => `<${container}> <http://www.w3.org/ns/ldp#contains> <${child}> .`).join('\n');
    const more = (index + 1) * this.pageSize < sorted.length;
    return more ? { text, next: `${container}?page=${index + 1}` } : { text };
  }
}
