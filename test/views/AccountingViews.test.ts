import assert from 'node:assert/strict';
import { formatDecimal } from '../../src/model/index.js';
import type { Decimal, Quantity } from '../../src/model/index.js';
import { parsePeriod, UnknownFigureError, UnknownScopeError, WHOLE_RECORD } from '../../src/views/index.js';
import type { AccountingView, AccountingViews } from '../../src/views/index.js';
import { fixtureViews, IRI, quinn, shop } from './viewFixture.js';

const text = (value: Decimal): string => formatDecimal(value);
const show = (quantity: Quantity | null): string | null => (quantity === null ? null : `${text(quantity.value)} ${quantity.unit}`);

function contributionRows(view: AccountingView): string[][] {
  return view.contributions.map((figure) => [figure.agent, figure.kind, figure.unit, String(figure.specification),
    text(figure.quantity), figure.provenance.events.join(' ')]);
}

function flowRows(view: AccountingView): string[][] {
  return view.flows.map((flow) => [flow.direction, flow.action, flow.unit, String(flow.specification),
    text(flow.quantity), flow.provenance.events.join(' ')]);
}

describe('AccountingViews', () => {
  let views: AccountingViews;

  before(async () => {
    views = await fixtureViews();
  });

  describe('for the network over the whole record', () => {
    let view: AccountingView;

    before(() => {
      view = views.view(IRI.network, WHOLE_RECORD, 'network');
    });

    it('includes the network, its members and the project of a member.', () => {
      assert.deepEqual(view.includes, [IRI.network, IRI.pat, IRI.quinn, IRI.project, IRI.shop]);
      assert.equal(view.scope.kind, 'network');
      assert.deepEqual(view.scope.children, [IRI.pat, IRI.quinn, IRI.shop]);
    });

    it('counts every event of its agents and the one process.', () => {
      assert.deepEqual(view.counts, { events: 8, processes: 1 });
    });

    it('shows a disagreeing stated quantity.', () => {
      assert.equal(view.inventory.length, 1);
      const [chairs] = view.inventory;
      assert.equal(chairs?.id, shop('chairs'));
      assert.equal(show(chairs?.accountingQuantity ?? null), `2 ${IRI.one}`);
      const disagreements = chairs?.disagreements.map((found) => [found.field, show(found.stated), show(found.derived),
        found.source]);
      assert.deepEqual(disagreements, [['accountingQuantity', `4 ${IRI.one}`, `2 ${IRI.one}`, IRI.shopDocument]]);
      assert.deepEqual(chairs?.provenance, {
        figure: `inventory ${shop('chairs')}`, events: [shop('produce'), shop('sell')], documents: [IRI.shopDocument],
      });
    });

    it('lists the contributions of members and those made to processes in its scopes.', () => {
      assert.deepEqual(contributionRows(view), [
        [IRI.pat, 'work', IRI.hour, 'null', '6.5', shop('pat-work')],
        [IRI.quinn, 'money', IRI.one, IRI.euro, '10', quinn('quinn-gift')],
        [IRI.quinn, 'work', IRI.hour, 'null', '1.5', `${quinn('quinn-work')} ${quinn('quinn-fix')}`],
        [IRI.shop, 'money', IRI.one, IRI.euro, '40', shop('pay-pat')],
        [IRI.shop, 'resource', IRI.one, IRI.chair, '1', shop('sell')],
      ]);
    });

    it('sums contributions over agents per kind, unit and specification.', () => {
      const totals = view.contributionTotals.map((total) => [total.kind, text(total.quantity),
        total.provenance.events.length]);
      assert.deepEqual(totals, [['money', '50', 2], ['resource', '1', 1], ['work', '8', 3]]);
    });

    it('shows only the flows that cross its boundary, and their balances.', () => {
      assert.deepEqual(flowRows(view), [
        ['in', 'transfer', IRI.one, IRI.euro, '120.5', shop('payment')],
        ['out', 'transfer', IRI.one, IRI.chair, '1', shop('sell')],
      ]);
      assert.deepEqual(view.balances.map((balance) => [balance.specification, text(balance.in), text(balance.out),
        text(balance.net)]), [[IRI.chair, '0', '1', '-1'], [IRI.euro, '120.5', '0', '120.5']]);
    });

    it('reports the disagreeing stated quantity among its problems.', () => {
      assert.deepEqual(view.problems.map((found) => [found.severity, found.subject]), [['warning', shop('chairs')]]);
    });
  });

  it('shows a person the work they gave and the money they received.', () => {
    const view = views.view(IRI.pat, WHOLE_RECORD, 'person');
    assert.deepEqual(view.includes, [IRI.pat]);
    assert.deepEqual(contributionRows(view), [[IRI.pat, 'work', IRI.hour, 'null', '6.5', shop('pat-work')]]);
    assert.deepEqual(flowRows(view), [
      ['in', 'transfer', IRI.one, IRI.euro, '40', shop('pay-pat')],
      ['out', 'work', IRI.hour, 'null', '6.5', shop('pat-work')],
    ]);
    assert.deepEqual(view.balances.map((balance) => [balance.unit, text(balance.net)]), [[IRI.hour, '-6.5'], [IRI.one, '40']]);
    assert.deepEqual(view.inventory, []);
  });

  it('shows a project its process work.', () => {
    const view = views.view(IRI.project, WHOLE_RECORD, 'project');
    assert.deepEqual(view.scope.parents, [IRI.shop]);
    assert.deepEqual(view.counts, { events: 4, processes: 1 });
    assert.deepEqual(contributionRows(view).map((row) => [row[0], row[4]]), [[IRI.pat, '6.5'], [IRI.quinn, '1.5']]);
    assert.deepEqual(view.flows, []);
  });

  it('rolls the project up into the organization that it is part of.', () => {
    const view = views.view(IRI.shop, WHOLE_RECORD, 'organization');
    assert.deepEqual(view.includes, [IRI.project, IRI.shop]);
    assert.deepEqual(contributionRows(view).map((row) => [row[0], row[1], row[4]]), [
      [IRI.pat, 'work', '6.5'], [IRI.quinn, 'work', '1.5'], [IRI.shop, 'money', '40'], [IRI.shop, 'resource', '1'],
    ]);
    assert.deepEqual(flowRows(view).map((row) => [row[0], row[1], row[4]]), [
      ['in', 'transfer', '130.5'], ['in', 'work', '8'], ['out', 'transfer', '1'], ['out', 'transfer', '40'],
    ]);
  });

  it('narrows every figure to the period and states inventory as at its end.', () => {
    const view = views.view(IRI.network, parsePeriod('2026-11-01', '2026-12-01'), 'network');
    assert.deepEqual(view.counts, { events: 4, processes: 1 });
    assert.equal(show(view.inventory[0]?.accountingQuantity ?? null), `3 ${IRI.one}`);
    assert.deepEqual(contributionRows(view).map((row) => [row[0], row[4]]), [[IRI.pat, '6.5'], [IRI.quinn, '1.5']]);
    assert.deepEqual(view.flows, []);
  });

  it('leaves out a correction whose corrected event is outside the period.', () => {
    const view = views.view(IRI.quinn, parsePeriod('2026-11-04', undefined), 'person');
    assert.deepEqual(view.contributions, []);
    assert.deepEqual(views.eventsOf(IRI.quinn, parsePeriod('2026-11-04', undefined)).map((event) => event.id), []);
  });

  it('narrows a person view to one project.', () => {
    const view = views.view(IRI.quinn, parsePeriod(undefined, undefined, IRI.project), 'person');
    assert.deepEqual(contributionRows(view).map((row) => [row[1], row[4]]), [['work', '1.5']]);
    assert.deepEqual(flowRows(view).map((row) => [row[0], row[1], row[4]]), [['out', 'work', '1.5']]);
    const network = views.view(IRI.network, parsePeriod(undefined, undefined, IRI.project));
    assert.equal(show(network.inventory[0]?.accountingQuantity ?? null), `2 ${IRI.one}`);
  });

  it('rejects a scope filter that names no scope.', () => {
    assert.throws(() => views.view(IRI.network, parsePeriod(undefined, undefined, 'https://nobody.test/#me')),
      { name: 'UnknownScopeError', parameter: 'scope' });
  });

  it('lists again exactly the events behind a figure.', () => {
    const view = views.view(IRI.network, WHOLE_RECORD);
    const work = view.contributions.find((figure) => figure.agent === IRI.quinn && figure.kind === 'work');
    assert.ok(work !== undefined);
    assert.deepEqual(views.eventsOf(IRI.network, WHOLE_RECORD, work.provenance.figure).map((event) => event.id),
      [quinn('quinn-work'), quinn('quinn-fix')]);
  });

  it('rejects an unknown scope, a scope of another kind and an unknown figure.', () => {
    assert.throws(() => views.view('https://nobody.test/#me', WHOLE_RECORD), UnknownScopeError);
    assert.throws(() => views.view(IRI.pat, WHOLE_RECORD, 'organization'),
      { name: 'UnknownScopeError', message: `Expected [${IRI.pat}] to be an organization, but it is a person` });
    assert.throws(() => views.eventsOf(IRI.network, WHOLE_RECORD, 'flow nothing'), UnknownFigureError);
  });

  it('lists processes within a period.', () => {
    assert.deepEqual(views.processesOf(IRI.shop, WHOLE_RECORD).map((process) => process.id), [shop('build')]);
    assert.deepEqual(views.processesOf(IRI.shop, parsePeriod('2026-12-01', undefined)), []);
  });
});
