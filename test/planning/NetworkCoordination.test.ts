import assert from 'node:assert/strict';
import { NetworkCoordination } from '../../src/planning/index.js';
import type { CoordinationStatus, OfferMatch, StatusSummary } from '../../src/planning/index.js';
import { N, readNetworkFixture, short } from './networkFixture.js';

const NOW = '2026-12-10T00:00:00Z';

function flowLines(status: CoordinationStatus): string[] {
  return status.flows.map((flow) => `${short(flow.id)} ${flow.status} ${flow.met.toFixed()} ${flow.remaining.toFixed()}`);
}

function summaryLines(summaries: StatusSummary[]): string[] {
  return summaries.map((summary) => {
    const { done, late, partial, needed } = summary.counts;
    const remaining = summary.remaining.map((total) =>
      `${total.remaining.toFixed()} ${short(total.unit)} ${short(total.resourceConformsTo)}`);
    return `${short(summary.key)}: ${done} done, ${late} late, ${partial} partial, ${needed} needed; ${remaining.join(', ')}`;
  });
}

describe('A NetworkCoordination', () => {
  let coordination: NetworkCoordination;

  before(async () => {
    const fixture = await readNetworkFixture();
    coordination = new NetworkCoordination(fixture.model, fixture.scopes);
  });

  describe('without a filter', () => {
    let status: CoordinationStatus;

    before(() => {
      status = coordination.status({ now: NOW });
    });

    it('reports every commitment, intent and claim.', () => {
      assert.deepEqual(flowLines(status), [
        'needs#anaApples needed 0 10', 'apples#deliverApples late 25 15', 'apples#payApples partial 50 30',
        'cider#appleOffer needed 0 50', 'cider#pickApples late 120.5 179.5', 'cider#pressCider needed 0 200',
        'cider#washBottles done 0 0', 'jam#cookJam late 4 6', 'jam#jarNeed needed 0 60', 'jam#stir partial 3.25 4.75',
        'jam#wage partial 40 60', 'deal#outsideWork needed 0 5', 'deal#outsiderJars needed 0 45',
        'deal#outsiderNeed needed 0 5',
      ]);
    });

    it('rolls every scope up through the hierarchy.', () => {
      assert.deepEqual(summaryLines(status.byScope), [
        'ana: 0 done, 0 late, 2 partial, 1 needed; 10 kilogram apple, 4.75 hour cooking, 60 one credit',
        'orchard: 1 done, 1 late, 0 partial, 1 needed; 179.5 kilogram apple, 200 litre cider',
        'farm: 1 done, 2 late, 1 partial, 2 needed; 244.5 kilogram apple, 30 one credit, 200 litre cider',
        'hills: 1 done, 2 late, 1 partial, 2 needed; 244.5 kilogram apple, 30 one credit, 200 litre cider',
        'kitchen: 0 done, 2 late, 3 partial, 1 needed; 15 kilogram apple, 90 one credit, 6 kilogram jam, ' +
          '60 one jar, 4.75 hour cooking',
        'other: 0 done, 0 late, 0 partial, 1 needed; 5 hour repair',
        'outsider: 0 done, 0 late, 0 partial, 3 needed; 5 hour repair, 45 one jar, 5 kilogram apple',
        'valley: 1 done, 3 late, 3 partial, 4 needed; 254.5 kilogram apple, 90 one credit, 200 litre cider, ' +
          '6 kilogram jam, 60 one jar, 4.75 hour cooking',
      ]);
    });

    it('keeps the problem of an event in another unit.', () => {
      assert.deepEqual(status.problems.map((found) => [found.severity, short(found.subject)]), [
        ['warning', 'deal#outsideWorked'],
      ]);
    });
  });

  describe('narrowed to a scope', () => {
    it('includes the sub-network, its members and their projects in a network.', () => {
      const status = coordination.status({ now: NOW, scope: N.valley });
      assert.deepEqual(status.flows.map((flow) => short(flow.id)), [
        'needs#anaApples', 'apples#deliverApples', 'apples#payApples', 'cider#appleOffer', 'cider#pickApples',
        'cider#pressCider', 'cider#washBottles', 'jam#cookJam', 'jam#jarNeed', 'jam#stir', 'jam#wage',
      ]);
      assert.deepEqual(status.byScope.map((summary) => short(summary.key)),
        ['ana', 'orchard', 'farm', 'hills', 'kitchen', 'valley']);
      assert.deepEqual(status.problems, []);
    });

    it('lists only the scope and the scopes below it in the summary.', () => {
      const status = coordination.status({ now: NOW, scope: N.hills });
      assert.deepEqual(summaryLines(status.byScope), [
        'orchard: 1 done, 1 late, 0 partial, 1 needed; 179.5 kilogram apple, 200 litre cider',
        'farm: 1 done, 2 late, 1 partial, 2 needed; 244.5 kilogram apple, 30 one credit, 200 litre cider',
        'hills: 1 done, 2 late, 1 partial, 2 needed; 244.5 kilogram apple, 30 one credit, 200 litre cider',
      ]);
    });

    it('places agentless flows by the scope stated on their plan.', () => {
      const status = coordination.status({ now: NOW, scope: N.orchard });
      assert.deepEqual(flowLines(status), [
        'cider#pickApples late 120.5 179.5', 'cider#pressCider needed 0 200', 'cider#washBottles done 0 0',
      ]);
    });
  });

  it('selects the flows of one plan.', () => {
    const status = coordination.status({ now: NOW, plan: `${N.jam}jamPlan` });
    assert.deepEqual(flowLines(status), ['jam#cookJam late 4 6', 'jam#jarNeed needed 0 60', 'jam#stir partial 3.25 4.75']);
    assert.deepEqual(summaryLines(status.byPlan), [
      'jam#jamPlan: 0 done, 1 late, 1 partial, 1 needed; 6 kilogram jam, 60 one jar, 4.75 hour cooking',
    ]);
  });

  it('selects the flows one agent provides or receives.', () => {
    const status = coordination.status({ now: NOW, agent: N.ana });
    assert.deepEqual(flowLines(status), ['needs#anaApples needed 0 10', 'jam#stir partial 3.25 4.75', 'jam#wage partial 40 60']);
  });

  it('judges lateness at the given instant.', () => {
    const status = coordination.status({ now: '2026-12-16T00:00:00Z', plan: undefined, agent: N.farm });
    assert.deepEqual(flowLines(status), [
      'apples#deliverApples late 25 15', 'apples#payApples late 50 30', 'cider#appleOffer needed 0 50',
      'cider#washBottles done 0 0',
    ]);
  });

  it('matches needs of a scope to offers from anywhere.', () => {
    const offerLine = (offer: OfferMatch): string =>
      `${short(offer.offer)} ${offer.coverage} ${offer.quantity?.value.toFixed()}`;
    const needs = coordination.offersAndNeeds(N.valley)
      .map((match) => [short(match.need), match.offers.map(offerLine)]);
    assert.deepEqual(needs, [
      ['needs#anaApples', ['cider#appleOffer full 10']],
      ['jam#jarNeed', ['deal#outsiderJars partial 45']],
    ]);
  });

  it('lists every need without a scope.', () => {
    assert.deepEqual(coordination.offersAndNeeds().map((match) => short(match.need)),
      ['needs#anaApples', 'jam#jarNeed', 'deal#outsiderNeed']);
  });

  it('lists the agreements of a scope with both sides.', () => {
    const [deal, ...rest] = coordination.agreements(N.hills);
    assert.deepEqual(rest, []);
    assert.equal(short(deal?.agreement), 'apples#appleDeal');
    assert.deepEqual(deal?.reciprocal.events.map(short), ['apples#paid1', 'apples#paid2']);
    const totals = deal?.reciprocal.totals.map((total) => [short(total.resourceConformsTo), total.committed.toFixed(),
      total.realized.toFixed(), total.outstanding.toFixed()]);
    assert.deepEqual(totals, [['credit', '80', '85.5', '-5.5']]);
  });

  it('leaves out agreements of agents outside the scope.', () => {
    assert.deepEqual(coordination.agreements(N.kitchen).map((balance) => short(balance.agreement)), ['apples#appleDeal']);
    assert.deepEqual(coordination.agreements().map((balance) => short(balance.agreement)),
      ['apples#appleDeal', 'deal#outsideDeal']);
  });

  it('knows plans by statement and by reference.', () => {
    assert.equal(coordination.hasPlan(`${N.cider}ciderPlan`), true);
    assert.equal(coordination.hasPlan(`${N.cider}nothing`), false);
  });
});
