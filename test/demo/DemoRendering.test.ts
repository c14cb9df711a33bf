import assert from 'node:assert/strict';
import {
  quietDemoLogs, renderAccountingProblems, renderImportProblems,
} from '../../src/cli/commands/demoCommand.js';
import type { ImportedFile } from '../../src/demo/index.js';
import { problem } from '../../src/model/index.js';
import { getLogLevel, setLogLevel } from '../../src/util/index.js';

const DOCUMENT = 'http://127.0.0.1:3000/cargo/rea/events/undated.ttl';
const EXCLUDED = problem('error', 'Event [urn:uuid:1] was excluded from inventory and contributions',
  { subject: 'urn:uuid:1', source: DOCUMENT });
const OTHER = problem('error', 'Event [urn:uuid:2] was excluded from inventory and contributions',
  { subject: 'urn:uuid:2', source: DOCUMENT });
const REPEATED = problem('warning', 'Process [urn:uuid:3] is stated again', { subject: 'urn:uuid:3' });

function importedFile(file: string, problems: ImportedFile['problems']): ImportedFile {
  return { member: 'woodshop', file, eventsRecorded: 1, documentsWritten: 1, problems };
}

describe('The demo accounting problems', () => {
  it('lists a problem of both reports once.', () => {
    const text = renderAccountingProblems([EXCLUDED, OTHER], [EXCLUDED, OTHER, REPEATED]);
    assert.equal(text, [
      'Accounting problems found (3)',
      `error: ${EXCLUDED.message} (${DOCUMENT} urn:uuid:1)`,
      `error: ${OTHER.message} (${DOCUMENT} urn:uuid:2)`,
      `warning: ${REPEATED.message} (urn:uuid:3)`,
    ].join('\n'));
  });

  it('keeps equal messages about different subjects.', () => {
    const sameMessage = { ...OTHER, message: EXCLUDED.message };
    const text = renderAccountingProblems([EXCLUDED, sameMessage], []);
    assert.equal(text.split('\n')[0], 'Accounting problems found (2)');
  });

  it('says when there are none.', () => {
    assert.equal(renderAccountingProblems([], []), 'No accounting problems found.');
  });
});

describe('The demo import problems', () => {
  it('lists the messages under each file.', () => {
    const source = '/examples/ex-production--01--manufacturing.yaml';
    const normalized = problem('warning', 'Normalized 81 terms from the legacy namespace', { source });
    const units = problem('warning', 'Read 13 units written as strings as unit IRIs', { source });
    const text = renderImportProblems([
      importedFile('woodshop.ttl', []),
      importedFile('ex-production--01--manufacturing.yaml', [normalized, units, normalized]),
    ]);
    assert.equal(text, [
      'Problems found while importing, by file',
      'woodshop ex-production--01--manufacturing.yaml',
      `  warning: ${normalized.message}`,
      `  warning: ${units.message}`,
    ].join('\n'));
  });

  it('prints nothing when no file has problems.', () => {
    assert.equal(renderImportProblems([importedFile('woodshop.ttl', [])]), '');
  });
});

describe('The demo log level', () => {
  let environmentLevel: string | undefined;
  let previousLevel: string;

  beforeEach(() => {
    environmentLevel = process.env.OCE_LOG_LEVEL;
    previousLevel = getLogLevel();
    setLogLevel('warn');
  });

  afterEach(() => {
    if (environmentLevel === undefined) {
      delete process.env.OCE_LOG_LEVEL;
    } else {
      process.env.OCE_LOG_LEVEL = environmentLevel;
    }
    setLogLevel(previousLevel);
  });

  it('becomes error without OCE_LOG_LEVEL.', () => {
    delete process.env.OCE_LOG_LEVEL;
    const restore = quietDemoLogs();
    assert.equal(getLogLevel(), 'error');
    restore();
    assert.equal(getLogLevel(), 'warn');
  });

  it('stays at the level OCE_LOG_LEVEL sets.', () => {
    process.env.OCE_LOG_LEVEL = 'warn';
    const restore = quietDemoLogs();
    assert.equal(getLogLevel(), 'warn');
    restore();
    assert.equal(getLogLevel(), 'warn');
  });
});
