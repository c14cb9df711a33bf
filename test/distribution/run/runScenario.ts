import { Parser } from 'n3';
import type { DistributionData } from '../../../src/distribution/run/index.js';
import { readEconomicModel } from '../../../src/model/EconomicModelReader.js';

/**
 * Turtle of a small network for committed runs: a 10 % fee to the network, then work by hours
 * (Ada 3 h, Bruno 1 h) as an equity-like claim, and Bruno's citation as a debt-like claim capped
 * at 15.00. `NET`, `ADA` and `BRUNO` are replaced by WebIDs.
 */
const SCENARIO = `
@prefix vf: <https://w3id.org/valueflows/ont/vf#> .
@prefix oce: <https://w3id.org/oce/ns#> .
@prefix om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/> .
@prefix ex: <https://example.org/run#> .
ex:equation a oce:ValueEquation ; oce:equationOf <NET> ; oce:bucket ex:fee , ex:work , ex:cite .
ex:fee oce:order 1 ; oce:percentOfTotal 10 ; oce:fixedShareTo <NET> .
ex:work oce:order 2 ; oce:percentOfTotal 60 ;
  oce:rule [ oce:selectsAction vf:work ; oce:variable "hours" ; oce:formula "hours" ] .
ex:cite oce:order 3 ; oce:percentOfTotal 30 ; oce:claimKind oce:debtLike ; oce:cap "15" ;
  oce:rule ex:cite-rule .
ex:cite-rule oce:selectsAction vf:cite ; oce:variable "quantity" ; oce:formula "quantity" ; oce:passBackPercent 0 .
ex:euro a vf:ResourceSpecification ; vf:mediumOfExchange true .
ex:work-ada a vf:EconomicEvent ; vf:action vf:work ; vf:provider <ADA> ; vf:receiver <NET> ;
  vf:effortQuantity [ vf:hasNumericalValue 3 ; vf:hasUnit om2:hour ] ;
  vf:hasPointInTime "2026-11-02T10:00:00Z" .
ex:work-bruno a vf:EconomicEvent ; vf:action vf:work ; vf:provider <BRUNO> ; vf:receiver <NET> ;
  vf:effortQuantity [ vf:hasNumericalValue 1 ; vf:hasUnit om2:hour ] ;
  vf:hasPointInTime "2026-11-03T10:00:00Z" .
ex:cite-bruno a vf:EconomicEvent ; vf:action vf:cite ; vf:provider <BRUNO> ; vf:receiver <NET> ;
  vf:resourceInventoriedAs ex:design ;
  vf:resourceQuantity [ vf:hasNumericalValue 1 ; vf:hasUnit om2:one ] ;
  vf:hasPointInTime "2026-11-04T10:00:00Z" .
`;

/** IRIs of the scenario's equation, currency and events. */
export const RUN_IRI = {
  equation: 'https://example.org/run#equation',
  euro: 'https://example.org/run#euro',
  workAda: 'https://example.org/run#work-ada',
  workBruno: 'https://example.org/run#work-bruno',
  citeBruno: 'https://example.org/run#cite-bruno',
};

/** Parses the scenario with the given WebIDs into the data a run reads. */
export function scenarioData(agents: { network: string; ada: string; bruno: string }): DistributionData {
  const turtle = SCENARIO.replaceAll('<NET>', `<${agents.network}>`).replaceAll('<ADA>', `<${agents.ada}>`)
    .replaceAll('<BRUNO>', `<${agents.bruno}>`);
  const quads = new Parser({ baseIRI: 'https://example.org/run' }).parse(turtle);
  const model = readEconomicModel([{ source: 'https://example.org/run', quads, problems: [] }]);
  return { model, quads };
}
