import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { NamedNode, Quad, Quad_Object, Quad_Subject, Term } from 'n3';
import { problem } from '../model/index.js';
import type { Problem } from '../model/index.js';
import type { ParsedDocument } from '../rdf/index.js';
import { namedNode, triple } from '../solid/index.js';
import { FOAF, LEGACY_VF, ORG, RDF, VF } from '../vocab/index.js';
import { findEventTime, parseEventTime } from './EventTime.js';
import { PodLayout } from './PodLayout.js';
import type { ReaContainer } from './PodLayout.js';

/** Container of each class, checked in this order, so an event typed twice still counts as an event. */
const CLASS_CONTAINERS: [NamedNode, ReaContainer][] = [
  [VF.EconomicEvent, 'events'],
  [VF.Commitment, 'commitments'], [VF.Claim, 'commitments'],
  [VF.Intent, 'intents'], [VF.Proposal, 'intents'],
  [VF.Agreement, 'agreements'], [VF.AgreementBundle, 'agreements'],
  [VF.Process, 'processes'], [VF.ProcessSpecification, 'processes'],
  [VF.EconomicResource, 'resources'], [VF.ResourceSpecification, 'resources'],
  [VF.Plan, 'plans'],
  [VF.Recipe, 'recipes'], [VF.RecipeProcess, 'recipes'], [VF.RecipeFlow, 'recipes'],
  [LEGACY_VF.RecipeResource, 'recipes'], [VF.RecipeExchange, 'recipes'],
  [VF.Agent, 'agents'], [VF.Person, 'agents'], [VF.Organization, 'agents'], [VF.EcologicalAgent, 'agents'],
  [FOAF.Agent, 'agents'], [FOAF.Person, 'agents'], [FOAF.Organization, 'agents'],
  [ORG.Organization, 'agents'], [ORG.FormalOrganization, 'agents'],
];

/** Suffix of the document, in `rea/resources/`, for subjects of no class in {@link CLASS_CONTAINERS}. */
export const OTHER_SUBJECTS_SUFFIX = '-other';

/** Writes of one import: events per day document, and whole documents for everything else. */
export interface ImportPlan {
  /** One entry per event: its quads, with IRIs already mapped into the pod. */
  events: Quad[][];
  /** Document URL to its full content; blank nodes stay blank nodes. */
  documents: Map<string, Quad[]>;
  /** Mapping from each rebased file IRI to its pod IRI. */
  iriMap: Map<string, string>;
  problems: Problem[];
}

/** Placement of the top-level subjects of one file. */
interface FilePlacement {
  file: ParsedDocument;
  stem: string;
  owners: Map<Term, Quad[]>;
  /** Top-level subject (IRI or blank node label) to its document and, when rebased, its pod IRI. */
  targets: Map<string, { document: string; iri: string | undefined; isEvent: boolean }>;
}

/**
 * Plans where the subjects of parsed files go in a pod (the pure half of `oce import`).
 *
 * Mapping of IRIs: an IRI of the `file:` scheme (what a relative IRI in a file resolves to) is
 * rebased. An event `<x.ttl#e1>` becomes `<day document>#x-e1`; any other subject `<x.ttl#a>`
 * becomes `<rea/CONTAINER/x.ttl#a>`, where `x` is the file's name without extension. A relative
 * path such as `<things/a>` keeps its path, with characters outside `[A-Za-z0-9._-]` turned into
 * `-`. A blank-node event gets `#x-event-N` by order in the file. A `file:` IRI that is no
 * subject in any imported file maps into `rea/resources/x-other.ttl`. All other IRIs (http, urn, …)
 * are kept, so links to the outside world still resolve. The mapping depends only on the file
 * name and content, so importing a file again produces the same IRIs.
 *
 * Placement: a subject goes by its `rdf:type` (see {@link CLASS_CONTAINERS}); events go to the day
 * document of their UTC time, or `rea/events/undated.ttl` without one. Subjects of other types,
 * or untyped, go to `rea/resources/x-other.ttl`. A blank node goes with the subject that refers to it.
 */
export class ImportPlanner {
  private readonly layout: PodLayout;

  public constructor(storage: string) {
    this.layout = new PodLayout(storage);
  }

  /** Plans the import; throws when two files share a name, since their documents would collide. */
  public plan(files: ParsedDocument[]): ImportPlan {
    const plan: ImportPlan = { events: [], documents: new Map(), iriMap: new Map(), problems: [] };
    const stems = new Map<string, string>();
    const placements: FilePlacement[] = [];
    for (const file of files) {
      const stem = fileStem(file.source);
      const previous = stems.get(stem);
      if (previous !== undefined) {
        throw new Error(`Files [${previous}] and [${file.source}] have the same name [${stem}]; rename one`);
      }
      stems.set(stem, file.source);
      placements.push(this.placeFile(file, stem, plan));
    }
    // Rewriting starts once every file is placed, so a link from one file to another gets mapped.
    for (const placement of placements) {
      this.rewriteFile(placement, plan);
    }
    return plan;
  }

  /** Decides the document and the pod IRI of each top-level subject of one file. */
  private placeFile(file: ParsedDocument, stem: string, plan: ImportPlan): FilePlacement {
    const owners = groupByOwner(file.quads);
    const placement: FilePlacement = { file, stem, owners, targets: new Map() };
    let blankEvents = 0;
    for (const [owner, quads] of owners) {
      const container = containerOf(quads, owner);
      let document: string;
      if (container === 'events') {
        document = this.layout.eventDocument(this.eventTime(quads, owner, file.source, plan.problems));
      } else {
        const name = container === undefined ? `${stem}${OTHER_SUBJECTS_SUFFIX}` : stem;
        document = `${this.layout.container(container ?? 'resources')}${name}.ttl`;
      }
      const local = owner.termType === 'NamedNode' && owner.value.startsWith('file:')
        ? localName(owner.value, file.source) : undefined;
      let iri: string | undefined;
      if (local !== undefined) {
        iri = container === 'events' ? `${document}#${stem}-${local}` : `${document}#${local}`;
      } else if (owner.termType === 'BlankNode' && container === 'events') {
        blankEvents += 1;
        iri = `${document}#${stem}-event-${blankEvents}`;
      }
      placement.targets.set(owner.value, { document, iri, isEvent: container === 'events' });
      if (iri !== undefined && owner.termType === 'NamedNode') {
        plan.iriMap.set(owner.value, iri);
      }
    }
    return placement;
  }

  /** Rewrites the quads of one placed file and adds them to their event or document group. */
  private rewriteFile(placement: FilePlacement, plan: ImportPlan): void {
    const { file, stem, owners, targets } = placement;
    const rename = (term: Term): Term => {
      if (term.termType === 'NamedNode') {
        return namedNode(plan.iriMap.get(term.value) ?? rebaseOther(term.value, file.source, this.layout, stem));
      }
      const blankTarget = term.termType === 'BlankNode' ? targets.get(term.value)?.iri : undefined;
      return blankTarget === undefined ? term : namedNode(blankTarget);
    };
    for (const [owner, quads] of owners) {
      const target = targets.get(owner.value)!;
      const rewritten = quads.map((quad) =>
        triple(rename(quad.subject) as Quad_Subject, quad.predicate, rename(quad.object) as Quad_Object));
      if (target.isEvent) {
        plan.events.push(rewritten);
      } else {
        plan.documents.set(target.document, [...(plan.documents.get(target.document) ?? []), ...rewritten]);
      }
    }
  }

  private eventTime(quads: Quad[], owner: Term, source: string, problems: Problem[]): Date | undefined {
    const text = findEventTime(quads, owner.value);
    if (text === undefined) {
      return undefined;
    }
    try {
      return parseEventTime(text);
    } catch (error: unknown) {
      problems.push(problem('warning', `${(error as Error).message}; the event goes to the undated document`,
        { subject: owner.value, source }));
      return undefined;
    }
  }
}

/**
 * Groups quads by top-level subject: IRI subjects, and blank-node subjects that no quad refers to.
 * Quads about a blank node that is referred to join the group of the first subject that reaches it.
 */
function groupByOwner(quads: Quad[]): Map<Term, Quad[]> {
  const referred = new Set(quads.filter((quad) => quad.object.termType === 'BlankNode').map((quad) => quad.object.value));
  const owners = new Map<string, Term>();
  const groups = new Map<Term, Quad[]>();
  const queue: Term[] = [];
  for (const quad of quads) {
    const subject = quad.subject;
    const topLevel = subject.termType === 'NamedNode' || !referred.has(subject.value);
    if (topLevel && !owners.has(subject.value)) {
      owners.set(subject.value, subject);
      groups.set(subject, []);
      queue.push(subject);
    }
  }
  // Breadth-first: each referred blank node is owned by the first top-level subject that reaches it.
  while (queue.length > 0) {
    const node = queue.shift()!;
    const owner = owners.get(node.value)!;
    for (const quad of quads.filter((candidate) => candidate.subject.value === node.value &&
      candidate.subject.termType === node.termType)) {
      groups.get(owner)!.push(quad);
      if (quad.object.termType === 'BlankNode' && !owners.has(quad.object.value)) {
        owners.set(quad.object.value, owner);
        queue.push(quad.object);
      }
    }
  }
  return groups;
}

function containerOf(quads: Quad[], owner: Term): ReaContainer | undefined {
  const types = new Set(quads.filter((quad) => quad.subject.equals(owner) && quad.predicate.equals(RDF.type))
    .map((quad) => quad.object.value));
  return CLASS_CONTAINERS.find(([type]) => types.has(type.value))?.[1];
}

function fileStem(source: string): string {
  const base = path.basename(source.startsWith('file:') ? fileURLToPath(source) : source);
  return sanitize(base.replace(/\.[^.]*$/u, '')) || 'import';
}

/** Returns the name of a `file:` IRI relative to the file, such as `e1` for `<x.ttl#e1>`. */
function localName(iri: string, source: string): string {
  const [location = '', fragment] = iri.split('#');
  const fileUrl = source.startsWith('file:') ? source : pathToFileURL(path.resolve(source)).href;
  if (location === fileUrl) {
    return sanitize(fragment ?? 'this') || 'this';
  }
  const relative = path.relative(path.dirname(fileURLToPath(fileUrl)), fileURLToPath(location));
  return sanitize(fragment === undefined ? relative : `${relative}-${fragment}`) || 'this';
}

/** Rebases a `file:` IRI that is no subject of the file into `rea/resources/x-other.ttl`. */
function rebaseOther(iri: string, source: string, layout: PodLayout, stem: string): string {
  if (!iri.startsWith('file:')) {
    return iri;
  }
  return `${layout.container('resources')}${stem}${OTHER_SUBJECTS_SUFFIX}.ttl#${localName(iri, source)}`;
}

function sanitize(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/gu, '-').replace(/^-+|-+$/gu, '');
}
