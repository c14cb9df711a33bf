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

/**
 * A Solid-OIDC login with client credentials and DPoP-bound tokens, through
 * `@inrupt/solid-client-authn-node` 4. Call {@link logout} when done: the library refreshes the
 * token on a timer, which otherwise keeps the process alive.
 */
export class ClientCredentialsSession {
  /** Authenticated fetch; every request carries a DPoP proof and the access token. */
  public readonly fetch: typeof fetch;
  public readonly webId: string;
  private readonly session: Session;

  private constructor(session: Session, webId: string) {
    this.session = session;
    this.webId = webId;
    this.fetch = session.fetch;
  }

  /** Logs in and resolves once the session has a WebID; throws when the issuer rejects the credentials. */
  public static async login(credentials: ClientCredentials): Promise<ClientCredentialsSession> {
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
    const webId = session.info.webId;
    if (!session.info.isLoggedIn || webId === undefined) {
      await session.logout().catch(() => undefined);
      throw new Error(`Login with client credentials [${credentials.clientId}] at [${credentials.oidcIssuer}] ` +
        'returned no WebID');
    }
    logger.debug({ webId }, 'Logged in');
    return new ClientCredentialsSession(session, webId);
  }

  /** Ends the session and stops its token refresh timer. */
  public async logout(): Promise<void> {
    await this.session.logout();
    logger.debug({ webId: this.webId }, 'Logged out');
  }
}
