import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CONFIG_FIELDS, ConfigError, loadAggregatorConfig } from '../../src/config/index.js';
import type { AggregatorConfig } from '../../src/config/index.js';

const CREDENTIALS_ENV = {
  OCE_AGGREGATOR_ISSUER: 'http://127.0.0.1:3000/',
  OCE_AGGREGATOR_CLIENT_ID: 'id-1',
  OCE_AGGREGATOR_CLIENT_SECRET: 'secret-1',
};

async function rejection(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error: unknown) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the configuration to be rejected');
}

describe('loadAggregatorConfig', () => {
  let folder: string;

  before(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'oce-config-'));
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function file(name: string, text: string): Promise<string> {
    const target = path.join(folder, name);
    await writeFile(target, text);
    return target;
  }

  it('fills every default.', async () => {
    const config = await loadAggregatorConfig({ env: { ...CREDENTIALS_ENV, OCE_ROOTS: 'https://net.example/me#i' } });
    const expected: AggregatorConfig = {
      roots: ['https://net.example/me#i'],
      credentials: { issuer: 'http://127.0.0.1:3000/', clientId: 'id-1', clientSecret: 'secret-1' },
      addressPolicy: { allowLoopback: false, allowPrivate: false },
      bounds: {
        maxDocumentsPerPod: 10000, maxContainerDepth: 8, podTimeLimitSeconds: 300, requestTimeoutSeconds: 30,
        retries: 3, maxResponseBytes: 10485760, hostConcurrency: 4, maxSubscriptionsPerPod: 100,
      },
      cacheFolder: '.cache/oce',
      pollIntervalSeconds: 300,
      notifications: true,
      service: { host: '127.0.0.1', port: 3100 },
      store: { queryTimeoutSeconds: 30, maxResults: 10_000 },
      logLevel: 'warn',
    };
    assert.deepEqual(config, expected);
  });

  it('lets the environment override the file and flags override both.', async () => {
    const yaml = await file('precedence.yaml', [
      'roots: [https://file.example/net#me]',
      'credentials:',
      '  issuer: https://issuer.example/',
      '  clientId: file-id',
      'addressPolicy: { allowLoopback: true }',
      'bounds:',
      '  retries: 1',
      '  hostConcurrency: 2',
      '  maxDocumentsPerPod: 50',
      'pollIntervalSeconds: 60',
      'service: { port: 4000 }',
      'logLevel: info',
    ].join('\n'));
    const config = await loadAggregatorConfig({
      file: yaml,
      env: {
        OCE_AGGREGATOR_CLIENT_SECRET: 'env-secret', OCE_RETRIES: '5', OCE_HOST_CONCURRENCY: '3',
        OCE_POLL_INTERVAL_SECONDS: '30', OCE_NOTIFICATIONS: 'false', UNRELATED: 'x',
      },
      flags: { retries: '7', root: ['https://flag.example/a#me', 'https://flag.example/b#me'], port: '0' },
    });
    assert.deepEqual(config, {
      roots: ['https://flag.example/a#me', 'https://flag.example/b#me'],
      credentials: { issuer: 'https://issuer.example/', clientId: 'file-id', clientSecret: 'env-secret' },
      addressPolicy: { allowLoopback: true, allowPrivate: false },
      bounds: {
        maxDocumentsPerPod: 50, maxContainerDepth: 8, podTimeLimitSeconds: 300, requestTimeoutSeconds: 30,
        retries: 7, maxResponseBytes: 10485760, hostConcurrency: 3, maxSubscriptionsPerPod: 100,
      },
      cacheFolder: '.cache/oce',
      pollIntervalSeconds: 30,
      notifications: false,
      service: { host: '127.0.0.1', port: 0 },
      store: { queryTimeoutSeconds: 30, maxResults: 10_000 },
      logLevel: 'info',
    });
  });

  it('reads a JSON file.', async () => {
    const json = await file('config.json', JSON.stringify({
      roots: ['https://json.example/net#me'], credentials: { issuer: 'https://i.example/', clientId: 'a', clientSecret: 'b' },
      cacheFolder: '/var/cache/oce',
    }));
    const config = await loadAggregatorConfig({ file: json });
    assert.deepEqual(config.roots, ['https://json.example/net#me']);
    assert.equal(config.cacheFolder, '/var/cache/oce');
  });

  it('splits a comma-separated list of roots from the environment.', async () => {
    const config = await loadAggregatorConfig({
      env: { ...CREDENTIALS_ENV, OCE_ROOTS: ' https://a.example/#me, https://b.example/#me ,' },
    });
    assert.deepEqual(config.roots, ['https://a.example/#me', 'https://b.example/#me']);
  });

  it('names an invalid environment value with its source.', async () => {
    const error = await rejection(loadAggregatorConfig({
      env: { ...CREDENTIALS_ENV, OCE_ROOTS: 'https://a.example/#me', OCE_RETRIES: 'eleven' },
    }));
    assert.equal(error.message, 'Invalid configuration value [bounds.retries] from environment variable ' +
      '[OCE_RETRIES]: expected an integer from 0 to 10, received [eleven]');
  });

  it('names an out-of-range flag value with its source.', async () => {
    const error = await rejection(loadAggregatorConfig({
      env: { ...CREDENTIALS_ENV, OCE_ROOTS: 'https://a.example/#me' }, flags: { port: '70000' },
    }));
    assert.equal(error.message, 'Invalid configuration value [service.port] from flag [--port]: ' +
      'expected an integer port from 0 to 65535, received [70000]');
  });

  it('names an invalid list item from the file.', async () => {
    const yaml = await file('bad-root.yaml', 'roots: [https://ok.example/#me, ftp://files.example/x]\n');
    const error = await rejection(loadAggregatorConfig({ file: yaml, env: CREDENTIALS_ENV }));
    assert.equal(error.message, `Invalid configuration value [roots.1] from file [${yaml}]: ` +
      'expected a list of at least one http(s) WebID URL, received [ftp://files.example/x]');
  });

  it('names a value of the wrong type from the file.', async () => {
    const yaml = await file('bad-type.yaml', 'roots: [https://ok.example/#me]\nnotifications: sometimes\n');
    const error = await rejection(loadAggregatorConfig({ file: yaml, env: CREDENTIALS_ENV }));
    assert.equal(error.message, `Invalid configuration value [notifications] from file [${yaml}]: ` +
      'expected true or false, received [sometimes]');
  });

  it('names every missing required value and where to set it.', async () => {
    const error = await rejection(loadAggregatorConfig({ env: { OCE_AGGREGATOR_CLIENT_ID: 'id' } }));
    assert.deepEqual(error.message.split('\n'), [
      'Missing configuration value [roots]: expected a list of at least one http(s) WebID URL; ' +
        'set it in the configuration file, with OCE_ROOTS or with --root',
      'Missing configuration value [credentials.issuer]: expected the http(s) URL of a Solid-OIDC issuer; ' +
        'set it in the configuration file, with OCE_AGGREGATOR_ISSUER or with --issuer',
      'Missing configuration value [credentials.clientSecret]: expected a non-empty client credentials secret; ' +
        'set it in the configuration file, with OCE_AGGREGATOR_CLIENT_SECRET or with --client-secret',
    ]);
  });

  it('hides an invalid secret.', async () => {
    const error = await rejection(loadAggregatorConfig({
      env: { ...CREDENTIALS_ENV, OCE_ROOTS: 'https://a.example/#me' }, flags: { clientSecret: '' },
    }));
    assert.equal(error.message, 'Invalid configuration value [credentials.clientSecret] from flag ' +
      '[--client-secret]: expected a non-empty client credentials secret, received [a hidden value]');
  });

  it('names an unknown field of the file.', async () => {
    const yaml = await file('unknown.yaml', 'roots: [https://ok.example/#me]\nbounds:\n  retry: 2\n');
    const error = await rejection(loadAggregatorConfig({ file: yaml, env: CREDENTIALS_ENV }));
    assert.equal(error.message, `Unknown configuration field [bounds.retry] in file [${yaml}]: expected one of ` +
      '[maxDocumentsPerPod, maxContainerDepth, podTimeLimitSeconds, requestTimeoutSeconds, retries, ' +
      'maxResponseBytes, hostConcurrency, maxSubscriptionsPerPod]');
  });

  it('names a group that is not a mapping.', async () => {
    const yaml = await file('group.yaml', 'bounds: 5\n');
    const error = await rejection(loadAggregatorConfig({ file: yaml }));
    assert.equal(error.message, `Invalid configuration value [bounds] from file [${yaml}]: expected a mapping of ` +
      '[maxDocumentsPerPod, maxContainerDepth, podTimeLimitSeconds, requestTimeoutSeconds, retries, ' +
      'maxResponseBytes, hostConcurrency, maxSubscriptionsPerPod], received [5]');
  });

  it('reports a file that cannot be read.', async () => {
    const missing = path.join(folder, 'absent.yaml');
    const error = await rejection(loadAggregatorConfig({ file: missing }));
    assert.equal(error.message, `Cannot read the configuration file [${missing}]: ENOENT: no such file or ` +
      `directory, open '${missing}'`);
  });

  it('reports a file that is not YAML.', async () => {
    const broken = await file('broken.json', '{"roots": [');
    const error = await rejection(loadAggregatorConfig({ file: broken }));
    assert.match(error.message, new RegExp(`^Invalid configuration file \\[${broken.replace(/[.]/gu, '\\.')}\\]: `));
  });

  it('has one environment variable and one flag per field.', () => {
    const envs = new Set(CONFIG_FIELDS.map((field) => field.env));
    const flags = new Set(CONFIG_FIELDS.map((field) => field.flag));
    assert.equal(envs.size, CONFIG_FIELDS.length);
    assert.equal(flags.size, CONFIG_FIELDS.length);
  });
});
