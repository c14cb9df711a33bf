import { Option } from 'commander';
import type { Command } from 'commander';
import { ClientCredentialsSession } from '../solid/index.js';

/** Client-credentials login options shared by the commands that write to a pod. */
export interface SessionOptions {
  pod: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Adds `--pod`, `--issuer`, `--client-id` and `--client-secret` to a command. The last three may
 * come from `OCE_OIDC_ISSUER`, `OCE_CLIENT_ID` and `OCE_CLIENT_SECRET`, so the secret need not
 * appear on the command line.
 */
export function withSessionOptions(command: Command): Command {
  return command
    .requiredOption('--pod <url>', 'storage root of the pod, with a trailing slash')
    .addOption(new Option('--issuer <url>', 'Solid-OIDC issuer that issued the client credentials')
      .env('OCE_OIDC_ISSUER').makeOptionMandatory())
    .addOption(new Option('--client-id <id>', 'client credentials id of the pod owner')
      .env('OCE_CLIENT_ID').makeOptionMandatory())
    .addOption(new Option('--client-secret <secret>', 'client credentials secret of the pod owner')
      .env('OCE_CLIENT_SECRET').makeOptionMandatory());
}

/** Logs in with the command's credentials, runs `work` with the session, and always logs out. */
export async function withSession<T>(
  options: SessionOptions, work: (session: ClientCredentialsSession, storage: string) => Promise<T>,
): Promise<T> {
  const storage = options.pod.endsWith('/') ? options.pod : `${options.pod}/`;
  const session = await ClientCredentialsSession.login({
    clientId: options.clientId, clientSecret: options.clientSecret, oidcIssuer: options.issuer,
  });
  try {
    return await work(session, storage);
  } finally {
    await session.logout();
  }
}
