import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderDemoResult } from '../../src/cli/commands/demoCommand.js';
import { Demo } from '../../src/demo/index.js';
import type { DemoResult } from '../../src/demo/index.js';
import type { ContributionsJson, ResourceJson } from '../../src/report/index.js';

const ONE = 'http://www.ontology-of-units-of-measure.org/resource/om-2/one';
const HOUR = 'http://www.ontology-of-units-of-measure.org/resource/om-2/hour';

function resource(result: DemoResult, suffix: string): ResourceJson {
  const found = result.snapshot.inventory.resources.find((candidate) =>
    candidate.id === `${result.solidBaseUrl}${suffix}`);
  assert.ok(found, `no resource ${suffix}`);
  return found;
}

function total(contributions: ContributionsJson, agent: string, kind: string): { quantity: string; unit: string } {
  const entry = contributions.agents.find((candidate) => candidate.agent === agent);
  const line = entry?.totals.find((candidate) => candidate.kind === kind);
  assert.ok(line, `no ${kind} total for ${agent}`);
  return { quantity: line.quantity, unit: line.specification ?? line.unit };
}

describe('The demo on seed data alone', function demoOnSeedData() {
  this.timeout(120_000);
  const demo = new Demo();
  let result: DemoResult;
  let noExamples: string;

  before(async () => {
    noExamples = await mkdtemp(path.join(tmpdir(), 'oce-no-examples-'));
    result = await demo.start({ examplesFolder: noExamples });
  });

  after(async () => {
    await demo.stop();
    await rm(noExamples, { recursive: true, force: true });
  });

  it('finds the four members listed in the network pod.', () => {
    const webIds = ['ada', 'bruno', 'cargo', 'woodshop'].map((name) => `${result.solidBaseUrl}${name}/profile/card#me`);
    assert.deepEqual(result.snapshot.members, webIds);
  });

  it('loads every pod without errors.', () => {
    assert.equal(result.snapshot.pods.length, 5);
    for (const pod of result.snapshot.pods) {
      assert.deepEqual(pod.errors, [], pod.webId);
      assert.equal(pod.failed, 0, pod.webId);
    }
  });

  it('derives the oak boards left after the batch and its correction.', () => {
    const boards = resource(result, 'woodshop/rea/resources/woodshop.ttl#oak-boards');
    assert.deepEqual(boards.accountingQuantity, { value: '27', unit: ONE });
    assert.deepEqual(boards.onhandQuantity, { value: '27', unit: ONE });
  });

  it('moves two stools from the woodshop to the network.', () => {
    const woodshop = resource(result, 'woodshop/rea/resources/woodshop.ttl#stools');
    const network = resource(result, 'riverside/rea/resources/network.ttl#stools');
    assert.deepEqual(woodshop.accountingQuantity, { value: '4', unit: ONE });
    assert.deepEqual(network.accountingQuantity, { value: '2', unit: ONE });
    assert.equal(network.primaryAccountable, `${result.solidBaseUrl}riverside/profile/card#me`);
  });

  it('sums Ada\'s work recorded in her own pod.', () => {
    const ada = `${result.solidBaseUrl}ada/profile/card#me`;
    assert.deepEqual(total(result.snapshot.contributions, ada, 'work'), { quantity: '18.75', unit: HOUR });
  });

  it('counts Bruno\'s design work, money and cited design.', () => {
    const bruno = `${result.solidBaseUrl}bruno/profile/card#me`;
    const { contributions } = result.snapshot;
    assert.deepEqual(total(contributions, bruno, 'work'), { quantity: '10', unit: HOUR });
    const euro = `${result.solidBaseUrl}riverside/rea/resources/network.ttl#euro`;
    assert.deepEqual(total(contributions, bruno, 'money'), { quantity: '250', unit: euro });
    assert.deepEqual(total(contributions, bruno, 'citation'), { quantity: '1', unit: ONE });
  });

  it('counts the woodshop\'s equipment use.', () => {
    const woodshop = `${result.solidBaseUrl}woodshop/profile/card#me`;
    assert.deepEqual(total(result.snapshot.contributions, woodshop, 'equipmentUse'), { quantity: '6', unit: HOUR });
  });

  it('reports no problems in the seed data.', () => {
    assert.deepEqual(result.snapshot.inventory.problems, []);
    assert.deepEqual(result.snapshot.problems, []);
  });

  it('lists the seed files it imported and the examples it could not find.', () => {
    assert.deepEqual(result.network.imports.map((entry) => `${entry.member}/${entry.file}`), [
      'riverside/network.ttl', 'woodshop/woodshop.ttl', 'ada/ada.ttl', 'bruno/bruno.ttl', 'cargo/cargo.ttl',
    ]);
    assert.deepEqual(result.network.missingExamples, [
      'ex-production--01--manufacturing.yaml',
      'ex-production--13--correcting-errors.yaml',
      'ex-exchange--08--transportation-with-transfer.yaml',
    ]);
  });

  it('prints the folder of the examples it could not find.', () => {
    const lines = renderDemoResult(result).split('\n');
    const expected = `Upstream examples not found in [${noExamples}], so these were not imported: `
      + 'ex-production--01--manufacturing.yaml, ex-production--13--correcting-errors.yaml, '
      + 'ex-exchange--08--transportation-with-transfer.yaml';
    assert.ok(lines.includes(expected), lines.join('\n'));
  });

  it('serves the inventory over HTTP on loopback.', async () => {
    const url = await demo.serve(0);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/u);
    const body = await (await fetch(`${url}inventory`)).json() as { resources: unknown[] };
    assert.equal(body.resources.length, result.snapshot.inventory.resources.length);
  });

  it('answers SPARQL over the crawled documents, one named graph each.', async () => {
    const url = await demo.serve(0);
    const query = `PREFIX vf: <https://w3id.org/valueflows/ont/vf#>
      SELECT ?graph (COUNT(?event) AS ?events) WHERE { GRAPH ?graph { ?event a vf:EconomicEvent } }
      GROUP BY ?graph ORDER BY ?graph`;
    const response = await fetch(`${url}sparql?query=${encodeURIComponent(query)}`, {
      headers: { accept: 'text/csv' },
    });
    assert.equal(response.status, 200);
    const base = result.solidBaseUrl;
    const runDocument = result.distribution.committed.written.run.document;
    assert.equal(await response.text(), [
      'graph,events',
      `${base}ada/rea/events/2026/11/05.ttl,1`,
      `${base}ada/rea/events/2026/11/06.ttl,1`,
      `${base}ada/rea/events/2026/12/09.ttl,1`,
      `${base}bruno/rea/events/2026/10/19.ttl,1`,
      `${base}bruno/rea/events/2026/10/21.ttl,1`,
      `${base}bruno/rea/events/2026/11/01.ttl,1`,
      `${base}cargo/rea/events/2026/11/20.ttl,2`,
      `${runDocument},3`,
      `${base}woodshop/rea/events/2026/11/02.ttl,2`,
      `${base}woodshop/rea/events/2026/11/05.ttl,3`,
      `${base}woodshop/rea/events/2026/11/06.ttl,1`,
      `${base}woodshop/rea/events/2026/11/07.ttl,1`,
      `${base}woodshop/rea/events/2026/11/20.ttl,1`,
      '',
    ].join('\r\n'));
  });
});

describe('The demo views', function demoViews() {
  this.timeout(120_000);
  const demo = new Demo();
  let result: DemoResult;
  let url: string;
  let project: string;
  let noExamples: string;

  before(async () => {
    noExamples = await mkdtemp(path.join(tmpdir(), 'oce-no-examples-'));
    result = await demo.start({ examplesFolder: noExamples });
    url = await demo.serve(0);
    project = `${result.solidBaseUrl}woodshop/profile/card#stool-project`;
  });

  after(async () => {
    await demo.stop();
    await rm(noExamples, { recursive: true, force: true });
  });

  it('rolls the project\'s contributions up from its process.', async () => {
    const response = await fetch(`${url}api/views/project?id=${encodeURIComponent(project)}`);
    assert.equal(response.status, 200);
    const view = await response.json() as { counts: unknown; contributions: Record<string, string>[] };
    assert.deepEqual(view.counts, { events: 7, processes: 1 });
    const base = result.solidBaseUrl;
    assert.deepEqual(view.contributions.map((figure) => [figure.agent, figure.kind, figure.quantity]), [
      [`${base}ada/profile/card#me`, 'work', '13.75'],
      [`${base}bruno/profile/card#me`, 'citation', '1'],
      [`${base}woodshop/profile/card#me`, 'equipmentUse', '6'],
      [`${base}woodshop/profile/card#me`, 'resource', '13'],
    ]);
  });

  it('includes the project in the woodshop\'s view.', async () => {
    const woodshop = `${result.solidBaseUrl}woodshop/profile/card#me`;
    const view = await (await fetch(`${url}api/views/organization?id=${encodeURIComponent(woodshop)}`)).json() as
      { includes: string[] };
    assert.deepEqual(view.includes, [woodshop, project]);
  });

  it('follows a figure\'s provenance link to its events.', async () => {
    const view = await (await fetch(`${url}api/views/project?id=${encodeURIComponent(project)}`)).json() as
      { contributions: { kind: string; provenance: { events: string } }[] };
    const work = view.contributions.find((figure) => figure.kind === 'work');
    const events = await (await fetch(work?.provenance.events ?? '')).json() as { items: { id: string }[] };
    const ada = `${result.solidBaseUrl}ada/rea/events/2026/11/`;
    assert.deepEqual(events.items.map((event) => event.id), [`${ada}05.ttl#ada-cut-and-join`, `${ada}06.ttl#ada-finish`]);
  });

  it('answers SPARQL over the derived inventory graph.', async () => {
    const boards = `${result.solidBaseUrl}woodshop/rea/resources/woodshop.ttl#oak-boards`;
    const query = `PREFIX vf: <https://w3id.org/valueflows/ont/vf#>
      SELECT ?value WHERE { GRAPH <urn:oce:derived:inventory> { <${boards}> vf:accountingQuantity/vf:hasNumericalValue ?value } }`;
    const response = await fetch(`${url}sparql?query=${encodeURIComponent(query)}`, { headers: { accept: 'text/csv' } });
    assert.equal(await response.text(), 'value\r\n27\r\n');
  });
});

describe('The demo service before the setup', () => {
  it('answers 503 until the first crawl has finished.', async () => {
    const demo = new Demo();
    try {
      const url = await demo.serve(0);
      const response = await fetch(`${url}inventory`);
      assert.equal(response.status, 503);
      const body = await response.json() as { detail: string };
      assert.equal(body.detail, 'The first crawl has not finished yet; retry in a few seconds');
    } finally {
      await demo.stop();
    }
  });

  it('rejects with PortInUseError when the port is taken.', async () => {
    const occupier = createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    const { port } = occupier.address() as AddressInfo;
    const demo = new Demo();
    try {
      await assert.rejects(demo.serve(port), { name: 'PortInUseError', message: `Port [${port}] on 127.0.0.1 is already in use` });
    } finally {
      await demo.stop();
      await new Promise((resolve) => occupier.close(resolve));
    }
  });
});
