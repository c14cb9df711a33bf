import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Parser } from 'n3';
import { renderDistribution } from '../../src/cli/commands/demoCommand.js';
import { Demo } from '../../src/demo/index.js';
import type { DemoResult } from '../../src/demo/index.js';
import { distributionToJson } from '../../src/distribution/index.js';
import { ClientCredentialsSession } from '../../src/solid/index.js';

type Json = Record<string, unknown>;

describe('The demo distribution', function demoDistribution() {
  this.timeout(120_000);
  const demo = new Demo();
  let result: DemoResult;
  let url: string;
  const webId = (name: string): string => `${result.solidBaseUrl}${name}/profile/card#me`;
  let noExamples: string;

  before(async () => {
    noExamples = await mkdtemp(path.join(tmpdir(), 'oce-no-examples-'));
    result = await demo.start({ examplesFolder: noExamples });
    url = await demo.serve(0);
  });

  after(async () => {
    await demo.stop();
    await rm(noExamples, { recursive: true, force: true });
  });

  it('explains the dry run of 1000.00 euros line by line.', () => {
    const json = distributionToJson(result.distribution.dryRun);
    const lines = json.buckets.flatMap((bucket) => bucket.lines.map((line) =>
      [bucket.label, line.agent.replace(result.solidBaseUrl, ''), line.hours, line.value, line.share, line.payout]));
    assert.deepEqual(lines, [
      ['Network fee', 'riverside/profile/card#me', '0', '0', '1', '50.00'],
      ['Work', 'ada/profile/card#me', '13.75', '13.75', '0.578947', '385.00'],
      ['Work', 'bruno/profile/card#me', '10', '10', '0.421053', '280.00'],
      ['Equipment use', 'woodshop/profile/card#me', '6', '6', '1', '190.00'],
      ['Citations', 'bruno/profile/card#me', '0', '1', '1', '95.00'],
    ]);
    assert.equal(json.undistributed, '0.00');
  });

  it('commits the payouts to members to the network pod.', () => {
    const { written } = result.distribution.committed;
    assert.deepEqual(written.payouts.map((payout) => [payout.agent, payout.amount.toFixed(2)]), [
      [webId('ada'), '385.00'], [webId('bruno'), '375.00'], [webId('woodshop'), '190.00'],
    ]);
    assert.ok(written.run.document.startsWith(`${result.solidBaseUrl}riverside/rea/distributions/`));
  });

  it('prints the dry run table and the committed payouts.', () => {
    const text = renderDistribution(result);
    assert.ok(text.includes('Work           ada/profile/card#me        Work by hours           13.75  13.75  0.578947  385.00'),
      text);
    assert.match(text, /^ada\/profile\/card#me +notified at ada\/inbox\//mu);
    assert.match(text, /^Kept by riverside\/profile\/card#me without a transfer: 50\.00$/mu);
  });

  it('shows Ada her payout in her person view after the recrawl.', async () => {
    const ada = webId('ada');
    const response = await fetch(`${url}api/views/person?id=${encodeURIComponent(ada)}`);
    assert.equal(response.status, 200);
    const view = await response.json() as { payouts: Json[] };
    const { written } = result.distribution.committed;
    const payout = written.payouts.find((each) => each.agent === ada);
    assert.deepEqual(view.payouts.map(({ provenance: _provenance, ...figure }) => figure), [{
      event: payout?.event, provider: webId('riverside'), receiver: ada, claims: [payout?.claim], quantity: '385',
      unit: 'http://www.ontology-of-units-of-measure.org/resource/om-2/one',
      specification: `${result.solidBaseUrl}riverside/rea/resources/network.ttl#euro`,
      time: written.run.runTime.toISOString(),
    }]);
    assert.deepEqual((view.payouts[0]?.provenance as Json).documents, [written.run.document]);
  });

  it('notifies Ada in her inbox.', async () => {
    const notice = result.distribution.committed.notices.find((each) => each.agent === webId('ada'));
    assert.equal(notice?.inbox, `${result.solidBaseUrl}ada/inbox/`);
    const ada = result.network.members.find((member) => member.webId === webId('ada'))!;
    const session = await ClientCredentialsSession.login({
      clientId: ada.clientId, clientSecret: ada.clientSecret, oidcIssuer: result.solidBaseUrl,
    });
    try {
      const response = await session.fetch(notice?.notice ?? '', { headers: { accept: 'text/turtle' } });
      const quads = new Parser({ baseIRI: notice?.notice ?? '' }).parse(await response.text());
      const objects = quads.filter((quad) => quad.predicate.value === 'https://www.w3.org/ns/activitystreams#object');
      assert.deepEqual(objects.map((quad) => quad.object.value),
        [result.distribution.committed.written.payouts[0]?.event]);
    } finally {
      await session.logout();
    }
  });

  it('lists the committed run from the crawled data.', async () => {
    const listing = await (await fetch(`${url}api/distributions`)).json() as { runs: Json[] };
    const { run } = result.distribution.committed.written;
    assert.deepEqual(listing.runs.map((each) => [each.id, each.amount, each.undistributed]), [[run.id, '1000.00', '0.00']]);
  });

  it('serves a dry run over HTTP to anyone.', async () => {
    const { request } = result.distribution;
    const response = await fetch(`${url}api/distributions/dry-run`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ equation: request.equation, amount: '10.00', currency: request.currency }),
    });
    assert.equal(response.status, 200);
    const body = await response.json() as { payouts: Json[] };
    // The dry run reads the latest crawl, so Ada's 5 hours on the plan count: the 6.65 for work is
    // split 18.75 to 10 hours between Ada and Bruno.
    assert.deepEqual(body.payouts.map((payout) => payout.amount), ['4.34', '3.26', '0.50', '1.90']);
  });

  it('rejects a committed run over HTTP, because the demo configures no authorization.', async () => {
    const response = await fetch(`${url}api/distributions`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
    });
    assert.equal(response.status, 403);
  });

  it('finds no problems in the crawl that includes the run.', () => {
    assert.deepEqual(result.snapshot.problems, []);
    assert.deepEqual(result.snapshot.inventory.problems, []);
  });
});
