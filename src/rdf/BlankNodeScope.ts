import { DataFactory } from 'n3';
import type { BlankNode } from 'n3';

let scopeCount = 0;

/**
 * Gives the blank nodes of one document labels no other document in this process uses.
 * Parsers such as jsonld and rdflib restart their labels at `b0` for every document, and
 * two documents' `_:b0` must not become one node when their quads share a store.
 */
export class BlankNodeScope {
  private readonly prefix: string;
  private readonly nodes = new Map<string, BlankNode>();

  public constructor(kind: string) {
    scopeCount += 1;
    this.prefix = `${kind}${scopeCount}_`;
  }

  /** Returns the document-unique blank node for a label the parser produced. */
  public blankNode(label: string): BlankNode {
    let node = this.nodes.get(label);
    if (node === undefined) {
      node = DataFactory.blankNode(`${this.prefix}${label.replace(/^_:/u, '')}`);
      this.nodes.set(label, node);
    }
    return node;
  }
}
