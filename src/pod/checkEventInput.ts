import type { Quad, Term } from 'n3';
import { isActionId, parseDecimal } from '../model/index.js';
import { VF } from '../vocab/index.js';
import { EventInputError } from './EventInputError.js';
import type { EventInput } from './EventInput.js';
import { parseEventTime } from './EventTime.js';

/**
 * Characters allowed in an event id, which becomes the fragment of the event IRI: the unreserved
 * characters of RFC 3986, so the IRI needs no escaping in Turtle, N-Triples or a URL.
 */
const EVENT_ID = /^[A-Za-z0-9._~-]+$/u;

/** Fields of an {@link EventInput} that link to another resource by an absolute IRI. */
export const EVENT_LINK_FIELDS = [
  'provider', 'receiver', 'resourceInventoriedAs', 'toResourceInventoriedAs', 'resourceConformsTo',
  'inputOf', 'outputOf', 'corrects',
] as const;

const TIME_FIELDS = ['hasPointInTime', 'hasBeginning', 'hasEnd'] as const;
const QUANTITY_FIELDS = ['resourceQuantity', 'effortQuantity'] as const;

/**
 * Checks the fields of an event before it is recorded, so the pod never stores an event that the
 * accounting rejects. The action must be a VF 1.0 action and the id a valid IRI fragment. Each
 * time must be a valid `xsd:dateTime` or `xsd:date`, and every link and unit an absolute IRI.
 * Each quantity must be a decimal number, negative only with `corrects`, because only
 * corrections are signed deltas. A `work` event needs an effort quantity.
 * Throws an {@link EventInputError} naming the field and the value.
 */
export function checkEventInput(input: EventInput): void {
  if (!isActionId(input.action)) {
    throw new EventInputError('action',
      `Expected a VF 1.0 action name such as [work] or [transfer], got [${input.action}]`);
  }
  if (input.id !== undefined && !EVENT_ID.test(input.id)) {
    throw new EventInputError('id', `Invalid event id [${input.id}]: expected letters, digits, ` +
      'dots, underscores, tildes or hyphens, since it becomes the fragment of the event IRI');
  }
  for (const field of EVENT_LINK_FIELDS) {
    checkAbsoluteIri(input[field], field);
  }
  for (const classification of input.resourceClassifiedAs ?? []) {
    checkAbsoluteIri(classification, 'resourceClassifiedAs');
  }
  for (const commitment of input.fulfills ?? []) {
    checkAbsoluteIri(commitment, 'fulfills');
  }
  for (const field of TIME_FIELDS) {
    checkTime(input, field);
  }
  for (const field of QUANTITY_FIELDS) {
    checkQuantity(input, field);
  }
  if (input.action === 'work' && input.effortQuantity === undefined) {
    throw new EventInputError('effortQuantity',
      'A work event needs an effort quantity (--effort), since its contribution is measured by effort');
  }
}

/**
 * Checks an event given as quads (as `oce pod record --file` reads it) against the rules of
 * {@link checkEventInput} that the accounting enforces: a `vf:action` of VF 1.0, a
 * `vf:effortQuantity` on `work`, and a negative `vf:hasNumericalValue` only with `vf:corrects`.
 * Throws an {@link EventInputError} naming the property and the value.
 */
export function checkEventQuads(quads: Quad[], eventIri: string): void {
  const objectOf = (subject: string, property: Term): Term | undefined => quads.find((quad) =>
    quad.subject.value === subject && quad.predicate.equals(property))?.object;
  const action = objectOf(eventIri, VF.action)?.value ?? '';
  const actionName = action.startsWith(VF.namespace) ? action.slice(VF.namespace.length) : action;
  if (!isActionId(actionName)) {
    throw new EventInputError('action',
      `Expected a vf:action of VF 1.0 such as [${VF.work.value}] on event [${eventIri}], got [${action}]`);
  }
  if (actionName === 'work' && objectOf(eventIri, VF.effortQuantity) === undefined) {
    throw new EventInputError('effortQuantity',
      `Work event [${eventIri}] needs a vf:effortQuantity, since its contribution is measured by effort`);
  }
  if (objectOf(eventIri, VF.corrects) !== undefined) {
    return;
  }
  for (const field of QUANTITY_FIELDS) {
    const measure = objectOf(eventIri, VF[field]);
    const value = measure === undefined ? undefined : objectOf(measure.value, VF.hasNumericalValue)?.value;
    if (value !== undefined && isNegative(value)) {
      throw new EventInputError(field, `Invalid vf:${field} [${value}] of event [${eventIri}]: only a ` +
        'correction (an event with vf:corrects) may have a negative quantity');
    }
  }
}

function isNegative(text: string): boolean {
  try {
    const value = parseDecimal(text);
    return value.isNegative() && !value.isZero();
  } catch {
    // A value that is no decimal is left to the accounting, which reports it with its source.
    return false;
  }
}

function checkAbsoluteIri(value: string | undefined, field: string): void {
  if (value !== undefined && !URL.canParse(value)) {
    throw new EventInputError(field, `Expected an absolute IRI for [${field}], got [${value}]`);
  }
}

function checkTime(input: EventInput, field: (typeof TIME_FIELDS)[number]): void {
  const time = input[field];
  if (time === undefined) {
    return;
  }
  try {
    parseEventTime(time);
  } catch (error: unknown) {
    throw new EventInputError(field, `Invalid ${field}: ${(error as Error).message}`);
  }
}

function checkQuantity(input: EventInput, field: (typeof QUANTITY_FIELDS)[number]): void {
  const quantity = input[field];
  if (quantity === undefined) {
    return;
  }
  let value;
  try {
    value = parseDecimal(quantity.value);
  } catch (error: unknown) {
    throw new EventInputError(field, `Invalid ${field}: ${(error as Error).message}`);
  }
  checkAbsoluteIri(quantity.unit, `${field}.unit`);
  if (value.isNegative() && !value.isZero() && input.corrects === undefined) {
    throw new EventInputError(field, `Invalid ${field} [${quantity.value}]: only a correction ` +
      '(an event with vf:corrects, --corrects) may have a negative quantity');
  }
}
