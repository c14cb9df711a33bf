import assert from 'node:assert/strict';
import { EventInputError, checkEventInput, checkEventQuads } from '../../src/pod/index.js';
import type { EventInput } from '../../src/pod/index.js';
import { turtle } from '../support/rdfAssertions.js';

const HOUR = 'http://www.ontology-of-units-of-measure.org/resource/om-2/hour';
const PAST_EVENT = 'http://localhost:3000/alice/rea/events/2026/12/01.ttl#w1';

function assertRejected(input: EventInput, field: string, message: string): void {
  assert.throws(() => checkEventInput(input), (error: unknown) => {
    assert.ok(error instanceof EventInputError);
    assert.equal(error.field, field);
    assert.equal(error.message, message);
    return true;
  });
}

describe('checkEventInput', () => {
  it('accepts a work event with an effort.', () => {
    assert.doesNotThrow(() => checkEventInput({
      id: 'w-1.a_b~c', action: 'work', hasPointInTime: '2026-12-04T10:00:00Z',
      effortQuantity: { value: '2.5', unit: HOUR },
    }));
  });

  it('rejects a negative effort without corrects.', () => {
    assertRejected({ action: 'work', effortQuantity: { value: '-3', unit: HOUR } }, 'effortQuantity',
      'Invalid effortQuantity [-3]: only a correction (an event with vf:corrects, --corrects) ' +
      'may have a negative quantity');
  });

  it('rejects a negative resource quantity without corrects.', () => {
    assertRejected({ action: 'raise', resourceQuantity: { value: '-0.5', unit: HOUR } }, 'resourceQuantity',
      'Invalid resourceQuantity [-0.5]: only a correction (an event with vf:corrects, --corrects) ' +
      'may have a negative quantity');
  });

  it('accepts a negative effort in a correction.', () => {
    assert.doesNotThrow(() => checkEventInput({
      action: 'work', corrects: PAST_EVENT, effortQuantity: { value: '-3', unit: HOUR },
    }));
  });

  it('accepts a negative zero without corrects.', () => {
    assert.doesNotThrow(() => checkEventInput({ action: 'work', effortQuantity: { value: '-0', unit: HOUR } }));
  });

  it('rejects work without an effort.', () => {
    assertRejected({ action: 'work' }, 'effortQuantity',
      'A work event needs an effort quantity (--effort), since its contribution is measured by effort');
  });

  it('rejects an id that is no IRI fragment.', () => {
    assertRejected({ id: 'bad id#x', action: 'use' }, 'id', 'Invalid event id [bad id#x]: expected letters, ' +
      'digits, dots, underscores, tildes or hyphens, since it becomes the fragment of the event IRI');
  });

  it('rejects an empty id.', () => {
    assert.throws(() => checkEventInput({ id: '', action: 'use' }), /Invalid event id \[\]/u);
  });

  it('rejects an unknown action.', () => {
    assertRejected({ action: 'steal' }, 'action',
      'Expected a VF 1.0 action name such as [work] or [transfer], got [steal]');
  });

  it('rejects an invalid calendar date.', () => {
    assertRejected({ action: 'use', hasBeginning: '2026-02-30T10:00:00Z' }, 'hasBeginning',
      'Invalid hasBeginning: Expected a valid calendar date and time, got [2026-02-30T10:00:00Z]');
  });

  it('rejects a quantity that is not a decimal.', () => {
    assertRejected({ action: 'raise', resourceQuantity: { value: 'ten', unit: HOUR } }, 'resourceQuantity',
      'Invalid resourceQuantity: Expected a decimal number, got [ten]');
  });

  it('rejects a relative unit and a relative link.', () => {
    assertRejected({ action: 'raise', resourceQuantity: { value: '1', unit: 'hour' } }, 'resourceQuantity.unit',
      'Expected an absolute IRI for [resourceQuantity.unit], got [hour]');
    assertRejected({ action: 'use', provider: 'alice' }, 'provider',
      'Expected an absolute IRI for [provider], got [alice]');
  });
});

describe('checkEventQuads', () => {
  const DAY = 'http://localhost:3000/alice/rea/events/2026/12/04.ttl';
  const EVENT = `${DAY}#ev1`;
  const PREFIXES = '@prefix vf: <https://w3id.org/valueflows/ont/vf#>.';

  function assertQuadsRejected(body: string, field: string, message: string): void {
    assert.throws(() => checkEventQuads(turtle(`${PREFIXES} ${body}`, DAY), EVENT), (error: unknown) => {
      assert.ok(error instanceof EventInputError);
      assert.equal(error.field, field);
      assert.equal(error.message, message);
      return true;
    });
  }

  it('accepts work with an effort.', () => {
    const quads = turtle(`${PREFIXES} <#ev1> vf:action vf:work; vf:effortQuantity [ vf:hasNumericalValue 2 ].`, DAY);
    assert.doesNotThrow(() => checkEventQuads(quads, EVENT));
  });

  it('rejects a negative effort without vf:corrects.', () => {
    assertQuadsRejected('<#ev1> vf:action vf:work; vf:effortQuantity [ vf:hasNumericalValue -3 ].', 'effortQuantity',
      `Invalid vf:effortQuantity [-3] of event [${EVENT}]: only a correction (an event with vf:corrects) ` +
      'may have a negative quantity');
  });

  it('accepts a negative quantity with vf:corrects.', () => {
    const quads = turtle(`${PREFIXES} <#ev1> vf:action vf:raise; vf:corrects <#ev0>;
      vf:resourceQuantity [ vf:hasNumericalValue -3 ].`, DAY);
    assert.doesNotThrow(() => checkEventQuads(quads, EVENT));
  });

  it('rejects work without an effort.', () => {
    assertQuadsRejected('<#ev1> vf:action vf:work.', 'effortQuantity',
      `Work event [${EVENT}] needs a vf:effortQuantity, since its contribution is measured by effort`);
  });

  it('rejects a missing action.', () => {
    assertQuadsRejected('<#ev1> vf:note "no action".', 'action', 'Expected a vf:action of VF 1.0 such as ' +
      `[https://w3id.org/valueflows/ont/vf#work] on event [${EVENT}], got []`);
  });
});
