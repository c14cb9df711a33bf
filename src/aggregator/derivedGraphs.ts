import { DataFactory } from 'n3';
import type { NamedNode, Quad, Quad_Object, Quad_Subject } from 'n3';
import type { InventoryResult } from '../accounting/index.js';
import { crawlReportToQuads } from '../crawler/index.js';
import type { CrawlReportJson } from '../crawler/index.js';
import { formatDecimal } from '../model/index.js';
import type { Quantity } from '../model/index.js';
import { createVocabulary, OCE, VF, XSD } from '../vocab/index.js';

/** W3C PROV-O, for the events each derived figure comes from. */
const PROV = createVocabulary('http://www.w3.org/ns/prov#', 'wasDerivedFrom');

/** Names of the aggregator's own graphs in the store, beside one graph per source document. */
export const DERIVED_GRAPHS = {
  /** Resource quantities and agents as the events derive them. */
  inventory: 'urn:oce:derived:inventory',
  /** The crawl report: per pod, documents seen, loaded, rejected, and the problems. */
  crawlReport: 'urn:oce:derived:crawl-report',
} as const;

/** One graph the aggregator computed, to be stored under its name. */
export interface DerivedGraph {
  graph: string;
  quads: Quad[];
}

const namedNode = (iri: string): NamedNode => DataFactory.namedNode(iri);
const quad = (subject: Quad_Subject, predicate: NamedNode, object: Quad_Object): Quad =>
  DataFactory.quad(subject, predicate, object);

function addQuantity(quads: Quad[], subject: Quad_Subject, predicate: NamedNode, quantity: Quantity | null): void {
  if (quantity === null) {
    return;
  }
  const measure = DataFactory.blankNode();
  quads.push(
    quad(subject, predicate, measure),
    quad(measure, VF.hasNumericalValue, DataFactory.literal(formatDecimal(quantity.value), XSD.decimal)),
    quad(measure, VF.hasUnit, namedNode(quantity.unit)),
  );
}

function addIri(quads: Quad[], subject: Quad_Subject, predicate: NamedNode, iri: string | null): void {
  if (iri !== null) {
    quads.push(quad(subject, predicate, namedNode(iri)));
  }
}

/**
 * Builds the derived inventory graph: for each resource, the quantities, accountable agent,
 * custodian (`oce:custodian`), location, container and stage its events derive, and
 * `prov:wasDerivedFrom` each of those events. Stated quantities stay in the source documents'
 * graphs, so a query that names this graph never mixes the two.
 */
export function inventoryToQuads(inventory: InventoryResult): Quad[] {
  const quads: Quad[] = [];
  for (const state of inventory.resources) {
    const subject = namedNode(state.id);
    addQuantity(quads, subject, VF.accountingQuantity, state.accountingQuantity);
    addQuantity(quads, subject, VF.onhandQuantity, state.onhandQuantity);
    addIri(quads, subject, VF.primaryAccountable, state.primaryAccountable);
    addIri(quads, subject, OCE.custodian, state.custodian);
    addIri(quads, subject, VF.currentLocation, state.currentLocation);
    addIri(quads, subject, VF.containedIn, state.containedIn);
    addIri(quads, subject, VF.stage, state.stage);
    state.events.forEach((event) => addIri(quads, subject, PROV.wasDerivedFrom, event));
  }
  return quads;
}

/** Builds both derived graphs of a crawl; the crawl report's subject is the report graph's name. */
export function derivedGraphsOf(inventory: InventoryResult, report: CrawlReportJson): DerivedGraph[] {
  return [
    { graph: DERIVED_GRAPHS.inventory, quads: inventoryToQuads(inventory) },
    { graph: DERIVED_GRAPHS.crawlReport, quads: crawlReportToQuads(report, DERIVED_GRAPHS.crawlReport) },
  ];
}
