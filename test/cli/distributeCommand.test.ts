import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DistributionJson } from '../../src/distribution/index.js';
import { COOP, EQ, EUR, fixturePath } from '../distribution/loadExample.js';
import { runCli, STACK_TRACE_LINE } from './runCli.js';

const FILES = [fixturePath('printing.ttl'), fixturePath('equations.ttl')];
const tempFolders: string[] = [];

async function writeEquation(turtle: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'oce-distribute-'));
  tempFolders.push(folder);
  const path = join(folder, 'equation.ttl');
  await writeFile(path, `@prefix oce: <https://w3id.org/oce/ns#> . @prefix eq: <${EQ}> . @prefix coop: <${COOP}> .\n${turtle}`);
  return path;
}

describe('The oce distribute command', () => {
  after(async () => {
    await Promise.all(tempFolders.map(async (folder) => rm(folder, { recursive: true, force: true })));
  });

  /* Worked out in the straight-percentages example of the distribution tests. */
  it('prints the payouts and the explanation as JSON.', async () => {
    const run = await runCli('distribute', '--json', '--equation', `${EQ}straight`, '--amount', '1000.00',
      '--currency', EUR, ...FILES);
    assert.equal(run.stderr, '');
    assert.equal(run.exitCode, 0);
    const json = JSON.parse(run.stdout) as DistributionJson;
    assert.equal(json.amount, '1000.00');
    assert.equal(json.currency, EUR);
    assert.deepEqual(json.payouts, [
      { agent: `${COOP}alice`, amount: '450.00' }, { agent: `${COOP}bob`, amount: '383.33' },
      { agent: `${COOP}carol`, amount: '116.67' }, { agent: `${COOP}network`, amount: '50.00' },
    ]);
    assert.deepEqual(json.buckets.map((bucket) => [bucket.label, bucket.amount]),
      [['Network fee', '50.00'], ['Work', '600.00'], ['Equipment and materials', '350.00']]);
    assert.equal(json.undistributed, '0.00');
  });

  it('runs the equation of a sub-network found in the files.', async () => {
    const run = await runCli('distribute', '--json', '--equation', `${EQ}with-lab`, '--amount', '1000', ...FILES);
    const json = JSON.parse(run.stdout) as DistributionJson;
    assert.equal(json.currency, null);
    assert.deepEqual(json.payouts.map((payout) => payout.amount), ['525.00', '175.00', '67.50', '30.00', '202.50']);
    assert.equal(json.subDistributions[0]?.agent, `${COOP}design-lab`);
  });

  it('prints a table per member and rule without --json.', async () => {
    const run = await runCli('distribute', '--equation', `${EQ}straight`, '--amount', '1000.00', ...FILES);
    assert.equal(run.exitCode, 0);
    assert.deepEqual(run.stdout.split('\n'), [
      `Distribution of 1000.00 by ${EQ}straight`,
      '',
      'bucket                   agent                         rule                       hours  value  share     payout  limit',
      '-----------------------  ----------------------------  -------------------------  -----  -----  --------  ------  -----',
      'Network fee              https://coop.example/network  fixed share                0      0      1         50.00',
      'Work                     https://coop.example/alice    Project work by hours      6      6      0.75      450.00',
      'Work                     https://coop.example/bob      Project work by hours      2      2      0.25      150.00',
      'Equipment and materials  https://coop.example/bob      Materials at their price   0      40     0.666667  233.33',
      'Equipment and materials  https://coop.example/carol    Equipment use at its rate  4      20     0.333333  116.67',
      '',
      'agent                         payout',
      '----------------------------  ------',
      'https://coop.example/alice    450.00',
      'https://coop.example/bob      383.33',
      'https://coop.example/carol    116.67',
      'https://coop.example/network  50.00',
      '',
      'undistributed: 0.00',
    ]);
  });

  it('rejects an equation over 100 % with the total on standard error.', async () => {
    const path = await writeEquation(`eq:greedy a oce:ValueEquation ; oce:bucket eq:g1 , eq:g2 .
      eq:g1 oce:order 1 ; oce:percentOfTotal 70 ; oce:fixedShareTo coop:alice .
      eq:g2 oce:order 2 ; oce:percentOfTotal 40 ; oce:fixedShareTo coop:bob .`);
    const run = await runCli('distribute', '--json', '--equation', `${EQ}greedy`, '--amount', '10', path);
    assert.equal(run.exitCode, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr,
      `The value equation was rejected: Value equation [${EQ}greedy] allocates [110] % of the total, more than 100 %`);
  });

  it('rejects an equation that violates its shapes.', async () => {
    const path = await writeEquation('eq:bad a oce:ValueEquation ; oce:bucket eq:b . eq:b oce:percentOfTotal 5 ; ' +
      'oce:fixedShareTo coop:alice .');
    const run = await runCli('distribute', '--equation', `${EQ}bad`, '--amount', '10', path);
    assert.equal(run.exitCode, 1);
    assert.equal(run.stderr, `The value equations violate their shapes:\n${path}: [${EQ}b] ` +
      '[https://w3id.org/oce/ns#order] fails sh:MinCount: a bucket has exactly one oce:order, an xsd:integer; found none');
  });

  it('rejects an equation that is not in the files.', async () => {
    const run = await runCli('distribute', '--equation', `${EQ}missing`, '--amount', '10', fixturePath('printing.ttl'));
    assert.equal(run.exitCode, 1);
    assert.equal(run.stderr, `The value equation was rejected: Value equation [${EQ}missing] was not found; ` +
      'equations in the data: none');
    assert.doesNotMatch(run.stderr, STACK_TRACE_LINE);
  });

  for (const amount of ['lots', '-5', '0.001']) {
    it(`rejects the amount ${amount} as a usage error.`, async () => {
      const run = await runCli('distribute', '--equation', `${EQ}straight`, '--amount', amount, ...FILES);
      assert.equal(run.exitCode, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, 'Invalid --amount: expected a decimal of 0 or more with at most 2 decimal places, ' +
        `such as 1000.00, got [${amount}]`);
    });
  }

  it('counts decimal places by --scale.', async () => {
    const run = await runCli('distribute', '--equation', `${EQ}straight`, '--amount', '0.001', '--scale', '3', '--json',
      ...FILES);
    assert.equal(run.stderr, '');
    assert.equal(run.exitCode, 0);
    assert.equal((JSON.parse(run.stdout) as DistributionJson).amount, '0.001');
  });

  it('rejects a scale out of range.', async () => {
    const run = await runCli('distribute', '--equation', `${EQ}straight`, '--amount', '1', '--scale', '19', ...FILES);
    assert.equal(run.exitCode, 2);
    assert.equal(run.stderr, 'Invalid --scale: expected a whole number of digits from 0 to 18, got [19]');
  });

  it('rejects a currency that is not an IRI.', async () => {
    const run = await runCli('distribute', '--equation', `${EQ}straight`, '--amount', '1', '--currency', 'not iri',
      ...FILES);
    assert.equal(run.exitCode, 2);
    assert.equal(run.stderr, 'Invalid --currency: expected the IRI of the currency\'s resource specification, ' +
      'an absolute IRI, got [not iri]');
  });

  it('rejects an equation that is not an IRI.', async () => {
    const run = await runCli('distribute', '--equation', 'straight', '--amount', '1', ...FILES);
    assert.equal(run.exitCode, 2);
    assert.equal(run.stderr, 'Invalid --equation: expected the IRI of an oce:ValueEquation, an absolute IRI, ' +
      'got [straight]');
  });

  it('rejects a sub-network with two equations.', async () => {
    const path = await writeEquation(`eq:lab-2 a oce:ValueEquation ; oce:equationOf coop:design-lab ;
      oce:bucket [ oce:order 1 ; oce:percentOfTotal 5 ; oce:fixedShareTo coop:erin ] .`);
    const run = await runCli('distribute', '--equation', `${EQ}with-lab`, '--amount', '10', ...FILES, path);
    assert.equal(run.exitCode, 1);
    assert.equal(run.stderr, `The value equation was rejected: Sub-network [${COOP}design-lab] receives a share but ` +
      `has several value equations [${EQ}lab], [${EQ}lab-2]; keep one per agent in the files given`);
  });
});
