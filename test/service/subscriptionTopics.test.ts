import assert from 'node:assert/strict';
import type { LoadedDocument, PodState } from '../../src/crawler/index.js';
import { subscriptionTopics } from '../../src/service/index.js';

const POD = 'https://ada.example/';

function podWith(documents: string[]): PodState {
  return {
    webId: `${POD}profile/card#me`,
    storage: POD,
    containers: [`${POD}rea/events/`, `${POD}rea/resources/`],
    documents: new Map(documents.map((url): [string, LoadedDocument] => [url,
      { source: url, quads: [], problems: [], loadedAt: '2026-12-04T10:00:00.000Z' }])),
    profile: [],
    lastCompleteAt: null,
    stale: null,
  };
}

describe('subscriptionTopics', () => {
  it('lists containers, sub-containers, then documents newest first.', () => {
    const pod = podWith([
      `${POD}rea/events/2026/11/30.ttl`, `${POD}rea/events/2026/12/01.ttl`, `${POD}rea/resources/r.ttl`,
    ]);
    assert.deepEqual(subscriptionTopics(pod, 100), [
      `${POD}rea/events/`,
      `${POD}rea/resources/`,
      `${POD}rea/events/2026/`,
      `${POD}rea/events/2026/11/`,
      `${POD}rea/events/2026/12/`,
      `${POD}rea/resources/r.ttl`,
      `${POD}rea/events/2026/12/01.ttl`,
      `${POD}rea/events/2026/11/30.ttl`,
    ]);
  });

  it('stops at the limit.', () => {
    const pod = podWith([`${POD}rea/events/a.ttl`, `${POD}rea/events/b.ttl`]);
    assert.deepEqual(subscriptionTopics(pod, 3), [`${POD}rea/events/`, `${POD}rea/resources/`, `${POD}rea/events/b.ttl`]);
  });

  it('adds no sub-container for a document outside the registered containers.', () => {
    const pod = podWith([`${POD}other/x/y.ttl`]);
    assert.deepEqual(subscriptionTopics(pod, 10), [`${POD}rea/events/`, `${POD}rea/resources/`, `${POD}other/x/y.ttl`]);
  });
});
