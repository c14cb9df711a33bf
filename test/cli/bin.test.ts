import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InventoryJson } from '../../src/report/index.js';
import { fixturePath, REPOSITORY_ROOT, STACK_TRACE_LINE } from './runCli.js';

const BIN = join(REPOSITORY_ROOT, 'bin', 'oce.js');
const CHILD_COVERAGE = mkdtempSync(join(tmpdir(), 'oce-bin-coverage-'));

after(() => {
  rmSync(CHILD_COVERAGE, { recursive: true, force: true });
});

function runBin(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  // The child compiles the sources through tsx's register API, whose source maps differ from the
  // test run's, so its coverage goes to a folder c8 does not read. Node copies NODE_V8_COVERAGE
  // into a child's environment unless the environment sets it, so deleting it is not enough.
  const env = { ...process.env, NODE_V8_COVERAGE: CHILD_COVERAGE };
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPOSITORY_ROOT, encoding: 'utf8', timeout: 60_000, env,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('The bin/oce.js script', () => {
  it('prints the inventory of a fixture as JSON.', () => {
    const run = runBin('inventory', '--json', fixturePath('seed.ttl'));
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    const kilograms = { value: '5', unit: 'http://www.ontology-of-units-of-measure.org/resource/om-2/kilogram' };
    const expected: InventoryJson = {
      resources: [{
        id: 'https://coop.example/seed',
        accountingQuantity: kilograms,
        onhandQuantity: kilograms,
        primaryAccountable: 'https://coop.example/alice',
        custodian: 'https://coop.example/alice',
        currentLocation: null,
        containedIn: null,
        stage: null,
      }],
      problems: [],
    };
    assert.deepEqual(JSON.parse(run.stdout), expected);
  });

  it('lists the offline commands in --help.', () => {
    const run = runBin('--help');
    assert.equal(run.status, 0);
    assert.doesNotMatch(run.stderr, STACK_TRACE_LINE);
    for (const command of ['inventory [options] <files...>', 'contributions [options] <files...>',
      'validate [options] <files...>']) {
      assert.ok(run.stdout.includes(`\n  ${command}`), `expected [${command}] in the help, got [${run.stdout}]`);
    }
  });
});
