/**
 * Thrown when the fields of an event to record are invalid, before anything is written to the
 * pod. The message names the field and the value that arrived.
 */
export class EventInputError extends RangeError {
  /** Name of the {@link EventInput} field that failed the check. */
  public readonly field: string;

  public constructor(field: string, message: string) {
    super(message);
    this.name = 'EventInputError';
    this.field = field;
  }
}
