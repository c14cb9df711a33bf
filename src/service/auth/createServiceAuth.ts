import type { AggregatorConfig } from '../../config/index.js';
import { AccessPolicy } from './AccessPolicy.js';
import { AuthDocumentFetcher } from './AuthDocumentFetcher.js';
import { createCallerAuthenticator } from './CallerAuthenticator.js';
import type { CallerAuthenticator } from './CallerAuthenticator.js';
import { createAuthFetch } from './createAuthFetch.js';
import { IssuerKeyStore } from './IssuerKeyStore.js';
import type { MembershipSource } from './MembershipDirectory.js';
import { SolidTokenVerifier } from './SolidTokenVerifier.js';
import { WebIdIssuerStore } from './WebIdIssuerStore.js';

/** The parts of the service's access control, built from the configuration. */
export interface ServiceAuth {
  /** Middleware for `createServiceApp`'s `auth` option. */
  authenticator: CallerAuthenticator;
  /** The policy, for `requireRole` guards on routes. */
  policy: AccessPolicy;
  verifier: SolidTokenVerifier;
}

/** Replacements for tests: the fetch under the address guard, and the clock. */
export interface ServiceAuthOverrides {
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * Builds the access control of `oce serve` from the `service` and `addressPolicy` settings.
 * Issuer keys and WebID profiles are read through the address guard, and `memberships` (usually
 * the latest snapshot) supplies the members and their roles.
 */
export function createServiceAuth(
  config: Pick<AggregatorConfig, 'service' | 'addressPolicy'>,
  memberships: MembershipSource,
  overrides: ServiceAuthOverrides = {},
): ServiceAuth {
  const now = overrides.now ?? Date.now;
  const fetcher = new AuthDocumentFetcher(createAuthFetch({
    addressPolicy: config.addressPolicy,
    ...(overrides.fetch === undefined ? {} : { fetch: overrides.fetch }),
  }));
  const verifier = new SolidTokenVerifier({
    keys: new IssuerKeyStore(fetcher, { now }),
    webIds: new WebIdIssuerStore(fetcher, { now }),
    trustedIssuers: config.service.trustedIssuers ?? [],
    now,
  });
  const policy = new AccessPolicy({
    access: config.service.access ?? 'open',
    operators: config.service.operators ?? [],
    memberships,
  });
  const authenticator = createCallerAuthenticator({
    verifier, policy,
    ...(config.service.publicUrl === undefined ? {} : { publicUrl: config.service.publicUrl }),
  });
  return { authenticator, policy, verifier };
}
