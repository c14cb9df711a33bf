import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PodImporter, PodInitializer } from '../../src/pod/index.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import { referencePath } from '../support/referenceData.js';
import type { TestMember } from '../support/sharedSolidServer.js';

// The upstream ValueFlows examples are reference data kept beside the checkout, not in it.
const EXAMPLES = referencePath('examples', 'current-extracted');

describe('A PodImporter on the upstream examples', function upstream() {
  this.timeout(120_000);
  let member: TestMember;

  before(async () => {
    const server = await sharedSolidServer();
    member = await createTestMember(server, 'upstream');
    const options = { fetch: member.session.fetch, webId: member.account.webId, storage: member.account.podUrl };
    await new PodInitializer(options).initialize();
  });

  after(async () => {
    await member.session.logout();
  });

  it('imports all 35 examples into one pod without an error.', async () => {
    const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.yaml')).sort();
    assert.equal(files.length, 35);
    const importer = new PodImporter({ fetch: member.session.fetch, storage: member.account.podUrl });
    const result = await importer.importFiles(files.map((file) => path.join(EXAMPLES, file)));
    assert.deepEqual(result.problems.filter((found) => found.severity === 'error'), []);
    assert.equal(result.eventsRecorded + result.eventsAlreadyRecorded, 96);
  });
});
