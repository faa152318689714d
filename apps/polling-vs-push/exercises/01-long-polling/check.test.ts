// The check for "A long poll that waits": your server, in this process, and real fetch
// clients that publish, wait and walk away.
import type { RunningChapter } from '@course/kit';
import { say, startUnderCheck } from '@course/kit/exercise-check';
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
  expect(
    res.status,
    say({
      en: `POST /feed should publish "${text}"`,
      ko: `POST /feed는 "${text}"를 발행해야 합니다`,
    }),
  ).toBe(201);
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

it(
  say({
    en: 'answers at once when there is news after the cursor',
    ko: '커서 다음에 새 소식이 있으면 곧바로 답한다',
  }),
  async () => {
    const after = await newest();
    await publish('first news');
    const { status, body, ms } = await longPoll(after);
    expect(
      status,
      say({
        en: `GET /feed/long-poll?after=${after} should answer 200, not ${status} ${body.error ?? ''}`,
        ko: `GET /feed/long-poll?after=${after}는 ${status} ${body.error ?? ''}가 아니라 200으로 답해야 합니다`,
      }),
    ).toBe(200);
    expect(
      texts(body),
      say({
        en: `With after=${after}, the answer should hold the message just published`,
        ko: `after=${after}이면 응답에 방금 발행한 메시지가 들어 있어야 합니다`,
      }),
    ).toEqual(['first news']);
    expect(
      ms,
      say({
        en: 'News was waiting already: the answer should come at once',
        ko: '새 소식이 이미 기다리고 있었습니다. 응답이 곧바로 와야 합니다',
      }),
    ).toBeLessThan(1000);
  },
);

it(
  say({
    en: 'holds the request while nothing is new, then answers with the news',
    ko: '새로운 것이 없는 동안 요청을 붙잡아 두었다가, 새 소식으로 답한다',
  }),
  async () => {
    const after = await newest();
    const poll = longPoll(after);
    const early = await settledWithin(poll, 400);
    const { body: earlyBody } = early ? await poll : { body: { messages: [] } };
    expect(
      early,
      say({
        en: `Nothing is newer than after=${after}, yet the long poll answered at once with ${JSON.stringify(earlyBody)}. Hold the request until news arrives.`,
        ko: `after=${after}보다 새로운 것이 없는데 롱 폴링이 곧바로 ${JSON.stringify(earlyBody)}로 답했습니다. 새 소식이 올 때까지 요청을 붙잡아 두세요.`,
      }),
    ).toBe(false);
    const publishedAt = performance.now();
    await publish('second news');
    const { body } = await poll;
    expect(
      texts(body),
      say({
        en: 'The held request should be answered with the message just published',
        ko: '붙잡아 둔 요청은 방금 발행한 메시지로 답해야 합니다',
      }),
    ).toEqual(['second news']);
    expect(
      performance.now() - publishedAt,
      say({
        en: 'The held request should be answered as soon as the news is published, not at the timeout',
        ko: '붙잡아 둔 요청은 타임아웃 때가 아니라 새 소식이 발행되자마자 답해야 합니다',
      }),
    ).toBeLessThan(TIMEOUT_MS / 2);
  },
);

it(
  say({
    en: 'answers every waiting client once, then lets go of them',
    ko: '기다리는 클라이언트마다 한 번씩 답하고, 그다음 놓아 준다',
  }),
  async () => {
    const timersBefore = pendingTimers();
    const after = await newest();
    const polls = [longPoll(after), longPoll(after), longPoll(after)];
    await expect
      .poll(waiting, {
        message: say({
          en: "Three clients are long-polling with nothing new: GET /feed/stats should count 3 waiting (one feed.on('message', …) listener each)",
          ko: "새로운 것이 없는 채로 클라이언트 셋이 롱 폴링 중입니다. GET /feed/stats는 기다리는 수를 3으로 세야 합니다(각각 feed.on('message', …) 리스너 하나)",
        }),
      })
      .toBe(3);
    await publish('third news');
    const answers = await Promise.all(polls);
    for (const { body } of answers)
      expect(
        texts(body),
        say({
          en: 'Every waiting client should get the news',
          ko: '기다리던 클라이언트가 모두 새 소식을 받아야 합니다',
        }),
      ).toEqual(['third news']);
    expect(
      await waiting(),
      say({
        en: "Once answered, a long poll is over: remove its listener (feed.off('message', …)), or the next message answers it again",
        ko: "답한 롱 폴링은 끝난 것입니다. 리스너를 제거하세요(feed.off('message', …)). 그러지 않으면 다음 메시지가 또 답합니다",
      }),
    ).toBe(0);
    expect(
      pendingTimers(),
      say({
        en: 'Once answered with news, each long poll should clear its timeout (clearTimeout), or it fires later and answers again',
        ko: '새 소식으로 답한 롱 폴링은 타임아웃을 지워야 합니다(clearTimeout). 그러지 않으면 나중에 타이머가 울려 또 답합니다',
      }),
    ).toBeLessThanOrEqual(timersBefore);
  },
);

it(
  say({
    en: `answers with no messages after LONG_POLL_TIMEOUT_MS (${TIMEOUT_MS} ms here) when nothing comes`,
    ko: `아무것도 오지 않으면 LONG_POLL_TIMEOUT_MS(여기서는 ${TIMEOUT_MS} ms) 뒤에 빈 메시지로 답한다`,
  }),
  async () => {
    const { status, body, ms } = await longPoll(await newest());
    expect(
      status,
      say({
        en: `The long poll should answer 200, not ${status} ${body.error ?? ''}`,
        ko: `롱 폴링은 ${status} ${body.error ?? ''}가 아니라 200으로 답해야 합니다`,
      }),
    ).toBe(200);
    expect(
      ms,
      say({
        en: `With nothing new, the long poll should wait about ${TIMEOUT_MS} ms (LONG_POLL_TIMEOUT_MS) before it answers`,
        ko: `새로운 것이 없으면 롱 폴링은 약 ${TIMEOUT_MS} ms(LONG_POLL_TIMEOUT_MS) 기다린 뒤에 답해야 합니다`,
      }),
    ).toBeGreaterThan(TIMEOUT_MS * 0.9);
    expect(
      body,
      say({
        en: 'At the timeout, the answer should be { messages: [] }',
        ko: '타임아웃 때의 응답은 { messages: [] }여야 합니다',
      }),
    ).toEqual({ messages: [] });
    expect(
      await waiting(),
      say({
        en: "A long poll answered at the timeout should remove its listener (feed.off('message', …))",
        ko: "타임아웃으로 답한 롱 폴링도 리스너를 제거해야 합니다(feed.off('message', …))",
      }),
    ).toBe(0);
  },
);

it(
  say({
    en: 'lets go of clients that leave while they wait',
    ko: '기다리는 동안 떠난 클라이언트를 놓아 준다',
  }),
  async () => {
    const timersBefore = pendingTimers();
    const leaving = new AbortController();
    const after = await newest();
    const polls = [1, 2, 3].map(() => longPoll(after, leaving.signal).catch(() => undefined));
    await expect
      .poll(waiting, {
        message: say({
          en: 'GET /feed/stats should count the 3 clients waiting',
          ko: 'GET /feed/stats는 기다리는 클라이언트를 3으로 세야 합니다',
        }),
      })
      .toBe(3);
    leaving.abort();
    await Promise.all(polls);
    // Well before the timeout, so a timer that was not cleared is still pending.
    await expect
      .poll(waiting, {
        timeout: TIMEOUT_MS / 3,
        message: say({
          en: "Three clients went away: each should be let go of (res.on('close', …) and feed.off), GET /feed/stats should count 0 waiting",
          ko: "클라이언트 셋이 떠났습니다. 각각을 놓아 줘야 하고(res.on('close', …)와 feed.off), GET /feed/stats는 기다리는 수를 0으로 세야 합니다",
        }),
      })
      .toBe(0);
    await expect
      .poll(pendingTimers, {
        timeout: TIMEOUT_MS / 3,
        message: say({
          en: 'Three clients went away: their timeout timers should be cleared (clearTimeout)',
          ko: '클라이언트 셋이 떠났습니다. 그 타임아웃 타이머를 지워야 합니다(clearTimeout)',
        }),
      })
      .toBeLessThanOrEqual(timersBefore);
  },
);
