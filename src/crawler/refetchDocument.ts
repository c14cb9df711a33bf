import { problem } from '../model/index.js';
import type { Problem } from '../model/index.js';
import type { PodState } from './CrawlState.js';
import type { DocumentLoader } from './DocumentLoader.js';
import { isSourceFailure } from './DocumentSource.js';
import type { DocumentSource } from './DocumentSource.js';

/** What {@link refetchDocument} needs: the URL, its pod's state, and the crawl's source and loader. */
export interface RefetchRequest {
  url: string;
  pod: PodState;
  source: DocumentSource;
  loader: DocumentLoader;
  clock: () => Date;
}

/**
 * Fetches one document again and updates its pod's view: a new or changed document replaces
 * its copy, a quarantined one and a deleted one (404 or 410) leave the view, and any other failure
 * keeps the copy. Returns the problems found; a URL outside the pod's registered containers is
 * one of them, and is not fetched.
 */
export async function refetchDocument(request: RefetchRequest): Promise<Problem[]> {
  const { url, pod } = request;
  const documentUrl = url.split('#')[0] ?? url;
  const registered = pod.documents.has(documentUrl) ||
    pod.containers.some((container) => documentUrl.startsWith(container));
  if (!registered) {
    return [problem('warning', `Skipped a refetch of [${documentUrl}], which is outside the registered containers ` +
      `of the pod of [${pod.webId}]`, { source: documentUrl, subject: pod.webId })];
  }
  const outcome = await request.source.fetchDocument(documentUrl);
  if (isSourceFailure(outcome)) {
    if (outcome.status === 404 || outcome.status === 410) {
      pod.documents.delete(documentUrl);
      return [];
    }
    return [problem('error', `Refetching [${documentUrl}] failed with status [${outcome.status}] (${outcome.kind}): ` +
      `${outcome.message}; the view keeps its earlier copy`, { source: documentUrl, subject: pod.webId })];
  }
  const result = await request.loader.load(outcome, request.clock().toISOString());
  if ('quarantined' in result) {
    pod.documents.delete(documentUrl);
    return [problem('error', `Quarantined [${documentUrl}] after a refetch: ${result.quarantined.messages.join(' | ')}`,
      { source: documentUrl, subject: pod.webId })];
  }
  pod.documents.set(documentUrl, result.loaded);
  return [];
}
