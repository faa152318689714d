// The check for "A long poll that waits": your server, in this process, and real fetch
// clients that publish, wait and walk away.
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FeedAnswer, FeedStats } from './feed.ts';

/** Short enough for a quick check, long enough to tell "held" from "answered at once". */
const TIMEOUT_MS = 3000;

let server: RunningChapter;

beforeAll(async () => {
  server = await startUnderCheck(import.meta.dirname, { LONG_POLL_TIMEOUT_MS: String(TIMEOUT_MS) });
});
afterAll(async () => {
  await server?.close();
});

/** Publishes one message; resolves with its seq. */
async function publish(text: string): Promise<number> {
  const res = await fetch(`${server.url}/feed`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  expect(res.status, `POST /feed should publish "${text}"`).toBe(201);
  return ((await res.json()) as { seq: number }).seq;
}

/** One long poll: its answer and how long it took, in ms. */
async function longPoll(after: number, signal?: AbortSignal) {
  const started = performance.now();
  const res = await fetch(`${server.url}/feed/long-poll?after=${after}`, {
    ...(signal ? { signal } : {}),
  });
  const body = (await res.json()) as FeedAnswer & { error?: string };
  return { status: res.status, body, ms: Math.round(performance.now() - started) };
}

/** `GET /feed/stats`: how many messages are out, and how many long polls are waiting. */
async function stats(): Promise<FeedStats> {
  const res = await fetch(`${server.url}/feed/stats`);
  return (await res.json()) as FeedStats;
}
const waiting = async () => (await stats()).waiting;
/** The newest seq: a cursor with nothing after it. */
const newest = async () => (await stats()).published;

/** The timers pending in this process, where your server runs: each held poll has one. */
const pendingTimers = () =>
  process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

const texts = (answer: FeedAnswer) => answer.messages.map((message) => message.text);

/** Whether `promise` has settled after `ms`. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const late = Symbol('late');
  const timer = new Promise((resolve) => setTimeout(() => resolve(late), ms));
  return (await Promise.race([promise.then(() => true), timer])) !== late;
}

it('answers at once when there is news after the cursor', async () => {
  const after = await newest();
  await publish('first news');
  const { status, body, ms } = await longPoll(after);
  expect(
    status,
    `GET /feed/long-poll?after=${after} should answer 200, not ${status} ${body.error ?? ''}`,
  ).toBe(200);
  expect(
    texts(body),
    `With after=${after}, the answer should hold the message just published`,
  ).toEqual(['first news']);
  expect(ms, 'News was waiting already: the answer should come at once').toBeLessThan(1000);
});

it('holds the request while nothing is new, then answers with the news', async () => {
  const after = await newest();
  const poll = longPoll(after);
  const early = await settledWithin(poll, 400);
  const { body: earlyBody } = early ? await poll : { body: { messages: [] } };
  expect(
    early,
    `Nothing is newer than after=${after}, yet the long poll answered at once with ${JSON.stringify(earlyBody)}. Hold the request until news arrives.`,
  ).toBe(false);
  const publishedAt = performance.now();
  await publish('second news');
  const { body } = await poll;
  expect(
    texts(body),
    'The held request should be answered with the message just published',
  ).toEqual(['second news']);
  expect(
    performance.now() - publishedAt,
    'The held request should be answered as soon as the news is published, not at the timeout',
  ).toBeLessThan(TIMEOUT_MS / 2);
});

it('answers every waiting client once, then lets go of them', async () => {
  const timersBefore = pendingTimers();
  const after = await newest();
  const polls = [longPoll(after), longPoll(after), longPoll(after)];
  await expect
    .poll(waiting, {
      message:
        "Three clients are long-polling with nothing new: GET /feed/stats should count 3 waiting (one feed.on('message', …) listener each)",
    })
    .toBe(3);
  await publish('third news');
  const answers = await Promise.all(polls);
  for (const { body } of answers)
    expect(texts(body), 'Every waiting client should get the news').toEqual(['third news']);
  expect(
    await waiting(),
    "Once answered, a long poll is over: remove its listener (feed.off('message', …)), or the next message answers it again",
  ).toBe(0);
  expect(
    pendingTimers(),
    'Once answered with news, each long poll should clear its timeout (clearTimeout), or it fires later and answers again',
  ).toBeLessThanOrEqual(timersBefore);
});

it(`answers with no messages after LONG_POLL_TIMEOUT_MS (${TIMEOUT_MS} ms here) when nothing comes`, async () => {
  const { status, body, ms } = await longPoll(await newest());
  expect(status, `The long poll should answer 200, not ${status} ${body.error ?? ''}`).toBe(200);
  expect(
    ms,
    `With nothing new, the long poll should wait about ${TIMEOUT_MS} ms (LONG_POLL_TIMEOUT_MS) before it answers`,
  ).toBeGreaterThan(TIMEOUT_MS * 0.9);
  expect(body, 'At the timeout, the answer should be { messages: [] }').toEqual({ messages: [] });
  expect(
    await waiting(),
    "A long poll answered at the timeout should remove its listener (feed.off('message', …))",
  ).toBe(0);
});

it('lets go of clients that leave while they wait', async () => {
  const timersBefore = pendingTimers();
  const leaving = new AbortController();
  const after = await newest();
  const polls = [1, 2, 3].map(() => longPoll(after, leaving.signal).catch(() => undefined));
  await expect
    .poll(waiting, { message: 'GET /feed/stats should count the 3 clients waiting' })
    .toBe(3);
  leaving.abort();
  await Promise.all(polls);
  // Well before the timeout, so a timer that was not cleared is still pending.
  await expect
    .poll(waiting, {
      timeout: TIMEOUT_MS / 3,
      message:
        "Three clients went away: each should be let go of (res.on('close', …) and feed.off), GET /feed/stats should count 0 waiting",
    })
    .toBe(0);
  await expect
    .poll(pendingTimers, {
      timeout: TIMEOUT_MS / 3,
      message: 'Three clients went away: their timeout timers should be cleared (clearTimeout)',
    })
    .toBeLessThanOrEqual(timersBefore);
});
