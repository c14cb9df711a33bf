import assert from 'node:assert/strict';
import { ResponseTooLargeError } from '../../../src/crawler/index.js';
import { AuthDocumentFetcher, WebIdIssuerStore } from '../../../src/service/index.js';

function answering(body: string, init: ResponseInit = {}): typeof fetch {
  return async() => Promise.resolve(new Response(body, init));
}

describe('An AuthDocumentFetcher', () => {
  it('rejects a document larger than its limit.', async () => {
    const fetcher = new AuthDocumentFetcher(answering('x'.repeat(2048)), 1024);
    await assert.rejects(fetcher.json('http://127.0.0.1:1/jwks'), ResponseTooLargeError);
  });

  it('names the URL and status of a failed request.', async () => {
    const fetcher = new AuthDocumentFetcher(answering('gone', { status: 404 }));
    await assert.rejects(fetcher.json('http://127.0.0.1:1/jwks'),
      { message: 'GET [http://127.0.0.1:1/jwks] returned the status [404]' });
  });

  it('rejects a document that is not JSON.', async () => {
    const fetcher = new AuthDocumentFetcher(answering('<html>'));
    await assert.rejects(fetcher.json('http://127.0.0.1:1/jwks'),
      { message: 'The document at [http://127.0.0.1:1/jwks] is not valid JSON' });
  });
});

describe('A WebIdIssuerStore', () => {
  it('reads the issuers of the WebID only.', async () => {
    const turtle = '@prefix solid: <http://www.w3.org/ns/solid/terms#>.\n' +
      '<#me> solid:oidcIssuer <https://idp.example/>, <https://login.example>.\n' +
      '<#other> solid:oidcIssuer <https://evil.example/>.';
    const store = new WebIdIssuerStore(new AuthDocumentFetcher(answering(turtle)));
    assert.deepEqual(await store.issuersOf('http://127.0.0.1:1/ada/profile/card#me'),
      ['https://idp.example', 'https://login.example']);
  });

  it('rejects a profile that is not Turtle.', async () => {
    const store = new WebIdIssuerStore(new AuthDocumentFetcher(answering('<#me> <x')));
    await assert.rejects(store.issuersOf('http://127.0.0.1:1/ada/profile/card#me'), (error: Error) => {
      const prefix = 'The WebID profile [http://127.0.0.1:1/ada/profile/card] is not valid Turtle: ';
      assert.ok(error.message.startsWith(prefix), error.message);
      return true;
    });
  });
});
