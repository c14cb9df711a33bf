import assert from 'node:assert/strict';
import { InvalidParameterError } from '../../../src/service/api/ApiProblem.js';
import { paginate, StaleCursorError } from '../../../src/service/api/paginate.js';

const ITEMS = ['a', 'b', 'c'];
const identity = (item: string): string => item;

function cursorAfter(id: string): string {
  return Buffer.from(JSON.stringify({ after: id })).toString('base64url');
}

describe('The paginate function', () => {
  it('continues after the item a cursor names.', () => {
    const first = paginate(ITEMS, identity, 2);
    assert.deepEqual(first.items, ['a', 'b']);
    assert.equal(first.nextCursor, cursorAfter('b'));
    const second = paginate(ITEMS, identity, 2, first.nextCursor ?? undefined);
    assert.deepEqual(second.items, ['c']);
    assert.equal(second.nextCursor, null);
  });

  it('echoes a short garbage cursor in full.', () => {
    assert.throws(() => paginate(ITEMS, identity, 2, 'bm90LWpzb24'), (error: unknown) => {
      assert.ok(error instanceof InvalidParameterError);
      assert.equal(error.parameter, 'cursor');
      assert.equal(error.message, 'Expected [cursor] to be the cursor of a previous page, got [bm90LWpzb24]');
      return true;
    });
  });

  it('cuts a long garbage cursor to 64 characters.', () => {
    const garbage = 'x'.repeat(12 * 1024);
    assert.throws(() => paginate(ITEMS, identity, 2, garbage), (error: unknown) => {
      assert.ok(error instanceof InvalidParameterError);
      assert.equal(error.message, `Expected [cursor] to be the cursor of a previous page, got [${'x'.repeat(64)}…]`);
      return true;
    });
  });

  it('cuts a crafted item id of a stale cursor to 512 characters.', () => {
    const id = `https://gone.example/${'y'.repeat(4000)}`;
    assert.throws(() => paginate(ITEMS, identity, 2, cursorAfter(id)), (error: unknown) => {
      assert.ok(error instanceof StaleCursorError);
      assert.equal(error.status, 410);
      assert.ok(error.message.startsWith(`The item [${id.slice(0, 512)}…] this cursor continues after`), error.message);
      return true;
    });
  });
});
