import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser, Store } from 'n3';
import { CRAWL_REPORT_TERMS, crawlReportToQuads, crawlReportToTurtle, NetworkCrawler, OCE_CRAWL,
  publishCrawlReport } from '../../src/crawler/index.js';
import type { NetworkCrawlResult } from '../../src/crawler/index.js';
import type { SolidServer } from '../../src/solid/index.js';
import { RDF, RDFS } from '../../src/vocab/index.js';
import { assertIsomorphic, turtle } from '../support/rdfAssertions.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';
import { MiniPodServer } from './support/MiniPodServer.js';
import { PREFIXES, workEvent } from './support/networkFixture.js';

const REPORT = 'https://network.example/reports/crawl.ttl';

describe('A crawl report in RDF', () => {
  let mini: MiniPodServer;
  let result: NetworkCrawlResult;

  before(async () => {
    mini = await MiniPodServer.start();
    mini.documents.set('/data/one.ttl', PREFIXES + workEvent(`${mini.base}data/one.ttl#w`, mini.webId, '2'));
    mini.documents.set('/data/bad.ttl', '<#a> <#b> "unterminated');
    const clock = (): Date => new Date('2026-12-10T10:00:00.000Z');
    result = await new NetworkCrawler({ roots: [mini.webId], fetcher: fetch, clock }).crawl();
  });

  after(async () => {
    await mini.stop();
  });

  it('is isomorphic to the expected graph.', () => {
    const parse = result.report.pods[0]!.errors[0]!;
    const expected = turtle(`@prefix oce: <https://w3id.org/oce/ns#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      <${REPORT}> a oce:CrawlReport ; oce:crawledAt "2026-12-10T10:00:00.000Z"^^xsd:dateTime ;
        oce:durationMilliseconds 0 ; oce:root <${mini.webId}> ;
        oce:documentsSeen 2 ; oce:documentsLoaded 1 ; oce:documentsDownloaded 1 ; oce:documentsUnchanged 0 ;
        oce:documentsRejected 1 ; oce:documentsFailed 0 ; oce:coverage 0.5 ;
        oce:podCrawl [ a oce:PodCrawl ; oce:agent <${mini.webId}> ; oce:storage <${mini.base}> ; oce:depth 0 ;
          oce:documentsSeen 2 ; oce:documentsLoaded 1 ; oce:documentsDownloaded 1 ; oce:documentsUnchanged 0 ;
          oce:documentsRejected 1 ; oce:documentsFailed 0 ; oce:coverage 0.5 ; oce:durationMilliseconds 0 ;
          oce:complete true ;
          oce:problem [ a oce:Problem ; oce:severity oce:Error ; oce:message ${JSON.stringify(parse.message)} ;
            oce:source <${mini.base}data/bad.ttl> ; oce:httpStatus 200 ; oce:problemKind "parse" ] ] .`, REPORT);
    assertIsomorphic(crawlReportToQuads(result.report, REPORT), expected);
  });

  it('is valid Turtle.', async () => {
    const text = await crawlReportToTurtle(result.report, REPORT);
    const quads = new Parser({ baseIRI: REPORT }).parse(text);
    assertIsomorphic(quads, crawlReportToQuads(result.report, REPORT));
  });

  describe('written to the network pod', () => {
    let steward: TestMember;

    before(async function startServer() {
      this.timeout(60_000);
      const server: SolidServer = await sharedSolidServer();
      steward = await createTestMember(server, 'steward');
    });

    after(async () => {
      await steward.session.logout();
    });

    it('reads back as the same graph.', async () => {
      const url = `${steward.account.podUrl}reports/crawl.ttl`;
      await publishCrawlReport(result.report, url, steward.session.fetch);
      const response = await steward.session.fetch(url, { headers: { accept: 'text/turtle' } });
      assert.equal(response.status, 200);
      const quads = new Parser({ baseIRI: url }).parse(await response.text());
      assertIsomorphic(quads, crawlReportToQuads(result.report, url));
    });

    it('fails with the status when the fetch may not write.', async () => {
      const url = `${steward.account.podUrl}reports/anonymous.ttl`;
      await assert.rejects(publishCrawlReport(result.report, url, fetch),
        new RegExp(`^Error: Writing the crawl report to \\[${url.replaceAll('/', '\\/')}\\] failed with status \\[401\\]`, 'u'));
    });
  });
});

describe('The crawl report terms of the OCE vocabulary', () => {
  const store = new Store(new Parser().parse(readFileSync(fileURLToPath(new URL('../../vocab/oce.ttl', import.meta.url)), 'utf8')));

  for (const localName of CRAWL_REPORT_TERMS) {
    it(`gives oce:${localName} a type, a label and a comment.`, () => {
      assert.equal(store.getQuads(OCE_CRAWL[localName], RDF.type, null, null).length, 1);
      assert.equal(store.getQuads(OCE_CRAWL[localName], RDFS.label, null, null).length, 1);
      assert.equal(store.getQuads(OCE_CRAWL[localName], RDFS.comment, null, null).length, 1);
    });
  }
});
