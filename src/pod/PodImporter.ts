import { problem } from '../model/index.js';
import type { Problem } from '../model/index.js';
import { readRdfFile } from '../rdf/index.js';
import type { ParsedDocument } from '../rdf/index.js';
import { SolidDocumentClient } from '../solid/index.js';
import { getLogger } from '../util/index.js';
import { EventRecorder } from './EventRecorder.js';
import { ImportPlanner } from './ImportPlanner.js';

const logger = getLogger('PodImporter');

/** Summary of the writes of one {@link PodImporter} run. */
export interface ImportResult {
  /** Documents replaced with the imported subjects (everything except events). */
  documentsWritten: string[];
  /** Day documents that received events. */
  eventDocuments: string[];
  eventsRecorded: number;
  /** Events skipped because their IRI was already in the day document, as after a second import. */
  eventsAlreadyRecorded: number;
  /** File IRI to pod IRI, for every rebased subject. */
  iriMap: Map<string, string>;
  /** Files that could not be read or parsed, and planning warnings; parse warnings of good files too. */
  problems: Problem[];
}

/**
 * Writes RDF files into a member pod's layout (`oce import FILE... --pod URL`); see
 * {@link ImportPlanner} for how IRIs are mapped and where each subject goes. Events are appended
 * to day documents and never edited. Every other document is replaced by what the files contain
 * for it, so importing the same files again leaves the pod unchanged.
 */
export class PodImporter {
  private readonly client: SolidDocumentClient;
  private readonly recorder: EventRecorder;
  private readonly planner: ImportPlanner;

  public constructor(options: { fetch: typeof fetch; storage: string }) {
    this.client = new SolidDocumentClient(options.fetch);
    this.recorder = new EventRecorder(options);
    this.planner = new ImportPlanner(options.storage);
  }

  /** Reads and imports files; a file that cannot be read or parsed becomes a problem and is skipped. */
  public async importFiles(paths: string[]): Promise<ImportResult> {
    const parsed: ParsedDocument[] = [];
    const problems: Problem[] = [];
    for (const file of paths) {
      try {
        parsed.push(await readRdfFile(file));
      } catch (error: unknown) {
        problems.push(problem('error', `Skipped the file: ${(error as Error).message}`, { source: file }));
      }
    }
    const result = await this.importDocuments(parsed);
    return { ...result, problems: [...problems, ...result.problems] };
  }

  /** Imports parsed documents; throws a `SolidHttpError` when the pod rejects a write. */
  public async importDocuments(files: ParsedDocument[]): Promise<ImportResult> {
    const plan = this.planner.plan(files);
    for (const [url, quads] of plan.documents) {
      await this.client.put(url, quads);
    }
    const batch = await this.recorder.recordBatch(plan.events, 'undated');
    const eventDocuments = [...new Set([...batch.recorded, ...batch.alreadyRecorded].map((entry) => entry.document))];
    const result: ImportResult = {
      documentsWritten: [...plan.documents.keys()],
      eventDocuments,
      eventsRecorded: batch.recorded.length,
      eventsAlreadyRecorded: batch.alreadyRecorded.length,
      iriMap: plan.iriMap,
      problems: [...files.flatMap((file) => file.problems), ...plan.problems],
    };
    logger.info({ files: files.length, documents: result.documentsWritten.length, events: result.eventsRecorded,
      alreadyRecorded: result.eventsAlreadyRecorded }, 'Import finished');
    return result;
  }
}
