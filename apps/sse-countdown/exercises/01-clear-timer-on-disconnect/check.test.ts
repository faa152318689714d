// The check for "Clear the timer when the client goes": your server, real EventSource and fetch clients.
import type { RunningChapter } from '@course/kit';
import { say, startUnderCheck } from '@course/kit/exercise-check';
import { EventSource } from 'eventsource';
import { createParser } from 'eventsource-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';

/** What the countdown sends, number by number. */
const COUNTDOWN = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
/** How many clients come and go in the cleanup step. */
const CLIENTS = 10;

let server: RunningChapter;
const sources: EventSource[] = [];
const reads: AbortController[] = [];

beforeAll(async () => {
  // 300 ms a number: a countdown lasts about 3 s, long enough to leave in the middle of one.
  server = await startUnderCheck(import.meta.dirname, { COUNTDOWN_INTERVAL_MS: '300' });
});
afterAll(async () => {
  for (const source of sources) source.close();
  for (const read of reads) read.abort();
  await server?.close();
});

/** How many timers (setTimeout, setInterval) this process holds: the server runs in it too. */
const liveTimers = (): number =>
  process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

/** A read of /countdown: the `cnt` of each event as it arrives, or why the read failed. */
interface Reading {
  counts: number[];
  failure?: string;
}

/** Reads /countdown with fetch, filling in the returned reading as events arrive. */
function readCountdown(): Reading {
  const reading: Reading = { counts: [] };
  const parser = createParser({
    onEvent: (event) => reading.counts.push((JSON.parse(event.data) as { cnt: number }).cnt),
  });
  const abort = new AbortController();
  reads.push(abort);
  const read = (async () => {
    const res = await fetch(`${server.url}/countdown`, { signal: abort.signal });
    expect(
      res.status,
      say({ en: 'GET /countdown should answer 200', ko: 'GET /countdown은 200으로 답해야 합니다' }),
    ).toBe(200);
    const decoder = new TextDecoder();
    for await (const chunk of res.body ?? []) parser.feed(decoder.decode(chunk, { stream: true }));
  })();
  read.catch((error: Error) => {
    // A read stopped by afterAll is not a failure.
    if (!abort.signal.aborted) reading.failure = error.message;
  });
  return reading;
}

/** Opens an EventSource on /countdown and resolves once its first number has arrived. */
function openAndWaitForFirst(): Promise<EventSource> {
  const source = new EventSource(`${server.url}/countdown`);
  sources.push(source);
  return new Promise((resolve, reject) => {
    source.addEventListener('message', () => resolve(source), { once: true });
    source.addEventListener(
      'error',
      () =>
        reject(new Error(say({ en: 'the EventSource failed', ko: 'EventSource가 실패했습니다' }))),
      {
        once: true,
      },
    );
  });
}

it(
  say({
    en: 'counts down from 10 to 0 for a client that stays',
    ko: '남아 있는 클라이언트에게 10부터 0까지 센다',
  }),
  async () => {
    const reading = readCountdown();
    // 11 numbers, 300 ms apart.
    await expect
      .poll(() => reading.failure ?? reading.counts, {
        timeout: 6000,
        message: say({
          en: 'A client that stays should get every number, 10 to 0',
          ko: '남아 있는 클라이언트는 10부터 0까지 모든 숫자를 받아야 합니다',
        }),
      })
      .toEqual(COUNTDOWN);
  },
);

it(
  say({
    en: "stops a countdown's timer when its client goes away",
    ko: '클라이언트가 떠나면 그 카운트다운의 타이머를 멈춘다',
  }),
  async () => {
    const before = liveTimers();
    const clients = await Promise.all(Array.from({ length: CLIENTS }, openAndWaitForFirst));
    expect(
      liveTimers() - before,
      say({
        en: `While ${CLIENTS} countdowns run, the server should hold a timer for each`,
        ko: `카운트다운 ${CLIENTS}개가 도는 동안 서버는 카운트다운마다 타이머를 하나씩 갖고 있어야 합니다`,
      }),
    ).toBeGreaterThanOrEqual(CLIENTS - 2);

    for (const source of clients) source.close();
    // The server hears of each close within milliseconds. A countdown left running goes on for
    // about 3 s, so a second is enough to tell them apart.
    await expect
      .poll(() => liveTimers() - before, {
        timeout: 1000,
        message: say({
          en:
            `${CLIENTS} clients closed their EventSource, and 1 s later the server still held more ` +
            'timers than before they came: each countdown goes on scheduling its next number for a ' +
            "client that is gone. Clear the response's timer when it closes",
          ko:
            `클라이언트 ${CLIENTS}개가 EventSource를 닫았는데, 1초 뒤에도 서버는 그들이 오기 전보다 ` +
            '타이머를 더 많이 갖고 있습니다. 카운트다운마다 이미 떠난 클라이언트를 위해 다음 숫자를 계속 ' +
            '예약하고 있습니다. 응답이 닫히면 그 응답의 타이머를 정리하세요',
        }),
      })
      .toBeLessThanOrEqual(2);
  },
);

it(
  say({
    en: 'keeps counting for a client that stays while another leaves',
    ko: '다른 클라이언트가 떠나도 남은 클라이언트에게는 계속 센다',
  }),
  async () => {
    const leaving = await openAndWaitForFirst();
    const staying = readCountdown();
    await expect
      .poll(() => staying.counts.length, {
        message: say({
          en: 'A second client should get its first number',
          ko: '두 번째 클라이언트가 첫 숫자를 받아야 합니다',
        }),
      })
      .toBeGreaterThan(0);
    // The second client's timer is the newest now: a timer shared by all responses is its timer.
    leaving.close();
    // The rest of the countdown takes about 3 s.
    await expect
      .poll(() => staying.failure ?? staying.counts, {
        timeout: 6000,
        message: say({
          en:
            'One client left mid-countdown: the other should still get every number, 10 to 0. ' +
            'Keep a timer per response, not one shared by all',
          ko:
            '클라이언트 하나가 카운트다운 도중에 떠났어도 다른 클라이언트는 10부터 0까지 모든 숫자를 받아야 합니다. ' +
            '모든 응답이 함께 쓰는 타이머 하나가 아니라 응답마다 타이머를 두세요',
        }),
      })
      .toEqual(COUNTDOWN);
  },
);
