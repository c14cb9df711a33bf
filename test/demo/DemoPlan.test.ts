import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderPlan, renderServiceLinks } from '../../src/cli/commands/demoCommand.js';
import { Demo } from '../../src/demo/index.js';
import type { DemoResult } from '../../src/demo/index.js';
import { formatDecimal } from '../../src/model/index.js';
import type { CoordinationStatus, FlowProgressJson } from '../../src/planning/index.js';

const ONE = 'http://www.ontology-of-units-of-measure.org/resource/om-2/one';
const HOUR = 'http://www.ontology-of-units-of-measure.org/resource/om-2/hour';
const NOW = '2026-12-10T00:00:00Z';

/** Returns each flow as [commitment fragment, action, quantity, met, remaining, status]. */
function statusRows(status: CoordinationStatus): string[][] {
  return status.flows.map((flow) => [
    flow.id.replace(/^.*#/u, ''), flow.action, formatDecimal(flow.quantity!.value), formatDecimal(flow.met),
    formatDecimal(flow.remaining), flow.status,
  ]);
}

describe('The demo plan', function demoPlan() {
  this.timeout(120_000);
  const demo = new Demo();
  let result: DemoResult;
  let url: string;
  let base: string;
  let planDocument: string;
  let commitments: string;
  let process: string;
  let noExamples: string;

  before(async () => {
    noExamples = await mkdtemp(path.join(tmpdir(), 'oce-no-examples-'));
    result = await demo.start({ examplesFolder: noExamples });
    url = await demo.serve(0);
    base = result.solidBaseUrl;
    planDocument = `${base}woodshop/rea/plans/stools-for-the-december-market.ttl`;
    commitments = `${base}woodshop/rea/commitments/stools-for-the-december-market.ttl`;
    process = `${planDocument}#process-1`;
  });

  after(async () => {
    await demo.stop();
    await rm(noExamples, { recursive: true, force: true });
  });

  it('writes the plan to the woodshop\'s pod.', () => {
    assert.deepEqual(result.plan.written, { plan: planDocument, commitments });
    assert.equal(result.plan.plan.id, `${planDocument}#plan`);
    assert.equal(result.plan.plan.due, '2026-12-20T17:00:00Z');
  });

  it('nets the demand against stools on hand.', () => {
    const spec = `${base}riverside/rea/resources/network.ttl#`;
    const demands = result.plan.plan.demands.map((demand) => [
      demand.resourceConformsTo, formatDecimal(demand.quantity.value), formatDecimal(demand.fromInventory),
      formatDecimal(demand.remaining), demand.producedBy ?? '-',
    ]);
    assert.deepEqual(demands, [
      [`${spec}stool`, '12', '6', '6', process],
      [`${spec}oak-board`, '12', '12', '0', '-'],
    ]);
  });

  it('schedules one batch ending when due.', () => {
    assert.deepEqual(result.plan.plan.processes.map((planned) => [planned.id, planned.hasBeginning, planned.hasEnd]),
      [[process, '2026-12-18T17:00:00Z', '2026-12-20T17:00:00Z']]);
  });

  it('commits to one batch\'s recipe flows.', () => {
    const spec = `${base}riverside/rea/resources/network.ttl#`;
    const rows = result.plan.plan.commitments.map((commitment) => {
      const quantity = commitment.resourceQuantity ?? commitment.effortQuantity;
      return [commitment.id, commitment.action, commitment.resourceConformsTo, formatDecimal(quantity!.value),
        quantity!.unit, commitment.due, commitment.inputOf ?? commitment.outputOf];
    });
    assert.deepEqual(rows, [
      [`${commitments}#commitment-1`, 'produce', `${spec}stool`, '6', ONE, '2026-12-20T17:00:00Z', process],
      [`${commitments}#commitment-2`, 'consume', `${spec}oak-board`, '12', ONE, '2026-12-18T17:00:00Z', process],
      [`${commitments}#commitment-3`, 'use', `${spec}cnc-router`, '6', HOUR, '2026-12-18T17:00:00Z', process],
      [`${commitments}#commitment-4`, 'work', `${spec}woodworking`, '14', HOUR, '2026-12-18T17:00:00Z', process],
    ]);
    assert.equal(result.plan.plan.commitments[0]?.independentDemandOf, `${planDocument}#plan`);
  });

  it('reads every commitment back as needed.', () => {
    assert.equal(result.plan.now, NOW);
    assert.deepEqual(statusRows(result.plan.before), [
      ['commitment-1', 'produce', '6', '0', '6', 'needed'],
      ['commitment-2', 'consume', '12', '0', '12', 'needed'],
      ['commitment-3', 'use', '6', '0', '6', 'needed'],
      ['commitment-4', 'work', '14', '0', '14', 'needed'],
    ]);
    assert.deepEqual(result.plan.before.problems, []);
  });

  it('records Ada\'s work in her pod.', () => {
    const document = `${base}ada/rea/events/2026/12/09.ttl`;
    assert.deepEqual(result.plan.work, { eventIri: `${document}#cut-stool-parts`, document });
    assert.equal(result.plan.fulfilled, `${commitments}#commitment-4`);
  });

  it('reports the work partly fulfilled afterwards.', () => {
    assert.deepEqual(statusRows(result.plan.after), [
      ['commitment-1', 'produce', '6', '0', '6', 'needed'],
      ['commitment-2', 'consume', '12', '0', '12', 'needed'],
      ['commitment-3', 'use', '6', '0', '6', 'needed'],
      ['commitment-4', 'work', '14', '5', '9', 'partial'],
    ]);
    assert.deepEqual(result.plan.after.flows[3]?.metBy, [result.plan.work.eventIri]);
    assert.deepEqual(result.plan.after.problems, []);
  });

  it('serves the plan\'s status over HTTP.', async () => {
    const plan = `${planDocument}#plan`;
    const response = await fetch(`${url}api/coordination?plan=${encodeURIComponent(plan)}&now=${NOW}`);
    assert.equal(response.status, 200);
    const body = await response.json() as {
      now: string; plan: string; total: number; flows: FlowProgressJson[];
      byPlan: { id: string; counts: Record<string, number> }[];
    };
    assert.equal(body.now, NOW);
    assert.equal(body.plan, plan);
    assert.equal(body.total, 4);
    assert.deepEqual(body.flows.map((flow) => [flow.id, flow.met, flow.remaining, flow.status]), [
      [`${commitments}#commitment-1`, '0', '6', 'needed'],
      [`${commitments}#commitment-2`, '0', '12', 'needed'],
      [`${commitments}#commitment-3`, '0', '6', 'needed'],
      [`${commitments}#commitment-4`, '5', '9', 'partial'],
    ]);
    assert.deepEqual(body.flows[3]?.metBy, [result.plan.work.eventIri]);
    assert.deepEqual(body.byPlan.map((summary) => [summary.id, summary.counts]), [
      [plan, { done: 0, late: 0, partial: 1, needed: 3 }],
    ]);
  });

  it('prints the status table after the work.', () => {
    const text = renderPlan(result);
    const after = text.slice(text.indexOf(`Status at ${NOW} after`));
    assert.equal(after, [
      `Status at ${NOW} after ada/rea/events/2026/12/09.ttl#cut-stool-parts fulfilled commitment-4`,
      'commitment    action   quantity     fulfilled  remaining  status',
      '------------  -------  -----------  ---------  ---------  -------',
      'commitment-1  produce  6 om2:one    0          6          needed',
      'commitment-2  consume  12 om2:one   0          12         needed',
      'commitment-3  use      6 om2:hour   0          6          needed',
      'commitment-4  work     14 om2:hour  5          9          partial',
    ].join('\n'));
  });

  it('prints how the demand is met.', () => {
    const lines = renderPlan(result).split('\n');
    assert.equal(lines[1], 'Demand of 12 riverside/rea/resources/network.ttl#stool: 6 from inventory, 6 made by ' +
      'woodshop/rea/plans/stools-for-the-december-market.ttl#process-1 from 2026-12-18T17:00:00Z to 2026-12-20T17:00:00Z');
  });

  it('links the plan\'s status.', () => {
    const lines = renderServiceLinks(url, result).split('\n');
    const plan = encodeURIComponent(`${planDocument}#plan`);
    assert.ok(lines.includes(`  plan status:    ${url}api/coordination?plan=${plan}&now=2026-12-10T00%3A00%3A00Z`),
      lines.join('\n'));
  });
});
