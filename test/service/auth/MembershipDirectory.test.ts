import assert from 'node:assert/strict';
import { MembershipDirectory } from '../../../src/service/index.js';

const ADA = 'https://ada.example/profile/card#me';
const BOB = 'https://bob.example/profile/card#me';
const CY = 'https://cy.example/profile/card#me';

describe('A MembershipDirectory', () => {
  const directory = new MembershipDirectory({
    members: [ADA, BOB],
    memberships: [
      { member: ADA, roles: ['https://w3id.org/oce/roles#Steward'] },
      { member: BOB, roles: ['Network steward', 'https://example.org/roles/treasurer/'] },
      { member: CY, roles: ['https://example.org/roles#stewardship'] },
    ],
  });

  it('finds members listed in members or memberships.', () => {
    assert.equal(directory.isMember(ADA), true);
    assert.equal(directory.isMember(CY), true);
    assert.equal(directory.isMember('https://eve.example/profile/card#me'), false);
  });

  it('matches a role IRI ending in the role name, ignoring case.', () => {
    assert.equal(directory.hasRole(ADA, 'steward'), true);
    assert.equal(directory.hasRole(ADA, 'Steward'), true);
  });

  it('matches a role label ending in the role name.', () => {
    assert.equal(directory.hasRole(BOB, 'steward'), true);
  });

  it('matches a role IRI with a trailing slash.', () => {
    assert.equal(directory.hasRole(BOB, 'treasurer'), true);
  });

  it('does not match a role that only contains the name.', () => {
    assert.equal(directory.hasRole(CY, 'steward'), false);
  });

  it('gives no role to a member without memberships.', () => {
    const plain = new MembershipDirectory({ members: [ADA] });
    assert.equal(plain.isMember(ADA), true);
    assert.equal(plain.hasRole(ADA, 'steward'), false);
  });
});
