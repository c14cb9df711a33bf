import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Parser } from 'n3';
import type { CrawlReportJson } from '../../src/crawler/index.js';
import type { SolidServer } from '../../src/solid/index.js';
import { PREFIXES, preparePod, putTurtle, raiseEvent, workEvent } from '../crawler/support/networkFixture.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';
import { runCli } from './runCli.js';

/** Splits a table row into its cells, which are separated by two or more spaces. */
function cells(line: string): string[] {
  return line.split(/ {2,}/u);
}

/** Returns the table row of a pod, its duration cell replaced by `<duration>` after checking its form. */
function podRow(stdout: string, webId: string): string[] {
  const line = stdout.split('\n').find((candidate) => candidate.startsWith(`${webId} `));
  assert.ok(line, `no row for ${webId} in:\n${stdout}`);
  const row = cells(line);
  assert.match(row[7] ?? '', /^\d+\.\d s$/u);
  return [...row.slice(0, 7), '<duration>', ...row.slice(8)];
}

describe('oce crawl', function crawlCommandTests() {
  this.timeout(120_000);
  let server: SolidServer;
  const named: Record<string, TestMember> = {};
  let folder: string;
  let configFile: string;
  const webId = (name: string): string => named[name]!.account.webId;

  before(async () => {
    server = await sharedSolidServer();
    for (const name of ['agg', 'net', 'ada', 'bo']) {
      named[name] = await createTestMember(server, `cli${name}`);
    }
    for (const name of ['net', 'ada', 'bo']) {
      await preparePod(named[name]!, webId('agg'));
    }
    await putTurtle(named.net!, 'rea/resources/network.ttl',
      `${PREFIXES} <${webId('net')}> org:hasMember <${webId('ada')}>, <${webId('bo')}> .`);
    const ada = named.ada!.account.podUrl;
    await putTurtle(named.ada!, 'rea/events/2026/12/01.ttl',
      PREFIXES + raiseEvent(`${ada}rea/events/2026/12/01.ttl#e1`, webId('ada'), `${ada}rea/resources/r.ttl#bolts`, '5'));
    const bo = named.bo!.account.podUrl;
    await putTurtle(named.bo!, 'rea/events/2026/12/02.ttl', PREFIXES + workEvent(`${bo}rea/events/2026/12/02.ttl#w1`, webId('bo'), '3'));
    await putTurtle(named.bo!, 'rea/events/broken.ttl', '<#a> <#b> "unterminated');

    folder = await mkdtemp(path.join(os.tmpdir(), 'oce-crawl-'));
    configFile = path.join(folder, 'aggregator.yaml');
    const { clientId, clientSecret } = named.agg!.account;
    await writeFile(configFile, [
      `roots: [${webId('net')}]`,
      'credentials:',
      `  issuer: ${server.baseUrl}`,
      `  clientId: ${clientId}`,
      `  clientSecret: ${clientSecret}`,
      'addressPolicy: { allowLoopback: true }',
      `cacheFolder: ${path.join(folder, 'cache')}`,
      'logLevel: silent',
    ].join('\n'));
  });

  after(async () => {
    for (const member of Object.values(named)) {
      await member.session.logout();
    }
    await rm(folder, { recursive: true, force: true });
  });

  it('prints a summary row per pod and the problems.', async () => {
    const run = await runCli('crawl', '--config', configFile);
    assert.equal(run.exitCode, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.match(lines[0] ?? '', /^Crawl of 1 network root finished at \d{4}-\d\d-\d\dT[\d:.]+Z$/u);
    assert.deepEqual(cells(lines[1] ?? ''),
      ['pod', 'seen', 'loaded', 'unchanged', 'rejected', 'failed', 'coverage', 'duration', 'stale']);
    assert.deepEqual(podRow(run.stdout, webId('net')), [webId('net'), '1', '1', '0', '0', '0', '100.0 %', '<duration>', '-']);
    assert.deepEqual(podRow(run.stdout, webId('ada')), [webId('ada'), '1', '1', '0', '0', '0', '100.0 %', '<duration>', '-']);
    assert.deepEqual(podRow(run.stdout, webId('bo')), [webId('bo'), '2', '1', '0', '1', '0', '50.0 %', '<duration>', '-']);
    assert.deepEqual(podRow(run.stdout, 'total (3 pods)'), ['total (3 pods)', '4', '3', '0', '1', '0', '75.0 %', '<duration>', '0 pods']);
    const problems = lines.slice(lines.indexOf('') + 1);
    assert.equal(problems[0], 'Problems found (1)');
    assert.match(problems[1] ?? '', new RegExp(`^error: Crawling the pod of \\[${webId('bo')}\\]: \\[${named.bo!.account.podUrl}rea/events/broken\\.ttl\\] \\(parse\\): Quarantined the document because it could not be parsed: `, 'u'));
    assert.equal(problems.length, 2);
  });

  it('prints the JSON report, unchanged documents on a second run.', async () => {
    const run = await runCli('crawl', '--config', configFile, '--json');
    assert.equal(run.exitCode, 0, run.stderr);
    const report = JSON.parse(run.stdout) as CrawlReportJson;
    assert.deepEqual(report.roots, [webId('net')]);
    assert.deepEqual(report.pods.map((pod) => pod.webId), [webId('net'), ...[webId('ada'), webId('bo')].sort()]);
    assert.deepEqual(report.totals, {
      pods: 3, stalePods: 0, seen: 4, loaded: 3, downloaded: 0, unchanged: 3, rejected: 1, failed: 0, coverage: 0.75,
    });
  });

  it('writes the RDF crawl report where --publish says.', async () => {
    const reportUrl = `${named.agg!.account.podUrl}reports/crawl.ttl`;
    const run = await runCli('crawl', '--config', configFile, '--publish', reportUrl);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(run.stderr, `Wrote the crawl report to ${reportUrl}`);
    const response = await named.agg!.session.fetch(reportUrl, { headers: { accept: 'text/turtle' } });
    assert.equal(response.status, 200);
    const quads = new Parser({ baseIRI: reportUrl }).parse(await response.text());
    const typed = quads.filter((quad) => quad.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'
      && quad.object.value === 'https://w3id.org/oce/ns#CrawlReport');
    assert.equal(typed.length, 1);
  });

  it('takes a flag over the file.', async () => {
    const run = await runCli('crawl', '--config', configFile, '--json', '--max-documents-per-pod', '1');
    assert.equal(run.exitCode, 0, run.stderr);
    const report = JSON.parse(run.stdout) as CrawlReportJson;
    const bo = report.pods.find((pod) => pod.webId === webId('bo'))!;
    assert.equal(bo.seen, 1);
    assert.equal(bo.errors.filter((error) => error.kind === 'bound').length, 1);
  });

  it('exits 2 with the message on an invalid configuration.', async () => {
    const run = await runCli('crawl', '--config', configFile, '--retries', 'many');
    assert.equal(run.exitCode, 2);
    assert.equal(run.stderr, 'Invalid configuration value [bounds.retries] from flag [--retries]: ' +
      'expected an integer from 0 to 10, received [many]');
    assert.equal(run.stdout, '');
  });

  it('exits 1 when the credentials are rejected.', async () => {
    const run = await runCli('crawl', '--config', configFile, '--client-secret', 'wrong');
    assert.equal(run.exitCode, 1);
    assert.match(run.stderr, new RegExp(`^Login with client credentials \\[${named.agg!.account.clientId}\\] at ` +
      `\\[${server.baseUrl.replace(/[.]/gu, '\\.')}\\] failed: .+\\. Check the issuer and the client credentials\\.$`, 'u'));
  });

  it('exits 1 when no root can be read.', async () => {
    const run = await runCli('crawl', '--config', configFile, '--root', 'http://127.0.0.1:1/nobody/profile/card#me');
    assert.equal(run.exitCode, 1);
    assert.match(run.stderr,
      /^No network root could be read: \[http:\/\/127\.0\.0\.1:1\/nobody\/profile\/card#me\] .+/u);
  });
});
