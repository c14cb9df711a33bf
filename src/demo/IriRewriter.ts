import { DataFactory } from 'n3';
import type { Quad, Quad_Graph, Quad_Object, Quad_Subject, Term } from 'n3';
import type { ParsedDocument } from '../rdf/index.js';

/**
 * A rewrite rule: every IRI starting with `from` is given `to` in place of that prefix, or, when
 * `exact` is set, only the IRI equal to `from` is replaced by `to`.
 */
export interface IriPrefixRewrite {
  from: string;
  to: string;
  exact?: boolean;
}

/**
 * Rewrites the IRIs of a parsed document by prefix, the first matching rule winning. The demo
 * uses it to place seed data written against placeholder hosts into the pods it created, and to
 * give upstream examples' agents (`https://alice.example/`) the WebIDs of demo members.
 */
export class IriRewriter {
  public constructor(private readonly rewrites: readonly IriPrefixRewrite[]) {}

  /** Returns the IRI rewritten by the first matching rule, or unchanged when none matches. */
  public rewriteIri(iri: string): string {
    const rule = this.rewrites.find((candidate) =>
      (candidate.exact === true ? iri === candidate.from : iri.startsWith(candidate.from)));
    if (rule === undefined) {
      return iri;
    }
    return rule.exact === true ? rule.to : rule.to + iri.slice(rule.from.length);
  }

  /** Returns a copy of the document with its subject, object and graph IRIs rewritten; predicates stay. */
  public rewriteDocument(document: ParsedDocument): ParsedDocument {
    return { ...document, quads: document.quads.map((quad) => this.rewriteQuad(quad)) };
  }

  private rewriteQuad(quad: Quad): Quad {
    return DataFactory.quad(
      this.rewriteTerm(quad.subject) as Quad_Subject,
      quad.predicate,
      this.rewriteTerm(quad.object) as Quad_Object,
      this.rewriteTerm(quad.graph) as Quad_Graph,
    );
  }

  private rewriteTerm(term: Term): Term {
    return term.termType === 'NamedNode' ? DataFactory.namedNode(this.rewriteIri(term.value)) : term;
  }
}
