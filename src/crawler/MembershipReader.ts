import type { Quad, Term } from 'n3';
import { compareCodeUnits } from '../accounting/compareCodeUnits.js';
import { createVocabulary, DCTERMS, ORG } from '../vocab/index.js';

/** OWL-Time terms that ORG uses for `org:memberDuring`. */
const TIME = createVocabulary(
  'http://www.w3.org/2006/time#',
  'hasBeginning', 'hasEnd', 'inXSDDateTimeStamp', 'inXSDDateTime', 'inXSDDate',
);

/** Dublin Core terms some writers put on a membership instead of an interval. */
const DC_DATES = createVocabulary('http://purl.org/dc/terms/', 'date', 'valid', 'available');

/** One member of one network, with the roles and dates its `org:Membership` states. */
export interface Membership {
  network: string;
  member: string;
  /** The `org:Membership` node, or null for a plain `org:hasMember` statement. */
  id: string | null;
  /** `org:role` values (IRIs, or the text of a literal). */
  roles: string[];
  /** Start of `org:memberDuring` (its `time:hasBeginning`), else `dcterms:created`, `date` or `available`. */
  from: string | null;
  /** End of `org:memberDuring` (its `time:hasEnd`); null when unstated or still a member. */
  until: string | null;
  /** Document the membership is stated in. */
  source: string;
}

/**
 * Reads the members of `network` from W3C ORG statements in `quads`: `<network> org:hasMember ?m`,
 * and `?x org:organization <network>; org:member ?m` with `org:role` and `org:memberDuring` (a
 * `time:Interval` whose beginning and end are `time:Instant`s with an `inXSD…` value or plain
 * literals). A member stated both ways gets one membership, with the details of the
 * `org:Membership` node. Results are sorted by member.
 */
export function readMemberships(network: string, quads: readonly Quad[], source: string): Membership[] {
  const byMember = new Map<string, Membership>();
  for (const quad of quads) {
    if (quad.subject.value === network && quad.predicate.equals(ORG.hasMember) && quad.object.termType === 'NamedNode') {
      const member = quad.object.value;
      byMember.set(member, { network, member, id: null, roles: [], from: null, until: null, source });
    }
  }
  const nodes = quads.filter((quad) => quad.predicate.equals(ORG.organization) && quad.object.value === network)
    .map((quad) => quad.subject);
  for (const node of nodes) {
    for (const member of objects(quads, node, ORG.member.value).filter((term) => term.termType === 'NamedNode')) {
      byMember.set(member.value, membershipOf(quads, node, network, member.value, source));
    }
  }
  return [...byMember.values()].sort((a, b) => compareCodeUnits(a.member, b.member));
}

function membershipOf(quads: readonly Quad[], node: Term, network: string, member: string, source: string): Membership {
  const interval = objects(quads, node, ORG.memberDuring.value)[0];
  const dcFrom = firstValue(quads, node, [DCTERMS.created.value, DC_DATES.date.value, DC_DATES.available.value]);
  return {
    network,
    member,
    id: node.termType === 'NamedNode' ? node.value : null,
    roles: objects(quads, node, ORG.role.value).map((term) => term.value).sort(),
    from: (interval === undefined ? null : instant(quads, interval, TIME.hasBeginning.value)) ?? dcFrom,
    until: interval === undefined ? null : instant(quads, interval, TIME.hasEnd.value),
    source,
  };
}

/** Returns the date of the interval's beginning or end: a literal, or an instant's `inXSD…` value. */
function instant(quads: readonly Quad[], interval: Term, predicate: string): string | null {
  const value = objects(quads, interval, predicate)[0];
  if (value === undefined) {
    return null;
  }
  if (value.termType === 'Literal') {
    return value.value;
  }
  const literal = firstValue(quads, value, [
    TIME.inXSDDateTimeStamp.value, TIME.inXSDDateTime.value, TIME.inXSDDate.value,
  ]);
  return literal ?? (value.termType === 'NamedNode' ? value.value : null);
}

function firstValue(quads: readonly Quad[], subject: Term, predicates: string[]): string | null {
  for (const predicate of predicates) {
    const found = objects(quads, subject, predicate)[0];
    if (found !== undefined) {
      return found.value;
    }
  }
  return null;
}

function objects(quads: readonly Quad[], subject: Term, predicate: string): Term[] {
  return quads.filter((quad) => quad.subject.equals(subject) && quad.predicate.value === predicate)
    .map((quad) => quad.object);
}
