/** The membership facts of the latest crawl. A `NetworkSnapshot` has this shape. */
export interface MembershipFacts {
  /** WebIDs of every agent some crawled network lists as a member, at any depth. */
  members: readonly string[];
  /** The crawled `org:Membership` statements with their `org:role` values (IRIs or literal text). */
  memberships?: readonly { member: string; roles: readonly string[] }[];
}

/** Supplies the latest membership facts; undefined until the first crawl has finished. */
export type MembershipSource = () => MembershipFacts | undefined;

/**
 * An index of one crawl's members and their roles, for lookups per request. A member has a role
 * when one of its memberships lists an `org:role` whose IRI or text ends in the role name,
 * ignoring case and a trailing slash: `https://example.org/roles#Steward` and
 * `"Network steward"` both give the role `steward`.
 */
export class MembershipDirectory {
  private readonly members: ReadonlySet<string>;
  private readonly roles = new Map<string, string[]>();

  public constructor(facts: MembershipFacts) {
    this.members = new Set(facts.members);
    for (const { member, roles } of facts.memberships ?? []) {
      const known = this.roles.get(member) ?? [];
      known.push(...roles.map((role) => role.toLowerCase().replace(/\/$/u, '')));
      this.roles.set(member, known);
    }
  }

  /** Returns whether some crawled network lists `webId` as a member. */
  public isMember(webId: string): boolean {
    return this.members.has(webId) || this.roles.has(webId);
  }

  /** Returns whether one of the memberships of `webId` has a role ending in `role`. */
  public hasRole(webId: string, role: string): boolean {
    const expected = role.toLowerCase();
    return (this.roles.get(webId) ?? []).some((value) => value.endsWith(expected));
  }
}
