import assert from 'node:assert/strict';
import { ImportPlanner } from '../../src/pod/index.js';
import { parseRdf } from '../../src/rdf/index.js';

const STORAGE = 'http://localhost:3000/alice/';
const PREFIXES = '@prefix vf: <https://w3id.org/valueflows/ont/vf#>.\n';

describe('An ImportPlanner', () => {
  it('rejects two files with the same name.', async () => {
    const one = await parseRdf(`${PREFIXES}<#a> a vf:Plan.`, { source: '/data/one/plan.ttl' });
    const two = await parseRdf(`${PREFIXES}<#b> a vf:Plan.`, { source: '/data/two/plan.ttl' });
    assert.throws(() => new ImportPlanner(STORAGE).plan([one, two]),
      /Files \[\/data\/one\/plan\.ttl\] and \[\/data\/two\/plan\.ttl\] have the same name \[plan\]/u);
  });

  it('sends an event with an invalid time to undated.ttl with a warning.', async () => {
    const file = await parseRdf(`${PREFIXES}<#e> a vf:EconomicEvent; vf:action vf:work; vf:hasPointInTime "soon".`,
      { source: '/data/work.ttl' });
    const plan = new ImportPlanner(STORAGE).plan([file]);
    assert.equal(plan.iriMap.get('file:///data/work.ttl#e'), `${STORAGE}rea/events/undated.ttl#work-e`);
    assert.equal(plan.problems.length, 1);
    assert.equal(plan.problems[0]!.severity, 'warning');
    assert.match(plan.problems[0]!.message, /got \[soon\]; the event goes to the undated document/u);
  });

  it('names blank-node events by their order in the file.', async () => {
    const file = await parseRdf(`${PREFIXES}[] a vf:EconomicEvent; vf:action vf:work.
      [] a vf:EconomicEvent; vf:action vf:use.`, { source: '/data/day.ttl' });
    const plan = new ImportPlanner(STORAGE).plan([file]);
    const subjects = plan.events.map((quads) => quads[0]!.subject.value);
    assert.deepEqual(subjects, [`${STORAGE}rea/events/undated.ttl#day-event-1`, `${STORAGE}rea/events/undated.ttl#day-event-2`]);
  });

  it('keeps a relative path of a subject in its fragment.', async () => {
    const file = await parseRdf(`${PREFIXES}<things/big%20tractor> a vf:EconomicResource.`, { source: '/data/farm.ttl' });
    const plan = new ImportPlanner(STORAGE).plan([file]);
    assert.equal(plan.iriMap.get('file:///data/things/big%20tractor'), `${STORAGE}rea/resources/farm.ttl#things-big-tractor`);
  });
});
