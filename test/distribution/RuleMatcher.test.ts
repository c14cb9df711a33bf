import assert from 'node:assert/strict';
import { Formula, RuleMatcher } from '../../src/distribution/index.js';
import type { BucketRule } from '../../src/distribution/index.js';
import { Decimal } from '../../src/model/index.js';
import { contribution, EX } from './factories.js';

function rule(fields: Partial<BucketRule>): BucketRule {
  return {
    id: `${EX}r`, label: null, order: null, actions: [], resourceClassifications: [], processClassifications: [],
    scopes: [], startDate: null, endDate: null, formula: Formula.compile('1', [], `${EX}r`),
    passBackPercent: new Decimal(100), claimKind: null, cap: null, ...fields,
  };
}

const PARENTS = new Map([[`${EX}lab`, [`${EX}network`]], [`${EX}network`, [`${EX}lab`]]]);
const matcher = new RuleMatcher(PARENTS);

function at(time: string | null): ReturnType<typeof contribution> {
  return contribution('w', 'ann', { time });
}

describe('A RuleMatcher', () => {
  it('selects by action.', () => {
    assert.equal(matcher.matches(rule({ actions: ['use'] }), contribution('w', 'ann')), false);
    assert.equal(matcher.matches(rule({ actions: ['use', 'work'] }), contribution('w', 'ann')), true);
  });

  it('selects by resource and process classification.', () => {
    const used = contribution('u', 'ann', { resourceClassifications: [`${EX}tool`], processClassifications: [`${EX}build`] });
    assert.equal(matcher.matches(rule({ resourceClassifications: [`${EX}tool`] }), used), true);
    assert.equal(matcher.matches(rule({ resourceClassifications: [`${EX}seed`] }), used), false);
    assert.equal(matcher.matches(rule({ processClassifications: [`${EX}sell`] }), used), false);
  });

  it('selects a sub-scope of a listed scope and ends at a cycle.', () => {
    const inLab = contribution('w', 'ann', { scope: `${EX}lab` });
    assert.equal(matcher.matches(rule({ scopes: [`${EX}network`] }), inLab), true);
    assert.equal(matcher.matches(rule({ scopes: [`${EX}elsewhere`] }), inLab), false);
    assert.equal(matcher.matches(rule({ scopes: [`${EX}network`] }), contribution('w', 'ann')), false);
  });

  it('selects a date range with the whole end day.', () => {
    const may = rule({ startDate: '2026-05-01', endDate: '2026-05-31' });
    assert.equal(matcher.matches(may, at('2026-04-30T23:59:59Z')), false);
    assert.equal(matcher.matches(may, at('2026-05-01T00:00:00Z')), true);
    assert.equal(matcher.matches(may, at('2026-05-31T23:59:59.5Z')), true);
    assert.equal(matcher.matches(may, at('2026-06-01T00:00:00Z')), false);
  });

  it('ends a range with a time at that instant.', () => {
    const morning = rule({ endDate: '2026-05-01T12:00:00Z' });
    assert.equal(matcher.matches(morning, at('2026-05-01T12:00:00Z')), true);
    assert.equal(matcher.matches(morning, at('2026-05-01T12:00:01Z')), false);
  });

  it('leaves out an event without a time from a date range.', () => {
    assert.equal(matcher.matches(rule({ startDate: '2026-05-01' }), at(null)), false);
    assert.equal(matcher.matches(rule({ startDate: '2026-05-01' }), at('last week')), false);
  });

  it('ignores scope and dates upstream.', () => {
    const early = contribution('w', 'ann', { time: '2020-01-01T00:00:00Z', scope: `${EX}elsewhere` });
    const strict = rule({ scopes: [`${EX}network`], startDate: '2026-01-01' });
    assert.equal(matcher.matches(strict, early), false);
    assert.equal(matcher.matches(strict, early, true), true);
  });
});
