import assert from 'node:assert/strict';
import type { Problem } from '../../src/model/index.js';
import { fixturePath, runCli } from './runCli.js';

describe('The oce validate command', () => {
  it('exits 0 and says so for conforming files.', async () => {
    const run = await runCli('validate', fixturePath('bakery.ttl'), fixturePath('contributions.ttl'));
    assert.equal(run.exitCode, 0);
    assert.equal(run.stdout, '2 file(s) conform to the shapes');
    assert.equal(run.stderr, '');
  });

  it('rejects an event with two actions.', async () => {
    const path = fixturePath('two-actions.ttl');
    const run = await runCli('validate', path);
    assert.equal(run.exitCode, 1);
    assert.equal(run.stdout, 'error: [https://coop.example/ambiguous] vf:action fails sh:MaxCount: an event has ' +
      'exactly one vf:action, one of the 19 ValueFlows 1.0 actions; found ' +
      '[https://w3id.org/valueflows/ont/vf#produce], [https://w3id.org/valueflows/ont/vf#consume] ' +
      `(${path} https://coop.example/ambiguous)`);
    assert.equal(run.stderr, '1 error(s) in 1 file(s) violate the shapes');
  });

  it('rejects a measure without a unit.', async () => {
    const path = fixturePath('measure-without-unit.ttl');
    const run = await runCli('validate', '--json', path);
    assert.equal(run.exitCode, 1);
    const report = JSON.parse(run.stdout) as { valid: boolean; problems: Problem[] };
    assert.equal(report.valid, false);
    assert.deepEqual(report.problems, [{
      severity: 'error',
      message: '[https://coop.example/unitless] vf:resourceQuantity / vf:hasUnit fails sh:MinCount: a measure has ' +
        'exactly one vf:hasUnit, the IRI of an OM 2 unit or a vf:Unit; found none',
      subject: 'https://coop.example/unitless',
      source: path,
    }]);
  });

  it('reports --json for a conforming file.', async () => {
    const run = await runCli('validate', '--json', fixturePath('seed.ttl'));
    assert.equal(run.exitCode, 0);
    assert.deepEqual(JSON.parse(run.stdout), { valid: true, problems: [] });
  });

  it('counts errors over every file.', async () => {
    const run = await runCli('validate', fixturePath('seed.ttl'), fixturePath('two-actions.ttl'),
      fixturePath('measure-without-unit.ttl'));
    assert.equal(run.exitCode, 1);
    assert.equal(run.stdout.split('\n').length, 2);
    assert.equal(run.stderr, '2 error(s) in 3 file(s) violate the shapes');
  });
});
