/**
 * The `jti` values of DPoP proofs seen recently, so that each proof is accepted once (RFC 9449,
 * section 11.1). A proof is only accepted while it is young, so a value needs keeping only until
 * its proof would be rejected as too old anyway. Values are pruned oldest first when a new one is
 * claimed, so no timer runs.
 */
export class DpopReplayCache {
  private readonly expiries = new Map<string, number>();

  public constructor(
    private readonly maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Records `jti` until `keepUntil` (epoch milliseconds). Returns false when it was recorded before
   * and has not expired, which means the proof is a replay.
   */
  public claim(jti: string, keepUntil: number): boolean {
    this.prune();
    const seenUntil = this.expiries.get(jti);
    if (seenUntil !== undefined && seenUntil > this.now()) {
      return false;
    }
    this.expiries.set(jti, keepUntil);
    // NOTE: past maxEntries proofs still young are dropped oldest first, so a replay of one of them
    // would pass. With the default 100 000 and a 180 s window that takes over 500 proofs a second.
    if (this.expiries.size > this.maxEntries) {
      this.expiries.delete(this.expiries.keys().next().value as string);
    }
    return true;
  }

  /** Number of values recorded, expired ones not yet pruned included. */
  public get size(): number {
    return this.expiries.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [jti, keepUntil] of this.expiries) {
      if (keepUntil > now) {
        return;
      }
      this.expiries.delete(jti);
    }
  }
}
