import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { CONFIG_FIELDS } from '../../src/config/index.js';
import { AggregatorConfigSchema } from '../../src/config/index.js';

describe('The README options table', () => {
  it('has one row per configuration field with its variable, flag and default.', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const defaults = AggregatorConfigSchema.partial({ roots: true, credentials: true }).parse({
      addressPolicy: {}, bounds: {}, service: {}, store: {},
    }) as Record<string, unknown>;
    for (const field of CONFIG_FIELDS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${field.path}\` |`));
      assert.ok(row, `no README row for ${field.path}`);
      assert.ok(row.includes(`| \`${field.env}\` |`), `${field.path}: ${field.env} missing in [${row}]`);
      assert.ok(row.includes(`\`--${field.flag}`), `${field.path}: --${field.flag} missing in [${row}]`);
      const [group, name] = field.path.split('.') as [string, string | undefined];
      const groupValues = defaults[group] as Record<string, unknown> | undefined;
      const value = (name === undefined ? defaults[group] : groupValues?.[name]) as
        string | number | boolean | undefined;
      const unset = field.optional === true ? 'unset' : 'required';
      const expected = value === undefined ? unset : `\`${value}\``;
      assert.equal(row.split(' | ')[3], expected, field.path);
    }
  });
});
