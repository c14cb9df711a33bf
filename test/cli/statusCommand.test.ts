import assert from 'node:assert/strict';
import { Command } from 'commander';
import { addStatusCommand } from '../../src/cli/commands/statusCommand.js';
import type { StatusJson } from '../../src/planning/index.js';
import { N, NETWORK_FILES } from '../planning/networkFixture.js';
import { STACK_TRACE_LINE, fixturePath, runCli } from './runCli.js';

const NOW = '2026-12-10T00:00:00Z';
const KG = `${N.om2}kilogram`;

describe('The oce status command', () => {
  it('prints the status of a sub-network as JSON.', async () => {
    const run = await runCli('status', '--json', '--now', NOW, '--scope', N.hills, ...NETWORK_FILES);
    assert.equal(run.stderr, '');
    assert.equal(run.exitCode, 0);
    const report = JSON.parse(run.stdout) as StatusJson;
    assert.deepEqual([report.now, report.scope], [NOW, N.hills]);
    assert.deepEqual(report.coordination.flows.map((flow) => [flow.id, flow.status, flow.remaining]), [
      [`${N.apples}deliverApples`, 'late', '15'], [`${N.apples}payApples`, 'partial', '30'],
      [`${N.cider}appleOffer`, 'needed', '50'], [`${N.cider}pickApples`, 'late', '179.5'],
      [`${N.cider}pressCider`, 'needed', '200'], [`${N.cider}washBottles`, 'done', '0'],
    ]);
    assert.deepEqual(report.coordination.byScope.map((summary) => [summary.id, summary.counts]), [
      [N.orchard, { done: 1, late: 1, partial: 0, needed: 1 }],
      [N.farm, { done: 1, late: 2, partial: 1, needed: 2 }],
      [N.hills, { done: 1, late: 2, partial: 1, needed: 2 }],
    ]);
    assert.deepEqual(report.offersAndNeeds, []);
    assert.deepEqual(report.agreements.map((agreement) => agreement.agreement), [`${N.apples}appleDeal`]);
    assert.deepEqual(report.problems, []);
  });

  it('reads the network hierarchy from the files.', async () => {
    const run = await runCli('status', '--json', '--now', NOW, '--scope', N.valley, ...NETWORK_FILES);
    const report = JSON.parse(run.stdout) as StatusJson;
    assert.deepEqual(report.coordination.byScope.map((summary) => summary.id),
      [N.ana, N.orchard, N.farm, N.hills, N.kitchen, N.valley]);
    assert.deepEqual(report.offersAndNeeds.map((need) => [need.need, need.offers.map((offer) => offer.quantity)]), [
      [`${N.needs}anaApples`, [{ value: '10', unit: KG }]],
      [`${N.jam}jarNeed`, [{ value: '45', unit: `${N.om2}one` }]],
    ]);
  });

  it('reports every flow and problem without a scope.', async () => {
    const run = await runCli('status', '--json', '--now', NOW, ...NETWORK_FILES);
    const report = JSON.parse(run.stdout) as StatusJson;
    assert.equal(report.scope, null);
    assert.equal(report.coordination.flows.length, 14);
    assert.deepEqual(report.problems.map((found) => found.subject), [`${N.deal}outsideWorked`]);
  });

  it('prints tables.', async () => {
    const run = await runCli('status', '--now', NOW, '--scope', N.orchard, ...NETWORK_FILES);
    assert.equal(run.exitCode, 0);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], `Coordination status at ${NOW} in ${N.orchard}`);
    const cells = (line: string): string[] => line.split(/ {2,}/u);
    assert.ok(lines.some((line) => JSON.stringify(cells(line)) === JSON.stringify([
      `${N.cider}pickApples`, 'commitment', 'consume', 'late', '300 om2:kilogram', '120.5', '179.5', '2026-12-05T00:00:00Z',
    ])), run.stdout);
    assert.ok(lines.some((line) => JSON.stringify(cells(line)) === JSON.stringify([
      N.orchard, '1', '1', '0', '1', `179.5 om2:kilogram ${N.specs}apple, 200 om2:litre ${N.specs}cider`,
    ])), run.stdout);
    assert.ok(lines.includes('Offers and needs'), run.stdout);
    assert.ok(lines.includes('Agreements'), run.stdout);
  });

  it('takes the time from the clock without --now.', async () => {
    const program = new Command('oce').exitOverride();
    const output: string[] = [];
    addStatusCommand(program, { stdout: (text) => output.push(text), stderr: () => undefined },
      () => new Date('2026-12-16T00:00:00Z'));
    await program.parseAsync(['node', 'oce', 'status', '--json', '--scope', N.farm, ...NETWORK_FILES]);
    const report = JSON.parse(output.join('\n')) as StatusJson;
    assert.equal(report.now, '2026-12-16T00:00:00Z');
    const payment = report.coordination.flows.find((flow) => flow.id === `${N.apples}payApples`);
    assert.equal(payment?.status, 'late');
  });

  it('exits 2 on an invalid --now.', async () => {
    const run = await runCli('status', '--now', 'soon', ...NETWORK_FILES);
    assert.equal(run.exitCode, 2);
    assert.equal(run.stderr,
      'Invalid --now: Expected the --now value as an xsd:dateTime such as 2026-12-24T17:00:00Z, got [soon]');
  });

  it('exits 1 on a scope the files do not name.', async () => {
    const run = await runCli('status', '--scope', 'https://nowhere.example/#me', ...NETWORK_FILES);
    assert.equal(run.exitCode, 1);
    assert.equal(run.stderr, 'No network, organization, project or person [https://nowhere.example/#me] is named in ' +
      'the files; pass the IRI of an agent they state, or leave out --scope');
    assert.equal(run.stdout, '');
  });

  it('exits 1 on a missing file.', async () => {
    const run = await runCli('status', '--now', NOW, 'test/fixtures/planning/network/missing.ttl');
    assert.equal(run.exitCode, 1);
    assert.match(run.stderr, /missing\.ttl/u);
    assert.doesNotMatch(run.stderr, STACK_TRACE_LINE);
  });

  it('exits 1 on an unparseable file.', async () => {
    const run = await runCli('status', '--now', NOW, fixturePath('broken.ttl'));
    assert.equal(run.exitCode, 1);
    assert.equal(run.stderr,
      `Cannot parse [${fixturePath('broken.ttl')}] as text/turtle at line 7: Unexpected graph closing on line 7.`);
    assert.doesNotMatch(run.stderr, STACK_TRACE_LINE);
  });

  it('exits 2 without files.', async () => {
    const run = await runCli('status', '--now', NOW);
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /missing required argument 'files'/u);
  });
});
