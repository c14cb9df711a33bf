import assert from 'node:assert/strict';
import { emptyModel } from '../../src/model/index.js';
import { FlowScopes } from '../../src/planning/index.js';
import type { ScopeHierarchy } from '../../src/planning/index.js';
import { N, readNetworkFixture } from './networkFixture.js';

describe('A FlowScopes', () => {
  it('finds the scopes of a plan on the plan and on its processes.', async () => {
    const { model, scopes } = await readNetworkFixture();
    const flowScopes = new FlowScopes(model, scopes);
    assert.deepEqual(flowScopes.ofPlan(`${N.cider}ciderPlan`), [N.orchard]);
    assert.deepEqual(flowScopes.ofPlan(`${N.jam}jamPlan`), [N.kitchen]);
    assert.deepEqual(flowScopes.ofPlan('https://nowhere.example/plan'), []);
  });

  it('places a flow by its agents, its process and its plan.', async () => {
    const { model, scopes } = await readNetworkFixture();
    const flowScopes = new FlowScopes(model, scopes);
    assert.deepEqual(flowScopes.of({ provider: N.ana, inputOf: `${N.jam}cook` }), [N.ana, N.kitchen]);
    assert.deepEqual(flowScopes.of({ plannedWithin: `${N.cider}ciderPlan` }), [N.orchard]);
    assert.deepEqual(flowScopes.of({}, [`${N.cider}ciderPlan`]), [N.orchard]);
  });

  it('rolls a project up to every network above it.', async () => {
    const { model, scopes } = await readNetworkFixture();
    const flowScopes = new FlowScopes(model, scopes);
    assert.deepEqual(flowScopes.rollUp([N.orchard]), [N.orchard, N.farm, N.hills, N.valley]);
    assert.deepEqual(flowScopes.rollUp([N.outsider]), [N.outsider]);
  });

  it('ends a roll-up through a membership cycle.', () => {
    const parents: Record<string, string[]> = { a: ['b'], b: ['a', 'c'], c: [] };
    const hierarchy: ScopeHierarchy = {
      get: (id) => (parents[id] === undefined ? undefined : { parents: parents[id] }),
      within: (id) => new Set([id]),
    };
    assert.deepEqual(new FlowScopes(emptyModel(), hierarchy).rollUp(['a']), ['a', 'b', 'c']);
  });

  it('treats every scope as its own only without a hierarchy.', () => {
    const flowScopes = new FlowScopes(emptyModel());
    assert.deepEqual([...flowScopes.within(N.valley)], [N.valley]);
    assert.deepEqual(flowScopes.rollUp([N.farm]), [N.farm]);
  });
});
