import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import {
  AccessGranter, checkEventInput, EventInputError, EventRecorder, parseReaContainers, PodImporter, PodInitializer,
  REA_CONTAINERS,
} from '../../pod/index.js';
import type { EventInput, QuantityInput, ReaContainer, RecordedEvent } from '../../pod/index.js';
import { parseRdf } from '../../rdf/index.js';
import type { ParsedDocument } from '../../rdf/index.js';
import { problemsToText } from '../../report/index.js';
import { OM2 } from '../../vocab/index.js';
import type { CliIo } from '../CliIo.js';
import { CommandFailedError, ExitCode } from '../CliIo.js';
import { withSession, withSessionOptions } from '../sessionOptions.js';
import type { SessionOptions } from '../sessionOptions.js';

/** Flags of `oce pod record` that describe the event when no file is given. */
interface RecordOptions extends SessionOptions {
  file?: string;
  id?: string;
  action?: string;
  provider?: string;
  receiver?: string;
  at?: string;
  begin?: string;
  end?: string;
  quantity?: string;
  unit?: string;
  effort?: string;
  effortUnit?: string;
  resource?: string;
  toResource?: string;
  conformsTo?: string;
  inputOf?: string;
  outputOf?: string;
  corrects?: string;
  note?: string;
}

/** Collects the repeatable `--container` option, checking each name. */
function collectContainers(value: string, previous: ReaContainer[]): ReaContainer[] {
  try {
    return [...previous, ...parseReaContainers([value])];
  } catch (error: unknown) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** Adds `oce pod init|record|grant`: what a member does to their own pod. */
export function addPodCommands(program: Command, io: CliIo): void {
  const pod = program.command('pod').description('set up a member pod, record events in it, grant access to it');

  withSessionOptions(pod.command('init'))
    .description('create the /rea/ containers and type index registrations, and link them from the profile')
    .action(async (options: SessionOptions) => {
      const result = await withSession(options, (session, storage) =>
        new PodInitializer({ fetch: session.fetch, webId: session.webId, storage }).initialize());
      io.stdout(`Created ${result.createdContainers.length} container(s), `
        + `${result.addedRegistrations.public} public and ${result.addedRegistrations.private} private `
        + `type index registration(s), ${result.addedProfileTriples} profile link(s).`);
    });

  withSessionOptions(pod.command('record'))
    .description('append one economic event to the day\'s document in the pod; recorded events are never edited')
    .option('--file <file>', 'an RDF file stating exactly one vf:EconomicEvent (instead of the flags below); '
      + 'its relative IRIs move into the day document: <#ev1> becomes <DAY.ttl#ev1>, <#m1> becomes <DAY.ttl#ev1-m1>')
    .option('--id <fragment>', 'fragment of the event IRI inside its day document (default: a random UUID)')
    .option('--action <name>', 'VF action, such as work, consume, produce, transfer')
    .option('--provider <iri>', 'WebID of the provider')
    .option('--receiver <iri>', 'WebID of the receiver')
    .option('--at <time>', 'vf:hasPointInTime, an xsd:dateTime; a value without a zone is read as UTC')
    .option('--begin <time>', 'vf:hasBeginning, an xsd:dateTime')
    .option('--end <time>', 'vf:hasEnd, an xsd:dateTime')
    .option('--quantity <decimal>', 'vf:resourceQuantity value')
    .option('--unit <iri>', 'unit of --quantity, an IRI or om2:NAME', 'om2:one')
    .option('--effort <decimal>', 'vf:effortQuantity value')
    .option('--effort-unit <iri>', 'unit of --effort, an IRI or om2:NAME', 'om2:hour')
    .option('--resource <iri>', 'vf:resourceInventoriedAs')
    .option('--to-resource <iri>', 'vf:toResourceInventoriedAs')
    .option('--conforms-to <iri>', 'vf:resourceConformsTo')
    .option('--input-of <iri>', 'vf:inputOf, the process the event is an input of')
    .option('--output-of <iri>', 'vf:outputOf, the process the event is an output of')
    .option('--corrects <iri>', 'vf:corrects, the event this one corrects with a signed delta')
    .option('--note <text>', 'vf:note')
    .action(async (options: RecordOptions) => {
      // The input is read and checked before logging in, so a mistake costs no request to the pod.
      const file = options.file === undefined ? undefined : await readEventFile(options.file);
      const input = file === undefined ? checkedEventInput(options) : undefined;
      const recorded = await withSession(options, async (session, storage) => {
        const recorder = new EventRecorder({ fetch: session.fetch, storage });
        if (file !== undefined) {
          return recordFileEvent(recorder, file);
        }
        return recorder.record(input!);
      });
      io.stdout(`Recorded ${recorded.eventIri} in ${recorded.document}`);
    });

  withSessionOptions(pod.command('grant'))
    .description('give a WebID read access to /rea/ and everything under it, and to the private type index')
    .requiredOption('--agent <webid>', 'WebID to grant read access, such as the aggregator\'s')
    .option('--container <name...>', `grant only these containers of /rea/ (${REA_CONTAINERS.join(', ')})`,
      collectContainers, [])
    .action(async (options: SessionOptions & { agent: string; container: ReaContainer[] }) => {
      const containers = options.container.length === 0 ? undefined : options.container;
      const result = await withSession(options, (session, storage) =>
        new AccessGranter({ fetch: session.fetch, webId: session.webId, storage })
          .grantRead(options.agent, containers));
      io.stdout(result.changedAcls.length === 0
        ? `${options.agent} already had read access.`
        : `Granted ${options.agent} read access through ${result.changedAcls.join(', ')}`);
    });
}

/** Adds `oce import FILE... --pod URL`: writes local RDF or YAML-LD files into a pod's layout. */
export function addImportCommand(program: Command, io: CliIo): void {
  withSessionOptions(program.command('import'))
    .description('import RDF or YAML-LD files into a pod: events into day documents, the rest by class')
    .argument('<files...>', 'Turtle, TriG, N-Triples, N-Quads, JSON-LD, YAML-LD or RDF/XML files')
    .action(async (files: string[], options: SessionOptions) => {
      const result = await withSession(options, (session, storage) =>
        new PodImporter({ fetch: session.fetch, storage }).importFiles(files));
      io.stdout(`Recorded ${result.eventsRecorded} event(s) in ${result.eventDocuments.length} day document(s)`
        + ` (${result.eventsAlreadyRecorded} already there); wrote ${result.documentsWritten.length} document(s).`);
      if (result.problems.length > 0) {
        io.stdout(problemsToText(result.problems));
      }
      if (result.problems.some((found) => found.severity === 'error')) {
        throw new CommandFailedError('Some files were not imported; see the errors above');
      }
    });
}

/** Reads the `--file` of `oce pod record` with its own `file:` URL as base IRI. */
async function readEventFile(file: string): Promise<ParsedDocument & { baseIri: string }> {
  const baseIri = pathToFileURL(path.resolve(file)).href;
  const text = await readFile(file, 'utf8');
  return { ...await parseRdf(text, { source: file, baseIRI: baseIri }), baseIri };
}

/** Records the event of a file; an invalid event in it fails the command with exit code 1. */
async function recordFileEvent(
  recorder: EventRecorder, file: ParsedDocument & { baseIri: string },
): Promise<RecordedEvent> {
  try {
    return await recorder.recordFileQuads(file.quads, file.baseIri);
  } catch (error: unknown) {
    if (error instanceof EventInputError) {
      throw new CommandFailedError(`Invalid event in [${file.source}]: ${error.message}`);
    }
    throw error;
  }
}

/** Builds and checks the event input of the flags; an invalid flag is a usage error (exit code 2). */
function checkedEventInput(options: RecordOptions): EventInput {
  const input = eventInputFromFlags(options);
  try {
    checkEventInput(input);
  } catch (error: unknown) {
    if (error instanceof EventInputError) {
      throw new CommandFailedError(error.message, ExitCode.usage);
    }
    throw error;
  }
  return input;
}

/** Builds the typed event input from `oce pod record` flags. */
export function eventInputFromFlags(options: RecordOptions): EventInput {
  if (options.action === undefined) {
    throw new CommandFailedError('Expected --file or --action; got neither', ExitCode.usage);
  }
  const input: EventInput = { action: options.action };
  const copy = <K extends keyof EventInput>(field: K, value: EventInput[K] | undefined): void => {
    if (value !== undefined) {
      input[field] = value;
    }
  };
  copy('id', options.id);
  copy('provider', options.provider);
  copy('receiver', options.receiver);
  copy('hasPointInTime', options.at);
  copy('hasBeginning', options.begin);
  copy('hasEnd', options.end);
  copy('resourceInventoriedAs', options.resource);
  copy('toResourceInventoriedAs', options.toResource);
  copy('resourceConformsTo', options.conformsTo);
  copy('inputOf', options.inputOf);
  copy('outputOf', options.outputOf);
  copy('corrects', options.corrects);
  copy('note', options.note);
  copy('resourceQuantity', quantityInput(options.quantity, options.unit));
  copy('effortQuantity', quantityInput(options.effort, options.effortUnit));
  return input;
}

function quantityInput(value: string | undefined, unit: string | undefined): QuantityInput | undefined {
  if (value === undefined) {
    return undefined;
  }
  return { value, unit: expandUnit(unit ?? 'om2:one') };
}

/** Expands `om2:NAME` to the OM 2 IRI; anything else is taken as an absolute IRI. */
export function expandUnit(unit: string): string {
  return unit.startsWith('om2:') ? `${OM2.namespace}${unit.slice('om2:'.length)}` : unit;
}
