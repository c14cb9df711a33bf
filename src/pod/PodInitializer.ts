import type { Quad } from 'n3';
import { SolidDocumentClient, namedNode, triple } from '../solid/index.js';
import { getLogger } from '../util/index.js';
import { FOAF, PIM, RDF, SOLID } from '../vocab/index.js';
import { LAYOUT_REGISTRATIONS, PodLayout, REA_CONTAINERS } from './PodLayout.js';
import type { IndexVisibility, LayoutRegistration } from './PodLayout.js';
import { buildAcl } from './WacDocument.js';

const logger = getLogger('PodInitializer');

/** Owner credentials and storage of the pod to initialize. */
export interface PodInitializerOptions {
  /** Authenticated fetch of the pod owner. */
  fetch: typeof fetch;
  /** The owner's WebID; its profile document gets the type index and storage links. */
  webId: string;
  /** Storage root with a trailing slash. */
  storage: string;
}

/** Changes made by one {@link PodInitializer.initialize} run; all zero and empty on a second run. */
export interface PodInitResult {
  createdContainers: string[];
  /** Registrations added, per type index. */
  addedRegistrations: Record<IndexVisibility, number>;
  /** Triples added to the WebID profile. */
  addedProfileTriples: number;
}

/**
 * Sets up a member pod for OCE (`oce pod init`): the `/rea/` containers, a public and a private
 * type index with the {@link LAYOUT_REGISTRATIONS}, a public-read ACL on the public index, and the
 * profile links `solid:publicTypeIndex`, `solid:privateTypeIndex` and `pim:storage`.
 * It only adds what is missing, so running it again changes nothing.
 */
export class PodInitializer {
  private readonly client: SolidDocumentClient;
  private readonly webId: string;
  private readonly layout: PodLayout;

  public constructor(options: PodInitializerOptions) {
    this.client = new SolidDocumentClient(options.fetch);
    this.webId = options.webId;
    this.layout = new PodLayout(options.storage);
  }

  /** Runs every step; throws a `SolidHttpError` naming the request that failed. */
  public async initialize(): Promise<PodInitResult> {
    const createdContainers = await this.createContainers();
    const addedRegistrations = {
      public: await this.writeTypeIndex('public'),
      private: await this.writeTypeIndex('private'),
    };
    await this.makePublicIndexReadable();
    const addedProfileTriples = await this.linkProfile();
    const result = { createdContainers, addedRegistrations, addedProfileTriples };
    logger.info({ storage: this.layout.storage, ...result }, 'Pod initialized');
    return result;
  }

  private async createContainers(): Promise<string[]> {
    const created: string[] = [];
    for (const url of [this.layout.rea, ...REA_CONTAINERS.map((name) => this.layout.container(name))]) {
      if (await this.client.ensureContainer(url)) {
        created.push(url);
      }
    }
    return created;
  }

  /** Creates the index or appends the registrations it lacks; returns how many were added. */
  private async writeTypeIndex(visibility: IndexVisibility): Promise<number> {
    const url = this.layout.typeIndex(visibility);
    const wanted = LAYOUT_REGISTRATIONS.filter((registration) => registration.visibility === visibility);
    const existing = await this.client.read(url);
    if (existing === undefined) {
      const quads = [...indexHeader(url, visibility), ...wanted.flatMap((entry) => this.registrationQuads(url, entry))];
      await this.client.put(url, quads, { ifNoneMatch: '*' });
      return wanted.length;
    }

    const present = registeredPairs(existing.quads);
    const missing = wanted.filter((entry) =>
      !present.has(pairKey(entry.forClass.value, this.layout.container(entry.container))));
    const header = indexHeader(url, visibility).filter((quad) => !containsTriple(existing.quads, quad));
    const additions = [...header, ...missing.flatMap((entry) => this.registrationQuads(url, entry))];
    if (additions.length > 0) {
      await this.client.patchInsert(url, additions);
    }
    return missing.length;
  }

  private registrationQuads(indexUrl: string, entry: LayoutRegistration): Quad[] {
    const subject = namedNode(`${indexUrl}#${localName(entry.forClass.value)}`);
    return [
      triple(subject, RDF.type, SOLID.TypeRegistration),
      triple(subject, SOLID.forClass, entry.forClass),
      triple(subject, SOLID.instanceContainer, namedNode(this.layout.container(entry.container))),
    ];
  }

  /** Writes the public index's ACL: owner Read/Write/Control, everyone Read. Rewriting it is harmless. */
  private async makePublicIndexReadable(): Promise<void> {
    const index = this.layout.publicTypeIndex;
    const aclUrl = await this.client.aclUrl(index);
    const acl = buildAcl(aclUrl, index, [
      { name: 'owner', agent: this.webId, modes: ['Read', 'Write', 'Control'], inherit: false },
      { name: 'public', agentClass: FOAF.Agent.value, modes: ['Read'], inherit: false },
    ]);
    await this.client.put(aclUrl, acl);
  }

  private async linkProfile(): Promise<number> {
    const profileUrl = this.webId.split('#')[0] ?? this.webId;
    const profile = await this.client.read(profileUrl);
    if (profile === undefined) {
      throw new Error(`WebID profile [${profileUrl}] was not found; cannot link the type indexes`);
    }
    const me = namedNode(this.webId);
    const wanted = [
      triple(me, SOLID.publicTypeIndex, namedNode(this.layout.publicTypeIndex)),
      triple(me, SOLID.privateTypeIndex, namedNode(this.layout.privateTypeIndex)),
      triple(me, PIM.storage, namedNode(this.layout.storage)),
    ];
    const missing = wanted.filter((triple) => !containsTriple(profile.quads, triple));
    if (missing.length > 0) {
      await this.client.patchInsert(profileUrl, missing);
    }
    return missing.length;
  }
}

function indexHeader(url: string, visibility: IndexVisibility): Quad[] {
  const listing = visibility === 'public' ? SOLID.ListedDocument : SOLID.UnlistedDocument;
  return [
    triple(namedNode(url), RDF.type, SOLID.TypeIndex),
    triple(namedNode(url), RDF.type, listing),
  ];
}

/** Collects `forClass`/`instanceContainer` pairs of the registrations already in an index. */
function registeredPairs(quads: Quad[]): Set<string> {
  const pairs = new Set<string>();
  for (const classQuad of quads.filter((candidate) => candidate.predicate.equals(SOLID.forClass))) {
    for (const containerQuad of quads) {
      const sameSubject = containerQuad.subject.equals(classQuad.subject);
      if (sameSubject && containerQuad.predicate.equals(SOLID.instanceContainer)) {
        pairs.add(pairKey(classQuad.object.value, containerQuad.object.value));
      }
    }
  }
  return pairs;
}

function pairKey(forClass: string, container: string): string {
  return `${forClass} ${container}`;
}

function containsTriple(quads: Quad[], triple: Quad): boolean {
  return quads.some((candidate) => candidate.subject.equals(triple.subject) &&
    candidate.predicate.equals(triple.predicate) && candidate.object.equals(triple.object));
}

function localName(iri: string): string {
  return iri.slice(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
}
