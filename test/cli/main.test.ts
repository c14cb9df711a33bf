import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeError } from '../../src/cli/describeError.js';
import { buildProgram } from '../../src/cli/main.js';
import { RdfParseError } from '../../src/rdf/index.js';
import { fixturePath, REPOSITORY_ROOT, runCli, STACK_TRACE_LINE } from './runCli.js';

const tempFolders: string[] = [];

/** Creates a temporary folder that the root `after` hook below removes at the end of the run. */
async function makeTempFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), prefix));
  tempFolders.push(folder);
  return folder;
}

after(async () => {
  await Promise.all(tempFolders.map(async (folder) => rm(folder, { recursive: true, force: true })));
});

describe('The oce exit codes', () => {
  it('are 0 when the inventory has problems.', async () => {
    const run = await runCli('inventory', '--json', fixturePath('problems.ttl'));
    assert.equal(run.exitCode, 0);
    assert.equal(run.stderr, '');
  });

  it('are 1 for unparseable Turtle, naming file and line.', async () => {
    const path = fixturePath('broken.ttl');
    const run = await runCli('inventory', '--json', path);
    assert.equal(run.exitCode, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `Cannot parse [${path}] as text/turtle at line 7: Unexpected graph closing on line 7.`);
  });

  it('are 1 for a missing file, naming it.', async () => {
    const path = fixturePath('no-such-file.ttl');
    const run = await runCli('inventory', '--json', fixturePath('seed.ttl'), path);
    assert.equal(run.exitCode, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `Cannot read [${path}]: ENOENT: no such file or directory, open '${path}'`);
  });

  it('are 1 for a directory given as a file.', async () => {
    const path = fixturePath('');
    const run = await runCli('contributions', path);
    assert.equal(run.exitCode, 1);
    assert.ok(run.stderr.startsWith(`Cannot read [${path}]: EISDIR`), run.stderr);
  });

  it('are 1 for a remote JSON-LD context.', async () => {
    const path = fixturePath('remote-context.jsonld');
    const run = await runCli('inventory', path);
    assert.equal(run.exitCode, 1);
    assert.equal(run.stderr, `Cannot parse [${path}] as application/ld+json: The remote JSON-LD context ` +
      '[https://contexts.example/valueflows.jsonld] was not loaded, because parsing never fetches remote ' +
      'documents; only [https://w3id.org/oce/context.jsonld] is available offline. Inline the context in the document.');
  });

  it('are 1 for JSON-LD nested too deep, naming the file.', async () => {
    const folder = await makeTempFolder('oce-deep-');
    const file = path.join(folder, 'deep.jsonld');
    await writeFile(file, '['.repeat(100_000) + ']'.repeat(100_000));
    const run = await runCli('inventory', file);
    assert.equal(run.exitCode, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `Cannot parse [${file}] as application/ld+json at line 1: ` +
      'the document nests deeper than the maximum of 256 levels of arrays and objects');
  });

  it('are 2 when no file is given.', async () => {
    const run = await runCli('inventory', '--json');
    assert.equal(run.exitCode, 2);
    assert.equal(run.stderr, 'error: missing required argument \'files\'');
  });

  it('are 2 for an unknown option.', async () => {
    const run = await runCli('inventory', '--jsn', fixturePath('seed.ttl'));
    assert.equal(run.exitCode, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^error: unknown option '--jsn'/u);
  });

  it('are 2 for an unknown command.', async () => {
    const run = await runCli('inventroy', fixturePath('seed.ttl'));
    assert.equal(run.exitCode, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^error: unknown command 'inventroy'/u);
  });

  it('are 2 without a command, after the usage.', async () => {
    const run = await runCli();
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /^Usage: oce \[options\] \[command\]/u);
  });

  it('are 0 for --help, printed on standard output.', async () => {
    const run = await runCli('inventory', '--help');
    assert.equal(run.exitCode, 0);
    assert.match(run.stdout, /^Usage: oce inventory \[options\] <files\.\.\.>/u);
    assert.match(run.stdout, /--json +print the result as JSON instead of a table/u);
  });

  it('never come with a stack trace.', async () => {
    const runs = await Promise.all([
      runCli('inventory', fixturePath('broken.ttl')),
      runCli('contributions', '--json', fixturePath('no-such-file.ttl')),
      runCli('validate', fixturePath('broken.ttl')),
      runCli('inventory', '--bogus'),
    ]);
    for (const run of runs) {
      assert.notEqual(run.stderr, '');
      assert.doesNotMatch(run.stderr, STACK_TRACE_LINE);
    }
  });
});

describe('The oce version option', () => {
  it('prints the package version.', async () => {
    const manifest = JSON.parse(await readFile(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = await runCli('--version');
    assert.equal(run.exitCode, 0);
    assert.equal(run.stdout, manifest.version);
    assert.equal(run.stderr, '');
  });
});

describe('The oce demo command', function demoCommand() {
  this.timeout(120_000);

  it('fails at once when its port is taken.', async () => {
    const occupier = createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    const { port } = occupier.address() as AddressInfo;
    try {
      const run = await runCli('demo', '--port', String(port));
      assert.equal(run.exitCode, 1);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `Port [${port}] on 127.0.0.1 is already in use; stop the other process or pass --port`);
    } finally {
      await new Promise((resolve) => occupier.close(resolve));
    }
  });

  it('serves the figures after printing them.', async () => {
    const noExamples = await makeTempFolder('oce-no-examples-');
    const stdout: string[] = [];
    let inventoryStatus = 0;
    const io = { stdout: (text: string) => stdout.push(text), stderr: (text: string) => stdout.push(text) };
    const program = buildProgram(io, async () => {
      const url = /Serving the network at (http:\/\/127\.0\.0\.1:\d+\/)$/mu.exec(stdout.join('\n'))?.[1];
      inventoryStatus = (await fetch(`${url}inventory`)).status;
    });
    await program.parseAsync(['node', 'oce', 'demo', '--port', '0', '--examples', noExamples]);
    assert.equal(stdout[0], 'Starting the Solid server and setting up the demo network (about 25 seconds)...');
    assert.match(stdout.join('\n'), /^ {2}network view: {3}http:\/\/127\.0\.0\.1:\d+\/api\/views\/network$/mu);
    assert.equal(inventoryStatus, 200);
  });
});

describe('describeError', () => {
  it('appends the message of the cause.', () => {
    const error = new Error('Cannot load the shapes', { cause: new Error('EACCES') });
    assert.equal(describeError(error), 'Cannot load the shapes: EACCES');
  });

  it('skips a cause the message already contains.', () => {
    const error = new Error('Cannot read [a.ttl]: ENOENT', { cause: new Error('ENOENT') });
    assert.equal(describeError(error), 'Cannot read [a.ttl]: ENOENT');
  });

  it('leaves out the cause of a parse error.', () => {
    const cause = new Error('Dereferencing a URL did not result in a valid JSON-LD object.');
    const error = new RdfParseError({ source: 'a.jsonld', contentType: 'application/ld+json', reason: 'remote context' },
      { cause });
    assert.equal(describeError(error), 'Cannot parse [a.jsonld] as application/ld+json: remote context');
  });

  it('describes a thrown value that is not an Error.', () => {
    assert.equal(describeError('lost'), 'Unexpected failure: lost');
  });
});
