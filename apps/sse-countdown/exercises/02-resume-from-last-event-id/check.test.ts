// The check for "Resume from Last-Event-ID": your server, read with fetch and with a real EventSource.
import type { RunningChapter } from '@course/kit';
import { say, startUnderCheck } from '@course/kit/exercise-check';
import { EventSource, type FetchLike } from 'eventsource';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

/** What the countdown sends, number by number. */
const COUNTDOWN = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];

let server: RunningChapter;
const sources: EventSource[] = [];

beforeAll(async () => {
  // 50 ms a number: a whole countdown takes about half a second.
  server = await startUnderCheck(import.meta.dirname, { COUNTDOWN_INTERVAL_MS: '50' });
});
afterAll(async () => {
  for (const source of sources) source.close();
  await server?.close();
});

/** What one GET /countdown got: its status and its events, parsed. */
interface Read {
  status: number;
  events: EventSourceMessage[];
}

/**
 * GETs /countdown with `headers` and reads its events, to the end of the response or
 * until `upTo` events have come (then it hangs up). Gives up after 5 s.
 */
async function readCountdown(headers: Record<string, string> = {}, upTo = Infinity): Promise<Read> {
  const abort = new AbortController();
  const timeout = setTimeout(() => abort.abort(), 5000);
  const read: Read = { status: 0, events: [] };
  const parser = createParser({ onEvent: (event) => read.events.push(event) });
  try {
    const res = await fetch(`${server.url}/countdown`, { headers, signal: abort.signal });
    read.status = res.status;
    const decoder = new TextDecoder();
    for await (const chunk of res.body ?? []) {
      parser.feed(decoder.decode(chunk, { stream: true }));
      if (read.events.length >= upTo) abort.abort();
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    clearTimeout(timeout);
  }
  return read;
}

/** The `cnt` of each event. */
const counts = (read: Read) =>
  read.events.map((event) => (JSON.parse(event.data) as { cnt: number }).cnt);

it(say({ en: 'counts down from 10 to 0', ko: '10부터 0까지 센다' }), async () => {
  const read = await readCountdown();
  expect(
    read.status,
    say({ en: 'GET /countdown should answer 200', ko: 'GET /countdown은 200으로 답해야 합니다' }),
  ).toBe(200);
  expect(
    counts(read),
    say({
      en: 'A new client should get every number, 10 to 0',
      ko: '새 클라이언트는 10부터 0까지 모든 숫자를 받아야 합니다',
    }),
  ).toEqual(COUNTDOWN);
});

it(
  say({
    en: 'gives every event an id: that says which number it is',
    ko: '모든 이벤트에 몇 번째 숫자인지 알려 주는 id:를 붙인다',
  }),
  async () => {
    const read = await readCountdown();
    expect(
      read.events.map((event) => event.id),
      say({
        en:
          'Each event should carry an id: line with its count (id: 10 … id: 0). ' +
          'Without one, a browser that reconnects has no Last-Event-ID to send',
        ko:
          '이벤트마다 그 숫자를 담은 id: 줄이 있어야 합니다(id: 10 … id: 0). ' +
          '없으면 다시 연결하는 브라우저가 보낼 Last-Event-ID가 없습니다',
      }),
    ).toEqual(COUNTDOWN.map(String));
  },
);

it(
  say({
    en: 'carries on after the Last-Event-ID a reconnect sends',
    ko: '재연결이 보낸 Last-Event-ID 다음부터 이어 간다',
  }),
  async () => {
    const read = await readCountdown({ 'Last-Event-ID': '4' });
    expect(
      read.status,
      say({
        en: 'A reconnect with Last-Event-ID: 4 should answer 200',
        ko: 'Last-Event-ID: 4를 보낸 재연결에는 200으로 답해야 합니다',
      }),
    ).toBe(200);
    expect(
      counts(read),
      say({
        en: 'A reconnect that sends Last-Event-ID: 4 has seen 4 already: it should get 3, 2, 1, 0',
        ko: 'Last-Event-ID: 4를 보낸 재연결은 이미 4를 봤습니다. 3, 2, 1, 0을 받아야 합니다',
      }),
    ).toEqual([3, 2, 1, 0]);
    expect(
      read.events.map((event) => event.id),
      say({
        en: 'The events after a resume carry their ids too',
        ko: '이어서 보낸 이벤트에도 id가 붙어야 합니다',
      }),
    ).toEqual(['3', '2', '1', '0']);
  },
);

it(
  say({
    en: 'starts at 10 for a Last-Event-ID it never sent',
    ko: '보낸 적 없는 Last-Event-ID면 10부터 시작한다',
  }),
  async () => {
    for (const unknown of ['banana', '42', '-1', '']) {
      const read = await readCountdown({ 'Last-Event-ID': unknown }, 1);
      expect(
        counts(read)[0],
        say({
          en: `Last-Event-ID: "${unknown}" is no id this server sends: the countdown should start at 10`,
          ko: `Last-Event-ID: "${unknown}"는 이 서버가 보내는 id가 아닙니다. 카운트다운은 10부터 시작해야 합니다`,
        }),
      ).toBe(10);
    }
  },
);

it(
  say({
    en: 'answers 204 No Content to Last-Event-ID: 0, when the client has every number',
    ko: '클라이언트가 모든 숫자를 받은 Last-Event-ID: 0에는 204 No Content로 답한다',
  }),
  async () => {
    const read = await readCountdown({ 'Last-Event-ID': '0' });
    expect(
      read.status,
      say({
        en:
          'A reconnect that sends Last-Event-ID: 0 has the whole countdown: answer 204 No Content, ' +
          `which tells EventSource to stop reconnecting (got ${read.status}, ${read.events.length} events)`,
        ko:
          'Last-Event-ID: 0을 보낸 재연결은 카운트다운을 모두 받았습니다. 204 No Content로 답해 ' +
          `EventSource가 더는 다시 연결하지 않게 하세요(받은 것: ${read.status}, 이벤트 ${read.events.length}개)`,
      }),
    ).toBe(204);
  },
);

it(say({
  en: 'lets a real EventSource count down once and stop',
  ko: '실제 EventSource가 한 번 세고 멈추게 한다',
}), { timeout: 20_000 }, async () => {
  // What the EventSource got, as the page shows it: each number, and | for each reconnect.
  const seen: string[] = [];
  const lastEventIds: string[] = [];
  // Records the Last-Event-ID of each request the EventSource makes, then really fetches.
  const recording: FetchLike = (input, init) => {
    lastEventIds.push(new Headers(init.headers).get('last-event-id') ?? 'none');
    if (lastEventIds.length > 1) seen.push('|');
    return fetch(input, init);
  };
  const source = new EventSource(`${server.url}/countdown`, { fetch: recording });
  sources.push(source);
  source.addEventListener('message', (event) => {
    seen.push(String((JSON.parse(event.data) as { cnt: number }).cnt));
  });
  // After 0 the response ends, and the EventSource reconnects after its default wait (3 s).
  await vi.waitFor(
    () => {
      if (source.readyState !== EventSource.CLOSED)
        throw new Error(
          say({
            en:
              'After 0 the EventSource reconnected and did not stop. Its requests sent ' +
              `Last-Event-ID: ${lastEventIds.join(', ')}, and it got: ${seen.join(' ')}`,
            ko:
              '0 다음에 EventSource가 다시 연결하고 멈추지 않았습니다. 요청마다 보낸 ' +
              `Last-Event-ID: ${lastEventIds.join(', ')}, 받은 것: ${seen.join(' ')}`,
          }),
        );
    },
    { timeout: 8000, interval: 50 },
  );
  expect(
    seen.join(' '),
    say({
      en: 'The EventSource should get 10 to 0 once, then reconnect once',
      ko: 'EventSource는 10부터 0까지 한 번 받고, 그다음 한 번만 다시 연결해야 합니다',
    }),
  ).toBe('10 9 8 7 6 5 4 3 2 1 0 |');
  expect(
    lastEventIds,
    say({
      en: 'Its first request has no Last-Event-ID; its reconnect after 0 sends Last-Event-ID: 0',
      ko: '첫 요청에는 Last-Event-ID가 없고, 0 다음의 재연결은 Last-Event-ID: 0을 보냅니다',
    }),
  ).toEqual(['none', '0']);
});
