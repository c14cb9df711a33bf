import assert from 'node:assert/strict';
import { Parser } from 'n3';
import { findMembers } from '../../src/aggregator/NetworkAggregator.js';
import type { ParsedDocument } from '../../src/rdf/index.js';

function document(turtle: string): ParsedDocument {
  return { source: 'network.ttl', quads: new Parser().parse(turtle), problems: [] };
}

const PREFIXES = '@prefix org: <http://www.w3.org/ns/org#> . @prefix ex: <https://example.org/> .';

describe('findMembers', () => {
  it('reads members stated with org:hasMember.', () => {
    const members = findMembers('https://example.org/net', [
      document(`${PREFIXES} ex:net org:hasMember ex:bruno, ex:ada .`),
    ]);
    assert.deepEqual(members, ['https://example.org/ada', 'https://example.org/bruno']);
  });

  it('reads members of org:Membership nodes of this network only.', () => {
    const members = findMembers('https://example.org/net', [
      document(`${PREFIXES}
        ex:m1 a org:Membership ; org:organization ex:net ; org:member ex:cleo .
        ex:m2 a org:Membership ; org:organization ex:other ; org:member ex:dan .`),
    ]);
    assert.deepEqual(members, ['https://example.org/cleo']);
  });

  it('lists a member stated twice once.', () => {
    const members = findMembers('https://example.org/net', [
      document(`${PREFIXES} ex:net org:hasMember ex:ada .`),
      document(`${PREFIXES} ex:m a org:Membership ; org:organization ex:net ; org:member ex:ada .`),
    ]);
    assert.deepEqual(members, ['https://example.org/ada']);
  });

  it('ignores members of another network.', () => {
    const members = findMembers('https://example.org/net', [
      document(`${PREFIXES} ex:other org:hasMember ex:ada .`),
    ]);
    assert.deepEqual(members, []);
  });
});
