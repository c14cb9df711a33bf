/** Gives back a slot taken with {@link OriginLimiter.acquire}; calling it again does nothing. */
export type ReleaseSlot = () => void;

/**
 * A counting semaphore per origin: at most `maxPerOrigin` holders at once for each origin, the
 * others wait in arrival order. A released slot passes straight to the next waiter.
 */
export class OriginLimiter {
  private readonly maxPerOrigin: number;
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  public constructor(maxPerOrigin: number) {
    if (!Number.isInteger(maxPerOrigin) || maxPerOrigin < 1) {
      throw new RangeError(`Expected a positive integer for requests per origin, got [${maxPerOrigin}]`);
    }
    this.maxPerOrigin = maxPerOrigin;
  }

  /** Waits for a free slot of `origin` and returns the function that gives it back. */
  public async acquire(origin: string): Promise<ReleaseSlot> {
    const count = this.active.get(origin) ?? 0;
    if (count < this.maxPerOrigin) {
      this.active.set(origin, count + 1);
    } else {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(origin) ?? [];
        queue.push(resolve);
        this.waiting.set(origin, queue);
      });
    }
    let released = false;
    return (): void => {
      if (!released) {
        released = true;
        this.release(origin);
      }
    };
  }

  /** Returns the number of slots of `origin` in use. */
  public activeCount(origin: string): number {
    return this.active.get(origin) ?? 0;
  }

  private release(origin: string): void {
    const queue = this.waiting.get(origin);
    const next = queue?.shift();
    if (queue !== undefined && queue.length === 0) {
      this.waiting.delete(origin);
    }
    if (next !== undefined) {
      next();
      return;
    }
    const count = (this.active.get(origin) ?? 1) - 1;
    if (count === 0) {
      this.active.delete(origin);
    } else {
      this.active.set(origin, count);
    }
  }
}
