import assert from 'node:assert/strict';
import type { ContributionsJson } from '../../src/report/index.js';
import { fixturePath, runCli } from './runCli.js';

const OM2 = 'http://www.ontology-of-units-of-measure.org/resource/om-2/';
const COOP = 'https://coop.example/';

async function contributionsJson(file: string): Promise<ContributionsJson> {
  const run = await runCli('contributions', '--json', fixturePath(file));
  assert.equal(run.stderr, '');
  assert.equal(run.exitCode, 0);
  return JSON.parse(run.stdout) as ContributionsJson;
}

describe('The oce contributions command', () => {
  /*
   * Worked out by hand from contributions.ttl: Alice works 3.5 h and 4.25 h, corrected by
   * -0.25 h (7.5 h), and gives 0.750 m³ of timber. Bob pays 20.50 dollars and 5 euros, which
   * are summed apart. Carol's tractor is used for 2 h and Dave's design is cited once.
   */
  it('sums each agent\'s totals per kind and unit.', async () => {
    const report = await contributionsJson('contributions.ttl');
    assert.deepEqual(report.agents.map(({ agent, totals }) => ({ agent, totals })), [
      {
        agent: `${COOP}alice`,
        totals: [
          {
            kind: 'resource', unit: `${OM2}cubicMetre`, specification: null, quantity: '0.75',
            events: [`${COOP}timber-gift`],
          },
          {
            kind: 'work', unit: `${OM2}hour`, specification: null, quantity: '7.5',
            events: [`${COOP}work-1`, `${COOP}work-2`, `${COOP}work-2-correction`],
          },
        ],
      },
      {
        agent: `${COOP}bob`,
        totals: [
          { kind: 'money', unit: `${OM2}one`, specification: `${COOP}eur`, quantity: '5', events: [`${COOP}euro-payment`] },
          { kind: 'money', unit: `${OM2}one`, specification: `${COOP}usd`, quantity: '20.5', events: [`${COOP}payment`] },
        ],
      },
      {
        agent: `${COOP}carol`,
        totals: [
          { kind: 'equipmentUse', unit: `${OM2}hour`, specification: null, quantity: '2', events: [`${COOP}tractor-use`] },
        ],
      },
      {
        agent: `${COOP}dave`,
        totals: [
          { kind: 'citation', unit: `${OM2}one`, specification: null, quantity: '1', events: [`${COOP}design-citation`] },
        ],
      },
    ]);
  });

  it('reports no problems for clean data.', async () => {
    const report = await contributionsJson('contributions.ttl');
    assert.deepEqual(report.problems, []);
  });

  it('puts process work in the process\'s scope.', async () => {
    const report = await contributionsJson('contributions.ttl');
    const alice = report.agents.find((entry) => entry.agent === `${COOP}alice`);
    assert.deepEqual(alice?.lines, [
      {
        kind: 'resource', unit: `${OM2}cubicMetre`, specification: null, quantity: '0.75', scope: null, process: null,
        events: [`${COOP}timber-gift`],
      },
      {
        kind: 'work', unit: `${OM2}hour`, specification: null, quantity: '7.5', scope: `${COOP}network`,
        process: `${COOP}build-barn`, events: [`${COOP}work-1`, `${COOP}work-2`, `${COOP}work-2-correction`],
      },
    ]);
  });

  it('prints a table of totals without --json.', async () => {
    const run = await runCli('contributions', fixturePath('contributions.ttl'));
    assert.equal(run.exitCode, 0);
    assert.deepEqual(run.stdout.split('\n'), [
      'agent                       kind          quantity  unit                      events',
      '--------------------------  ------------  --------  ------------------------  ------',
      'https://coop.example/alice  resource      0.75      om2:cubicMetre            1',
      'https://coop.example/alice  work          7.5       om2:hour                  3',
      'https://coop.example/bob    money         5         https://coop.example/eur  1',
      'https://coop.example/bob    money         20.5      https://coop.example/usd  1',
      'https://coop.example/carol  equipmentUse  2         om2:hour                  1',
      'https://coop.example/dave   citation      1         om2:one                   1',
    ]);
  });
});
