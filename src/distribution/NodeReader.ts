import type { Quad_Object } from 'n3';
import { parseDecimal } from '../model/index.js';
import type { Decimal } from '../model/index.js';
import { QuadIndex, termKey } from '../rdf/index.js';
import { OCE_DISTRIBUTION } from './DistributionVocabulary.js';
import { ValueEquationError } from './ValueEquationError.js';

/** Writes a property IRI as `oce:name` when it is one of ours, else in full. */
function propertyName(iri: string): string {
  return iri.startsWith(OCE_DISTRIBUTION.namespace) ? `oce:${iri.slice(OCE_DISTRIBUTION.namespace.length)}` : iri;
}

/**
 * Reads typed values of the nodes of a value equation, throwing a {@link ValueEquationError}
 * that names the node, the property and the values found when a value is missing, repeated or
 * of the wrong kind. Nodes are keyed as in {@link QuadIndex}: the IRI, or `_:label`.
 */
export class NodeReader {
  public readonly index: QuadIndex;

  public constructor(quads: ConstructorParameters<typeof QuadIndex>[0]) {
    this.index = new QuadIndex(quads);
  }

  /** Returns every value of `property` on `node`, in document order. */
  public all(node: string, property: string): Quad_Object[] {
    return this.index.objects(node, property);
  }

  /** Returns the one value of `property`, or null when there is none; two or more throw. */
  public optional(node: string, property: string): Quad_Object | null {
    const values = this.all(node, property);
    if (values.length > 1) {
      const found = values.map((value) => `[${value.value}]`).join(', ');
      throw new ValueEquationError(`[${node}] has ${values.length} values of ${propertyName(property)}, ` +
        `expected at most one; found ${found}`, node);
    }
    return values[0] ?? null;
  }

  /** Returns the one value of `property`; none or several throw. */
  public required(node: string, property: string): Quad_Object {
    const value = this.optional(node, property);
    if (value === null) {
      throw new ValueEquationError(`[${node}] has no ${propertyName(property)}, expected exactly one`, node);
    }
    return value;
  }

  /** Returns the key of a node value (`termKey`); a literal throws. */
  public nodeKey(node: string, property: string, value: Quad_Object): string {
    if (value.termType === 'Literal') {
      throw new ValueEquationError(`${propertyName(property)} of [${node}] must be an IRI or a blank node, ` +
        `got the literal [${value.value}]`, node);
    }
    return termKey(value);
  }

  /** Returns the IRI a value names; a literal or a blank node throws. */
  public iri(node: string, property: string, value: Quad_Object): string {
    if (value.termType !== 'NamedNode') {
      throw new ValueEquationError(`${propertyName(property)} of [${node}] must be an IRI, got [${value.value}]`, node);
    }
    return value.value;
  }

  /** Returns the literal text of `property`, or null; a node value throws. */
  public text(node: string, property: string): string | null {
    const value = this.optional(node, property);
    if (value !== null && value.termType !== 'Literal') {
      throw new ValueEquationError(`${propertyName(property)} of [${node}] must be a literal, got [${value.value}]`, node);
    }
    return value?.value ?? null;
  }

  /** Returns the decimal of `property`, or null; a value that is not a decimal number throws. */
  public decimal(node: string, property: string): Decimal | null {
    const text = this.text(node, property);
    if (text === null) {
      return null;
    }
    try {
      return parseDecimal(text);
    } catch {
      throw new ValueEquationError(`${propertyName(property)} of [${node}] must be a decimal number, got [${text}]`, node);
    }
  }

  /** Returns a percentage of `property` from 0 to 100, or null. */
  public percent(node: string, property: string): Decimal | null {
    const value = this.decimal(node, property);
    if (value !== null && (value.isNegative() || value.greaterThan(100))) {
      throw new ValueEquationError(`${propertyName(property)} of [${node}] must be from 0 to 100, ` +
        `got [${value.toString()}]`, node);
    }
    return value;
  }

  /** Returns the integer of `property`, or null. */
  public integer(node: string, property: string): number | null {
    const value = this.decimal(node, property);
    if (value !== null && (!value.isInteger() || value.abs().greaterThan(Number.MAX_SAFE_INTEGER))) {
      throw new ValueEquationError(`${propertyName(property)} of [${node}] must be an integer, ` +
        `got [${value.toString()}]`, node);
    }
    return value === null ? null : value.toNumber();
  }
}
