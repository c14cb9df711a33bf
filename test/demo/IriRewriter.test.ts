import assert from 'node:assert/strict';
import { DataFactory } from 'n3';
import { IriRewriter } from '../../src/demo/IriRewriter.js';


describe('An IriRewriter', () => {
  const rewriter = new IriRewriter([
    { from: 'https://ada.seed.invalid/', to: 'http://localhost:3000/ada/' },
    { from: 'https://alice.example/', to: 'http://localhost:3000/ada/profile/card#me', exact: true },
  ]);

  it('replaces the first matching prefix.', () => {
    assert.equal(rewriter.rewriteIri('https://ada.seed.invalid/rea/events/seed.ttl#a'),
      'http://localhost:3000/ada/rea/events/seed.ttl#a');
  });

  it('replaces an exact rule only on an equal IRI.', () => {
    assert.equal(rewriter.rewriteIri('https://alice.example/'), 'http://localhost:3000/ada/profile/card#me');
    assert.equal(rewriter.rewriteIri('https://alice.example/apples'), 'https://alice.example/apples');
  });

  it('leaves an IRI that matches no rule unchanged.', () => {
    assert.equal(rewriter.rewriteIri('https://bob.example/'), 'https://bob.example/');
  });

  it('rewrites subjects, objects and graphs but not literals or blank nodes.', () => {
    const document = {
      source: 'seed.ttl',
      problems: [],
      quads: [
        DataFactory.quad(DataFactory.namedNode('https://ada.seed.invalid/x'), DataFactory.namedNode('https://ada.seed.invalid/p'),
          DataFactory.namedNode('https://alice.example/'), DataFactory.namedNode('https://ada.seed.invalid/g')),
        DataFactory.quad(DataFactory.blankNode('b0'), DataFactory.namedNode('https://example.org/p'), DataFactory.literal('https://ada.seed.invalid/')),
      ],
    };
    const rewritten = rewriter.rewriteDocument(document);
    assert.equal(rewritten.quads[0]!.subject.value, 'http://localhost:3000/ada/x');
    assert.equal(rewritten.quads[0]!.predicate.value, 'https://ada.seed.invalid/p');
    assert.equal(rewritten.quads[0]!.object.value, 'http://localhost:3000/ada/profile/card#me');
    assert.equal(rewritten.quads[0]!.graph.value, 'http://localhost:3000/ada/g');
    assert.ok(rewritten.quads[1]!.equals(document.quads[1]!));
  });
});
