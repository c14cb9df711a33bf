import { Parser } from 'n3';
import { getLogger } from '../../util/index.js';
import type { AuthDocumentFetcher } from './AuthDocumentFetcher.js';
import { ExpiringCache } from './ExpiringCache.js';

const logger = getLogger('WebIdIssuerStore');

const SOLID_OIDC_ISSUER = 'http://www.w3.org/ns/solid/terms#oidcIssuer';

/** Settings of {@link WebIdIssuerStore}. */
export interface WebIdIssuerStoreOptions {
  /** How long the issuers read from a profile are used, in milliseconds; default 300 000 (5 minutes). */
  ttlMs?: number;
  /** Profiles whose issuers are kept at once; default 10 000. */
  maxWebIds?: number;
  now?: () => number;
}

/**
 * The OpenID issuers that WebID profiles name with `solid:oidcIssuer`. Solid-OIDC lets a server
 * accept a token for a WebID only from an issuer that the WebID's own profile names. The profile
 * is read as Turtle, and the issuers of the WebID are cached for `ttlMs`.
 */
export class WebIdIssuerStore {
  private readonly cache: ExpiringCache<string[]>;

  public constructor(private readonly fetcher: AuthDocumentFetcher, options: WebIdIssuerStoreOptions = {}) {
    this.cache = new ExpiringCache(options.ttlMs ?? 300_000, options.maxWebIds ?? 10_000, options.now ?? Date.now);
  }

  /** Returns the issuers the profile of `webId` names, without trailing slashes. */
  public async issuersOf(webId: string): Promise<string[]> {
    const cached = this.cache.get(webId);
    if (cached !== undefined) {
      return cached;
    }
    const documentUrl = webId.replace(/#.*$/u, '');
    const { text, url } = await this.fetcher.text(documentUrl, 'text/turtle');
    let issuers: string[];
    try {
      issuers = new Parser({ baseIRI: url }).parse(text)
        .filter((quad) => quad.subject.value === webId && quad.predicate.value === SOLID_OIDC_ISSUER)
        .map((quad) => withoutTrailingSlash(quad.object.value));
    } catch (error: unknown) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`The WebID profile [${documentUrl}] is not valid Turtle: ${reason}`);
    }
    this.cache.set(webId, issuers);
    logger.debug({ webId, issuers }, 'Read the issuers of a WebID');
    return issuers;
  }
}

/** Drops one trailing slash, so `https://idp.example/` and `https://idp.example` compare equal. */
export function withoutTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
