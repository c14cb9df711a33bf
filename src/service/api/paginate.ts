import { ApiError, InvalidParameterError } from './ApiProblem.js';
import { echoValue } from './echoValue.js';

/** The number of items on a page when the request names no `limit`. */
export const DEFAULT_PAGE_SIZE = 100;

/** The largest `limit` a caller may ask for. */
export const MAX_PAGE_SIZE = 1000;

/** One page of a list: its items, and the cursor of the next page or null on the last. */
export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** Max length of an item id in a problem detail: longer than real IRIs, shorter than a crafted cursor. */
const MAX_IRI_ECHO_LENGTH = 512;

/** Raised when a cursor's item has left the list, because a crawl changed the data since. */
export class StaleCursorError extends ApiError {
  public constructor(after: string) {
    super(410, 'stale-cursor', 'Gone', `The item [${echoValue(after, MAX_IRI_ECHO_LENGTH)}] this cursor continues after is no longer in the list, ` +
      'because the data changed since the previous page; start again without a cursor', 'cursor');
    this.name = 'StaleCursorError';
  }
}

/** Reads the `limit` parameter: a whole number from 1 to {@link MAX_PAGE_SIZE}. */
export function parseLimit(text: string | undefined): number {
  if (text === undefined || text === '') {
    return DEFAULT_PAGE_SIZE;
  }
  const limit = /^\d{1,7}$/u.test(text) ? Number(text) : Number.NaN;
  if (!(limit >= 1 && limit <= MAX_PAGE_SIZE)) {
    throw new InvalidParameterError('limit', `Expected [limit] to be a whole number from 1 to ${MAX_PAGE_SIZE}, got [${text}]`);
  }
  return limit;
}

function decodeCursor(cursor: string): string {
  let after: unknown;
  try {
    after = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown }).after;
  } catch {
    after = undefined;
  }
  if (typeof after !== 'string') {
    throw new InvalidParameterError('cursor', `Expected [cursor] to be the cursor of a previous page, got [${
      echoValue(cursor)}]`);
  }
  return after;
}

/**
 * Returns the page of `items` after the item the cursor names (by id), holding up to `limit`
 * items. Cursors name an item rather than a position, so a page never repeats or skips an item
 * when other items were added before it; when the named item is gone, a {@link StaleCursorError}.
 */
export function paginate<T>(items: readonly T[], idOf: (item: T) => string, limit: number, cursor?: string): Page<T> {
  let start = 0;
  if (cursor !== undefined && cursor !== '') {
    const after = decodeCursor(cursor);
    const index = items.findIndex((item) => idOf(item) === after);
    if (index < 0) {
      throw new StaleCursorError(after);
    }
    start = index + 1;
  }
  const page = items.slice(start, start + limit);
  const last = page.at(-1);
  const more = start + limit < items.length && last !== undefined;
  return {
    items: page,
    total: items.length,
    nextCursor: more ? Buffer.from(JSON.stringify({ after: idOf(last) })).toString('base64url') : null,
  };
}
