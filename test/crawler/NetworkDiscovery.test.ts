import assert from 'node:assert/strict';
import { Parser } from 'n3';
import { NetworkDiscovery } from '../../src/crawler/index.js';
import type { PodState } from '../../src/crawler/index.js';

/** Builds a pod state whose profile lists `members` with org:hasMember. */
function podWith(webId: string, members: string[]): PodState {
  const turtle = members.map((member) => `<${webId}> <http://www.w3.org/ns/org#hasMember> <${member}> .`).join('\n');
  return {
    webId, storage: null, containers: [], documents: new Map(), profile: new Parser().parse(turtle),
    lastCompleteAt: null, stale: null,
  };
}

function discoveryOf(network: Record<string, string[]>, visits: string[]): NetworkDiscovery {
  return new NetworkDiscovery(async (webId) => {
    visits.push(webId);
    return Promise.resolve(podWith(webId, network[webId] ?? []));
  }, 2);
}

const ex = (name: string): string => `https://${name}.example/#me`;

describe('A NetworkDiscovery', () => {
  it('recurses to any depth and records each depth.', async () => {
    const visits: string[] = [];
    const graph = await discoveryOf({ [ex('a')]: [ex('b')], [ex('b')]: [ex('c')], [ex('c')]: [ex('d')] }, visits)
      .discover([ex('a')]);
    assert.deepEqual(graph.agents.map((agent) => [agent.webId, agent.depth]),
      [[ex('a'), 0], [ex('b'), 1], [ex('c'), 2], [ex('d'), 3]]);
    assert.deepEqual(graph.cycles, []);
  });

  it('crawls a member of two networks once.', async () => {
    const visits: string[] = [];
    const graph = await discoveryOf({ [ex('a')]: [ex('b'), ex('c')], [ex('b')]: [ex('d')], [ex('c')]: [ex('d')] }, visits)
      .discover([ex('a')]);
    assert.deepEqual(visits.filter((webId) => webId === ex('d')), [ex('d')]);
    assert.deepEqual(graph.agents.find((agent) => agent.webId === ex('d'))?.memberOf, [ex('b'), ex('c')]);
    assert.deepEqual(graph.cycles, []);
  });

  it('ends a cycle and reports it once.', async () => {
    const visits: string[] = [];
    const graph = await discoveryOf({ [ex('b')]: [ex('a'), ex('c')], [ex('a')]: [ex('b')], [ex('c')]: [ex('b')] }, visits)
      .discover([ex('b'), ex('a')]);
    assert.deepEqual(visits.sort(), [ex('a'), ex('b'), ex('c')]);
    assert.deepEqual(graph.cycles, [[ex('a'), ex('b')], [ex('b'), ex('c')]]);
  });

  it('reports a network that lists itself.', async () => {
    const graph = await discoveryOf({ [ex('a')]: [ex('a')] }, []).discover([ex('a')]);
    assert.deepEqual(graph.cycles, [[ex('a')]]);
  });
});
