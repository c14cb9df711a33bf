import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UnitWords } from '../../src/rdf/index.js';
import { OM2 } from '../../src/vocab/index.js';
import { referencePath } from '../support/referenceData.js';

const UNIT_TABLE = fileURLToPath(new URL('../../vocab/om2-units.json', import.meta.url));

/** Splits one CSV line, honouring double-quoted fields with doubled quotes inside. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted && char === '"' && line[index + 1] === '"') {
      field += '"';
      index += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  return [...fields, field];
}

describe('The OM 2 unit table', () => {
  it('maps the words upstream examples use.', () => {
    const units = UnitWords.load();
    assert.equal(units.iriFor('one'), OM2.one.value);
    assert.equal(units.iriFor('hour'), OM2.hour.value);
    assert.equal(units.iriFor('kilogram'), OM2.kilogram.value);
    assert.equal(units.iriFor('gallon (US)'), `${OM2.namespace}gallon-US`);
    assert.equal(units.iriFor('liter'), undefined);
  });

  it('holds the first occurrence of every OM 2 name and label of the ValueFlows list.', () => {
    const upstreamCsv = referencePath('units', 'units-en-useful.csv');
    const expected = new Map<string, string>();
    for (const line of readFileSync(upstreamCsv, 'utf8').split(/\r?\n/u).filter((each) => each.trim() !== '')) {
      const [, localName, label] = csvFields(line);
      if (localName !== undefined && label !== undefined && !expected.has(localName)) {
        expected.set(localName, label);
      }
    }
    const table = JSON.parse(readFileSync(UNIT_TABLE, 'utf8')) as { units: [string, string][] };
    assert.deepEqual(new Map(table.units), expected);
    assert.equal(UnitWords.load().size, 1416);
  });
});
