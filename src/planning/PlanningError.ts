/**
 * Thrown when a plan cannot be built as requested: an unknown recipe or specification, a recipe
 * cycle, a duration in a unit that has no exact length, an invalid demand. The message states what
 * was expected and what arrived. `subject` is the IRI the error is about, when there is one.
 */
export class PlanningError extends Error {
  public readonly subject: string | undefined;

  public constructor(message: string, subject?: string) {
    super(message);
    this.name = 'PlanningError';
    this.subject = subject;
  }
}
