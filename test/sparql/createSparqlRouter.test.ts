import assert from 'node:assert/strict';
import { Parser } from 'n3';
import { DOC_A, DOC_B, EX, startSparqlServer } from './sparqlServer.js';
import type { SparqlServer } from './sparqlServer.js';

const SELECT_O = 'SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o';
const FORM = 'application/x-www-form-urlencoded';

interface Problem {
  status: number;
  title: string;
  detail: string;
}

describe('A SPARQL router', () => {
  let server: SparqlServer;

  before(async () => {
    server = await startSparqlServer({ maxResults: 2 });
  });

  after(async () => {
    await server.close();
  });

  const get = (parameters: Record<string, string | string[]>, accept?: string): Promise<Response> => {
    const search = new URLSearchParams();
    for (const [name, values] of Object.entries(parameters)) {
      for (const value of [values].flat()) {
        search.append(name, value);
      }
    }
    return fetch(`${server.url}?${search.toString()}`, { headers: accept === undefined ? {} : { accept } });
  };

  const readProblem = async (response: Response): Promise<Problem> => {
    assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    return (await response.json()) as Problem;
  };

  describe('for SELECT and ASK answers', () => {
    it('writes SPARQL JSON by default.', async () => {
      const response = await get({ query: 'SELECT ?o ?none WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 1' });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/sparql-results+json; charset=utf-8');
      assert.deepEqual(await response.json(), {
        head: { vars: ['o', 'none'] },
        results: { bindings: [{ o: { type: 'literal', value: '1', datatype: 'http://www.w3.org/2001/XMLSchema#string' } }] },
      });
    });

    it('writes SPARQL XML.', async () => {
      const response = await get({ query: `SELECT ?s WHERE { ?s ?p "1" }` }, 'application/sparql-results+xml');
      assert.equal(response.headers.get('content-type'), 'application/sparql-results+xml; charset=utf-8');
      assert.equal(await response.text(), '<?xml version="1.0"?>\n' +
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head><variable name="s"/></head>\n' +
        `<results>\n<result><binding name="s"><uri>${EX}a</uri></binding></result>\n</results>\n</sparql>\n`);
    });

    it('writes CSV with quoted fields.', async () => {
      const response = await get({ query: 'SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY DESC(?o) LIMIT 1' }, 'text/csv');
      assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(await response.text(), `s,o\r\n${EX}b,"x,y"\r\n`);
    });

    it('writes TSV with terms in N-Triples form.', async () => {
      const response = await get({ query: 'SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY DESC(?o) LIMIT 1' }, 'text/tab-separated-values');
      assert.equal(response.headers.get('content-type'), 'text/tab-separated-values; charset=utf-8');
      assert.equal(await response.text(), `?s\t?o\n<${EX}b>\t"x,y"@en\n`);
    });

    it('writes an ASK answer as JSON and XML.', async () => {
      const json = await get({ query: 'ASK { ?s ?p "2" }' });
      assert.deepEqual(await json.json(), { head: {}, boolean: true });
      const xml = await get({ query: 'ASK { ?s ?p "3" }' }, 'application/sparql-results+xml');
      assert.match(await xml.text(), /<boolean>false<\/boolean>/u);
    });

    it('rejects CSV for an ASK answer with 406.', async () => {
      const response = await get({ query: 'ASK { ?s ?p "2" }' }, 'text/csv');
      assert.equal(response.status, 406);
      const available = 'Available: [application/sparql-results+json, application/sparql-results+xml].';
      assert.equal((await readProblem(response)).detail.endsWith(available), true);
    });
  });

  describe('for CONSTRUCT answers', () => {
    const construct = `CONSTRUCT { ?s <${EX}p> ?o } WHERE { ?s <${EX}p> "1" . ?s ?p ?o }`;

    it('writes Turtle by default.', async () => {
      const response = await get({ query: construct });
      assert.equal(response.headers.get('content-type'), 'text/turtle; charset=utf-8');
      const quads = new Parser().parse(await response.text());
      assert.deepEqual(quads.map((q) => [q.subject.value, q.predicate.value, q.object.value]), [[`${EX}a`, `${EX}p`, '1']]);
    });

    it('writes N-Triples.', async () => {
      const response = await get({ query: construct }, 'application/n-triples');
      assert.equal(response.headers.get('content-type'), 'application/n-triples; charset=utf-8');
      assert.equal(await response.text(), `<${EX}a> <${EX}p> "1" .\n`);
    });

    it('writes JSON-LD.', async () => {
      const response = await get({ query: construct }, 'application/ld+json');
      assert.equal(response.headers.get('content-type'), 'application/ld+json; charset=utf-8');
      assert.deepEqual(await response.json(), [{ '@id': `${EX}a`, [`${EX}p`]: [{ '@value': '1' }] }]);
    });

    it('rejects SPARQL JSON for a graph with 406.', async () => {
      const response = await get({ query: construct }, 'application/sparql-results+json');
      assert.equal(response.status, 406);
      assert.equal((await readProblem(response)).title, 'Not Acceptable');
    });
  });

  describe('for requests', () => {
    it('accepts a direct POST with the dataset in the URL.', async () => {
      const url = `${server.url}?default-graph-uri=${encodeURIComponent(DOC_A)}`;
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/sparql-query' }, body: SELECT_O });
      assert.equal(await response.text(), '{"head":{"vars":["o"]},"results":{"bindings":[' +
        '{"o":{"type":"literal","value":"1","datatype":"http://www.w3.org/2001/XMLSchema#string"}}]}}');
    });

    it('accepts a form POST with the dataset in the form.', async () => {
      const body = new URLSearchParams({ query: 'SELECT ?o WHERE { ?s ?p ?o }', 'default-graph-uri': DOC_A });
      const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': FORM, accept: 'text/csv' }, body });
      assert.equal(await response.text(), 'o\r\n1\r\n');
    });

    it('restricts the named graphs to named-graph-uri.', async () => {
      const response = await get({ query: 'SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }', 'named-graph-uri': DOC_B }, 'text/csv');
      assert.equal(await response.text(), `g\r\n${DOC_B}\r\n${DOC_B}\r\n`);
    });

    it('merges repeated default-graph-uri parameters.', async () => {
      const query = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
      const response = await get({ query, 'default-graph-uri': [DOC_A, DOC_B] }, 'text/csv');
      assert.equal(await response.text(), 'n\r\n3\r\n');
    });

    it('cuts an answer at the result limit and says so in a header.', async () => {
      const response = await get({ query: SELECT_O }, 'text/csv');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('results-truncated'), '2');
      assert.equal(await response.text(), 'o\r\n1\r\n2\r\n');
    });

    it('sends no truncation header for a complete answer.', async () => {
      const response = await get({ query: `${SELECT_O} LIMIT 2` }, 'text/csv');
      assert.equal(response.headers.get('results-truncated'), null);
    });

    it('rejects a malformed query with the parser message.', async () => {
      const response = await get({ query: 'SELECT * WHERE { ?s ?p }' });
      assert.equal(response.status, 400);
      const problem = await readProblem(response);
      assert.equal(problem.title, 'Malformed Query');
      assert.equal(problem.detail, 'The query is not valid SPARQL 1.1: error at 1:25: expected one of LATERAL, SERVICE, [_]');
    });

    it('answers a federated query with 501.', async () => {
      const response = await get({ query: 'SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }' });
      assert.equal(response.status, 501);
      const problem = await readProblem(response);
      assert.equal(problem.detail, 'The service <http://127.0.0.1:9/sparql> is not supported: this endpoint answers over ' +
        'the aggregated graph only and sends no federated queries, so remove the SERVICE clause');
    });

    it('rejects a form update with 405.', async () => {
      const body = new URLSearchParams({ update: 'DROP ALL' });
      const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': FORM }, body });
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'GET, POST');
      assert.match((await readProblem(response)).detail, /read-only and rejects SPARQL Update/u);
    });

    it('rejects a direct update with 405.', async () => {
      const headers = { 'content-type': 'application/sparql-update' };
      const response = await fetch(server.url, { method: 'POST', headers, body: 'DROP ALL' });
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'GET, POST');
    });

    it('rejects other methods with 405.', async () => {
      const response = await fetch(server.url, { method: 'PUT', body: 'x' });
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'GET, POST');
    });

    it('rejects a POST of another media type with 415.', async () => {
      const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'ASK {}' });
      assert.equal(response.status, 415);
      assert.match((await readProblem(response)).detail, /but the request is \[text\/plain\]/u);
    });

    it('rejects a repeated query parameter with 400.', async () => {
      const response = await get({ query: ['ASK {}', 'ASK {}'] });
      assert.equal(response.status, 400);
      assert.equal((await readProblem(response)).detail, 'Expected one [query] parameter, but the request has [2].');
    });
  });

  describe('without a query', () => {
    it('returns the service description in Turtle.', async () => {
      const response = await fetch(server.url);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/turtle; charset=utf-8');
      const quads = new Parser({ baseIRI: server.url }).parse(await response.text());
      const sd = 'http://www.w3.org/ns/sparql-service-description#';
      const objects = (predicate: string): string[] =>
        quads.filter((q) => q.predicate.value === `${sd}${predicate}`).map((q) => q.object.value).sort();
      assert.deepEqual(objects('endpoint'), [server.url]);
      assert.deepEqual(objects('supportedLanguage'), [`${sd}SPARQL11Query`]);
      assert.deepEqual(objects('feature'), [`${sd}UnionDefaultGraph`]);
      assert.equal(objects('resultFormat').length, 7);
      assert.ok(objects('resultFormat').includes('http://www.w3.org/ns/formats/SPARQL_Results_TSV'));
    });
  });
});
