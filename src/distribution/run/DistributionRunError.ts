/**
 * Raised when a committed run cannot be written: its payouts and undistributed amount do not add
 * up to its amount, it names no distributing agent, or its document exists already.
 */
export class DistributionRunError extends Error {
  public constructor(message: string, public readonly run?: string) {
    super(message);
    this.name = 'DistributionRunError';
  }
}
