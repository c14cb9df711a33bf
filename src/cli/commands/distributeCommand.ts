import type { Command } from 'commander';
import {
  ContributionDeriver, distribute, distributionToJson, distributionToText, equationQuads, MAX_SCALE, readPriceList,
  readScopeParents, ValueEquationError, ValueEquationReader,
} from '../../distribution/index.js';
import type { DistributionResult, ValueEquation } from '../../distribution/index.js';
import { parseDecimal } from '../../model/index.js';
import type { Decimal } from '../../model/index.js';
import type { ParsedDocument } from '../../rdf/index.js';
import { ShapeValidator } from '../../validation/index.js';
import type { CliIo } from '../CliIo.js';
import { CommandFailedError, ExitCode } from '../CliIo.js';
import { loadModelFromFiles } from '../loadModelFromFiles.js';

/** Options of `oce distribute` as commander parses them. */
interface DistributeOptions {
  equation: string;
  amount: string;
  currency?: string;
  scale: string;
  json?: boolean;
}

/**
 * Adds `oce distribute --equation IRI --amount DEC [--currency IRI] [--scale N] [--json] FILE...`:
 * a dry run of a value equation over the contributions in local RDF files. An invalid option value
 * exits 2. An equation that fails its shapes or is rejected by the engine exits 1 with the reason
 * on standard error.
 */
export function addDistributeCommand(program: Command, io: CliIo): void {
  program
    .command('distribute')
    .description('split an amount among contributors by a value equation (a dry run that explains every payout)')
    .argument('<files...>', 'RDF files with the equation, the events and the prices, in any format oce reads')
    .requiredOption('--equation <iri>', 'IRI of the oce:ValueEquation to run')
    .requiredOption('--amount <decimal>', 'amount to distribute, such as 1000.00')
    .option('--currency <iri>', 'IRI of the currency\'s resource specification; money in it counts at face value')
    .option('--scale <digits>', 'digits after the decimal point of the currency\'s minor unit', '2')
    .option('--json', 'print the result as JSON instead of a table')
    .action(async (files: string[], options: DistributeOptions) => {
      const result = await runDistribution(files, options);
      const json = distributionToJson(result);
      io.stdout(options.json ? JSON.stringify(json, null, 2) : distributionToText(json));
    });
}

async function runDistribution(files: string[], options: DistributeOptions): Promise<DistributionResult> {
  const scale = parseScale(options.scale);
  const amount = parseAmount(options.amount, scale);
  parseIri('--equation', options.equation, 'the IRI of an oce:ValueEquation');
  if (options.currency !== undefined) {
    parseIri('--currency', options.currency, 'the IRI of the currency\'s resource specification');
  }
  const { documents, model } = await loadModelFromFiles(files);
  await checkShapes(documents);
  const quads = documents.flatMap((document) => document.quads);
  try {
    const reader = new ValueEquationReader(quads);
    const equation = reader.read(options.equation);
    const prices = readPriceList(quads);
    const contributions = new ContributionDeriver(model, { network: equation.equationOf, prices }).derive();
    const subEquations = subEquationsOf(reader, equation);
    const result = distribute(equation, amount, {
      contributions, currency: options.currency ?? null, scale, scopeParents: readScopeParents(quads),
      subEquations: subEquations.equations,
    });
    checkAmbiguous(result, subEquations.ambiguous);
    return result;
  } catch (error: unknown) {
    if (error instanceof ValueEquationError) {
      throw new CommandFailedError(`The value equation was rejected: ${error.message}`);
    }
    throw error;
  }
}

/** Checks every equation in the files against the shapes; any error stops the command. */
async function checkShapes(documents: ParsedDocument[]): Promise<void> {
  const validator = await ShapeValidator.load();
  const errors: string[] = [];
  for (const document of documents) {
    const quads = equationQuads(document.quads);
    if (quads.length > 0) {
      const problems = await validator.validate(quads, document.source);
      errors.push(...problems.filter((found) => found.severity === 'error')
        .map((found) => `${document.source}: ${found.message}`));
    }
  }
  if (errors.length > 0) {
    throw new CommandFailedError(`The value equations violate their shapes:\n${errors.join('\n')}`);
  }
}

/** Equations of sub-networks by agent, and the agents with more than one equation. */
interface SubEquations {
  equations: Map<string, ValueEquation>;
  ambiguous: Map<string, string[]>;
}

/**
 * Returns the equation of each other agent that one equation in the files is `oce:equationOf`,
 * for sub-networks that receive a share, and the agents that several equations name.
 */
function subEquationsOf(reader: ValueEquationReader, top: ValueEquation): SubEquations {
  const byAgent = new Map<string, ValueEquation[]>();
  for (const id of reader.equationIds()) {
    const equation = id === top.id ? top : reader.read(id);
    if (equation.equationOf !== null && equation.equationOf !== top.equationOf) {
      byAgent.set(equation.equationOf, [...byAgent.get(equation.equationOf) ?? [], equation]);
    }
  }
  const result: SubEquations = { equations: new Map(), ambiguous: new Map() };
  for (const [agent, equations] of byAgent) {
    if (equations.length === 1) {
      result.equations.set(agent, equations[0] as ValueEquation);
    } else {
      result.ambiguous.set(agent, equations.map((equation) => equation.id));
    }
  }
  return result;
}

/** Rejects a run that paid an agent whose equation is ambiguous, since it would run none of them. */
function checkAmbiguous(result: DistributionResult, ambiguous: Map<string, string[]>): void {
  const paid = result.buckets.flatMap((bucket) => bucket.lines).filter((line) => line.payout.greaterThan(0));
  const agent = paid.map((line) => line.agent).find((each) => ambiguous.has(each));
  if (agent !== undefined) {
    const list = (ambiguous.get(agent) ?? []).map((id) => `[${id}]`).join(', ');
    throw new ValueEquationError(`Sub-network [${agent}] receives a share but has several value equations ` +
      `${list}; keep one per agent in the files given`, agent);
  }
  result.subDistributions.forEach((sub) => checkAmbiguous(sub.result, ambiguous));
}

/**
 * Reads `--amount`: a decimal of 0 or more with at most `scale` decimal places, because every
 * payout is a whole number of the currency's minor units. Anything else is a usage error.
 */
function parseAmount(text: string, scale: number): Decimal {
  let amount: Decimal | undefined;
  try {
    amount = parseDecimal(text);
  } catch {
    amount = undefined;
  }
  if (amount === undefined || amount.isNegative() || amount.decimalPlaces() > scale) {
    throw new CommandFailedError(`Invalid --amount: expected a decimal of 0 or more with at most ${scale} ` +
      `decimal places, such as 1000.00, got [${text}]`, ExitCode.usage);
  }
  return amount;
}

/** Checks that an option is an absolute IRI; anything else is a usage error. */
function parseIri(option: string, text: string, expected: string): void {
  if (!URL.canParse(text) || /\s/u.test(text)) {
    throw new CommandFailedError(`Invalid ${option}: expected ${expected}, an absolute IRI, got [${text}]`, ExitCode.usage);
  }
}

function parseScale(text: string): number {
  const scale = Number(text);
  if (!/^\d{1,2}$/u.test(text) || scale > MAX_SCALE) {
    throw new CommandFailedError(`Invalid --scale: expected a whole number of digits from 0 to ${MAX_SCALE}, got [${text}]`,
      ExitCode.usage);
  }
  return scale;
}
