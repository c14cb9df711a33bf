/** Thrown when a trace or track option has a value outside its range; names the option and the value. */
export class InvalidTraceOptionError extends Error {
  public constructor(
    public readonly option: string,
    public readonly value: unknown,
    expected: string,
  ) {
    super(`Invalid trace option ${option}: expected ${expected}, got [${String(value)}].`);
    this.name = 'InvalidTraceOptionError';
  }
}
