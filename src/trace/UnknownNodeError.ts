/**
 * Thrown when a trace or track starts from an IRI that is not an economic event, resource or
 * process of the model. A resource or process counts when some event refers to it, even if no
 * document describes it.
 */
export class UnknownNodeError extends Error {
  public constructor(public readonly iri: string) {
    super(`No economic event, resource or process has the IRI [${iri}]; ` +
      'expected the IRI of one that the loaded data states or that an event refers to.');
    this.name = 'UnknownNodeError';
  }
}
