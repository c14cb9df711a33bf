import { createHash, randomBytes } from 'node:crypto';

/** A user name and password for HTTP authentication. */
export interface HttpCredentials {
  readonly username: string;
  readonly password: string;
}

/** The parameters of a `WWW-Authenticate: Digest …` challenge. */
interface DigestChallenge {
  readonly realm: string;
  readonly nonce: string;
  readonly opaque?: string;
  readonly qop?: string;
  readonly algorithm: 'MD5' | 'SHA-256';
}

const CHALLENGE_PARAMETER = /(\w+)=(?:"([^"]*)"|([^\s,]*))/gu;

/**
 * Wraps `fetch` with HTTP Digest authentication (RFC 7616, `qop=auth`, MD5 or SHA-256) and falls
 * back to Basic when the server requests it. The last Digest challenge is reused with an
 * increasing nonce count, so most requests need one round trip; a 401 with a new challenge is
 * answered once. Request bodies must be strings or buffers, because a retry sends them again.
 */
export function httpDigestFetch(fetchFunction: typeof fetch, credentials: HttpCredentials): typeof fetch {
  let challenge: DigestChallenge | undefined;
  let nonceCount = 0;

  const authorize = (method: string, url: URL): string | undefined => {
    if (challenge === undefined) {
      return undefined;
    }
    nonceCount += 1;
    return digestAuthorization(challenge, credentials, method, `${url.pathname}${url.search}`, nonceCount);
  };

  return async(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const method = (init.method ?? 'GET').toUpperCase();
    const send = (authorization: string | undefined): Promise<Response> => {
      const headers = new Headers(init.headers);
      if (authorization !== undefined) {
        headers.set('authorization', authorization);
      }
      return fetchFunction(url, { ...init, headers });
    };

    const first = await send(authorize(method, url));
    const header = first.headers.get('www-authenticate') ?? '';
    if (first.status !== 401 || header === '') {
      return first;
    }
    await first.arrayBuffer();
    if (/^Basic\b/iu.test(header)) {
      const token = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
      return send(`Basic ${token}`);
    }
    challenge = parseDigestChallenge(header);
    nonceCount = 0;
    return send(authorize(method, url));
  };
}

/** Parses a Digest challenge; throws on a scheme or algorithm this client does not implement. */
function parseDigestChallenge(header: string): DigestChallenge {
  if (!/^Digest\s/iu.test(header)) {
    throw new Error(`Unsupported authentication challenge [${header}]. Expected Digest or Basic.`);
  }
  const parameters = new Map<string, string>();
  for (const match of header.matchAll(CHALLENGE_PARAMETER)) {
    parameters.set((match[1] ?? '').toLowerCase(), match[2] ?? match[3] ?? '');
  }
  const algorithm = (parameters.get('algorithm') ?? 'MD5').toUpperCase();
  if (algorithm !== 'MD5' && algorithm !== 'SHA-256') {
    throw new Error(`Unsupported Digest algorithm [${algorithm}]. Expected MD5 or SHA-256.`);
  }
  const qop = parameters.get('qop');
  if (qop !== undefined && !qop.split(',').map((value) => value.trim()).includes('auth')) {
    throw new Error(`Unsupported Digest quality of protection [${qop}]. Expected auth.`);
  }
  return {
    realm: parameters.get('realm') ?? '',
    nonce: parameters.get('nonce') ?? '',
    opaque: parameters.get('opaque'),
    qop: qop === undefined ? undefined : 'auth',
    algorithm,
  };
}

/** Computes the `Authorization` header of RFC 7616 section 3.4 for one request. */
function digestAuthorization(
  challenge: DigestChallenge,
  credentials: HttpCredentials,
  method: string,
  uri: string,
  nonceCount: number,
): string {
  const hash = (text: string): string =>
    createHash(challenge.algorithm === 'MD5' ? 'md5' : 'sha256').update(text).digest('hex');
  const ha1 = hash(`${credentials.username}:${challenge.realm}:${credentials.password}`);
  const ha2 = hash(`${method}:${uri}`);
  const nc = nonceCount.toString(16).padStart(8, '0');
  const cnonce = randomBytes(8).toString('hex');
  const response = challenge.qop === undefined ?
    hash(`${ha1}:${challenge.nonce}:${ha2}`) :
    hash(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:${challenge.qop}:${ha2}`);
  const fields = [
    `username="${credentials.username}"`,
    `realm="${challenge.realm}"`,
    `nonce="${challenge.nonce}"`,
    `uri="${uri}"`,
    `algorithm=${challenge.algorithm}`,
    `response="${response}"`,
  ];
  if (challenge.qop !== undefined) {
    fields.push(`qop=${challenge.qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  }
  if (challenge.opaque !== undefined) {
    fields.push(`opaque="${challenge.opaque}"`);
  }
  return `Digest ${fields.join(', ')}`;
}
