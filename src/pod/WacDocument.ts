import type { Quad } from 'n3';
import { namedNode, triple } from '../solid/index.js';
import { ACL, RDF } from '../vocab/index.js';

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
    const quads = [
      triple(subject, RDF.type, ACL.Authorization),
      triple(subject, ACL.accessTo, namedNode(resource)),
      ...rule.modes.map((mode) => triple(subject, ACL.mode, ACL[mode])),
    ];
    if (rule.inherit) {
      quads.push(triple(subject, ACL.default, namedNode(resource)));
    }
    if (rule.agent !== undefined) {
      quads.push(triple(subject, ACL.agent, namedNode(rule.agent)));
    }
    if (rule.agentClass !== undefined) {
      quads.push(triple(subject, ACL.agentClass, namedNode(rule.agentClass)));
    }
    return quads;
  });
}
