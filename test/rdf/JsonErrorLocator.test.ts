import assert from 'node:assert/strict';
import { locateJsonError } from '../../src/rdf/JsonErrorLocator.js';

describe('locateJsonError', () => {
  const cases: [string, string, number | undefined][] = [
    ['valid JSON', '{\n  "a": [1, 2.5e3, "x", true, null, {}]\n}\n', undefined],
    ['a missing value', '{\n  "a": 1,\n  "b": }\n', 3],
    ['a trailing comma', '[\n1,\n2,\n]', 4],
    ['an unquoted key', '{\n\n a: 1}', 3],
    ['text after the value', '{}\n\nx', 3],
    ['a control character in a string', '["a\u0001"]', 1],
  ];
  for (const [name, text, line] of cases) {
    it(`returns ${String(line)} for ${name}.`, () => {
      assert.equal(locateJsonError(text), line);
    });
  }
});
