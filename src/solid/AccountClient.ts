import { SolidHttpError } from './SolidHttpError.js';

/** Everything needed to act as the owner of a new pod, as returned by {@link AccountClient.createPodAccount}. */
export interface PodAccount {
  webId: string;
  /** Pod root URL with a trailing slash; also its `pim:storage`. */
  podUrl: string;
  /** Client credentials token id, used as the OIDC client id. */
  clientId: string;
  clientSecret: string;
  email: string;
  password: string;
}

/** Input of {@link AccountClient.createPodAccount}. */
export interface PodAccountRequest {
  /** Pod name: the pod lives at `{baseUrl}{name}/`. */
  name: string;
  /** Login email; default `{name}@example.org`. */
  email?: string;
  /** Login password; default a fixed test password derived from the name. */
  password?: string;
}

type Controls = Record<string, Record<string, string> | undefined>;

interface AccountDocument {
  controls?: Controls;
  [key: string]: unknown;
}

/**
 * Client of the Community Solid Server 7 `/.account/` JSON API (API version 0.5). It starts at
 * `{baseUrl}.account/` and follows the URLs in each answer's `controls` rather than building them.
 */
export class AccountClient {
  private readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;

  /** @param baseUrl - server root with a trailing slash. */
  public constructor(baseUrl: string, fetchFn: typeof fetch = fetch) {
    this.baseUrl = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    this.fetchFn = fetchFn;
  }

  /**
   * Creates an account with a password login, one pod named `request.name`, and a client
   * credentials token bound to the pod's WebID. Throws {@link SolidHttpError} on any failed step.
   */
  public async createPodAccount(request: PodAccountRequest): Promise<PodAccount> {
    const email = request.email ?? `${request.name}@example.org`;
    const password = request.password ?? `${request.name}-password-1`;

    const start = await this.call('Reading the account API index', 'GET', `${this.baseUrl}.account/`);
    const createUrl = control(start, 'account', 'create');
    const created = await this.call('Creating an account', 'POST', createUrl, {});
    const token = created.authorization;
    if (typeof token !== 'string') {
      throw new Error(`Creating an account at [${createUrl}] returned no authorization token`);
    }

    const index = await this.call('Reading the account controls', 'GET', control(start, 'main', 'index'), undefined, token);
    await this.call('Adding a password login', 'POST', control(index, 'password', 'create'), { email, password }, token);
    const pod = await this.call('Creating a pod', 'POST', control(index, 'account', 'pod'), { name: request.name }, token);
    const webId = stringField(pod, 'webId', 'pod creation');
    const podUrl = stringField(pod, 'pod', 'pod creation');

    const credentials = await this.call('Creating client credentials', 'POST',
      control(index, 'account', 'clientCredentials'), { name: `${request.name}-token`, webId }, token);
    return {
      webId,
      podUrl,
      clientId: stringField(credentials, 'id', 'client credentials creation'),
      clientSecret: stringField(credentials, 'secret', 'client credentials creation'),
      email,
      password,
    };
  }

  private async call(
    operation: string, method: string, url: string, body?: object, token?: string,
  ): Promise<AccountDocument> {
    const headers: Record<string, string> = { accept: 'application/json' };
    // CSS 7.2 returns 500 for a bodiless request that claims a JSON body, so only send the type with a body.
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    if (token !== undefined) {
      headers.authorization = `CSS-Account-Token ${token}`;
    }
    let response: Response;
    try {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      response = await this.fetchFn(url, { method, headers, body: payload });
    } catch (error: unknown) {
      throw new SolidHttpError(operation, { method, url, status: 0, body: errorText(error), cause: error });
    }
    if (!response.ok) {
      throw await SolidHttpError.fromResponse(operation, method, response);
    }
    return await response.json() as AccountDocument;
  }
}

function control(document: AccountDocument, group: string, name: string): string {
  const url = document.controls?.[group]?.[name];
  if (typeof url !== 'string') {
    throw new Error(`The account API returned no control [${group}.${name}]; controls present: ` +
      `[${Object.keys(document.controls ?? {}).join(', ')}]`);
  }
  return url;
}

function stringField(document: AccountDocument, field: string, step: string): string {
  const value = document[field];
  if (typeof value !== 'string') {
    throw new Error(`The account API's response to ${step} has no string field [${field}]`);
  }
  return value;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
