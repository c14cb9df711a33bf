import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRdfFile } from '../../src/rdf/index.js';
import { ShapeValidator } from '../../src/validation/index.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/rdf/', import.meta.url));
const EX = 'https://pod.example/rea/';
const VF = 'https://w3id.org/valueflows/ont/vf#';
const ACTION_RULE = 'an event has exactly one vf:action, one of the 19 ValueFlows 1.0 actions';

describe('A ShapeValidator', () => {
  let validator: ShapeValidator;
  const tempFolders: string[] = [];

  async function makeTempFolder(): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'oce-shapes-'));
    tempFolders.push(folder);
    return folder;
  }

  before(async () => {
    validator = await ShapeValidator.load();
  });

  after(async () => {
    await Promise.all(tempFolders.map(async (folder) => rm(folder, { recursive: true, force: true })));
  });

  it('finds no problem in valid events, resources, processes, agents, measures and units.', async () => {
    const document = await readRdfFile(join(FIXTURES, 'valid-data.ttl'));
    assert.deepEqual(await validator.validate(document.quads, 'valid-data.ttl'), []);
  });

  it('reports each failed constraint with its node, path and value.', async () => {
    const document = await readRdfFile(join(FIXTURES, 'invalid-data.ttl'));
    const problems = await validator.validate(document.quads, 'invalid-data.ttl');
    const error = (subject: string, message: string): object =>
      ({ severity: 'error', message, subject: `${EX}${subject}`, source: 'invalid-data.ttl' });
    assert.deepEqual(problems, [
      error('e1', `[${EX}e1] vf:action fails sh:MaxCount: ${ACTION_RULE}; found [${VF}produce], [${VF}consume]`),
      error('e1', `[${EX}e1] vf:provider fails sh:NodeKind: an event has at most one vf:provider, the IRI of an agent; ` +
        'found [alice]'),
      error('e1', `[${EX}e1] vf:hasPointInTime fails sh:Node: an event has at most one vf:hasPointInTime, an ` +
        'xsd:dateTime; found [2026-12-04]'),
      error('e2', `[${EX}e2] vf:action fails sh:In: ${ACTION_RULE}; found [${VF}pass]`),
      error('e3', `[${EX}e3] vf:action fails sh:MinCount: ${ACTION_RULE}; found none`),
      error('r1', `[${EX}r1] vf:name fails sh:MaxCount: a resource has at most one vf:name, a string; found [A], [B]`),
      error('e1', `[${EX}e1] vf:resourceQuantity / vf:hasNumericalValue fails sh:Or: a measure has exactly one ` +
        'vf:hasNumericalValue, an xsd:decimal, xsd:integer, xsd:double or xsd:float; found [three]'),
      error('q2', `[${EX}q2] vf:hasUnit fails sh:MinCount: a measure has exactly one vf:hasUnit, the IRI of an OM 2 ` +
        'unit or a vf:Unit; found none'),
      error('crate', `[${EX}crate] vf:label fails sh:MinCount: a unit has exactly one vf:label; found none`),
    ]);
  });

  it('validates data that arrived in a legacy dialect after normalization.', async () => {
    const folder = await makeTempFolder();
    const path = join(folder, 'legacy.yaml');
    const yaml = "'@context': {'@vocab': 'http://w3id.org/valueflows#'}\n'@id': https://pod.example/e9\n" +
      "'@type': EconomicEvent\naction: transfer-all-rights\nprovider: https://alice.example/\n" +
      'resourceQuantity: {hasNumericalValue: 3, hasUnit: kilogram}\n';
    await writeFile(path, yaml);
    const document = await readRdfFile(path);
    assert.deepEqual(await validator.validate(document.quads, path), []);
  });

  it('loads the shapes of another folder.', async () => {
    const folder = await makeTempFolder();
    const shape = '@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix ex: <https://e.example/> .\n' +
      'ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .\n';
    await writeFile(join(folder, 'only.ttl'), shape);
    const custom = await ShapeValidator.load(folder);
    const document = await readRdfFile(join(FIXTURES, 'invalid-data.ttl'));
    assert.deepEqual(await custom.validate(document.quads, 'invalid-data.ttl'), []);
  });
});
