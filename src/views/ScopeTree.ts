import type { Quad } from 'n3';
import { compareCodeUnits } from '../accounting/compareCodeUnits.js';
import type { EconomicModel } from '../model/index.js';
import { ORG, RDF } from '../vocab/index.js';

/** The kind of a scope of the accounting views, which decides the view's figures. */
export type ScopeKind = 'network' | 'organization' | 'project' | 'person';

/** One agent the views can be asked about, with its place in the hierarchy. */
export interface Scope {
  id: string;
  kind: ScopeKind;
  name: string | null;
  /** Scopes this one belongs to: the networks listing it as a member, the organization it is part of. */
  parents: string[];
  /** Scopes that belong to this one, sorted. */
  children: string[];
}

/** The sources of the hierarchy: network membership and `org:subOrganizationOf` statements. */
export interface ScopeSources {
  roots: readonly string[];
  /** Network and member pairs, as the crawler read them from W3C ORG membership statements. */
  memberships: readonly { network: string; member: string }[];
  /** Quads of every loaded document, read for `org:subOrganizationOf` and `org:OrganizationalUnit`. */
  quads: Iterable<Quad>;
  model: EconomicModel;
}

/**
 * The hierarchy of networks, organizations, projects and people that the views roll up through.
 * A network's members are its children, and so are the organizations and projects that state
 * `org:subOrganizationOf` it (or that it lists with `org:hasSubOrganization`). An agent that some
 * process is `vf:inScopeOf` is a scope too, even with nothing else known about it.
 *
 * Kinds: an agent with members is a network, and a `vf:Person` or `foaf:Person` is a person. An
 * `org:OrganizationalUnit`, an agent that is part of an organization, or a bare process scope is
 * a project. Every other agent is an organization. A scope can have several parents, since a
 * member can belong to several networks, and cycles are allowed: {@link ScopeTree.within} visits
 * each scope once.
 */
export class ScopeTree {
  private readonly scopes = new Map<string, Scope>();

  public constructor(sources: ScopeSources) {
    const links = new ScopeLinks();
    for (const { network, member } of sources.memberships) {
      links.add(member, network, 'member');
    }
    const units = new Set<string>();
    for (const quad of sources.quads) {
      if (quad.object.termType !== 'NamedNode') {
        continue;
      }
      if (quad.predicate.equals(ORG.subOrganizationOf)) {
        links.add(quad.subject.value, quad.object.value, 'part');
      } else if (quad.predicate.equals(ORG.hasSubOrganization)) {
        links.add(quad.object.value, quad.subject.value, 'part');
      } else if (quad.predicate.equals(RDF.type) && quad.object.equals(ORG.OrganizationalUnit)) {
        units.add(quad.subject.value);
      }
    }
    const ids = new Set<string>([...sources.roots, ...links.ids()]);
    for (const process of sources.model.processes.values()) {
      process.inScopeOf.forEach((scope) => ids.add(scope));
    }
    for (const agent of sources.model.agents.values()) {
      ids.add(agent.id);
    }
    for (const id of [...ids].sort(compareCodeUnits)) {
      const agent = sources.model.agents.get(id);
      let kind: ScopeKind = 'organization';
      if (links.hasMembers(id) || sources.roots.includes(id)) {
        kind = 'network';
      } else if (agent?.kind === 'Person') {
        kind = 'person';
      } else if (units.has(id) || links.isPart(id) || (agent === undefined && !links.isMember(id))) {
        kind = 'project';
      }
      const name = agent?.name ?? null;
      this.scopes.set(id, { id, kind, name, parents: links.parentsOf(id), children: links.childrenOf(id) });
    }
  }

  /** Returns the scope with this IRI, or undefined when no data names it. */
  public get(id: string): Scope | undefined {
    return this.scopes.get(id);
  }

  /** Returns every scope, sorted by IRI. */
  public all(): Scope[] {
    return [...this.scopes.values()];
  }

  /**
   * Returns the scope and every scope below it, at any depth, each once: the set of agents whose
   * activity a view of `id` includes.
   */
  public within(id: string): Set<string> {
    const found = new Set<string>([id]);
    const queue = [id];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      for (const child of this.scopes.get(next)?.children ?? []) {
        if (!found.has(child)) {
          found.add(child);
          queue.push(child);
        }
      }
    }
    return found;
  }
}

type LinkKind = 'member' | 'part';

/** Parent and child links between scopes, each marked as membership or part-of. */
class ScopeLinks {
  private readonly parents = new Map<string, Map<string, LinkKind>>();
  private readonly children = new Map<string, Map<string, LinkKind>>();

  public add(child: string, parent: string, kind: LinkKind): void {
    if (child === parent) {
      return;
    }
    const parentsOfChild = this.parents.get(child) ?? new Map<string, LinkKind>();
    const childrenOfParent = this.children.get(parent) ?? new Map<string, LinkKind>();
    // A membership outranks a part-of link between the same two agents.
    const linked = parentsOfChild.get(parent) === 'member' ? 'member' : kind;
    this.parents.set(child, parentsOfChild.set(parent, linked));
    this.children.set(parent, childrenOfParent.set(child, linked));
  }

  public ids(): string[] {
    return [...this.parents.keys(), ...this.children.keys()];
  }

  public parentsOf(id: string): string[] {
    return [...(this.parents.get(id)?.keys() ?? [])].sort(compareCodeUnits);
  }

  public childrenOf(id: string): string[] {
    return [...(this.children.get(id)?.keys() ?? [])].sort(compareCodeUnits);
  }

  public hasMembers(id: string): boolean {
    return [...(this.children.get(id)?.values() ?? [])].includes('member');
  }

  public isMember(id: string): boolean {
    return [...(this.parents.get(id)?.values() ?? [])].includes('member');
  }

  public isPart(id: string): boolean {
    return [...(this.parents.get(id)?.values() ?? [])].includes('part');
  }
}
