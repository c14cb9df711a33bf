import { Session } from '@inrupt/solid-client-authn-node';
import { getLogger } from '../util/index.js';

const logger = getLogger('ClientCredentialsSession');

/** Client credentials created by the Solid server's account API. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** OIDC issuer; for Community Solid Server this is its base URL. */
  oidcIssuer: string;
}

/** Options of {@link ClientCredentialsSession.login}. */
export interface SessionRenewalOptions {
  /** How long before the access token expires the session logs in again; default 60 000 ms. */
  renewBeforeMs?: number;
  /** Current time in milliseconds; tests move it forward. */
  now?: () => number;
}

/** One login: the Inrupt session and when its access token expires (undefined when not stated). */
interface Login {
  session: Session;
  expiresAt: number | undefined;
}

/**
 * A Solid-OIDC login with client credentials and DPoP-bound tokens, through
 * `@inrupt/solid-client-authn-node` 4.
 *
 * The client credentials grant returns no refresh token on Community Solid Server 7, so the
 * library cannot refresh the access token, which expires after 10 minutes there. This class
 * therefore logs in again with the same credentials when a request is made less than
 * `renewBeforeMs` before the expiry, and `fetch` always uses the current login. Call
 * {@link logout} when done.
 */
export class ClientCredentialsSession {
  /** Authenticated fetch; every request carries a DPoP proof and a current access token. */
  public readonly fetch: typeof fetch;
  public readonly webId: string;
  private current: Login;
  private renewal: Promise<void> | undefined;
  private renewals = 0;

  private constructor(
    private readonly credentials: ClientCredentials,
    first: Login,
    webId: string,
    private readonly renewBeforeMs: number,
    private readonly now: () => number,
  ) {
    this.current = first;
    this.webId = webId;
    this.fetch = async (input, init) => {
      await this.renewIfExpiring();
      return this.current.session.fetch(input, init);
    };
  }

  /** Logs in and resolves once the session has a WebID; throws when the issuer rejects the credentials. */
  public static async login(
    credentials: ClientCredentials, options: SessionRenewalOptions = {},
  ): Promise<ClientCredentialsSession> {
    const first = await logIn(credentials);
    const webId = first.session.info.webId as string;
    logger.debug({ webId }, 'Logged in');
    return new ClientCredentialsSession(
      credentials, first, webId, options.renewBeforeMs ?? 60_000, options.now ?? Date.now,
    );
  }

  /** Number of times the session logged in again because its token was about to expire. */
  public get renewalCount(): number {
    return this.renewals;
  }

  /** Ends the session. */
  public async logout(): Promise<void> {
    await this.renewal?.catch(() => undefined);
    await this.current.session.logout();
    logger.debug({ webId: this.webId }, 'Logged out');
  }

  private async renewIfExpiring(): Promise<void> {
    const { expiresAt } = this.current;
    if (expiresAt === undefined || this.now() < expiresAt - this.renewBeforeMs) {
      return;
    }
    // One renewal at a time: concurrent requests wait for the same new login.
    this.renewal ??= this.renew().finally(() => {
      this.renewal = undefined;
    });
    await this.renewal;
  }

  private async renew(): Promise<void> {
    const previous = this.current;
    this.current = await logIn(this.credentials);
    this.renewals += 1;
    logger.info({ webId: this.webId, expiresAt: this.current.expiresAt }, 'Logged in again before the token expired');
    await previous.session.logout().catch((error: unknown) => {
      logger.warn({ err: error, webId: this.webId }, 'Logging out the previous session failed');
    });
  }
}

/** Logs in once with client credentials; throws with the client id and issuer when that fails. */
async function logIn(credentials: ClientCredentials): Promise<Login> {
  const session = new Session();
  try {
    await session.login({
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      oidcIssuer: credentials.oidcIssuer,
      tokenType: 'DPoP',
    });
  } catch (error: unknown) {
    await session.logout().catch(() => undefined);
    throw new Error(`Login with client credentials [${credentials.clientId}] at [${credentials.oidcIssuer}] failed`,
      { cause: error });
  }
  if (!session.info.isLoggedIn || session.info.webId === undefined) {
    await session.logout().catch(() => undefined);
    throw new Error(`Login with client credentials [${credentials.clientId}] at [${credentials.oidcIssuer}] ` +
      'returned no WebID');
  }
  return { session, expiresAt: session.info.expirationDate };
}
