import { problem } from '../model/index.js';
import type { Problem } from '../model/index.js';

/** One kind of rewrite: how to phrase its summary, given the total count and the listed rewrites. */
interface TallyKind {
  summary: (count: number) => string;
  counts: Map<string, number>;
}

/**
 * Counts the rewrites of one document by kind, so that each kind becomes one warning with a
 * count and the list of distinct rewrites, instead of one warning per quad.
 */
export class NormalizationTally {
  private readonly kinds = new Map<string, TallyKind>();

  /** Counts one rewrite of the kind `key`, described by `detail` such as `[a] to [b]`,
   * or by an empty string when the summary says everything. */
  public count(key: string, summary: (count: number) => string, detail: string): void {
    let kind = this.kinds.get(key);
    if (kind === undefined) {
      kind = { summary, counts: new Map() };
      this.kinds.set(key, kind);
    }
    kind.counts.set(detail, (kind.counts.get(detail) ?? 0) + 1);
  }

  /** Returns one warning per kind, in the order the kinds were first seen. */
  public problems(source: string): Problem[] {
    return [...this.kinds.values()].map((kind) => {
      const total = [...kind.counts.values()].reduce((sum, count) => sum + count, 0);
      const details = [...kind.counts.entries()]
        .filter(([detail]) => detail !== '')
        .map(([detail, count]) => `${detail} (${count})`);
      const message = details.length === 0 ? kind.summary(total) : `${kind.summary(total)}: ${details.join(', ')}`;
      return problem('warning', message, { source });
    });
  }
}
