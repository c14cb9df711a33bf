import type { CrawlReportJson } from './CrawlReport.js';
import { crawlReportToTurtle } from './CrawlReportRdf.js';

/**
 * Writes the RDF crawl report into the network pod with a PUT of Turtle, using the network
 * steward's authenticated fetch. The server creates missing parent containers. Throws an error
 * naming the URL and the status when the server refuses the write.
 */
export async function publishCrawlReport(
  report: CrawlReportJson, reportUrl: string, fetchFn: typeof fetch,
): Promise<void> {
  const body = await crawlReportToTurtle(report, reportUrl);
  let response: Response;
  try {
    response = await fetchFn(reportUrl, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body });
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Writing the crawl report to [${reportUrl}] failed: ${reason}`, { cause: error });
  }
  await response.body?.cancel();
  if (!response.ok) {
    throw new Error(`Writing the crawl report to [${reportUrl}] failed with status [${response.status}]; ` +
      'the fetch needs write access to that container in the network pod');
  }
}
