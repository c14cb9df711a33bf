/**
 * A value equation that cannot be read, checked or evaluated: a missing or invalid term, a formula
 * that does not parse or uses an undeclared variable, a division by zero, or buckets that
 * allocate more than the amount. The message names the node and the value found.
 */
export class ValueEquationError extends Error {
  /**
   * @param message - What was expected and what was found, values in square brackets.
   * @param subject - IRI or blank node key of the equation, bucket or rule the error is about.
   */
  public constructor(message: string, public readonly subject: string | null = null) {
    super(message);
    this.name = 'ValueEquationError';
  }
}
