import assert from 'node:assert/strict';
import { DocumentFetcher, DocumentFetcherSource, DocumentLoader, isSourceFailure } from '../../src/crawler/index.js';
import type { DocumentSource, SourceDocument } from '../../src/crawler/index.js';
import { loadWithFallback } from '../../src/crawler/loadWithFallback.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';

const NOTE = 'https://w3id.org/valueflows/ont/vf#note';
const URL_OF_DOCUMENT = 'https://pod.example/rea/events/2026/12/05.ttl';

function sourceDocument(contentType: string, body: string): SourceDocument {
  return { url: URL_OF_DOCUMENT, status: 'downloaded', contentType, body, bytes: body.length, ms: 1 };
}

/** A source whose N-Triples representation is whole, and that counts the requests for it. */
class NTriplesSource implements DocumentSource {
  public requested = 0;

  public constructor(private readonly nTriples: string | undefined) {}

  public async fetchDocument(): Promise<SourceDocument> {
    return Promise.reject(new Error('not used'));
  }

  public async fetchAs(_url: string, mediaType: string): Promise<SourceDocument> {
    this.requested += 1;
    assert.equal(mediaType, 'application/n-triples');
    return Promise.resolve(sourceDocument('application/n-triples', this.nTriples ?? '<a> <b> "cut'));
  }
}

describe('loadWithFallback', () => {
  const loader = new DocumentLoader(undefined);
  const whole = `<${URL_OF_DOCUMENT}#e1> <${NOTE}> "ünï" .\n`;

  it('reads the N-Triples when the Turtle is cut short.', async () => {
    const source = new NTriplesSource(whole);
    const outcome = await loadWithFallback(source, loader, sourceDocument('text/turtle', '<#e1> <#b> "ü'), 'now');
    assert.ok('loaded' in outcome);
    assert.equal(outcome.loaded.quads.length, 1);
    assert.equal(outcome.loaded.quads[0]!.object.value, 'ünï');
    assert.equal(outcome.loaded.problems.length, 1);
    const message = outcome.loaded.problems[0]!.message;
    assert.ok(message.startsWith(`The Turtle of [${URL_OF_DOCUMENT}] could not be parsed (`), message);
    assert.ok(message.endsWith('); its N-Triples representation was read instead'), message);
  });

  it('keeps the Turtle quarantine when the N-Triples do not parse either.', async () => {
    const outcome = await loadWithFallback(new NTriplesSource(undefined), loader,
      sourceDocument('text/turtle', '<#e1> <#b> "ü'), 'now');
    assert.ok('quarantined' in outcome);
    assert.equal(outcome.quarantined.reason, 'parse');
    assert.match(outcome.quarantined.messages[0]!, /text\/turtle/u);
  });

  it('does not ask for N-Triples when the Turtle parses.', async () => {
    const source = new NTriplesSource(whole);
    const outcome = await loadWithFallback(source, loader, sourceDocument('text/turtle', whole), 'now');
    assert.ok('loaded' in outcome);
    assert.equal(source.requested, 0);
  });

  it('does not ask for N-Triples for a JSON-LD document that fails.', async () => {
    const source = new NTriplesSource(whole);
    const outcome = await loadWithFallback(source, loader, sourceDocument('application/ld+json', '{'), 'now');
    assert.ok('quarantined' in outcome);
    assert.equal(source.requested, 0);
  });
});

describe('loadWithFallback on a Community Solid Server', function onSolid() {
  this.timeout(60_000);
  let member: TestMember;

  before(async () => {
    member = await createTestMember(await sharedSolidServer(), 'fallback');
  });

  after(async () => {
    await member.session.logout();
  });

  it('loads every triple after an N3 Patch inserted non-ASCII text.', async () => {
    const url = `${member.account.podUrl}rea/events/2026/12/05.ttl`;
    const put = await member.session.fetch(url, {
      method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: `<#e1> <${NOTE}> "first" .`,
    });
    assert.equal(put.status, 201);
    const patch = await member.session.fetch(url, {
      method: 'PATCH',
      headers: { 'content-type': 'text/n3' },
      body: '@prefix solid: <http://www.w3.org/ns/solid/terms#>.\n'
        + `_:p a solid:InsertDeletePatch; solid:inserts { <#e2> <${NOTE}> "He said \\"hi\\" ünï 🙂" . }.`,
    });
    assert.equal(patch.status, 205);

    const source = new DocumentFetcherSource(new DocumentFetcher({ fetch: member.session.fetch }));
    const fetched = await source.fetchDocument(url);
    assert.ok(!isSourceFailure(fetched));
    const outcome = await loadWithFallback(source, new DocumentLoader(undefined), fetched, 'now');
    assert.ok('loaded' in outcome, JSON.stringify(outcome));
    const notes = outcome.loaded.quads.map((quad) => quad.object.value).sort();
    assert.deepEqual(notes, ['He said "hi" ünï 🙂', 'first']);
    // Community Solid Server 7.2.0 cuts this Turtle short, so the N-Triples were read.
    assert.equal(fetched.contentType.split(';')[0], 'text/turtle');
    assert.equal(outcome.loaded.problems.filter((found) => found.message.endsWith('representation was read instead')).length, 1);
  });
});
