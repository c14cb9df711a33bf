import { randomUUID } from 'node:crypto';
import type { NamedNode, Quad, Quad_Object } from 'n3';
import { formatDecimal, parseDecimal } from '../model/index.js';
import type { ActionId } from '../model/index.js';
import { literal, namedNode, triple } from '../solid/index.js';
import { RDF, VF, XSD } from '../vocab/index.js';
import { EVENT_LINK_FIELDS, checkEventInput } from './checkEventInput.js';


/** A quantity as decimal text, so it stays exact, with the IRI of its unit (such as the OM 2 hour). */
export interface QuantityInput {
  value: string;
  unit: string;
}

/** The fields of an economic event that `oce pod record` accepts; IRIs are absolute. */
export interface EventInput {
  /**
   * Fragment of the event inside its day document, of letters, digits and `._~-`; a random UUID
   * when absent.
   */
  id?: string;
  /** Local name of a VF 1.0 action, such as `work` or `transfer`. */
  action: string;
  provider?: string;
  receiver?: string;
  /** `xsd:dateTime` (or `xsd:date`); a value without a zone counts as UTC. */
  hasPointInTime?: string;
  hasBeginning?: string;
  hasEnd?: string;
  resourceQuantity?: QuantityInput;
  effortQuantity?: QuantityInput;
  resourceInventoriedAs?: string;
  toResourceInventoriedAs?: string;
  resourceConformsTo?: string;
  resourceClassifiedAs?: string[];
  inputOf?: string;
  outputOf?: string;
  corrects?: string;
  /** Commitments this event fulfills (`vf:fulfills`, any number, per VF 1.0). */
  fulfills?: string[];
  note?: string;
}

const TIME_FIELDS = ['hasPointInTime', 'hasBeginning', 'hasEnd'] as const;

/**
 * Builds the quads of an event whose IRI is `<document>#<id>`. Quantities become `vf:Measure`s
 * named `<event IRI>-resourceQuantity` and `-effortQuantity`, with an `xsd:decimal` value.
 * Throws an `EventInputError` when {@link checkEventInput} rejects the input.
 */
export function eventQuads(input: EventInput, document: string): Quad[] {
  checkEventInput(input);
  const event = namedNode(`${document}#${input.id ?? randomUUID()}`);
  const quads = [
    triple(event, RDF.type, VF.EconomicEvent),
    triple(event, VF.action, VF[input.action as ActionId]),
  ];
  const add = (property: NamedNode, object: Quad_Object) => quads.push(triple(event, property, object));

  for (const field of EVENT_LINK_FIELDS) {
    const iri = input[field];
    if (iri !== undefined) {
      add(VF[field], namedNode(iri));
    }
  }
  for (const field of TIME_FIELDS) {
    const time = input[field];
    if (time !== undefined) {
      add(VF[field], literal(time, time.includes('T') ? XSD.dateTime : XSD.date));
    }
  }
  for (const classification of input.resourceClassifiedAs ?? []) {
    add(VF.resourceClassifiedAs, namedNode(classification));
  }
  for (const commitment of input.fulfills ?? []) {
    add(VF.fulfills, namedNode(commitment));
  }
  if (input.note !== undefined) {
    add(VF.note, literal(input.note));
  }
  for (const field of ['resourceQuantity', 'effortQuantity'] as const) {
    const quantity = input[field];
    if (quantity !== undefined) {
      const measure = namedNode(`${event.value}-${field}`);
      add(VF[field], measure);
      quads.push(
        triple(measure, VF.hasNumericalValue, literal(formatDecimal(parseDecimal(quantity.value)), XSD.decimal)),
        triple(measure, VF.hasUnit, namedNode(quantity.unit)),
      );
    }
  }
  return quads;
}
