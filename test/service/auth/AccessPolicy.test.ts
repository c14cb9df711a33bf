import assert from 'node:assert/strict';
import { AccessPolicy, ForbiddenError, SnapshotUnavailableError, UnauthorizedError } from '../../../src/service/index.js';
import type { Caller, MembershipFacts } from '../../../src/service/index.js';

const MEMBER: Caller = {
  webId: 'https://ada.example/profile/card#me', issuer: 'https://idp.example/', clientId: null,
  expiresAt: '2026-12-04T10:10:00.000Z',
};
const OPERATOR: Caller = { ...MEMBER, webId: 'https://op.example/profile/card#me' };
const STRANGER: Caller = { ...MEMBER, webId: 'https://eve.example/profile/card#me' };

describe('An AccessPolicy', () => {
  let facts: MembershipFacts | undefined;
  const policy = new AccessPolicy({ access: 'members', operators: [OPERATOR.webId], memberships: () => facts });

  beforeEach(() => {
    facts = { members: [MEMBER.webId] };
  });

  it('protects every network data path in members mode.', () => {
    const paths = ['/api/scopes', '/api/views/network', '/sparql', '/inventory', '/contributions', '/crawl',
      '/crawl.ttl', '/api'];
    for (const path of paths) {
      assert.throws(() => policy.assertMayRead(undefined, path), UnauthorizedError, path);
      assert.throws(() => policy.assertMayRead(STRANGER, path), ForbiddenError, path);
      assert.doesNotThrow(() => policy.assertMayRead(MEMBER, path), path);
    }
  });

  it('leaves the root, health and API description public.', () => {
    for (const path of ['/', '/health', '/api/openapi.json', '/crawler', '/apis']) {
      assert.doesNotThrow(() => policy.assertMayRead(undefined, path), path);
    }
  });

  it('lets anyone read in open mode.', () => {
    const open = new AccessPolicy({ access: 'open', memberships: () => undefined });
    assert.doesNotThrow(() => open.assertMayRead(undefined, '/sparql'));
  });

  it('raises a 503 for a caller before the first crawl.', () => {
    facts = undefined;
    assert.throws(() => policy.assertMayRead(MEMBER, '/api/scopes'), SnapshotUnavailableError);
  });

  it('lets an operator read before the first crawl.', () => {
    facts = undefined;
    assert.doesNotThrow(() => policy.assertMayRead(OPERATOR, '/api/scopes'));
  });

  it('uses the latest facts for each request.', () => {
    assert.throws(() => policy.assertMayRead(STRANGER, '/sparql'), ForbiddenError);
    facts = { members: [STRANGER.webId] };
    assert.doesNotThrow(() => policy.assertMayRead(STRANGER, '/sparql'));
  });

  it('gives an operator every role.', () => {
    assert.doesNotThrow(() => policy.assertHasRole(OPERATOR, 'steward'));
    assert.throws(() => policy.assertHasRole(MEMBER, 'steward'), ForbiddenError);
    assert.throws(() => policy.assertHasRole(undefined, 'steward'), UnauthorizedError);
  });
});
