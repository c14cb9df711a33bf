import { createHash } from 'node:crypto';
import type { NamedNode, Quad } from 'n3';
import { SolidDocumentClient } from '../solid/index.js';
import { getLogger } from '../util/index.js';
import { ACL } from '../vocab/index.js';
import { PodLayout, REA_CONTAINERS } from './PodLayout.js';
import type { ReaContainer } from './PodLayout.js';
import { buildAcl } from './WacDocument.js';
import type { AclRule } from './WacDocument.js';

const logger = getLogger('AccessGranter');

/** Owner credentials and storage of the pod that grants access. */
export interface AccessGranterOptions {
  /** Authenticated fetch of the pod owner, who needs Control on `/rea/`. */
  fetch: typeof fetch;
  /** The owner's WebID; kept with full control in any ACL this class creates. */
  webId: string;
  /** Storage root with a trailing slash. */
  storage: string;
}

/** Changes made by {@link AccessGranter.grantRead}: the ACL documents it wrote or appended to. */
export interface GrantResult {
  /** ACL URLs that now contain the grant and did not before. */
  changedAcls: string[];
}

/**
 * Gives another WebID, usually the aggregator's, read access to a member's economic data
 * (`oce pod grant`) with Web Access Control. The grant on `/rea/` carries `acl:default`, because a
 * rule with only `acl:accessTo` (which `universalAccess` writes on WAC servers) opens the
 * container listing but not the documents in it. The private type index gets a read grant too, so
 * the grantee can discover the registrations listed there. Granting twice changes nothing.
 */
export class AccessGranter {
  private readonly client: SolidDocumentClient;
  private readonly webId: string;
  private readonly layout: PodLayout;

  public constructor(options: AccessGranterOptions) {
    this.client = new SolidDocumentClient(options.fetch);
    this.webId = options.webId;
    this.layout = new PodLayout(options.storage);
  }

  /**
   * Grants `acl:Read` to `grantee` on all of `/rea/`, or with `containers` only on those
   * containers (such as `events` and `plans`), so each network a member belongs to reads only
   * what the member chose for it. Throws a `SolidHttpError` when a request fails.
   */
  public async grantRead(grantee: string, containers?: readonly ReaContainer[]): Promise<GrantResult> {
    const changedAcls: string[] = [];
    const scope = containers === undefined
      ? [{ resource: this.layout.rea, inherit: true }]
      : containers.map((name) => ({ resource: this.layout.container(name), inherit: true }));
    const targets = [...scope, { resource: this.layout.privateTypeIndex, inherit: false }];
    for (const target of targets) {
      const changed = await this.addReadRule(target.resource, grantee, target.inherit);
      if (changed !== undefined) {
        changedAcls.push(changed);
      }
    }
    logger.info({ storage: this.layout.storage, grantee, changedAcls }, 'Read access granted');
    return { changedAcls };
  }

  /** Adds the rule to the resource's own ACL, creating that ACL with an owner rule when missing. */
  private async addReadRule(resource: string, grantee: string, inherit: boolean): Promise<string | undefined> {
    const aclUrl = await this.client.aclUrl(resource);
    const existing = await this.client.read(aclUrl);
    if (existing !== undefined && grantsRead(existing.quads, grantee, resource, inherit)) {
      return undefined;
    }
    const rule: AclRule = { name: `read-${shortHash(grantee)}`, agent: grantee, modes: ['Read'], inherit };
    if (existing === undefined) {
      const owner: AclRule = { name: 'owner', agent: this.webId, modes: ['Read', 'Write', 'Control'], inherit };
      await this.client.put(aclUrl, buildAcl(aclUrl, resource, [owner, rule]), { ifNoneMatch: '*' });
    } else {
      await this.client.patchInsert(aclUrl, buildAcl(aclUrl, resource, [rule]));
    }
    return aclUrl;
  }
}

/** Tells whether one authorization gives `agent` Read on `resource`, and on its contents when `inherit`. */
function grantsRead(quads: Quad[], agent: string, resource: string, inherit: boolean): boolean {
  const objectsOf = (subject: string, property: NamedNode) => quads
    .filter((candidate) => candidate.subject.value === subject && candidate.predicate.equals(property))
    .map((candidate) => candidate.object.value);
  const subjects = new Set(quads.map((candidate) => candidate.subject.value));
  return [...subjects].some((subject) => objectsOf(subject, ACL.agent).includes(agent) &&
    objectsOf(subject, ACL.mode).includes(ACL.Read.value) &&
    objectsOf(subject, ACL.accessTo).includes(resource) &&
    (!inherit || objectsOf(subject, ACL.default).includes(resource)));
}

/** Checks container names given as text, such as those of `oce pod grant --container`. */
export function parseReaContainers(names: readonly string[]): ReaContainer[] {
  return names.map((name) => {
    const trimmed = name.replace(/^\/?(rea\/)?/u, '').replace(/\/$/u, '');
    if (!(REA_CONTAINERS as readonly string[]).includes(trimmed)) {
      throw new Error(`Expected a container of /rea/ (${REA_CONTAINERS.join(', ')}), got [${name}]`);
    }
    return trimmed as ReaContainer;
  });
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
