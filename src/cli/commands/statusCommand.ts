import type { Command } from 'commander';
import { readMemberships } from '../../crawler/index.js';
import type { Membership } from '../../crawler/index.js';
import type { EconomicModel } from '../../model/index.js';
import { Instant, NetworkCoordination, PlanningError, statusToJson, statusToText } from '../../planning/index.js';
import type { ParsedDocument } from '../../rdf/index.js';
import { ScopeTree } from '../../views/index.js';
import { ORG } from '../../vocab/index.js';
import type { CliIo } from '../CliIo.js';
import { CommandFailedError, ExitCode } from '../CliIo.js';
import { loadModelFromFiles } from '../loadModelFromFiles.js';

/** Options of `oce status` as commander parses them. */
interface StatusOptions {
  json?: boolean;
  now?: string;
  scope?: string;
}

/**
 * Adds `oce status [--json] [--now DATE] [--scope IRI] FILE...`: the coordination status of the
 * commitments, intents and claims in local RDF files, the needs matched to offers, and agreement
 * balances. `--scope` keeps what belongs to a network, organization, project or person and
 * everything below it, as the files' `org:hasMember` and `org:subOrganizationOf` statements nest
 * them. `clock` gives the time when `--now` is absent.
 */
export function addStatusCommand(program: Command, io: CliIo, clock: () => Date = () => new Date()): void {
  program
    .command('status')
    .description('print the status of commitments, intents and claims, offers matched to needs, and agreement balances')
    .argument('<files...>', 'Turtle, TriG, N-Triples, N-Quads, JSON-LD, YAML-LD or RDF/XML files with plans and events')
    .option('--now <dateTime>', 'the time that decides what is late, an xsd:dateTime (default: the current time)')
    .option('--scope <iri>', 'only what belongs to this network, organization, project or person, sub-scopes included')
    .option('--json', 'print the report as JSON instead of tables')
    .action(async (files: string[], options: StatusOptions) => {
      const now = parseNow(options.now ?? clock().toISOString());
      const { documents, model } = await loadModelFromFiles(files);
      const scopes = scopeTreeOf(documents, model);
      if (options.scope !== undefined && scopes.get(options.scope) === undefined) {
        throw new CommandFailedError(`No network, organization, project or person [${options.scope}] is named in the ` +
          'files; pass the IRI of an agent they state, or leave out --scope');
      }
      const coordination = new NetworkCoordination(model, scopes);
      const report = statusToJson(coordination, { now, scope: options.scope }, model.problems);
      io.stdout(options.json === true ? JSON.stringify(report, null, 2) : statusToText(report));
    });
}

function parseNow(text: string): string {
  try {
    return Instant.parse(text, '--now value').toString();
  } catch (error: unknown) {
    if (error instanceof PlanningError) {
      throw new CommandFailedError(`Invalid --now: ${error.message}`, ExitCode.usage);
    }
    throw error;
  }
}

/**
 * Builds the scope hierarchy the files state. Every agent with `org:hasMember` statements, or
 * named by an `org:Membership`'s `org:organization`, is a network, and the networks that no other
 * network lists are the roots.
 */
function scopeTreeOf(documents: ParsedDocument[], model: EconomicModel): ScopeTree {
  const quads = documents.flatMap((document) => document.quads);
  const networks = new Set(quads
    .filter((quad) => quad.object.termType === 'NamedNode' &&
      (quad.predicate.equals(ORG.hasMember) || quad.predicate.equals(ORG.organization)))
    .map((quad) => (quad.predicate.equals(ORG.hasMember) ? quad.subject.value : quad.object.value)));
  const memberships: Membership[] = [...networks].flatMap((network) =>
    documents.flatMap((document) => readMemberships(network, document.quads, document.source)));
  const members = new Set(memberships.map((membership) => membership.member));
  const roots = [...networks].filter((network) => !members.has(network));
  return new ScopeTree({ roots, memberships, quads, model });
}
