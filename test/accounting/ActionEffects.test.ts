import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser } from 'n3';
import {
  ActionEffects, IMPLIED_CUSTODY_TRANSFER_ACTIONS, IMPLIED_TRANSFER_ACTIONS, impliedTransferOf,
} from '../../src/accounting/index.js';
import type { ActionEffect } from '../../src/accounting/index.js';
import { ACTION_IDS } from '../../src/model/index.js';

const VF = 'https://w3id.org/valueflows/ont/vf#';
const TTL = fileURLToPath(new URL('../../../shared/reference/valueflows/ontology/all_vf.TTL', import.meta.url));

const COLUMNS = [
  'inputOutput', 'pairsWith', 'createResource', 'eventQuantity', 'accountingEffect', 'onhandEffect',
  'locationEffect', 'containedEffect', 'accountableEffect', 'stageEffect', 'stateEffect',
] as const;

/** Reads every behaviour value of every vf:Action individual from the normative Turtle. */
function actionsFromTurtle(): Map<string, Map<string, string>> {
  const quads = new Parser().parse(readFileSync(TTL, 'utf8'));
  const actions = new Map<string, Map<string, string>>();
  for (const quad of quads) {
    const predicate = quad.predicate.value.replace(VF, '');
    if (!quad.subject.value.startsWith(VF) || !(COLUMNS as readonly string[]).includes(predicate)) {
      continue;
    }
    const action = quad.subject.value.replace(VF, '');
    const values = actions.get(action) ?? new Map<string, string>();
    values.set(predicate, quad.object.value.replace(VF, ''));
    actions.set(action, values);
  }
  return actions;
}

describe('The ActionEffects table', () => {
  const turtle = actionsFromTurtle();

  it('has exactly the 19 VF 1.0 actions.', () => {
    assert.deepEqual(Object.keys(ActionEffects).sort(), [...ACTION_IDS].sort());
    assert.deepEqual([...turtle.keys()].sort(), [...ACTION_IDS].sort());
  });

  for (const action of ACTION_IDS) {
    it(`matches the normative Turtle for ${action}.`, () => {
      const row: ActionEffect = ActionEffects[action];
      for (const column of COLUMNS) {
        const expected = turtle.get(action)?.get(column);
        const actual = column === 'pairsWith' ? row.pairsWith ?? 'notApplicable' : row[column];
        assert.equal(actual, expected, `${action}.${column}`);
      }
    });
  }

  it('lists consume, produce and deliverService as implying a full transfer.', () => {
    assert.deepEqual([...IMPLIED_TRANSFER_ACTIONS], ['consume', 'produce', 'deliverService']);
  });

  it('lists pickup, dropoff, accept and modify as implying a custody transfer.', () => {
    assert.deepEqual([...IMPLIED_CUSTODY_TRANSFER_ACTIONS], ['pickup', 'dropoff', 'accept', 'modify']);
  });
});

describe('impliedTransferOf', () => {
  it('returns transfer for a consume between two agents.', () => {
    assert.equal(impliedTransferOf({ action: 'consume', provider: 'a', receiver: 'b' }), 'transfer');
  });

  it('returns transferCustody for a pickup between two agents.', () => {
    assert.equal(impliedTransferOf({ action: 'pickup', provider: 'a', receiver: 'b' }), 'transferCustody');
  });

  it('returns null when provider and receiver are the same agent.', () => {
    assert.equal(impliedTransferOf({ action: 'consume', provider: 'a', receiver: 'a' }), null);
  });

  it('returns null when the receiver is missing.', () => {
    assert.equal(impliedTransferOf({ action: 'dropoff', provider: 'a' }), null);
  });

  it('returns null for an action outside both lists.', () => {
    assert.equal(impliedTransferOf({ action: 'use', provider: 'a', receiver: 'b' }), null);
  });
});
