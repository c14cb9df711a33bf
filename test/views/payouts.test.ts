import assert from 'node:assert/strict';
import { readEconomicModel } from '../../src/model/EconomicModelReader.js';
import { parseRdf } from '../../src/rdf/index.js';
import { AccountingViews, ScopeTree, WHOLE_RECORD } from '../../src/views/index.js';

const NET = 'https://net.test/profile#me';
const ANN = 'https://ann.test/profile#me';
const BEN = 'https://ben.test/profile#me';
const RUN = 'https://net.test/rea/distributions/r1.ttl';

const TURTLE = `
@prefix vf: <https://w3id.org/valueflows/ont/vf#> .
@prefix om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/> .
<#euro> a vf:ResourceSpecification ; vf:mediumOfExchange true .
<#claim-1> a vf:Claim ; vf:action vf:transfer ; vf:provider <${NET}> ; vf:receiver <${ANN}> .
<#payout-1> a vf:EconomicEvent ; vf:action vf:transfer ; vf:provider <${NET}> ; vf:receiver <${ANN}> ;
  vf:resourceConformsTo <#euro> ; vf:resourceQuantity [ vf:hasNumericalValue 385.00 ; vf:hasUnit om2:one ] ;
  vf:settles <#claim-1> ; vf:hasPointInTime "2026-12-04T12:00:00Z" .
<#gift> a vf:EconomicEvent ; vf:action vf:transfer ; vf:provider <${BEN}> ; vf:receiver <${ANN}> ;
  vf:resourceConformsTo <#euro> ; vf:resourceQuantity [ vf:hasNumericalValue 5 ; vf:hasUnit om2:one ] ;
  vf:hasPointInTime "2026-12-04T13:00:00Z" .
`;

describe('The payouts of a view', () => {
  const document = parseRdf(TURTLE, { source: RUN, contentType: 'text/turtle' });
  const views = async (): Promise<AccountingViews> => {
    const parsed = await document;
    const model = readEconomicModel([parsed]);
    const scopes = new ScopeTree({
      roots: [NET], memberships: [ANN, BEN].map((member) => ({ network: NET, member })), quads: parsed.quads, model,
    });
    return new AccountingViews({ model, scopes, problems: [] });
  };

  it('lists a transfer that settles a claim received in the scope.', async () => {
    const view = (await views()).view(ANN, WHOLE_RECORD);
    assert.deepEqual(view.payouts.map((payout) => ({ ...payout, quantity: payout.quantity.toString() })), [{
      event: `${RUN}#payout-1`, provider: NET, receiver: ANN, claims: [`${RUN}#claim-1`], quantity: '385',
      unit: 'http://www.ontology-of-units-of-measure.org/resource/om-2/one', specification: `${RUN}#euro`,
      time: '2026-12-04T12:00:00Z',
      provenance: { figure: `payout ${RUN}#payout-1`, events: [`${RUN}#payout-1`], documents: [RUN] },
    }]);
  });

  it('leaves out payouts received outside the scope.', async () => {
    assert.deepEqual((await views()).view(BEN, WHOLE_RECORD).payouts, []);
  });

  it('lists the payout again by its figure key.', async () => {
    const events = (await views()).eventsOf(ANN, WHOLE_RECORD, `payout ${RUN}#payout-1`);
    assert.deepEqual(events.map((event) => event.id), [`${RUN}#payout-1`]);
  });
});
