import { buildAcl, PodLayout } from '../../pod/index.js';
import type { AclRule } from '../../pod/index.js';
import { namedNode, SolidDocumentClient, triple } from '../../solid/index.js';
import { getLogger } from '../../util/index.js';
import { RDF, SOLID } from '../../vocab/index.js';
import { LDP_INBOX, OCE_RUN } from './RunVocabulary.js';

const logger = getLogger('RunContainerSetup');

/** The pod owner who sets up: an authenticated fetch with Control, the WebID and the storage root. */
export interface PodOwner {
  fetch: typeof fetch;
  webId: string;
  /** Storage root with a trailing slash. */
  storage: string;
}

/**
 * Prepares pods for committed runs, acting as their owner with Web Access Control:
 * - {@link allowRunWriter} creates `<storage>/rea/distributions/`, gives its own ACL to the owner
 *   (Read, Write, Control) and to the writer, usually the aggregator (Read, Write), both with
 *   `acl:default`, and lists the container for `oce:DistributionRun` in the private type index,
 *   so the crawler finds the runs;
 * - {@link createInbox} creates `<storage>/inbox/`, lets one agent append notices to it, and
 *   states it as the owner's `ldp:inbox` in the profile.
 */
export class RunContainerSetup {
  private readonly client: SolidDocumentClient;
  private readonly layout: PodLayout;

  public constructor(private readonly owner: PodOwner) {
    this.client = new SolidDocumentClient(owner.fetch);
    this.layout = new PodLayout(owner.storage);
  }

  /** Lets `writer` write run documents; throws a `SolidHttpError` when a request fails. */
  public async allowRunWriter(writer: string): Promise<string> {
    const container = `${this.layout.rea}distributions/`;
    await this.client.ensureContainer(container);
    await this.writeAcl(container, [
      { name: 'owner', agent: this.owner.webId, modes: ['Read', 'Write', 'Control'], inherit: true },
      { name: 'run-writer', agent: writer, modes: ['Read', 'Write'], inherit: true },
    ]);
    const registration = namedNode(`${this.layout.privateTypeIndex}#oce-distribution-runs`);
    await this.client.patchInsert(this.layout.privateTypeIndex, [
      triple(registration, RDF.type, SOLID.TypeRegistration),
      triple(registration, SOLID.forClass, OCE_RUN.DistributionRun),
      triple(registration, SOLID.instanceContainer, namedNode(container)),
    ]);
    logger.info({ container, writer }, 'Allowed a writer of distribution runs');
    return container;
  }

  /** Creates the owner's inbox, where `sender` may append but not read; returns its URL. */
  public async createInbox(sender: string): Promise<string> {
    const inbox = new URL('inbox/', this.layout.storage).href;
    await this.client.ensureContainer(inbox);
    await this.writeAcl(inbox, [
      { name: 'owner', agent: this.owner.webId, modes: ['Read', 'Write', 'Control'], inherit: true },
      { name: 'sender', agent: sender, modes: ['Append'], inherit: true },
    ]);
    const profile = this.owner.webId.replace(/#.*$/u, '');
    await this.client.patchInsert(profile, [triple(namedNode(this.owner.webId), LDP_INBOX.inbox, namedNode(inbox))]);
    logger.info({ inbox, sender }, 'Created an inbox');
    return inbox;
  }

  private async writeAcl(resource: string, rules: AclRule[]): Promise<void> {
    const aclUrl = await this.client.aclUrl(resource);
    await this.client.put(aclUrl, buildAcl(aclUrl, resource, rules));
  }
}
