import { SnapshotUnavailableError } from '../api/ApiProblem.js';
import type { Caller } from './Caller.js';
import { ForbiddenError } from './ForbiddenError.js';
import { MembershipDirectory } from './MembershipDirectory.js';
import type { MembershipFacts, MembershipSource } from './MembershipDirectory.js';
import { UnauthorizedError } from './UnauthorizedError.js';

/** The readers of the service's network data: anyone (`open`), or members and operators (`members`). */
export type AccessMode = 'open' | 'members';

/** Settings of {@link AccessPolicy}. */
export interface AccessPolicyOptions {
  access: AccessMode;
  /** WebIDs of the aggregator's operators, who may read everything and have every role. */
  operators?: readonly string[];
  /** The latest crawl's membership facts. */
  memberships: MembershipSource;
}

// Paths that show network data: the JSON API, SPARQL, and the older figure and report paths.
const PROTECTED_PATH = /^\/(?:api|sparql|inventory|contributions|crawl(?:\.ttl)?)(?:\/|$)/u;
// The API description stays public so that clients can learn how to call the service.
const PUBLIC_PATHS = new Set(['/api/openapi.json']);

/**
 * Decides what a caller may read. In `members` mode the network data paths (`/api/…` but its
 * OpenAPI document, `/sparql`, `/inventory`, `/contributions`, `/crawl`, `/crawl.ttl`) serve only
 * authenticated callers that a crawled network lists as a member at any depth, or operators.
 * `/` and `/health` stay public. Roles come from the crawled `org:Membership` statements.
 */
export class AccessPolicy {
  private readonly operators: ReadonlySet<string>;
  private readonly directories = new WeakMap<MembershipFacts, MembershipDirectory>();

  public constructor(private readonly options: AccessPolicyOptions) {
    this.operators = new Set(options.operators ?? []);
  }

  /** Returns the access mode. */
  public get access(): AccessMode {
    return this.options.access;
  }

  /** Checks that the mode lets `caller` read `path`, and raises a 401, 403 or 503 problem when not. */
  public assertMayRead(caller: Caller | undefined, path: string): void {
    if (this.options.access === 'open' || !PROTECTED_PATH.test(path) || PUBLIC_PATHS.has(path)) {
      return;
    }
    if (caller === undefined) {
      throw new UnauthorizedError(`The path [${path}] is only for members of the crawled networks; send a ` +
        'Solid-OIDC access token with the DPoP scheme', false);
    }
    if (this.operators.has(caller.webId) || this.directory().isMember(caller.webId)) {
      return;
    }
    throw new ForbiddenError(`The WebID [${caller.webId}] is neither a member of a crawled network nor an ` +
      'operator of this aggregator');
  }

  /** Raises a 401 for an anonymous caller and a 403 for one that lacks `role`. */
  public assertHasRole(caller: Caller | undefined, role: string): void {
    if (caller === undefined) {
      throw new UnauthorizedError(`This request needs the role [${role}]; send a Solid-OIDC access token with ` +
        'the DPoP scheme', false);
    }
    if (this.operators.has(caller.webId) || this.directory().hasRole(caller.webId, role)) {
      return;
    }
    throw new ForbiddenError(`The WebID [${caller.webId}] has no crawled membership with the role [${role}] and ` +
      'is not an operator of this aggregator');
  }

  /** Returns the index of the latest facts, or raises a 503 before the first crawl has finished. */
  private directory(): MembershipDirectory {
    const facts = this.options.memberships();
    if (facts === undefined) {
      throw new SnapshotUnavailableError();
    }
    let directory = this.directories.get(facts);
    if (directory === undefined) {
      directory = new MembershipDirectory(facts);
      this.directories.set(facts, directory);
    }
    return directory;
  }
}
