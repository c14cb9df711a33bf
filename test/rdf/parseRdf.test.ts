import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quad } from 'n3';
import { parseRdf, RdfFileReadError, RdfParseError, readRdfFile } from '../../src/rdf/index.js';
import { OM2, RDF, VF, XSD } from '../../src/vocab/index.js';
import { assertIsomorphic } from './assertIsomorphic.js';
import { blankNode, defaultGraph, literal, namedNode, quad } from './terms.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/rdf/', import.meta.url));
const DAY_DOCUMENT = namedNode('https://pod.example/rea/events/2026/12/04.ttl');

/** The graph that every `event.*` fixture states, in the given graph. */
function expectedEvent(graph: Quad['graph'] = defaultGraph()): Quad[] {
  const event = namedNode('https://pod.example/rea/events/e1');
  const alice = namedNode('https://alice.example/profile/card#me');
  const measure = blankNode('measure');
  return [
    quad(event, RDF.type, VF.EconomicEvent, graph),
    quad(event, VF.action, VF.produce, graph),
    quad(event, VF.provider, alice, graph),
    quad(event, VF.receiver, alice, graph),
    quad(event, VF.resourceInventoriedAs, namedNode('https://pod.example/rea/resources/r1'), graph),
    quad(event, VF.resourceQuantity, measure, graph),
    quad(measure, RDF.type, VF.Measure, graph),
    quad(measure, VF.hasNumericalValue, literal('12.50', XSD.decimal), graph),
    quad(measure, VF.hasUnit, OM2.kilogram, graph),
    quad(event, VF.hasPointInTime, literal('2026-12-04T10:00:00Z', XSD.dateTimeStamp), graph),
    quad(event, VF.note, literal('Harvested apples', 'en'), graph),
  ];
}

/** Returns the RdfParseError that `promise` rejects with, failing when it resolves. */
async function parseError(promise: Promise<unknown>): Promise<RdfParseError> {
  try {
    await promise;
  } catch (error: unknown) {
    assert.ok(error instanceof RdfParseError, `expected an RdfParseError, got ${String(error)}`);
    return error;
  }
  return assert.fail('expected the parse to fail');
}

describe('parseRdf', () => {
  describe('reads each format', () => {
    const cases: [string, Quad['graph']][] = [
      ['event.ttl', defaultGraph()],
      ['event.trig', DAY_DOCUMENT],
      ['event.nt', defaultGraph()],
      ['event.nq', DAY_DOCUMENT],
      ['event.jsonld', defaultGraph()],
      ['event.yaml', defaultGraph()],
      ['event.rdf', defaultGraph()],
    ];
    for (const [file, graph] of cases) {
      it(`reads ${file} into the expected quads.`, async () => {
        const document = await readRdfFile(join(FIXTURES, file));
        assertIsomorphic(document.quads, expectedEvent(graph));
        assert.deepEqual(document.problems, []);
      });
    }
  });

  it('uses the content type option over the extension.', async () => {
    const text = '<https://e.example/a> <https://e.example/b> "c" .';
    const document = await parseRdf(text, { source: 'notes.txt', contentType: 'application/n-triples; charset=utf-8' });
    assert.equal(document.quads.length, 1);
  });

  it('resolves relative IRIs against the base IRI.', async () => {
    const document = await parseRdf('<e1> <p> <r1> .', { source: 'x.ttl', baseIRI: 'https://pod.example/rea/' });
    assert.equal(document.quads[0]?.subject.value, 'https://pod.example/rea/e1');
  });

  it('gives the blank nodes of two JSON-LD documents different labels.', async () => {
    const text = '{"@id": "https://e.example/a", "https://e.example/p": {"https://e.example/q": "x"}}';
    const first = await parseRdf(text, { source: 'a.jsonld' });
    const second = await parseRdf(text, { source: 'b.jsonld' });
    const blankNodeOf = (quads: Quad[]): string | undefined =>
      quads.find((each) => each.object.termType === 'BlankNode')?.object.value;
    assert.notEqual(blankNodeOf(first.quads), undefined);
    assert.notEqual(blankNodeOf(first.quads), blankNodeOf(second.quads));
  });

  describe('keeps numbers exact', () => {
    const cases: [string, string, string, string][] = [
      ['JSON', 'n.jsonld', '{"@id": "https://e.example/m", "https://e.example/v": 0.1}', '0.1'],
      ['JSON', 'n.jsonld', '{"@id": "https://e.example/m", "https://e.example/v": 12345678901234567890.123456789}',
        '12345678901234567890.123456789'],
      ['YAML', 'n.yaml', "'@id': https://e.example/m\nhttps://e.example/v: 1531.8\n", '1531.8'],
    ];
    for (const [format, source, text, expected] of cases) {
      it(`reads ${expected} from ${format} as that xsd:decimal.`, async () => {
        const document = await parseRdf(text, { source });
        assert.deepEqual(document.quads[0]?.object, literal(expected, XSD.decimal));
      });
    }

    it('reads a YAML integer as xsd:integer and an exponent as xsd:double.', async () => {
      const text = "'@id': https://e.example/m\nhttps://e.example/i: 42\nhttps://e.example/d: 1.5e3\n";
      const document = await parseRdf(text, { source: 'n.yaml' });
      const byPredicate = new Map(document.quads.map((each) => [each.predicate.value, each.object]));
      assert.deepEqual(byPredicate.get('https://e.example/i'), literal('42', XSD.integer));
      assert.deepEqual(byPredicate.get('https://e.example/d'), literal('1.5e3', XSD.double));
    });

    it('keeps the numbers of an inline @context, such as @version.', async () => {
      const text = JSON.stringify({ '@context': { '@version': 1.1, '@vocab': 'https://e.example/' }, '@id': 'https://e.example/m', v: 'x' });
      const document = await parseRdf(text, { source: 'v.jsonld' });
      assert.equal(document.quads[0]?.predicate.value, 'https://e.example/v');
    });
  });

  it('applies an expandContext to a JSON-LD fragment without a context.', async () => {
    const text = "- '@id': https://e.example/e\n  action: produce\n";
    const expandContext = { '@context': { '@vocab': VF.namespace, action: { '@type': '@vocab' } } };
    const document = await parseRdf(text, { source: 'fragment.yaml', expandContext });
    assert.deepEqual(document.quads.map((each) => each.object), [VF.produce]);
  });

  it('reports data that JSON-LD processing drops.', async () => {
    const document = await parseRdf('{"@id": "https://e.example/a", "name": "x", "label": "y"}', { source: 'd.jsonld' });
    assert.equal(document.quads.length, 0);
    assert.deepEqual(document.problems.map((each) => each.message), [
      'JSON-LD processing dropped data 2 time(s) [invalid property]: Dropping property that did not expand into ' +
        'an absolute IRI or keyword., first at {"property":"label","expandedProperty":"label"}',
      'JSON-LD processing dropped data 1 time(s) [object with only @id]: Dropping object with only @id., first at ' +
        '{"value":{"@id":"https://e.example/a"}}',
    ]);
  });

  describe('rejects malformed input', () => {
    it('names the file and line of a Turtle error.', async () => {
      const text = '@prefix ex: <https://e.example/> .\nex:a ex:b ex:c .\nex:a ex:b "open\n';
      const error = await parseError(parseRdf(text, { source: 'broken.ttl' }));
      assert.equal(error.source, 'broken.ttl');
      assert.equal(error.line, 3);
      assert.equal(error.contentType, 'text/turtle');
      assert.match(error.message, /^Cannot parse \[broken\.ttl\] as text\/turtle at line 3: /u);
    });

    it('names the line of an N-Triples error.', async () => {
      const text = '<https://e.example/a> <https://e.example/b> <https://e.example/c> .\n<a> <b>\n';
      const error = await parseError(parseRdf(text, { source: 'broken.nt' }));
      assert.equal(error.line, 2);
    });

    it('names the line of a JSON error.', async () => {
      const error = await parseError(parseRdf('{\n  "@id": "https://e.example/a",\n  "x": }\n', { source: 'broken.jsonld' }));
      assert.equal(error.line, 3);
      assert.match(error.message, /^Cannot parse \[broken\.jsonld\] as application\/ld\+json at line 3: /u);
    });

    it('names the line of a YAML error.', async () => {
      const error = await parseError(parseRdf("'@id': https://e.example/a\nlist: [1, 2\nother: 3\n", { source: 'broken.yaml' }));
      assert.equal(error.contentType, 'application/ld+yaml');
      assert.equal(error.line, 3);
    });

    it('names the line of an RDF/XML error.', async () => {
      const text = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<a>\n</rdf:RDF>\n';
      const error = await parseError(parseRdf(text, { source: 'broken.rdf' }));
      assert.equal(error.line, 2);
      assert.match(error.message, /Opening and ending tag mismatch/u);
    });

    it('reads an empty Turtle file as no quads.', async () => {
      const document = await parseRdf('', { source: 'empty.ttl' });
      assert.deepEqual(document.quads, []);
    });

    const emptyCases: [string, RegExp][] = [
      ['empty.jsonld', /Unexpected end of JSON input/u],
      ['empty.yaml', /expected a JSON-LD object or array at the top level, found \[null\]/u],
      ['empty.rdf', /missing root element/u],
    ];
    for (const [source, reason] of emptyCases) {
      it(`rejects ${source} with a clear reason.`, async () => {
        const error = await parseError(parseRdf('', { source }));
        assert.match(error.message, reason);
      });
    }

    it('rejects JSON-LD that is not an object.', async () => {
      const error = await parseError(parseRdf('5', { source: 'number.jsonld' }));
      assert.match(error.message, /found \[number 5\]/u);
    });

    it('rejects binary content with the line of the NUL character.', async () => {
      const error = await parseError(parseRdf('<a> <b> <c> .\n\u0000\u0001', { source: 'binary.ttl' }));
      assert.equal(error.line, 2);
      assert.match(error.message, /binary/u);
    });

    it('rejects an extension that names no RDF format.', async () => {
      const error = await parseError(parseRdf('<a> <b> <c> .', { source: 'notes.txt' }));
      assert.match(error.message, /the file extension names no supported RDF format/u);
    });

    it('rejects an unsupported content type.', async () => {
      const error = await parseError(parseRdf('x', { source: 'x.ttl', contentType: 'image/png' }));
      assert.match(error.message, /the content type \[image\/png\] is not supported/u);
    });

    it('rejects a remote JSON-LD context without fetching it.', async () => {
      const text = '{"@context": "https://git.io/vf-examples-jsonld-context", "@id": "https://e.example/a"}';
      const error = await parseError(parseRdf(text, { source: 'remote.jsonld' }));
      const expected = 'The remote JSON-LD context [https://git.io/vf-examples-jsonld-context] was not loaded';
      assert.ok(error.message.includes(expected), error.message);
    });

    it('rejects YAML that is not YAML-LD.', async () => {
      const error = await parseError(parseRdf('just a sentence', { source: 'text.yaml' }));
      assert.match(error.message, /found \[string "just a sentence"\]/u);
    });
  });

  describe('limits the nesting depth', () => {
    const tooDeep = 'the document nests deeper than the maximum of 256 levels of arrays and objects';

    /** A JSON-LD node whose `ex:p` values nest `depth` objects in all, the outer one included. */
    function nestedObjects(depth: number): string {
      const inner = '{"ex:p":'.repeat(depth - 1) + '"x"' + '}'.repeat(depth - 1);
      return `{"@context":{"ex":"https://e.example/"},"@id":"https://e.example/a","ex:p":${inner}}`;
    }

    it('rejects 100,000 nested JSON arrays.', async () => {
      const text = '['.repeat(100_000) + ']'.repeat(100_000);
      const error = await parseError(parseRdf(text, { source: 'deep.jsonld' }));
      assert.equal(error.message, `Cannot parse [deep.jsonld] as application/ld+json at line 1: ${tooDeep}`);
    });

    it('names the line where JSON nesting exceeds the maximum.', async () => {
      const text = '[\n'.repeat(300) + ']'.repeat(300);
      const error = await parseError(parseRdf(text, { source: 'deep.jsonld' }));
      assert.equal(error.line, 257);
    });

    it('parses JSON-LD nested to the maximum.', async () => {
      const document = await parseRdf(nestedObjects(256), { source: 'deep.jsonld' });
      assert.equal(document.quads.length, 256);
    });

    it('rejects JSON-LD one level deeper than the maximum.', async () => {
      const error = await parseError(parseRdf(nestedObjects(257), { source: 'deep.jsonld' }));
      assert.equal(error.line, 1);
      assert.ok(error.message.endsWith(tooDeep), error.message);
    });

    it('ignores brackets inside JSON strings.', async () => {
      const text = `{"@id": "https://e.example/a", "https://e.example/p": "${'['.repeat(300)}"}`;
      const document = await parseRdf(text, { source: 'brackets.jsonld' });
      assert.equal(document.quads.length, 1);
    });

    it('rejects 100,000 nested YAML flow sequences.', async () => {
      const text = '['.repeat(100_000) + ']'.repeat(100_000);
      const error = await parseError(parseRdf(text, { source: 'deep.yaml' }));
      assert.equal(error.message, `Cannot parse [deep.yaml] as application/ld+yaml at line 1: ${tooDeep}`);
    });

    it('rejects deep YAML block sequences at the line past the maximum.', async () => {
      const text = Array.from({ length: 10_000 }, (_, level) => `${' '.repeat(2 * level)}-`).join('\n');
      const error = await parseError(parseRdf(text, { source: 'deep.yaml' }));
      assert.equal(error.line, 257);
      assert.ok(error.message.endsWith(tooDeep), error.message);
    });

    it('parses YAML block sequences nested to the maximum.', async () => {
      const text = Array.from({ length: 256 }, (_, level) => `${' '.repeat(2 * level)}-`).join('\n');
      const document = await parseRdf(text, { source: 'deep.yaml' });
      assert.deepEqual(document.quads, []);
    });

    it('rejects YAML nesting built from aliases.', async () => {
      const text = `a: &a ${'['.repeat(200)}${']'.repeat(200)}\nb: ${'['.repeat(200)}*a${']'.repeat(200)}\n`;
      const error = await parseError(parseRdf(text, { source: 'alias.yaml' }));
      assert.equal(error.message, `Cannot parse [alias.yaml] as application/ld+yaml: ${tooDeep}`);
    });

    it('ignores brackets inside quoted YAML scalars.', async () => {
      const text = `'@id': https://e.example/a\nhttps://e.example/p: "${'['.repeat(300)}"\n`;
      const document = await parseRdf(text, { source: 'brackets.yaml' });
      assert.equal(document.quads.length, 1);
    });
  });

  describe('readRdfFile', () => {
    let folder: string | undefined;

    afterEach(async () => {
      if (folder !== undefined) {
        await rm(folder, { recursive: true, force: true });
        folder = undefined;
      }
    });

    it('rejects a missing file with an RdfFileReadError.', async () => {
      await assert.rejects(readRdfFile(join(FIXTURES, 'missing.ttl')), (error: unknown) => {
        assert.ok(error instanceof RdfFileReadError);
        assert.match(error.message, /^Cannot read \[.*missing\.ttl\]: ENOENT/u);
        return true;
      });
    });

    it('rejects a directory with an RdfFileReadError.', async () => {
      await assert.rejects(readRdfFile(FIXTURES), RdfFileReadError);
    });

    it('rejects a file that is not UTF-8.', async () => {
      folder = await mkdtemp(join(tmpdir(), 'oce-rdf-'));
      const path = join(folder, 'latin1.ttl');
      await writeFile(path, Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0xff]));
      await assert.rejects(readRdfFile(path), /the content is not valid UTF-8 text/u);
    });
  });
});
