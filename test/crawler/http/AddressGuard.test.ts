import assert from 'node:assert/strict';
import { AddressGuard, AddressRefusedError } from '../../../src/crawler/http/index.js';
import type { AddressPolicy } from '../../../src/crawler/http/index.js';

const STRICT: AddressPolicy = { allowLoopback: false, allowPrivate: false };
const LOOPBACK: AddressPolicy = { allowLoopback: true, allowPrivate: false };
const PRIVATE: AddressPolicy = { allowLoopback: false, allowPrivate: true };
const OPEN: AddressPolicy = { allowLoopback: true, allowPrivate: true };

/** A resolver that must not be reached: IP literals are classified without DNS. */
async function noResolver(hostname: string): Promise<string[]> {
  return Promise.reject(new Error(`resolver called for [${hostname}]`));
}

/** Expected outcome per policy: strict, loopback allowed, private allowed, both allowed. */
type Row = [url: string, strict: boolean, loopback: boolean, privateRanges: boolean, open: boolean];

const LITERALS: Row[] = [
  [ 'http://8.8.8.8/', true, true, true, true ],
  [ 'https://[2001:4860:4860::8888]/', true, true, true, true ],
  [ 'http://127.0.0.1:3000/', false, true, false, true ],
  [ 'http://127.1.2.3/', false, true, false, true ],
  [ 'http://[::1]/', false, true, false, true ],
  [ 'http://0x7f000001/', false, true, false, true ],
  [ 'http://2130706433/', false, true, false, true ],
  [ 'http://0177.0.0.1/', false, true, false, true ],
  [ 'http://[::ffff:127.0.0.1]/', false, true, false, true ],
  [ 'http://10.0.0.1/', false, false, true, true ],
  [ 'http://172.16.0.1/', false, false, true, true ],
  [ 'http://172.31.255.255/', false, false, true, true ],
  [ 'http://192.168.1.1/', false, false, true, true ],
  [ 'http://100.64.0.1/', false, false, true, true ],
  [ 'http://[fc00::1]/', false, false, true, true ],
  [ 'http://[fd12:3456::1]/', false, false, true, true ],
  [ 'http://[::ffff:10.0.0.1]/', false, false, true, true ],
  [ 'http://169.254.169.254/latest/meta-data/', false, false, false, false ],
  [ 'http://169.254.1.1/', false, false, false, false ],
  [ 'http://[fe80::1]/', false, false, false, false ],
  [ 'http://[::ffff:169.254.169.254]/', false, false, false, false ],
  [ 'http://[::ffff:a9fe:a9fe]/', false, false, false, false ],
  [ 'http://[64:ff9b::a9fe:a9fe]/', false, false, false, false ],
  [ 'http://[2002:a9fe:a9fe::1]/', false, false, false, false ],
  [ 'http://[fd00:ec2::254]/', false, false, false, false ],
  [ 'http://100.100.100.200/', false, false, false, false ],
  [ 'http://0.0.0.0/', false, false, false, false ],
  [ 'http://[::]/', false, false, false, false ],
  [ 'http://224.0.0.1/', false, false, false, false ],
  [ 'http://[ff02::1]/', false, false, false, false ],
  [ 'http://255.255.255.255/', false, false, false, false ],
  [ 'http://192.0.2.1/', false, false, false, false ],
  [ 'http://[2001:db8::1]/', false, false, false, false ],
];

async function isAllowed(policy: AddressPolicy, url: string, resolver = noResolver): Promise<boolean> {
  try {
    await new AddressGuard(policy, resolver).check(url);
    return true;
  } catch (error: unknown) {
    if (error instanceof AddressRefusedError) {
      return false;
    }
    throw error;
  }
}

describe('An AddressGuard', () => {
  for (const [ url, ...expected ] of LITERALS) {
    it(`classifies ${url} per policy.`, async() => {
      const outcomes = [
        await isAllowed(STRICT, url),
        await isAllowed(LOOPBACK, url),
        await isAllowed(PRIVATE, url),
        await isAllowed(OPEN, url),
      ];
      assert.deepEqual(outcomes, expected);
    });
  }

  it('names the URL, the address and the reason.', async() => {
    const guard = new AddressGuard(OPEN, noResolver);
    const error = await guard.check('http://169.254.169.254/latest/meta-data/').catch((caught: unknown) => caught);
    assert.ok(error instanceof AddressRefusedError);
    assert.equal(error.url, 'http://169.254.169.254/latest/meta-data/');
    assert.equal(error.address, '169.254.169.254');
    assert.equal(error.reason, 'a cloud metadata address');
    assert.equal(error.message,
      'Request to [http://169.254.169.254/latest/meta-data/] rejected: address [169.254.169.254] is a cloud metadata address');
  });

  it('reports the IPv4 address inside a mapped IPv6 address.', async() => {
    const error = await new AddressGuard(STRICT, noResolver).check('http://[::ffff:192.168.1.1]/')
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof AddressRefusedError);
    assert.equal(error.reason, 'a private address (private) and allowPrivate is off');
  });

  it('rejects schemes other than http and https.', async() => {
    for (const url of [ 'file:///etc/passwd', 'ftp://8.8.8.8/', 'gopher://8.8.8.8/', 'data:text/plain,x' ]) {
      assert.equal(await isAllowed(OPEN, url), false, url);
    }
  });

  it('rejects a string that is not an absolute URL.', async() => {
    const error = await new AddressGuard(OPEN, noResolver).check('/relative/path').catch((caught: unknown) => caught);
    assert.ok(error instanceof AddressRefusedError);
    assert.equal(error.reason, 'not a valid absolute URL');
  });

  it('allows a name whose addresses are all public.', async() => {
    const calls: string[] = [];
    const resolver = async(hostname: string): Promise<string[]> => {
      calls.push(hostname);
      return Promise.resolve([ '8.8.8.8', '2001:4860:4860::8888' ]);
    };
    assert.equal(await isAllowed(STRICT, 'https://pod.example.org/alice/', resolver), true);
    assert.deepEqual(calls, [ 'pod.example.org' ]);
  });

  it('rejects a name with one public and one private address.', async() => {
    const resolver = async(): Promise<string[]> => Promise.resolve([ '8.8.8.8', '10.0.0.5' ]);
    const error = await new AddressGuard(STRICT, resolver).check('https://mixed.example.org/')
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof AddressRefusedError);
    assert.equal(error.address, '10.0.0.5');
  });

  it('rejects a name that resolves to no address.', async() => {
    const resolver = async(): Promise<string[]> => Promise.resolve([]);
    assert.equal(await isAllowed(OPEN, 'https://empty.example.org/', resolver), false);
  });

  it('passes on the resolver error for an unknown name.', async() => {
    const resolver = async(): Promise<string[]> => Promise.reject(new Error('getaddrinfo ENOTFOUND nowhere.test'));
    await assert.rejects(new AddressGuard(OPEN, resolver).check('https://nowhere.test/'), /ENOTFOUND/u);
  });

  it('rejects localhost names without resolving them unless loopback is allowed.', async() => {
    for (const url of [ 'http://localhost/', 'http://LOCALHOST./', 'http://pod.localhost:3000/' ]) {
      assert.equal(await isAllowed(STRICT, url), false, url);
    }
    const resolver = async(): Promise<string[]> => Promise.resolve([ '127.0.0.1', '::1' ]);
    assert.equal(await isAllowed(LOOPBACK, 'http://localhost:3000/', resolver), true);
  });

  it('rejects metadata host names under every policy.', async() => {
    const resolver = async(): Promise<string[]> => Promise.resolve([ '8.8.8.8' ]);
    for (const url of [ 'http://metadata.google.internal/', 'http://metadata.google.internal./computeMetadata/v1/' ]) {
      assert.equal(await isAllowed(OPEN, url, resolver), false, url);
    }
  });
});
