// The check for "Resume from Last-Event-ID": your server, read with fetch and with a real EventSource.
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
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

it('counts down from 10 to 0', async () => {
  const read = await readCountdown();
  expect(read.status, 'GET /countdown should answer 200').toBe(200);
  expect(counts(read), 'A new client should get every number, 10 to 0').toEqual(COUNTDOWN);
});

it('gives every event an id: that says which number it is', async () => {
  const read = await readCountdown();
  expect(
    read.events.map((event) => event.id),
    'Each event should carry an id: line with its count (id: 10 … id: 0). ' +
      'Without one, a browser that reconnects has no Last-Event-ID to send',
  ).toEqual(COUNTDOWN.map(String));
});

it('carries on after the Last-Event-ID a reconnect sends', async () => {
  const read = await readCountdown({ 'Last-Event-ID': '4' });
  expect(read.status, 'A reconnect with Last-Event-ID: 4 should answer 200').toBe(200);
  expect(
    counts(read),
    'A reconnect that sends Last-Event-ID: 4 has seen 4 already: it should get 3, 2, 1, 0',
  ).toEqual([3, 2, 1, 0]);
  expect(
    read.events.map((event) => event.id),
    'The events after a resume carry their ids too',
  ).toEqual(['3', '2', '1', '0']);
});

it('starts at 10 for a Last-Event-ID it never sent', async () => {
  for (const unknown of ['banana', '42', '-1', '']) {
    const read = await readCountdown({ 'Last-Event-ID': unknown }, 1);
    expect(
      counts(read)[0],
      `Last-Event-ID: "${unknown}" is no id this server sends: the countdown should start at 10`,
    ).toBe(10);
  }
});

it('answers 204 No Content to Last-Event-ID: 0, when the client has every number', async () => {
  const read = await readCountdown({ 'Last-Event-ID': '0' });
  expect(
    read.status,
    'A reconnect that sends Last-Event-ID: 0 has the whole countdown: answer 204 No Content, ' +
      `which tells EventSource to stop reconnecting (got ${read.status}, ${read.events.length} events)`,
  ).toBe(204);
});

it('lets a real EventSource count down once and stop', { timeout: 20_000 }, async () => {
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
          'After 0 the EventSource reconnected and did not stop. Its requests sent ' +
            `Last-Event-ID: ${lastEventIds.join(', ')}, and it got: ${seen.join(' ')}`,
        );
    },
    { timeout: 8000, interval: 50 },
  );
  expect(seen.join(' '), 'The EventSource should get 10 to 0 once, then reconnect once').toBe(
    '10 9 8 7 6 5 4 3 2 1 0 |',
  );
  expect(
    lastEventIds,
    'Its first request has no Last-Event-ID; its reconnect after 0 sends Last-Event-ID: 0',
  ).toEqual(['none', '0']);
});
