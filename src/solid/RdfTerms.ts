import { DataFactory } from 'n3';
import type { BlankNode, Literal, NamedNode, Quad, Quad_Object, Quad_Predicate, Quad_Subject } from 'n3';

/** Creates an IRI term. */
export const namedNode = (iri: string): NamedNode => DataFactory.namedNode(iri);

/** Creates a blank node with a fresh label. */
export const blankNode = (): BlankNode => DataFactory.blankNode();

/** Creates a literal with a datatype, such as `XSD.decimal`, or a plain string literal when none is given. */
export const literal = (value: string, datatype?: NamedNode): Literal => DataFactory.literal(value, datatype);

/** Creates a triple in the default graph. */
export const triple = (subject: Quad_Subject, predicate: Quad_Predicate, object: Quad_Object): Quad =>
  DataFactory.quad(subject, predicate, object);
