import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseRdf } from '../../src/rdf/index.js';
import { OCE, OM2, RDF, VF, VF_REFERENCE_PROPERTIES, XSD } from '../../src/vocab/index.js';
import { assertIsomorphic } from '../rdf/assertIsomorphic.js';
import { blankNode, literal, namedNode, quad } from '../rdf/terms.js';

const CONTEXT_FILE = fileURLToPath(new URL('../../vocab/context.jsonld', import.meta.url));

describe('The JSON-LD context', () => {
  it('expands a compact event into the exact quads.', async () => {
    const text = JSON.stringify({
      '@context': 'https://w3id.org/oce/context.jsonld',
      '@id': 'https://pod.example/e1',
      type: 'EconomicEvent',
      action: 'transferCustody',
      provider: 'https://alice.example/#me',
      receiver: 'https://bob.example/#me',
      resourceInventoriedAs: 'https://pod.example/r1',
      toResourceInventoriedAs: 'https://pod.example/r2',
      inputOf: 'https://pod.example/p1',
      resourceQuantity: { hasNumericalValue: '2.5', hasUnit: 'om2:kilogram' },
      hasPointInTime: '2026-12-04T10:00:00Z',
      custodian: 'https://bob.example/#me',
    });
    const document = await parseRdf(text, { source: 'event.jsonld' });
    const event = namedNode('https://pod.example/e1');
    const measure = blankNode('m');
    assertIsomorphic(document.quads, [
      quad(event, RDF.type, VF.EconomicEvent),
      quad(event, VF.action, VF.transferCustody),
      quad(event, VF.provider, namedNode('https://alice.example/#me')),
      quad(event, VF.receiver, namedNode('https://bob.example/#me')),
      quad(event, VF.resourceInventoriedAs, namedNode('https://pod.example/r1')),
      quad(event, VF.toResourceInventoriedAs, namedNode('https://pod.example/r2')),
      quad(event, VF.inputOf, namedNode('https://pod.example/p1')),
      quad(event, VF.resourceQuantity, measure),
      quad(measure, VF.hasNumericalValue, literal('2.5', XSD.decimal)),
      quad(measure, VF.hasUnit, OM2.kilogram),
      quad(event, VF.hasPointInTime, literal('2026-12-04T10:00:00Z', XSD.dateTimeStamp)),
      quad(event, OCE.custodian, namedNode('https://bob.example/#me')),
    ]);
    assert.deepEqual(document.problems, []);
  });

  it('types booleans and reads problem severities as OCE terms.', async () => {
    const text = JSON.stringify({
      '@context': 'https://w3id.org/oce/context.jsonld',
      '@graph': [
        { '@id': 'https://pod.example/p1', type: 'Process', finished: true },
        { '@id': 'https://pod.example/problem1', type: 'Problem', severity: 'Warning', message: 'unit missing' },
      ],
    });
    const document = await parseRdf(text, { source: 'report.jsonld' });
    const process = namedNode('https://pod.example/p1');
    const report = namedNode('https://pod.example/problem1');
    assertIsomorphic(document.quads, [
      quad(process, RDF.type, VF.Process),
      quad(process, VF.finished, literal('true', XSD.boolean)),
      quad(report, RDF.type, OCE.Problem),
      quad(report, OCE.severity, OCE.Warning),
      quad(report, OCE.message, literal('unit missing')),
    ]);
  });

  it('coerces every VF reference property to @id.', () => {
    const context = (JSON.parse(readFileSync(CONTEXT_FILE, 'utf8')) as { '@context': Record<string, unknown> })['@context'];
    const notCoerced = VF_REFERENCE_PROPERTIES
      .map((property) => property.value.slice(VF.namespace.length))
      .filter((name) => (context[name] as { '@type'?: string } | undefined)?.['@type'] !== '@id');
    assert.deepEqual(notCoerced, []);
  });
});
