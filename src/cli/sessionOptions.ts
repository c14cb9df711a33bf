import { Option } from 'commander';
import type { Command } from 'commander';
import { ClientCredentialsSession, SolidDocumentClient, SolidHttpError } from '../solid/index.js';
import { CommandFailedError, ExitCode } from './CliIo.js';

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
    .requiredOption('--pod <url>', 'storage root of the pod, an http(s) URL ending in /')
    .addOption(new Option('--issuer <url>', 'Solid-OIDC issuer that issued the client credentials')
      .env('OCE_OIDC_ISSUER').makeOptionMandatory())
    .addOption(new Option('--client-id <id>', 'client credentials id of the pod owner')
      .env('OCE_CLIENT_ID').makeOptionMandatory())
    .addOption(new Option('--client-secret <secret>', 'client credentials secret of the pod owner')
      .env('OCE_CLIENT_SECRET').makeOptionMandatory());
}

/**
 * Checks `--pod`, logs in with the command's credentials, checks that `--pod` is a storage root,
 * runs `work` with the session, and always logs out. A pod URL that is no http(s) URL ending in
 * `/`, or no storage root, is a usage error (exit code 2). A 401 or 403 from the pod fails the
 * command with one message naming the WebID and the URL.
 */
export async function withSession<T>(
  options: SessionOptions, work: (session: ClientCredentialsSession, storage: string) => Promise<T>,
): Promise<T> {
  const storage = checkPodUrl(options.pod);
  const session = await ClientCredentialsSession.login({
    clientId: options.clientId, clientSecret: options.clientSecret, oidcIssuer: options.issuer,
  });
  try {
    await assertStorageRoot(new SolidDocumentClient(session.fetch), storage);
    return await work(session, storage);
  } catch (error: unknown) {
    throw accessError(error, session.webId) ?? error;
  } finally {
    await session.logout();
  }
}

/**
 * Returns the pod URL when it is an http(s) URL ending in `/`. The slash is required, not added,
 * because without it `rea/` resolves beside the pod (`http://host/alice` gives `http://host/rea/`).
 */
function checkPodUrl(pod: string): string {
  const expected = `Invalid pod URL [${pod}]: expected an http(s) URL ending in /`;
  if (!URL.canParse(pod) || !['http:', 'https:'].includes(new URL(pod).protocol)) {
    throw new CommandFailedError(expected, ExitCode.usage);
  }
  const url = new URL(pod);
  if (!pod.endsWith('/')) {
    const example = url.search === '' && url.hash === '' ? `, such as [${pod}/]` : '';
    throw new CommandFailedError(`${expected}${example}`, ExitCode.usage);
  }
  return pod;
}

/**
 * Rejects a pod URL that the server does not mark as a storage root, before anything is written,
 * because the layout under another container would add a second `pim:storage` and second type
 * indexes to the profile. Names the storage root above the URL when one is found.
 */
async function assertStorageRoot(client: SolidDocumentClient, storage: string): Promise<void> {
  if (await client.isStorageRoot(storage)) {
    return;
  }
  const root = await findStorageRootAbove(client, storage);
  const instead = root === undefined ? 'the URL of the pod itself' : `[${root}]`;
  throw new CommandFailedError(`Pod URL [${storage}] is not the storage root of a pod, since the server ` +
    'sends no Link header <http://www.w3.org/ns/pim/space#Storage> with rel="type" for it; ' +
    `pass ${instead} to --pod`, ExitCode.usage);
}

/** Checks each container above the URL, nearest first; stops at the first that cannot be read. */
async function findStorageRootAbove(client: SolidDocumentClient, url: string): Promise<string | undefined> {
  let current = new URL(url);
  while (current.pathname !== '/') {
    current = new URL('..', current);
    try {
      if (await client.isStorageRoot(current.href)) {
        return current.href;
      }
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Turns a 401 or 403 from the pod into one message naming the WebID, the URL and the status. */
function accessError(error: unknown, webId: string): CommandFailedError | undefined {
  if (!(error instanceof SolidHttpError) || (error.status !== 401 && error.status !== 403)) {
    return undefined;
  }
  return new CommandFailedError(`The WebID [${webId}] has no write access to [${error.url}] ` +
    `(status ${error.status}); the pod owner must log in, or grant access`);
}
