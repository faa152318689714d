// The check for "Clear the timer when the client goes": your server, real EventSource and fetch clients.
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
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
    expect(res.status, 'GET /countdown should answer 200').toBe(200);
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
    source.addEventListener('error', () => reject(new Error('the EventSource failed')), {
      once: true,
    });
  });
}

it('counts down from 10 to 0 for a client that stays', async () => {
  const reading = readCountdown();
  // 11 numbers, 300 ms apart.
  await expect
    .poll(() => reading.failure ?? reading.counts, {
      timeout: 6000,
      message: 'A client that stays should get every number, 10 to 0',
    })
    .toEqual(COUNTDOWN);
});

it("stops a countdown's timer when its client goes away", async () => {
  const before = liveTimers();
  const clients = await Promise.all(Array.from({ length: CLIENTS }, openAndWaitForFirst));
  expect(
    liveTimers() - before,
    `While ${CLIENTS} countdowns run, the server should hold a timer for each`,
  ).toBeGreaterThanOrEqual(CLIENTS - 2);

  for (const source of clients) source.close();
  // The server hears of each close within milliseconds. A countdown left running goes on for
  // about 3 s, so a second is enough to tell them apart.
  await expect
    .poll(() => liveTimers() - before, {
      timeout: 1000,
      message:
        `${CLIENTS} clients closed their EventSource, and 1 s later the server still held more ` +
        'timers than before they came: each countdown goes on scheduling its next number for a ' +
        "client that is gone. Clear the response's timer when it closes",
    })
    .toBeLessThanOrEqual(2);
});

it('keeps counting for a client that stays while another leaves', async () => {
  const leaving = await openAndWaitForFirst();
  const staying = readCountdown();
  await expect
    .poll(() => staying.counts.length, { message: 'A second client should get its first number' })
    .toBeGreaterThan(0);
  // The second client's timer is the newest now: a timer shared by all responses is its timer.
  leaving.close();
  // The rest of the countdown takes about 3 s.
  await expect
    .poll(() => staying.failure ?? staying.counts, {
      timeout: 6000,
      message:
        'One client left mid-countdown: the other should still get every number, 10 to 0. ' +
        'Keep a timer per response, not one shared by all',
    })
    .toEqual(COUNTDOWN);
});
