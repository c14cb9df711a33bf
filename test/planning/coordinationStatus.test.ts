import assert from 'node:assert/strict';
import type { EconomicModel } from '../../src/model/index.js';
import { coordinationStatus } from '../../src/planning/index.js';
import type { CoordinationStatus, StatusSummary } from '../../src/planning/index.js';
import { planningFixture, readModel } from './support.js';

const P = 'https://coop.example/plans#';
const C = 'https://coop.example/';
const NOW = '2026-12-10T00:00:00Z';

function summaryLines(summaries: StatusSummary[]): string[] {
  return summaries.map((summary) => {
    const counts = Object.entries(summary.counts).map(([status, count]) => `${status} ${count}`).join(', ');
    const remaining = summary.remaining.map((total) =>
      `${total.remaining.toFixed()} ${total.unit.replace(/^.*\//u, '')} ${total.resourceConformsTo?.replace(C, '') ?? '-'}`);
    return `${summary.key.replace(P, '').replace(C, '')}: ${counts}; ${remaining.join(', ')}`;
  });
}

describe('coordinationStatus', () => {
  let model: EconomicModel;
  let status: CoordinationStatus;

  before(async () => {
    model = await readModel(planningFixture('coordination.ttl'));
    status = coordinationStatus(model, NOW);
  });

  it('gives each commitment, intent and claim its status and remaining quantity.', () => {
    const flows = status.flows.map((flow) => [flow.id.replace(P, ''), flow.kind, flow.status, flow.met.toFixed(),
      flow.remaining.toFixed(), flow.due ?? null]);
    assert.deepEqual(flows, [
      ['jam', 'commitment', 'late', '4', '6', '2026-12-01T12:00:00Z'],
      ['jarNeed', 'intent', 'partial', '40', '20', '2026-12-18T08:00:00Z'],
      ['jars', 'commitment', 'needed', '0', '40', '2026-12-18T08:00:00Z'],
      ['labels', 'commitment', 'done', '0', '0', '2026-12-20T12:00:00Z'],
      ['stir', 'commitment', 'done', '8', '0', '2026-12-20T12:00:00Z'],
      ['sugar', 'commitment', 'partial', '1.5', '1', '2026-12-15T08:00:00Z'],
      ['wage', 'claim', 'partial', '50', '70', '2026-12-31T00:00:00Z'],
    ]);
  });

  it('names the events and commitments that met each flow.', () => {
    const metBy = Object.fromEntries(status.flows.map((flow) => [flow.id.replace(P, ''), flow.metBy.map((id) => id.replace(P, ''))]));
    assert.deepEqual(metBy, {
      jam: ['made'], jarNeed: ['jars'], jars: [], labels: [], stir: ['stir1', 'stir2'], sugar: ['sugar1', 'sugar2'],
      wage: ['pay1'],
    });
  });

  it('summarizes per plan, per agent and per scope.', () => {
    assert.deepEqual(summaryLines(status.byPlan), [
      'jamPlan: done 2, late 1, partial 1, needed 1; 6 kilogram jam, 40 one jar, 1 kilogram sugar',
    ]);
    assert.deepEqual(summaryLines(status.byAgent), [
      'ana: done 2, late 1, partial 3, needed 1; 6 kilogram jam, 60 one jar, 1 kilogram sugar, 70 one credit',
      'ben: done 1, late 0, partial 1, needed 0; 70 one credit',
      'cleo: done 1, late 0, partial 0, needed 1; 40 one jar',
    ]);
    assert.deepEqual(summaryLines(status.byScope), [
      'kitchen: done 1, late 1, partial 1, needed 0; 6 kilogram jam, 1 kilogram sugar',
    ]);
  });

  it('reports an event in another unit instead of counting it.', () => {
    assert.deepEqual(status.problems.map((found) => found.message), [
      `[${P}sugar2] meets [${P}sugar] in [http://www.ontology-of-units-of-measure.org/resource/om-2/gram], expected ` +
        '[http://www.ontology-of-units-of-measure.org/resource/om-2/kilogram]; its [200] was not counted',
    ]);
  });

  it('turns a flow late only after its due time.', () => {
    const sugar = (now: string) => coordinationStatus(model, now).flows.find((flow) => flow.id === `${P}sugar`)?.status;
    assert.equal(sugar('2026-12-15T08:00:00Z'), 'partial');
    assert.equal(sugar('2026-12-15T08:00:00.001Z'), 'late');
  });

  it('rejects a current time that is no xsd:dateTime.', () => {
    assert.throws(() => coordinationStatus(model, 'today'),
      { message: 'Expected the current time as an xsd:dateTime such as 2026-12-24T17:00:00Z, got [today]' });
  });
});
