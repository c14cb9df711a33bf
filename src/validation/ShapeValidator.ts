import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, Store } from 'n3';
import type { Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import type { ValidationResult } from 'rdf-validate-shacl/src/validation-report.js';
import { problem } from '../model/index.js';
import type { Problem } from '../model/index.js';
import { compactIri, SH, VF } from '../vocab/index.js';

/** Folder of the project's SHACL shapes, `shapes/` at the repository root. */
const SHAPES_FOLDER = fileURLToPath(new URL('../../shapes/', import.meta.url));

/**
 * Validates documents against the project's SHACL shapes (`shapes/*.ttl`) and turns each
 * validation result into a {@link Problem} that names the node, the property path, the failed
 * constraint, the value found and the rule the shape states.
 */
export class ShapeValidator {
  private constructor(private readonly validator: SHACLValidator) {}

  /** Reads every Turtle file in `shapes/` and returns a validator for them. */
  public static async load(folder: string = SHAPES_FOLDER): Promise<ShapeValidator> {
    const names = (await readdir(folder)).filter((name) => name.endsWith('.ttl')).sort();
    const shapes = new Store();
    for (const name of names) {
      const path = join(folder, name);
      shapes.addQuads(new Parser({ baseIRI: `file://${path}` }).parse(await readFile(path, 'utf8')));
    }
    return new ShapeValidator(new SHACLValidator(shapes));
  }

  /**
   * Validates the quads of one document and returns its problems: sh:Violation results become
   * errors, sh:Warning and sh:Info results warnings. An empty list means the data conforms.
   */
  public async validate(quads: readonly Quad[], source: string): Promise<Problem[]> {
    const data = new Store([...quads]);
    const report = await this.validator.validate(data);
    const owners = blankNodeOwners(quads);
    return report.results.map((result) => toProblem(result, { source, data, owners }));
  }
}

/** The statement that points to a blank node, which names the node in messages. */
interface Owner {
  subject: Quad['subject'];
  predicate: Quad['predicate'];
}

/** Data used to turn a validation result into a readable problem. */
interface ResultContext {
  source: string;
  data: Store;
  owners: Map<string, Owner>;
}

/**
 * Finds, for each blank node, the first statement that points to it (`[event] vf:resourceQuantity`),
 * so that a failed measure can be traced to the event or resource it belongs to.
 */
function blankNodeOwners(quads: readonly Quad[]): Map<string, Owner> {
  const owners = new Map<string, Owner>();
  for (const quad of quads) {
    if (quad.object.termType === 'BlankNode' && !owners.has(quad.object.value)) {
      owners.set(quad.object.value, { subject: quad.subject, predicate: quad.predicate });
    }
  }
  return owners;
}

function toProblem(result: ValidationResult, context: ResultContext): Problem {
  const focusNode = result.focusNode;
  const owner = focusNode.termType === 'BlankNode' ? context.owners.get(focusNode.value) : undefined;
  const focus = owner === undefined ? termText(focusNode) : `${termText(owner.subject)} ${termText(owner.predicate)} /`;
  const path = result.path === null || result.path === undefined ? 'the node' : termText(result.path);
  const constraint = compactIri(result.sourceConstraintComponent.value).replace(/ConstraintComponent$/u, '');
  const rule = result.message.map((message) => message.value).join('; ');
  const message = `${focus} ${path} fails ${constraint}: ${rule === '' ? 'constraint not met' : rule}; ` +
    `found ${foundValues(result, context.data)}`;
  const severity = result.severity.equals(SH.Violation) ? 'error' : 'warning';
  const subjectTerm = owner?.subject ?? focusNode;
  const subject = subjectTerm.termType === 'NamedNode' ? subjectTerm.value : null;
  return problem(severity, message, { subject, source: context.source });
}

/**
 * Returns the value a result names, or for a count constraint, which names none, every value
 * the node has on the path.
 */
function foundValues(result: ValidationResult, data: Store): string {
  if (result.value !== null && result.value !== undefined) {
    return `[${result.value.value}]`;
  }
  const path = result.path;
  if (path === null || path === undefined || path.termType !== 'NamedNode') {
    return 'no value';
  }
  const values = data.getObjects(result.focusNode, path.value, null);
  return values.length === 0 ? 'none' : values.map((value) => `[${value.value}]`).join(', ');
}

/** Writes a term for a message: an IRI in brackets, a blank node as "a blank node". */
function termText(term: { termType: string; value: string }): string {
  if (term.termType === 'BlankNode') {
    return 'a blank node';
  }
  return term.termType === 'NamedNode' && (term.value.startsWith(VF.namespace) || term.value.startsWith(SH.namespace))
    ? compactIri(term.value)
    : `[${term.value}]`;
}
