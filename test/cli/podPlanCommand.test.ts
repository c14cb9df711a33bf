import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { PodInitializer } from '../../src/pod/index.js';
import { parseRdf } from '../../src/rdf/index.js';
import type { SolidServer } from '../../src/solid/index.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';
import { runCli } from './runCli.js';

const R = 'https://bakery.example/recipes#';
const VF = 'https://w3id.org/valueflows/ont/vf#';

function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/planning/${name}`, import.meta.url));
}

describe('The oce pod plan command', function podPlanCommand() {
  this.timeout(60_000);
  let server: SolidServer;
  let baker: TestMember;
  let auth: string[];

  before(async () => {
    server = await sharedSolidServer();
    baker = await createTestMember(server, 'planbaker');
    await new PodInitializer({
      fetch: baker.session.fetch, webId: baker.account.webId, storage: baker.account.podUrl,
    }).initialize();
    auth = ['--pod', baker.account.podUrl, '--issuer', server.baseUrl, '--client-id', baker.account.clientId,
      '--client-secret', baker.account.clientSecret];
  });

  after(async () => {
    await baker.session.logout();
  });

  const plan = (name: string): Promise<{ exitCode: number; stdout: string; stderr: string }> => runCli('pod', 'plan',
    ...auth, '--recipe', `${R}breadRecipe`, '--quantity', '6', '--due', '2026-12-24T08:00:00Z', '--name', name,
    fixture('bread.ttl'), fixture('flour-stock.ttl'));

  it('writes the plan and its commitments to the pod.', async () => {
    const run = await plan('bread-christmas');
    assert.equal(run.stderr, '');
    assert.equal(run.exitCode, 0);
    const plans = `${baker.account.podUrl}rea/plans/bread-christmas.ttl`;
    const commitments = `${baker.account.podUrl}rea/commitments/bread-christmas.ttl`;
    assert.equal(run.stdout, `Wrote plan ${plans}#plan with 11 commitments to ${plans}, ${commitments}`);
    const response = await baker.session.fetch(commitments, { headers: { accept: 'text/turtle' } });
    const document = await parseRdf(await response.text(), { source: commitments, contentType: 'text/turtle' });
    const typed = document.quads.filter((quad) => quad.predicate.value.endsWith('#type') &&
      quad.object.value === `${VF}Commitment`);
    assert.equal(typed.length, 11);
  });

  it('rejects a due date that does not exist before logging in.', async () => {
    const run = await runCli('pod', 'plan', ...auth, '--recipe', `${R}breadRecipe`, '--quantity', '6',
      '--due', '2026-02-30T08:00:00Z', '--name', 'never', fixture('bread.ttl'));
    assert.equal(run.exitCode, 2);
    assert.equal(run.stderr, 'Invalid --due: expected an xsd:dateTime such as 2026-12-24T17:00:00Z, got [2026-02-30T08:00:00Z]');
  });

  it('refuses to overwrite a plan of the same name.', async () => {
    const run = await plan('bread-christmas');
    assert.equal(run.exitCode, 1);
    assert.equal(run.stderr, `Document [${baker.account.podUrl}rea/plans/bread-christmas.ttl] already exists, and plans ` +
      'are never overwritten; write the plan under another name');
  });
});
