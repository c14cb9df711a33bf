import type { QueryForm } from './detectQueryForm.js';
import type { QueryResult } from './QuadStore.js';
import { toQueryResult } from './TextAnswer.js';
import type { TextAnswer } from './TextAnswer.js';

/**
 * Parses a server's query result like {@link toQueryResult}, and reads an ASK result that arrives as
 * solutions. Virtuoso 7.2.5 returns ASK results in the JSON format with one variable, `__ASK_RETVAL`: one
 * solution with the value 1 means true, no solution means false.
 */
export function toRemoteQueryResult(
  form: QueryForm | undefined,
  answer: TextAnswer,
  maxResults?: number,
): QueryResult {
  const result = toQueryResult(answer, maxResults);
  if (form !== 'ASK' || result.type !== 'bindings') {
    return result;
  }
  const value = result.rows[0]?.values().next().value?.value;
  return { type: 'boolean', value: value !== undefined && value !== '0' && value !== 'false' };
}
