import type { EconomicModel } from '../model/index.js';
import { readEconomicModel } from '../model/EconomicModelReader.js';
import { readRdfFile } from '../rdf/index.js';
import type { ParsedDocument } from '../rdf/index.js';

/** The parsed documents and the model read from a list of local files. */
export interface LoadedFiles {
  documents: ParsedDocument[];
  model: EconomicModel;
}

/**
 * Parses every file and reads the economic model from all of them together, so that events in
 * one file may refer to resources in another. An unreadable or unparseable file throws the
 * parser's error, which names the file and, where known, the line.
 */
export async function loadModelFromFiles(paths: string[]): Promise<LoadedFiles> {
  const documents: ParsedDocument[] = [];
  for (const path of paths) {
    documents.push(await readRdfFile(path));
  }
  return { documents, model: readEconomicModel(documents) };
}
