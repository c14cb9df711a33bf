import assert from 'node:assert/strict';
import { pino } from 'pino';
import { GroupedLogger } from '../../src/util/index.js';

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** Creates a pino logger that writes parsed lines into an array, and a clock the test moves. */
function capture(): { lines: LogLine[]; grouped: GroupedLogger; clock: { now: number } } {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'info', base: undefined, timestamp: false }, {
    write: (text: string) => {
      lines.push(JSON.parse(text) as LogLine);
    },
  });
  const clock = { now: Date.parse('2026-12-04T10:00:00.000Z') };
  const grouped = new GroupedLogger(logger, { windowMs: 60_000, now: () => clock.now });
  return { lines, grouped, clock };
}

describe('A GroupedLogger', () => {
  it('logs the first line of a repeat at once.', () => {
    const { lines, grouped } = capture();
    grouped.warn({ webId: 'https://a.example/#me' }, 'Pod is down');
    assert.deepEqual(lines, [{ level: 40, webId: 'https://a.example/#me', msg: 'Pod is down' }]);
  });

  it('counts repeats within the window and logs the count after it.', () => {
    const { lines, grouped, clock } = capture();
    for (let minute = 0; minute < 5; minute += 1) {
      clock.now += minute === 0 ? 0 : 10_000;
      grouped.warn({ webId: 'https://a.example/#me', status: 503 }, 'Pod is down');
    }
    assert.equal(lines.length, 1);
    clock.now += 30_000;
    grouped.warn({ webId: 'https://a.example/#me', status: 503 }, 'Pod is down');
    assert.deepEqual(lines.slice(1), [
      {
        level: 40, webId: 'https://a.example/#me', status: 503, repeated: 4,
        firstAt: '2026-12-04T10:00:00.000Z', lastAt: '2026-12-04T10:00:40.000Z',
        msg: 'Pod is down (repeated 4 more times)',
      },
      { level: 40, webId: 'https://a.example/#me', status: 503, msg: 'Pod is down' },
    ]);
  });

  it('keeps lines with different key fields apart.', () => {
    const { lines, grouped } = capture();
    grouped.warn({ webId: 'https://a.example/#me' }, 'Pod is down');
    grouped.warn({ webId: 'https://b.example/#me' }, 'Pod is down');
    grouped.error({ webId: 'https://a.example/#me' }, 'Pod is down');
    assert.deepEqual(lines.map((line) => [line.level, line.webId]), [
      [40, 'https://a.example/#me'], [40, 'https://b.example/#me'], [50, 'https://a.example/#me'],
    ]);
  });

  it('groups by the configured key fields only.', () => {
    const lines: LogLine[] = [];
    const logger = pino({ base: undefined, timestamp: false }, {
      write: (text: string) => lines.push(JSON.parse(text) as LogLine),
    });
    const grouped = new GroupedLogger(logger, { keyFields: ['webId'], now: () => 0 });
    grouped.warn({ webId: 'https://a.example/#me', ms: 10 }, 'Pod is slow');
    grouped.warn({ webId: 'https://a.example/#me', ms: 12 }, 'Pod is slow');
    assert.equal(lines.length, 1);
  });

  it('logs the counts of ended groups on the next line of another group.', () => {
    const { lines, grouped, clock } = capture();
    grouped.warn({ webId: 'https://a.example/#me' }, 'Pod is down');
    grouped.warn({ webId: 'https://a.example/#me' }, 'Pod is down');
    clock.now += 60_000;
    grouped.info({ pods: 2 }, 'Crawl finished');
    assert.deepEqual(lines.map((line) => line.msg), [
      'Pod is down', 'Pod is down (repeated 1 more time)', 'Crawl finished',
    ]);
  });

  it('logs open counts on flush and none twice.', () => {
    const { lines, grouped } = capture();
    grouped.warn({ url: 'https://a.example/x' }, 'Notification socket closed');
    grouped.warn({ url: 'https://a.example/x' }, 'Notification socket closed');
    grouped.warn({ url: 'https://a.example/x' }, 'Notification socket closed');
    grouped.flush();
    grouped.flush();
    assert.deepEqual(lines.map((line) => [line.msg, line.repeated]), [
      ['Notification socket closed', undefined], ['Notification socket closed (repeated 2 more times)', 2],
    ]);
  });
});
