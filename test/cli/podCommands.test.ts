import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Parser } from 'n3';
import { main } from '../../src/cli/main.js';
import type { SolidServer } from '../../src/solid/index.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';

const VF = 'https://w3id.org/valueflows/ont/vf#';

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[]): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'oce', ...args], {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('The oce pod commands', function podCommands() {
  this.timeout(60_000);
  let server: SolidServer;
  let owner: TestMember;
  let reader: TestMember;
  let auth: string[];
  const tempFolders: string[] = [];

  async function makeTempFolder(prefix: string): Promise<string> {
    const folder = await mkdtemp(path.join(tmpdir(), prefix));
    tempFolders.push(folder);
    return folder;
  }

  before(async () => {
    server = await sharedSolidServer();
    owner = await createTestMember(server, 'cliowner');
    reader = await createTestMember(server, 'clireader');
    auth = [
      '--pod', owner.account.podUrl,
      '--issuer', server.baseUrl,
      '--client-id', owner.account.clientId,
      '--client-secret', owner.account.clientSecret,
    ];
  });

  function authFor(member: TestMember, pod: string): string[] {
    return ['--pod', pod, '--issuer', server.baseUrl,
      '--client-id', member.account.clientId, '--client-secret', member.account.clientSecret];
  }

  after(async () => {
    await Promise.all(tempFolders.map(async (folder) => rm(folder, { recursive: true, force: true })));
    await owner.session.logout();
    await reader.session.logout();
  });

  it('initializes a pod once and changes nothing the second time.', async () => {
    const first = await run(['pod', 'init', ...auth]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout,
      'Created 10 container(s), 8 public and 3 private type index registration(s), 3 profile link(s).');
    const second = await run(['pod', 'init', ...auth]);
    assert.equal(second.stdout,
      'Created 0 container(s), 0 public and 0 private type index registration(s), 0 profile link(s).');
  });

  it('exits 2 when --pod is a container inside the pod.', async () => {
    const container = `${owner.account.podUrl}rea/`;
    const result = await run(['pod', 'init', ...authFor(owner, container)]);
    assert.equal(result.stderr, `Pod URL [${container}] is not the storage root of a pod, since the server ` +
      'sends no Link header <http://www.w3.org/ns/pim/space#Storage> with rel="type" for it; ' +
      `pass [${owner.account.podUrl}] to --pod`);
    assert.equal(result.code, 2);

    const response = await owner.session.fetch(owner.account.webId, { headers: { accept: 'application/n-triples' } });
    const profile = new Parser({ format: 'N-Triples' }).parse(await response.text());
    const storages = profile.filter((quad) => quad.predicate.value === 'http://www.w3.org/ns/pim/space#storage');
    assert.deepEqual(storages.map((quad) => quad.object.value), [owner.account.podUrl]);
  });

  const invalidPods: [string, (podUrl: string) => string, (podUrl: string) => string][] = [
    ['a URL without a trailing slash', (podUrl) => podUrl.slice(0, -1),
      (podUrl) => `Invalid pod URL [${podUrl.slice(0, -1)}]: expected an http(s) URL ending in /, such as [${podUrl}]`],
    ['no URL', () => 'not-a-url', () => 'Invalid pod URL [not-a-url]: expected an http(s) URL ending in /'],
    ['a file URL', () => 'file:///tmp/pod/', () => 'Invalid pod URL [file:///tmp/pod/]: expected an http(s) URL ending in /'],
  ];
  const commands: [string, string[]][] = [
    ['pod init', ['pod', 'init']],
    ['pod record', ['pod', 'record', '--action', 'use']],
    ['pod grant', ['pod', 'grant', '--agent', 'http://localhost/agent#me']],
    ['import', ['import', 'harvest.ttl']],
  ];
  for (const [commandName, command] of commands) {
    for (const [name, pod, message] of invalidPods) {
      it(`exits 2 on ${commandName} when --pod is ${name}.`, async () => {
        const result = await run([...command, ...authFor(owner, pod(owner.account.podUrl))]);
        assert.equal(result.stderr, message(owner.account.podUrl));
        assert.equal(result.code, 2);
      });
    }
  }

  it('reports no write access to another pod the same way for every command.', async () => {
    const folder = await makeTempFolder('oce-forbidden-');
    const file = path.join(folder, 'harvest.ttl');
    await writeFile(file, `@prefix vf: <${VF}> . <#pick> a vf:EconomicEvent ; vf:action vf:raise .`);
    const otherPod = reader.account.podUrl;
    const commands: [string[], string][] = [
      [['pod', 'init'], `${otherPod}rea/`],
      [['pod', 'record', '--action', 'use', '--at', '2026-12-04T10:00:00Z'], `${otherPod}rea/events/2026/12/04.ttl`],
      [['pod', 'grant', '--agent', owner.account.webId], `${otherPod}rea/`],
      [['import', file], `${otherPod}rea/events/undated.ttl`],
    ];
    for (const [command, url] of commands) {
      const result = await run([...command, ...authFor(owner, otherPod)]);
      assert.equal(result.stderr, `The WebID [${owner.account.webId}] has no write access to [${url}] ` +
        '(status 403); the pod owner must log in, or grant access', command.join(' '));
      assert.equal(result.code, 1, command.join(' '));
    }
  });

  it('records an event given by flags in its day document.', async () => {
    const result = await run(['pod', 'record', ...auth, '--id', 'sanding', '--action', 'work',
      '--provider', owner.account.webId, '--receiver', owner.account.webId,
      '--at', '2026-11-05T10:00:00Z', '--effort', '2.50', '--effort-unit', 'om2:hour']);
    const document = `${owner.account.podUrl}rea/events/2026/11/05.ttl`;
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `Recorded ${document}#sanding in ${document}`);

    const response = await owner.session.fetch(document);
    const quads = new Parser({ baseIRI: document }).parse(await response.text());
    const effort = quads.find((quad) => quad.predicate.value === `${VF}effortQuantity`)!.object.value;
    const value = quads.find((quad) => quad.subject.value === effort && quad.predicate.value === `${VF}hasNumericalValue`);
    assert.equal(value?.object.value, '2.5');
  });

  it('rejects recording the same event IRI twice.', async () => {
    const args = ['pod', 'record', ...auth, '--id', 'twice', '--action', 'raise',
      '--at', '2026-11-06T10:00:00Z', '--quantity', '1'];
    assert.equal((await run(args)).code, 0);
    const again = await run(args);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /twice/u);
  });

  it('exits 2 when record has neither --file nor --action.', async () => {
    const result = await run(['pod', 'record', ...auth]);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'Expected --file or --action; got neither');
  });

  it('records a file event under the day document, not a file IRI.', async () => {
    const folder = await makeTempFolder('oce-record-');
    const file = path.join(folder, 'event.ttl');
    await writeFile(file, `@prefix vf: <${VF}> .
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      <#ev1> a vf:EconomicEvent ; vf:action vf:work ; vf:provider <${owner.account.webId}> ;
        vf:effortQuantity <#effort> ; vf:hasPointInTime "2026-12-04T10:00:00Z"^^xsd:dateTime .
      <#effort> vf:hasNumericalValue 1.5 ;
        vf:hasUnit <http://www.ontology-of-units-of-measure.org/resource/om-2/hour> .`);
    const result = await run(['pod', 'record', ...auth, '--file', file]);
    const document = `${owner.account.podUrl}rea/events/2026/12/04.ttl`;
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `Recorded ${document}#ev1 in ${document}`);

    const response = await owner.session.fetch(document, { headers: { accept: 'application/n-triples' } });
    const quads = new Parser({ format: 'N-Triples' }).parse(await response.text());
    const subjects = [...new Set(quads.map((quad) => quad.subject.value))].sort();
    assert.deepEqual(subjects, [`${document}#ev1`, `${document}#ev1-effort`]);
    assert.equal(quads.filter((quad) => quad.object.value.startsWith('file:')).length, 0);
  });

  it('exits 1 on a file event with a negative effort.', async () => {
    const folder = await makeTempFolder('oce-record-');
    const file = path.join(folder, 'negative.ttl');
    await writeFile(file, `@prefix vf: <${VF}> .
      <#ev2> a vf:EconomicEvent ; vf:action vf:work ; vf:hasPointInTime "2026-12-07T10:00:00Z" ;
        vf:effortQuantity [ vf:hasNumericalValue -3 ] .`);
    const result = await run(['pod', 'record', ...auth, '--file', file]);
    const document = `${owner.account.podUrl}rea/events/2026/12/07.ttl`;
    assert.equal(result.stderr, `Invalid event in [${file}]: Invalid vf:effortQuantity [-3] of event ` +
      `[${document}#ev2]: only a correction (an event with vf:corrects) may have a negative quantity`);
    assert.equal(result.code, 1);
    assert.equal((await owner.session.fetch(document, { method: 'HEAD' })).status, 404);
  });

  const invalidFlags: [string, string[], string][] = [
    ['an invalid calendar date', ['--action', 'use', '--at', '2026-02-30T10:00:00Z'],
      'Invalid hasPointInTime: Expected a valid calendar date and time, got [2026-02-30T10:00:00Z]'],
    ['an offset beyond 14:00', ['--action', 'use', '--at', '2026-12-04T10:00:00+14:30'],
      'Invalid hasPointInTime: Expected a time zone offset between -14:00 and +14:00, ' +
      'got [2026-12-04T10:00:00+14:30]'],
    ['a negative effort without --corrects', ['--action', 'work', '--at', '2026-12-04T10:00:00Z', '--effort', '-3'],
      'Invalid effortQuantity [-3]: only a correction (an event with vf:corrects, --corrects) ' +
      'may have a negative quantity'],
    ['work without --effort', ['--action', 'work', '--at', '2026-12-04T10:00:00Z'],
      'A work event needs an effort quantity (--effort), since its contribution is measured by effort'],
    ['an id that is no IRI fragment', ['--action', 'use', '--id', 'bad id#x'],
      'Invalid event id [bad id#x]: expected letters, digits, dots, underscores, tildes or hyphens, ' +
      'since it becomes the fragment of the event IRI'],
  ];
  for (const [name, flags, message] of invalidFlags) {
    it(`exits 2 on record with ${name}.`, async () => {
      const result = await run(['pod', 'record', ...auth, ...flags]);
      assert.equal(result.stderr, message);
      assert.equal(result.code, 2);
      const day = await owner.session.fetch(`${owner.account.podUrl}rea/events/2026/03/02.ttl`, { method: 'HEAD' });
      assert.equal(day.status, 404);
    });
  }

  it('records a negative effort that corrects another event.', async () => {
    const corrected = `${owner.account.podUrl}rea/events/2026/11/05.ttl#sanding`;
    const result = await run(['pod', 'record', ...auth, '--id', 'sanding-fix', '--action', 'work',
      '--at', '2026-11-05T12:00:00Z', '--effort', '-0.5', '--corrects', corrected]);
    assert.equal(result.code, 0, result.stderr);
  });

  it('grants read access to another WebID once.', async () => {
    const first = await run(['pod', 'grant', ...auth, '--agent', reader.account.webId]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^Granted .* read access through /u);
    const document = `${owner.account.podUrl}rea/events/2026/11/05.ttl`;
    assert.equal((await reader.session.fetch(document)).status, 200);
    const second = await run(['pod', 'grant', ...auth, '--agent', reader.account.webId]);
    assert.equal(second.stdout, `${reader.account.webId} already had read access.`);
  });

  it('imports a Turtle file into the pod layout.', async () => {
    const folder = await makeTempFolder('oce-import-');
    const file = path.join(folder, 'harvest.ttl');
    await writeFile(file, `@prefix vf: <${VF}> .
      @prefix om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/> .
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      <#apples> a vf:EconomicResource ; vf:name "Apples" .
      <#pick> a vf:EconomicEvent ; vf:action vf:raise ; vf:resourceInventoriedAs <#apples> ;
        vf:resourceQuantity [ vf:hasNumericalValue 12 ; vf:hasUnit om2:kilogram ] ;
        vf:hasPointInTime "2026-09-01T08:00:00Z"^^xsd:dateTime .`);
    const result = await run(['import', ...auth, file]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout,
      'Recorded 1 event(s) in 1 day document(s) (0 already there); wrote 1 document(s).');
    const response = await owner.session.fetch(`${owner.account.podUrl}rea/events/2026/09/01.ttl`);
    assert.equal(response.status, 200);
  });

  it('exits 1 with a clear message when the credentials are wrong.', async () => {
    const result = await run(['pod', 'init', '--pod', owner.account.podUrl, '--issuer', server.baseUrl,
      '--client-id', owner.account.clientId, '--client-secret', 'not-the-secret']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^Login with client credentials \[.+\] at \[.+\] failed/u);
  });

  it('exits 2 when --pod is missing.', async () => {
    const result = await run(['pod', 'init', '--issuer', server.baseUrl, '--client-id', 'a', '--client-secret', 'b']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--pod <url>/u);
  });
});
