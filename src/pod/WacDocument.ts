import type { Quad } from 'n3';
import { RDF, namedNode, triple } from '../solid/index.js';


/** Namespace of Web Access Control. */
export const ACL_NAMESPACE = 'http://www.w3.org/ns/auth/acl#';

/** A Web Access Control access mode. */
export type AccessMode = 'Read' | 'Append' | 'Write' | 'Control';

/** One `acl:Authorization`, for one agent (`acl:agent`) or one class of agents (`acl:agentClass`). */
export interface AclRule {
  /** Fragment of the rule in the ACL document, such as `owner`. */
  name: string;
  agent?: string;
  agentClass?: string;
  modes: AccessMode[];
  /** Also grant the modes on everything inside the resource (`acl:default`); for containers. */
  inherit: boolean;
}

/**
 * Builds the quads of an ACL document that grants `rules` on `resource`. With `inherit`, a rule
 * carries `acl:default` as well as `acl:accessTo`, which WAC requires for a grant to reach the
 * documents inside a container.
 */
export function buildAcl(aclUrl: string, resource: string, rules: AclRule[]): Quad[] {
  return rules.flatMap((rule) => {
    const subject = namedNode(`${aclUrl}#${rule.name}`);
    const term = (name: string) => namedNode(`${ACL_NAMESPACE}${name}`);
    const quads = [
      triple(subject, namedNode(RDF.type), term('Authorization')),
      triple(subject, term('accessTo'), namedNode(resource)),
      ...rule.modes.map((mode) => triple(subject, term('mode'), term(mode))),
    ];
    if (rule.inherit) {
      quads.push(triple(subject, term('default'), namedNode(resource)));
    }
    if (rule.agent !== undefined) {
      quads.push(triple(subject, term('agent'), namedNode(rule.agent)));
    }
    if (rule.agentClass !== undefined) {
      quads.push(triple(subject, term('agentClass'), namedNode(rule.agentClass)));
    }
    return quads;
  });
}
