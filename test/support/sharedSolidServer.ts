import { AccountClient, ClientCredentialsSession, SolidServer } from '../../src/solid/index.js';
import type { PodAccount } from '../../src/solid/index.js';

let started: Promise<SolidServer> | undefined;
let podCounter = 0;

/**
 * Returns the one Community Solid Server of this mocha run, starting it on first use.
 * Start-up takes about 7-10 s, so every integration test file shares it; call this from a
 * `before` hook with `this.timeout(60000)`.
 */
export async function sharedSolidServer(): Promise<SolidServer> {
  started ??= SolidServer.start({ loggingLevel: 'error' });
  return started;
}

// A root-level hook, registered once when the first test file imports this module, so the server
// stops after the whole run and mocha exits without `--exit`.
after(async () => {
  if (started !== undefined) {
    const server = await started;
    await server.stop();
  }
});

/** A pod owner with a logged-in session; the test that creates one must call `session.logout()`. */
export interface TestMember {
  account: PodAccount;
  session: ClientCredentialsSession;
}

/**
 * Creates an account, a pod and client credentials on the shared server, then logs in.
 * The pod name gets a counter suffix because all test files share one server.
 */
export async function createTestMember(server: SolidServer, name: string): Promise<TestMember> {
  podCounter += 1;
  const account = await new AccountClient(server.baseUrl).createPodAccount({ name: `${name}${podCounter}` });
  const session = await ClientCredentialsSession.login({
    clientId: account.clientId,
    clientSecret: account.clientSecret,
    oidcIssuer: server.baseUrl,
  });
  return { account, session };
}
