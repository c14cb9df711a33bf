import assert from 'node:assert/strict';
import { matchOffersAndNeeds } from '../../src/planning/index.js';
import { planningFixture, quantityText, readModel } from './support.js';

const I = 'https://market.example/intents#';

describe('matchOffersAndNeeds', () => {
  it('lists full matches first, then partial ones by quantity.', async () => {
    const matches = matchOffersAndNeeds(await readModel(planningFixture('offers.ttl')));
    const lines = matches.map((need) => [need.need.replace(I, ''), quantityText(need.quantity),
      need.offers.map((offer) => `${offer.offer.replace(I, '')} ${offer.matchedBy} ${quantityText(offer.quantity)} ${offer.coverage}`)]);
    assert.deepEqual(lines, [
      ['bobNeed', '6 om2:kilogram', [
        'aliceApples specification 6 om2:kilogram full',
        'danFruit classification 5 om2:kilogram partial',
        'carolApples specification 3 om2:kilogram partial',
      ]],
      ['repairNeed', '2 om2:hour', ['joRepair specification 1.5 om2:hour partial']],
    ]);
  });

  it('names the proposal of an offer and what it asks in return.', async () => {
    const [bob] = matchOffersAndNeeds(await readModel(planningFixture('offers.ttl')));
    assert.deepEqual(bob?.offers[0]?.proposals, [`${I}aliceProposal`]);
    assert.deepEqual(bob?.offers[0]?.reciprocal, [`${I}alicePrice`]);
  });

  it('finds nothing in a model without intents.', async () => {
    assert.deepEqual(matchOffersAndNeeds(await readModel(planningFixture('cycle.ttl'))), []);
  });
});
