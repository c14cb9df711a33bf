import { DataFactory } from 'n3';
import type {
  BlankNode, DefaultGraph, Literal, NamedNode, Quad, Quad_Graph, Quad_Object, Quad_Predicate, Quad_Subject,
} from 'n3';

// Plain functions over n3's DataFactory, so that tests can call them without a receiver.

/** Creates a quad, in the default graph unless `graph` is given. */
export const quad = (subject: Quad_Subject, predicate: Quad_Predicate, object: Quad_Object, graph?: Quad_Graph): Quad =>
  DataFactory.quad(subject, predicate, object, graph);

/** Creates a named node. */
export const namedNode = (iri: string): NamedNode => DataFactory.namedNode(iri);

/** Creates a blank node with the given label. */
export const blankNode = (label: string): BlankNode => DataFactory.blankNode(label);

/** Creates a literal with a language tag or a datatype (xsd:string when neither is given). */
export const literal = (value: string, languageOrDatatype?: string | NamedNode): Literal =>
  DataFactory.literal(value, languageOrDatatype);

/** Returns the default graph. */
export const defaultGraph = (): DefaultGraph => DataFactory.defaultGraph();
