import { Writer } from 'n3';
import type { Quad } from 'n3';
import { blankNode, literal, namedNode, SolidDocumentClient, triple } from '../../solid/index.js';
import { getLogger } from '../../util/index.js';
import { RDF, XSD } from '../../vocab/index.js';
import type { WrittenPayout } from './CommittedRun.js';
import { AS, LDP_INBOX } from './RunVocabulary.js';
import type { WrittenRun } from './DistributionRunWriter.js';

const logger = getLogger('PayoutNotifier');

/** The outcome of notifying one payee of a payout. */
export interface PayoutNotice {
  agent: string;
  /** The payee's `ldp:inbox`, or null when the profile states none or could not be read. */
  inbox: string | null;
  /** `notified`, or why not: `not notified: no inbox`, or the failed request. */
  status: string;
  /** URL of the notice the inbox created (its `Location` header), or null. */
  notice: string | null;
}

/**
 * Notifies each payee of a committed run of their payout by Linked Data Notifications. It reads
 * the payee's WebID profile for `ldp:inbox` and POSTs an Activity Streams `as:Announce` in Turtle
 * to it. The notice names the run (`as:context`), the payout transfer (`as:object`) and the amount
 * (`as:summary`). A payee without an inbox, or whose profile or inbox fails, is reported and
 * never stops the others.
 */
export class PayoutNotifier {
  private readonly client: SolidDocumentClient;

  public constructor(private readonly fetchFn: typeof fetch) {
    this.client = new SolidDocumentClient(fetchFn);
  }

  /**
   * Notifies the payees of the run one after the other and returns what happened to each. With
   * `recipients`, a payee outside that set is not contacted and is reported as such.
   */
  public async notify(written: WrittenRun, recipients?: ReadonlySet<string>): Promise<PayoutNotice[]> {
    const notices: PayoutNotice[] = [];
    for (const payout of written.payouts) {
      if (recipients !== undefined && !recipients.has(payout.agent)) {
        notices.push({ agent: payout.agent, inbox: null, status: 'not notified: not a crawled agent', notice: null });
        continue;
      }
      notices.push(await this.notifyOne(written, payout));
    }
    return notices;
  }

  private async notifyOne(written: WrittenRun, payout: WrittenPayout): Promise<PayoutNotice> {
    let inbox: string | null;
    try {
      inbox = await this.inboxOf(payout.agent);
    } catch (error: unknown) {
      logger.warn({ agent: payout.agent, err: error }, 'Could not read a payee profile');
      return { agent: payout.agent, inbox: null, status: `not notified: ${(error as Error).message}`, notice: null };
    }
    if (inbox === null) {
      return { agent: payout.agent, inbox: null, status: 'not notified: no inbox', notice: null };
    }
    const response = await this.fetchFn(inbox, {
      method: 'POST',
      headers: { 'content-type': 'text/turtle' },
      body: new Writer({ format: 'N-Triples' }).quadsToString(announce(written, payout)),
    }).catch((error: unknown) => error as Error);
    if (response instanceof Error || !response.ok) {
      const reason = response instanceof Error ? response.message : `status [${response.status}]`;
      await (response instanceof Error ? undefined : response.body?.cancel());
      logger.warn({ agent: payout.agent, inbox, reason }, 'Could not deliver a payout notice');
      return { agent: payout.agent, inbox, status: `not notified: POST [${inbox}] failed with ${reason}`, notice: null };
    }
    await response.body?.cancel();
    const location = response.headers.get('location');
    return { agent: payout.agent, inbox, status: 'notified', notice: location === null ? null : new URL(location, inbox).href };
  }

  /** Returns the payee's `ldp:inbox` from the profile document of the WebID, or null when none is stated. */
  private async inboxOf(webId: string): Promise<string | null> {
    const profile = await this.client.read(webId.replace(/#.*$/u, ''));
    const inbox = profile?.quads.find((quad) => quad.subject.value === webId && quad.predicate.equals(LDP_INBOX.inbox));
    return inbox === undefined || inbox.object.termType !== 'NamedNode' ? null : inbox.object.value;
  }
}

/** Builds the notice: an `as:Announce` by the distributor about the payout, in the context of the run. */
function announce(written: WrittenRun, payout: WrittenPayout): Quad[] {
  const { run } = written;
  const notice = blankNode();
  const amount = payout.amount.toFixed(run.result.scale);
  const summary = `Payout of ${amount} (${run.result.currency ?? 'no currency'}) to ${payout.agent} by ` +
    `distribution run ${run.id} of ${run.result.amount.toFixed(run.result.scale)}`;
  return [
    triple(notice, RDF.type, AS.Announce),
    triple(notice, AS.actor, namedNode(run.distributor)),
    triple(notice, AS.object, namedNode(payout.event)),
    triple(notice, AS.context, namedNode(run.id)),
    triple(notice, AS.target, namedNode(payout.agent)),
    triple(notice, AS.summary, literal(summary)),
    triple(notice, AS.published, literal(run.runTime.toISOString(), XSD.dateTime)),
  ];
}
