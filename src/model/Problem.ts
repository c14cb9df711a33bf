/** How serious a {@link Problem} is: an error means a figure could not be computed as recorded. */
export type Severity = 'error' | 'warning';

/**
 * A finding about the input that did not stop the computation: a normalized legacy term,
 * a unit mismatch, a reference to a missing resource. Problems are reported, never thrown.
 */
export interface Problem {
  severity: Severity;
  /** A sentence saying what was expected and what was found. */
  message: string;
  /** IRI of the node the problem is about, or null when it concerns a whole document. */
  subject: string | null;
  /** URL or file path of the document the problem was found in, or null when unknown. */
  source: string | null;
}

/** Builds a {@link Problem}, filling absent subject and source with null. */
export function problem(
  severity: Severity,
  message: string,
  where: { subject?: string | null; source?: string | null } = {},
): Problem {
  return { severity, message, subject: where.subject ?? null, source: where.source ?? null };
}
