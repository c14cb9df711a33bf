import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../model/index.js';
import { RunContainerSetup } from '../distribution/run/index.js';
import { AccessGranter, PodImporter, PodInitializer } from '../pod/index.js';
import { readRdfFile } from '../rdf/index.js';
import type { ParsedDocument } from '../rdf/index.js';
import { AccountClient, ClientCredentialsSession } from '../solid/index.js';
import type { PodAccount } from '../solid/index.js';
import { getLogger } from '../util/index.js';
import { AGGREGATOR_NAME, DEMO_MEMBERS, DEMO_NETWORK } from './DemoNetworkPlan.js';
import type { DemoMemberPlan, UpstreamImport } from './DemoNetworkPlan.js';
import { IriRewriter } from './IriRewriter.js';
import type { IriPrefixRewrite } from './IriRewriter.js';

const logger = getLogger('DemoNetworkBuilder');

const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Folder of our own seed data. */
export const SEED_FOLDER = path.join(REPOSITORY_ROOT, 'demo/seed');

/** Where the upstream ValueFlows examples are found when the shared reference folder sits beside the checkout. */
export const DEFAULT_EXAMPLES_FOLDER = path.resolve(
  REPOSITORY_ROOT, '../shared/reference/valueflows/examples/current-extracted',
);

/** What was imported into one pod. */
export interface ImportedFile {
  member: string;
  file: string;
  eventsRecorded: number;
  documentsWritten: number;
  problems: Problem[];
}

/** The demo network once set up: accounts, the aggregator's session, and what each import did. */
export interface DemoNetwork {
  network: PodAccount;
  members: PodAccount[];
  aggregator: PodAccount;
  aggregatorSession: ClientCredentialsSession;
  imports: ImportedFile[];
  /** Folder searched for the upstream examples. */
  examplesFolder: string;
  /** Examples that were asked for but not found in `examplesFolder`, so the demo ran on seed data alone for them. */
  missingExamples: string[];
  /** The network pod's container of committed distribution runs, which the aggregator may write. */
  runContainer: string;
  /** Each member's inbox, where the aggregator may append payout notices, by WebID. */
  inboxes: Map<string, string>;
}

/** The places the aggregator may write for distributions: the run container and each member's inbox. */
type DistributionAccess = Pick<DemoNetwork, 'runContainer' | 'inboxes'>;

/**
 * Creates the demo network on a Solid server: one account and pod per member and for the network,
 * pod layout and type indexes, seed data and upstream examples imported, and read access granted
 * to the aggregator's WebID. The aggregator session it returns must be logged out by the caller.
 */
export class DemoNetworkBuilder {
  public constructor(
    private readonly baseUrl: string,
    private readonly examplesFolder: string = DEFAULT_EXAMPLES_FOLDER,
  ) {}

  /** Sets up every pod and returns the network with a logged-in aggregator session. */
  public async build(): Promise<DemoNetwork> {
    const accounts = new AccountClient(this.baseUrl);
    const aggregator = await accounts.createPodAccount({ name: AGGREGATOR_NAME });
    const plans = [DEMO_NETWORK, ...DEMO_MEMBERS];
    const created = new Map<string, PodAccount>();
    for (const plan of plans) {
      created.set(plan.name, await accounts.createPodAccount({ name: plan.name }));
    }

    const missingExamples: string[] = [];
    const documents = await this.plannedDocuments(plans, created, missingExamples);
    const imports: ImportedFile[] = [];
    const access: DistributionAccess = { runContainer: '', inboxes: new Map() };
    for (const plan of plans) {
      const account = created.get(plan.name)!;
      const planned = documents.get(plan.name) ?? [];
      imports.push(...await this.setUpPod(account, planned, aggregator.webId, plan.name, access));
    }
    const aggregatorSession = await ClientCredentialsSession.login({
      clientId: aggregator.clientId, clientSecret: aggregator.clientSecret, oidcIssuer: this.baseUrl,
    });
    return {
      network: created.get(DEMO_NETWORK.name)!,
      members: DEMO_MEMBERS.map((plan) => created.get(plan.name)!),
      aggregator,
      aggregatorSession,
      imports,
      examplesFolder: this.examplesFolder,
      missingExamples,
      ...access,
    };
  }

  /**
   * Initializes one pod, imports its documents one file at a time, and grants the aggregator read
   * access. The network's pod also lets the aggregator write distribution runs, and each member's
   * pod gets an inbox for payout notices.
   */
  private async setUpPod(
    account: PodAccount, documents: ParsedDocument[], aggregatorWebId: string, member: string,
    access: DistributionAccess,
  ): Promise<ImportedFile[]> {
    const session = await ClientCredentialsSession.login({
      clientId: account.clientId, clientSecret: account.clientSecret, oidcIssuer: this.baseUrl,
    });
    try {
      const options = { fetch: session.fetch, webId: account.webId, storage: account.podUrl };
      await new PodInitializer(options).initialize();
      const importer = new PodImporter(options);
      const imported: ImportedFile[] = [];
      for (const document of documents) {
        const result = await importer.importDocuments([document]);
        imported.push({
          member,
          file: path.basename(document.source),
          eventsRecorded: result.eventsRecorded,
          documentsWritten: result.documentsWritten.length,
          problems: result.problems,
        });
      }
      await new AccessGranter(options).grantRead(aggregatorWebId);
      const runs = new RunContainerSetup(options);
      if (member === DEMO_NETWORK.name) {
        access.runContainer = await runs.allowRunWriter(aggregatorWebId);
      } else {
        access.inboxes.set(account.webId, await runs.createInbox(aggregatorWebId));
      }
      logger.info({ member, pod: account.podUrl, files: documents.length }, 'Set up demo pod');
      return imported;
    } finally {
      await session.logout();
    }
  }

  /**
   * Reads every member's seed file, the upstream examples that exist, and their opening balances,
   * with placeholder and example IRIs rewritten, grouped by the pod they go to.
   */
  private async plannedDocuments(
    plans: DemoMemberPlan[], accounts: Map<string, PodAccount>, missing: string[],
  ): Promise<Map<string, ParsedDocument[]>> {
    const placeholders = new IriRewriter([...accounts.entries()].map(([name, account]) => ({
      from: `https://${name}.seed.invalid/`, to: account.podUrl,
    })));
    const readSeed = async (file: string): Promise<ParsedDocument> =>
      placeholders.rewriteDocument(await readRdfFile(path.join(SEED_FOLDER, file)));
    const byMember = new Map<string, ParsedDocument[]>();
    const add = (member: string, document: ParsedDocument): void => {
      byMember.set(member, [...(byMember.get(member) ?? []), document]);
    };
    for (const plan of plans) {
      add(plan.name, await readSeed(plan.seed));
    }
    for (const plan of plans) {
      for (const upstream of plan.upstream) {
        const file = path.join(this.examplesFolder, upstream.file);
        if (!existsSync(file)) {
          missing.push(upstream.file);
          continue;
        }
        if (upstream.openingBalances !== undefined) {
          add(upstream.openingBalances.member, await readSeed(upstream.openingBalances.seed));
        }
        add(plan.name, new IriRewriter(agentRewrites(upstream, accounts)).rewriteDocument(await readRdfFile(file)));
      }
    }
    return byMember;
  }
}

function agentRewrites(upstream: UpstreamImport, accounts: Map<string, PodAccount>): IriPrefixRewrite[] {
  return Object.entries(upstream.agents).map(([from, member]) => ({
    from, to: accounts.get(member)!.webId, exact: true,
  }));
}
