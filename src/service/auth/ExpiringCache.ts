/**
 * A map whose entries expire a fixed time after they were set, holding at most `maxEntries`:
 * setting one more drops the oldest. Expired entries are dropped when read, so no timer runs.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  public constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  /** Returns the value stored under `key`, or undefined when none is stored or it expired. */
  public get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      return undefined;
    }
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores `value` under `key` for the cache's time to live. */
  public set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Forgets the value under `key`. */
  public delete(key: string): void {
    this.entries.delete(key);
  }
}
