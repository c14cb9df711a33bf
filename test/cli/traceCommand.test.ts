import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { runCli, STACK_TRACE_LINE } from './runCli.js';

const CHAIR = 'https://chair.example/';
const LOOP = 'https://loop.example/';
const CHAIR_FILE = fileURLToPath(new URL('../fixtures/trace/chair.ttl', import.meta.url));
const LOOP_FILE = fileURLToPath(new URL('../fixtures/trace/loop.ttl', import.meta.url));

describe('The oce trace and track commands', () => {
  it('prints a trace as JSON.', async () => {
    const run = await runCli('trace', '--json', `${LOOP}seed`, LOOP_FILE);
    assert.equal(run.exitCode, 0);
    assert.equal(run.stderr, '');
    assert.deepEqual(JSON.parse(run.stdout), {
      start: `${LOOP}seed`,
      order: 'reference',
      flows: [
        { id: `${LOOP}seed`, kind: 'EconomicResource' },
        { id: `${LOOP}harvest`, kind: 'EconomicEvent' },
        { id: `${LOOP}grow`, kind: 'Process' },
        { id: `${LOOP}sow`, kind: 'EconomicEvent' },
        { id: `${LOOP}raise-seed`, kind: 'EconomicEvent' },
      ],
    });
  });

  it('prints a track in plain order.', async () => {
    const run = await runCli('track', '--json', '--order', 'plain', `${CHAIR}e02`, CHAIR_FILE);
    assert.equal(run.exitCode, 0);
    const ids = (JSON.parse(run.stdout) as { flows: { id: string }[] }).flows.map((flow) => flow.id);
    assert.deepEqual(ids, [
      'e02', 'workshop-wood', 'e03', 'make', 'e05', 'chair', 'e06', 'e10', 'e12', 'haul', 'fix', 'buyer-chair',
      'e08', 'e11',
    ].map((name) => `${CHAIR}${name}`));
  });

  it('prints a readable listing without --json.', async () => {
    const run = await runCli('track', `${LOOP}brewery-crate`, LOOP_FILE);
    assert.equal(run.exitCode, 0);
    assert.deepEqual(run.stdout.split('\n'), [
      `track from ${LOOP}brewery-crate (order: reference)`,
      `EconomicResource  -                  ${LOOP}brewery-crate`,
      `EconomicEvent     transfer           ${LOOP}deliver`,
      `EconomicResource  -                  ${LOOP}pub-crate`,
      `EconomicEvent     transfer           ${LOOP}return`,
    ]);
  });

  it('warns on standard error when --depth cuts the walk.', async () => {
    const run = await runCli('trace', '--json', '--depth', '1', `${LOOP}seed`, LOOP_FILE);
    assert.equal(run.exitCode, 0);
    assert.equal(run.stderr, `warning: stopped at depth 1; these nodes have neighbours that were not followed: ` +
      `[${LOOP}harvest]. Raise --depth to follow them.`);
    assert.equal((JSON.parse(run.stdout) as { flows: unknown[] }).flows.length, 3);
  });

  it('fails with exit code 1 on an unknown IRI.', async () => {
    const run = await runCli('trace', `${LOOP}nothing`, LOOP_FILE);
    assert.equal(run.exitCode, 1);
    assert.equal(run.stdout, '');
    assert.ok(run.stderr.startsWith(`No economic event, resource or process has the IRI [${LOOP}nothing]`));
    assert.doesNotMatch(run.stderr, STACK_TRACE_LINE);
  });

  it('fails with exit code 1 on a missing file.', async () => {
    const run = await runCli('track', `${LOOP}seed`, `${LOOP_FILE}.missing`);
    assert.equal(run.exitCode, 1);
    assert.match(run.stderr, /loop\.ttl\.missing/u);
  });

  it('rejects an unknown order with exit code 2.', async () => {
    const run = await runCli('trace', '--order', 'sideways', `${LOOP}seed`, LOOP_FILE);
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /sideways/u);
  });

  it('rejects a negative depth with exit code 2.', async () => {
    const run = await runCli('track', '--depth', '-1', `${LOOP}seed`, LOOP_FILE);
    assert.equal(run.exitCode, 2);
  });

  it('rejects a fractional depth with exit code 2.', async () => {
    const run = await runCli('track', '--depth', '2.5', `${LOOP}seed`, LOOP_FILE);
    assert.equal(run.exitCode, 2);
    assert.equal(run.stderr, "error: option '--depth <n>' argument '2.5' is invalid. " +
      'Expected a whole number of steps from 0 to 1,000,000, got [2.5]');
  });

  it('names the depth limit for a huge depth.', async () => {
    const run = await runCli('track', '--depth', '99999999999999999999', `${LOOP}seed`, LOOP_FILE);
    assert.equal(run.exitCode, 2);
    assert.equal(run.stderr, "error: option '--depth <n>' argument '99999999999999999999' is invalid. " +
      'Expected a whole number of steps from 0 to 1,000,000, got [99999999999999999999]');
  });

  it('accepts the largest depth.', async () => {
    const run = await runCli('track', '--depth', '1000000', '--json', `${LOOP}seed`, LOOP_FILE);
    assert.equal(run.stderr, '');
    assert.equal(run.exitCode, 0);
    assert.equal((JSON.parse(run.stdout) as { start: string }).start, `${LOOP}seed`);
  });

  it('requires a file.', async () => {
    const run = await runCli('trace', `${LOOP}seed`);
    assert.equal(run.exitCode, 2);
  });
});
