import { createLocalJWKSet } from 'jose';
import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';
import { getLogger } from '../../util/index.js';
import type { AuthDocumentFetcher } from './AuthDocumentFetcher.js';
import { ExpiringCache } from './ExpiringCache.js';

const logger = getLogger('IssuerKeyStore');

/** Settings of {@link IssuerKeyStore}. */
export interface IssuerKeyStoreOptions {
  /** How long a fetched key set is used, in milliseconds; default 600 000 (10 minutes). */
  ttlMs?: number;
  /** Shortest time between two fetches of one issuer's keys, in milliseconds; default 30 000. */
  minRefreshMs?: number;
  /** Issuers whose keys are kept at once; default 100. */
  maxIssuers?: number;
  now?: () => number;
}

interface IssuerKeys {
  keySet: JWTVerifyGetKey;
  fetchedAt: number;
}

/**
 * The signing keys of OpenID issuers. For an issuer it reads
 * `{issuer}/.well-known/openid-configuration`, then the key set at its `jwks_uri`, and caches it
 * for `ttlMs`. A token signed with a key missing from the cached set can request a refresh, which
 * happens at most once per `minRefreshMs`. So keys that an issuer rotated in are found, but forged
 * key ids cannot cause a fetch per request. Concurrent requests for one issuer share one fetch.
 */
export class IssuerKeyStore {
  private readonly cache: ExpiringCache<IssuerKeys>;
  private readonly pending = new Map<string, Promise<IssuerKeys>>();
  private readonly minRefreshMs: number;
  private readonly now: () => number;

  public constructor(private readonly fetcher: AuthDocumentFetcher, options: IssuerKeyStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.minRefreshMs = options.minRefreshMs ?? 30_000;
    this.cache = new ExpiringCache(options.ttlMs ?? 600_000, options.maxIssuers ?? 100, this.now);
  }

  /** Returns the key set of `issuer`, fetching it when none is cached or `refresh` is set and allowed. */
  public async keysOf(issuer: string, refresh = false): Promise<JWTVerifyGetKey> {
    const cached = this.cache.get(issuer);
    if (cached !== undefined && !(refresh && this.now() - cached.fetchedAt >= this.minRefreshMs)) {
      return cached.keySet;
    }
    let fetching = this.pending.get(issuer);
    if (fetching === undefined) {
      fetching = this.fetchKeys(issuer).finally(() => this.pending.delete(issuer));
      this.pending.set(issuer, fetching);
    }
    return (await fetching).keySet;
  }

  private async fetchKeys(issuer: string): Promise<IssuerKeys> {
    const configurationUrl = `${issuer.replace(/\/$/u, '')}/.well-known/openid-configuration`;
    const configuration = await this.fetcher.json(configurationUrl);
    const jwksUri = (configuration as { jwks_uri?: unknown } | null)?.jwks_uri;
    if (typeof jwksUri !== 'string' || !/^https?:\/\//u.test(jwksUri)) {
      throw new Error(`The OpenID configuration at [${configurationUrl}] has no http(s) jwks_uri, ` +
        `got [${String(jwksUri)}]`);
    }
    const jwks = await this.fetcher.json(jwksUri);
    if (typeof jwks !== 'object' || jwks === null || !Array.isArray((jwks as { keys?: unknown }).keys)) {
      throw new Error(`The key set at [${jwksUri}] has no keys array`);
    }
    const keys: IssuerKeys = { keySet: createLocalJWKSet(jwks as JSONWebKeySet), fetchedAt: this.now() };
    this.cache.set(issuer, keys);
    logger.debug({ issuer, jwksUri, keys: (jwks as JSONWebKeySet).keys.length }, 'Fetched issuer keys');
    return keys;
  }
}
