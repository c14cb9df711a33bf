import assert from 'node:assert/strict';
import { ContributionDeriver, readPriceList, readScopeParents, ValueEquationError } from '../../src/distribution/index.js';
import type { Contribution } from '../../src/distribution/index.js';
import { formatDecimal } from '../../src/model/index.js';
import { readEconomicModel } from '../../src/model/EconomicModelReader.js';
import { parseRdf } from '../../src/rdf/index.js';
import { COOP, loadExample } from './loadExample.js';

const PREFIXES = `@prefix vf: <https://w3id.org/valueflows/ont/vf#> . @prefix coop: <${COOP}> .
@prefix oce: <https://w3id.org/oce/ns#> . @prefix om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/> .
`;

async function derive(turtle: string, network: string | null = `${COOP}network`): Promise<Contribution[]> {
  const document = await parseRdf(PREFIXES + turtle, { source: 'inline.ttl', contentType: 'text/turtle' });
  const model = readEconomicModel([document]);
  return new ContributionDeriver(model, { network, prices: readPriceList(document.quads) }).derive().contributions;
}

function summary(contribution: Contribution): string[] {
  return [contribution.event.replace(COOP, ''), contribution.agent.replace(COOP, ''), formatDecimal(contribution.hours),
    formatDecimal(contribution.quantity)];
}

describe('A ContributionDeriver', () => {
  it('derives the print network\'s contributions in time order.', async () => {
    const { contributions } = (await loadExample()).contributions;
    assert.deepEqual(contributions.map(summary), [
      ['gina-loan', 'gina', '0', '200'],
      ['dave-design-work', 'dave', '10', '0'],
      ['erin-design-work', 'erin', '30', '0'],
      ['design-citation', 'dave', '0', '1'],
      ['alice-print-work', 'alice', '6', '0'],
      ['carol-printer-use', 'carol', '4', '0'],
      ['bob-filament', 'bob', '0', '2'],
      ['bob-print-work', 'bob', '2', '0'],
    ]);
  });

  it('reads scopes, classifications, prices and currencies.', async () => {
    const { contributions } = (await loadExample()).contributions;
    const byEvent = new Map(contributions.map((entry) => [entry.event.replace(COOP, ''), entry]));
    const use = byEvent.get('carol-printer-use');
    assert.equal(use?.scope, `${COOP}printer-project`);
    assert.deepEqual(use?.resourceClassifications, [`${COOP}equipment`]);
    assert.deepEqual(use?.processClassifications, [`${COOP}manufacturing`]);
    assert.equal(String(use?.valuePerUnitOfUse), '5');
    const filament = byEvent.get('bob-filament');
    assert.deepEqual(filament?.resourceClassifications, [`${COOP}filament-spec`, `${COOP}material`]);
    assert.equal(String(filament?.valuePerUnit), '20');
    assert.equal(byEvent.get('gina-loan')?.currency, `${COOP}eur`);
  });

  it('maps each produced resource to its process.', async () => {
    const { contributions, scopeParents } = await loadExample();
    assert.deepEqual([...contributions.producers], [[`${COOP}part-design`, [`${COOP}design-process`]]]);
    assert.deepEqual(scopeParents.get(`${COOP}design-lab`), [`${COOP}network`]);
  });

  it('adds a correction to the event it corrects.', async () => {
    const contributions = await derive(`
      coop:w1 a vf:EconomicEvent ; vf:action vf:work ; vf:provider coop:ann ;
        vf:effortQuantity [ vf:hasNumericalValue 4 ; vf:hasUnit om2:hour ] ; vf:hasPointInTime "2026-05-01T10:00:00Z" .
      coop:w1-fix a vf:EconomicEvent ; vf:action vf:work ; vf:provider coop:ann ; vf:corrects coop:w1 ;
        vf:effortQuantity [ vf:hasNumericalValue -1.5 ; vf:hasUnit om2:hour ] ; vf:hasPointInTime "2026-05-02T10:00:00Z" .`);
    assert.deepEqual(contributions.map(summary), [['w1', 'ann', '2.5', '0']]);
  });

  it('adds a correction that sorts before the event it corrects.', async () => {
    const contributions = await derive(`
      coop:w2 a vf:EconomicEvent ; vf:action vf:work ; vf:provider coop:ann ;
        vf:effortQuantity [ vf:hasNumericalValue 7 ; vf:hasUnit om2:hour ] ; vf:hasPointInTime "2026-05-01T10:00:00Z" .
      coop:w1-fix a vf:EconomicEvent ; vf:action vf:work ; vf:provider coop:ann ; vf:corrects coop:w2 ;
        vf:effortQuantity [ vf:hasNumericalValue -1 ; vf:hasUnit om2:hour ] ; vf:hasPointInTime "2026-05-01T10:00:00Z" .`);
    assert.deepEqual(contributions.map(summary), [['w2', 'ann', '6', '0']]);
  });

  it('counts transfers into the network only.', async () => {
    const turtle = `
      coop:t1 a vf:EconomicEvent ; vf:action vf:transfer ; vf:provider coop:ann ; vf:receiver coop:network ;
        vf:resourceQuantity [ vf:hasNumericalValue 3 ; vf:hasUnit om2:one ] .
      coop:t2 a vf:EconomicEvent ; vf:action vf:transfer ; vf:provider coop:ann ; vf:receiver coop:ben ;
        vf:resourceQuantity [ vf:hasNumericalValue 4 ; vf:hasUnit om2:one ] .
      coop:p1 a vf:EconomicEvent ; vf:action vf:produce ; vf:provider coop:ann ;
        vf:resourceQuantity [ vf:hasNumericalValue 5 ; vf:hasUnit om2:one ] .
      coop:w1 a vf:EconomicEvent ; vf:action vf:work ;
        vf:effortQuantity [ vf:hasNumericalValue 1 ; vf:hasUnit om2:hour ] .`;
    assert.deepEqual((await derive(turtle)).map(summary), [['t1', 'ann', '0', '3']]);
    assert.deepEqual((await derive(turtle, null)).map(summary), [['t1', 'ann', '0', '3'], ['t2', 'ann', '0', '4']]);
  });

  it('rejects two different prices of one resource.', async () => {
    const document = await parseRdf(`${PREFIXES}coop:tool oce:valuePerUnit 5 , 6 .`,
      { source: 'inline.ttl', contentType: 'text/turtle' });
    assert.throws(() => readPriceList(document.quads), (error: unknown) => error instanceof ValueEquationError &&
      error.message === `[${COOP}tool] states two values of oce:valuePerUnit: [5] and [6]`);
  });

  it('rejects a price that is not a number.', async () => {
    const document = await parseRdf(`${PREFIXES}coop:tool oce:valuePerUnitOfUse "cheap" .`,
      { source: 'inline.ttl', contentType: 'text/turtle' });
    assert.throws(() => readPriceList(document.quads),
      { message: `oce:valuePerUnitOfUse of [${COOP}tool] must be a decimal number, got [cheap]` });
  });

  it('reads parent scopes from either direction of the org link.', async () => {
    const document = await parseRdf(`${PREFIXES}@prefix org: <http://www.w3.org/ns/org#> .
      coop:lab org:subOrganizationOf coop:network . coop:network org:hasSubOrganization coop:lab , coop:shop .`,
    { source: 'inline.ttl', contentType: 'text/turtle' });
    assert.deepEqual([...readScopeParents(document.quads)],
      [[`${COOP}lab`, [`${COOP}network`]], [`${COOP}shop`, [`${COOP}network`]]]);
  });
});
