import type { Period, Scope } from '../../views/index.js';

/** Builds the absolute links of API responses, so a client can follow every figure to its events. */
export class ApiLinks {
  /** `base` is the service's origin, such as `http://127.0.0.1:3000`, without a trailing slash. */
  public constructor(private readonly base: string) {}

  /** Returns the link of a scope's view for the period. */
  public view(scope: Pick<Scope, 'id' | 'kind'>, period: Period): string {
    return this.url(`/api/views/${scope.kind}`, { id: scope.id, ...bounds(period) });
  }

  /** Returns the link listing the events of a scope's view, or only those behind one figure. */
  public events(scope: Pick<Scope, 'id' | 'kind'>, period: Period, figure?: string): string {
    return this.url(`/api/views/${scope.kind}/events`, { id: scope.id, ...bounds(period), figure });
  }

  /** Returns the link listing the processes of a scope's view for the period. */
  public processes(scope: Pick<Scope, 'id' | 'kind'>, period: Period): string {
    return this.url(`/api/views/${scope.kind}/processes`, { id: scope.id, ...bounds(period) });
  }

  /** Returns the link of one event with its source document. */
  public event(id: string): string {
    return this.url('/api/events', { id });
  }

  /** Returns the link of a later page of the same list. */
  public page(path: string, query: Record<string, string | undefined>, cursor: string): string {
    return this.url(path, { ...query, cursor });
  }

  /** Returns a URL of the service with query parameters, leaving out absent ones. */
  public url(path: string, query: Record<string, string | undefined> = {}): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) {
        search.set(name, value);
      }
    }
    const text = search.toString();
    return `${this.base}${path}${text === '' ? '' : `?${text}`}`;
  }
}

function bounds(period: Period): { from?: string; to?: string; scope?: string } {
  return { from: period.fromText ?? undefined, to: period.toText ?? undefined, scope: period.scope ?? undefined };
}
