import type { Listening } from '@course/kit/test-server';
import { EventSource, type FetchLike } from 'eventsource';
import { afterEach, describe, expect, it } from 'vitest';
import { start } from './helpers.ts';

// The `eventsource` package (v4): a real EventSource that reconnects as a browser does.

const COUNTDOWN = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

/** A started app, closed after the test. */
async function app(options: Parameters<typeof start>[0], port?: number): Promise<Listening> {
  const server = await start(options, port);
  cleanup.push(() => server.close());
  return server;
}

/** What one EventSource saw, and the Last-Event-ID of every request it made. */
interface Observed {
  source: EventSource;
  counts: number[];
  ids: string[];
  ends: number;
  errors: Array<{ code: number | undefined; readyState: number }>;
  requests: Array<string | null>;
  /** The id of the last event received when each request went out. */
  lastSeen: Array<string | null>;
}

/**
 * Opens an EventSource on `url`. With `closeOnEnd` (the fixed client) it
 * closes on the `end` event; without, it behaves like the lecture's client
 * minus the eventPhase line, and lets the library reconnect.
 */
function observe(url: string, closeOnEnd: boolean): Observed {
  const observed: Omit<Observed, 'source'> & { source?: EventSource } = {
    counts: [],
    ids: [],
    ends: 0,
    errors: [],
    requests: [],
    lastSeen: [],
  };
  // Records the Last-Event-ID header of every (re)connect, then really fetches.
  const recording: FetchLike = (input, init) => {
    observed.requests.push(new Headers(init.headers).get('last-event-id'));
    observed.lastSeen.push(observed.ids.at(-1) ?? null);
    return fetch(input, init);
  };
  const source = new EventSource(url, { fetch: recording });
  observed.source = source;
  cleanup.push(() => source.close());
  source.addEventListener('message', (event) => {
    observed.counts.push((JSON.parse(event.data) as { cnt: number }).cnt);
    observed.ids.push(event.lastEventId);
  });
  source.addEventListener('end', () => {
    observed.ends++;
    if (closeOnEnd) source.close();
  });
  source.addEventListener('error', (event) => {
    observed.errors.push({ code: event.code, readyState: source.readyState });
  });
  return observed as Observed;
}

describe('the fixed countdown with a real EventSource', () => {
  it('counts 10 to 0 once, closes on the end event, and makes one request', async () => {
    const { url } = await app({ intervalMs: 30 });
    const seen = observe(`${url}/countdown`, true);
    await expect.poll(() => seen.ends, { message: 'the end event' }).toBe(1);
    expect(seen.source.readyState).toBe(EventSource.CLOSED);
    expect(seen.counts).toEqual(COUNTDOWN);
    expect(seen.ids).toEqual(COUNTDOWN.map(String));
    expect(seen.requests).toEqual([null]);
    // Nothing more arrives later.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.counts).toHaveLength(11);
  });

  it('a client that ignores the end event reconnects once, gets 204 and stops', async () => {
    const { url } = await app({ intervalMs: 30, retryMs: 50 });
    const seen = observe(`${url}/countdown`, false);
    await expect
      .poll(() => seen.errors.map((error) => error.code), { message: 'the 204' })
      .toContain(204);
    expect(seen.counts).toEqual(COUNTDOWN);
    expect(seen.ends).toBe(1);
    expect(seen.requests).toEqual([null, 'end']);
    expect(seen.source.readyState).toBe(EventSource.CLOSED);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.requests).toHaveLength(2);
  });

  it('uses the retry: the server sends as its reconnection delay', async () => {
    const { url } = await app({ intervalMs: 20, retryMs: 600 });
    const seen = observe(`${url}/countdown?dropAfter=8`, true);
    await expect.poll(() => seen.errors, { message: 'the drop' }).toHaveLength(1);
    const dropped = Date.now();
    await expect.poll(() => seen.requests, { message: 'the reconnect' }).toHaveLength(2);
    // Measured from our side; the library waits the server's 600 ms, not its default 3 s.
    expect(Date.now() - dropped).toBeGreaterThanOrEqual(500);
    expect(Date.now() - dropped).toBeLessThan(2900);
  });

  it('resumes after a dropped connection with no number twice or missing', async () => {
    const { url } = await app({ intervalMs: 30, retryMs: 50 });
    const seen = observe(`${url}/countdown?dropAfter=5`, true);
    await expect.poll(() => seen.ends, { message: 'the end event' }).toBe(1);
    expect(seen.counts).toEqual(COUNTDOWN);
    expect(seen.requests).toEqual([null, '5']);
    expect(seen.errors).toEqual([{ code: undefined, readyState: EventSource.CONNECTING }]);
  });

  it('resumes across a server restart, from Last-Event-ID alone', async () => {
    // A long interval, so the restart lands mid-countdown even on a slow machine.
    const options = { intervalMs: 150, retryMs: 100 };
    const first = await start(options);
    const { port, url } = first;
    const seen = observe(`${url}/countdown`, true);
    await expect.poll(() => seen.counts, { message: 'count 7' }).toContain(7);
    await first.close();
    const seenBeforeRestart = seen.counts.length;
    // Down for a while: the client keeps retrying and failing.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(seen.source.readyState).toBe(EventSource.CONNECTING);
    // A brand-new app: it remembers nothing about this client.
    await app(options, port);
    await expect.poll(() => seen.ends, { message: 'the end event after the restart' }).toBe(1);
    expect(seen.counts).toEqual(COUNTDOWN);
    expect(seen.counts.length).toBeGreaterThan(seenBeforeRestart);
    // Every reconnect carried the id of the last event the client had, and nothing else did.
    expect(seen.requests[0]).toBeNull();
    expect(seen.requests.length).toBeGreaterThanOrEqual(2);
    expect(seen.requests[1]).toMatch(/^[1-7]$/);
    expect(seen.requests).toEqual(seen.lastSeen);
  });
});

describe("the lecture's stream with a real EventSource", () => {
  it('starts over at 10 after every reconnect (pitfall 1)', async () => {
    const { url } = await app({ intervalMs: 20 });
    // No retry: from the server, so the library waits its default 3 s before reconnecting.
    const seen = observe(`${url}/lecture-countdown`, false);
    await expect
      .poll(() => seen.counts.length, { message: 'the second run' })
      .toBeGreaterThanOrEqual(13);
    expect(seen.counts.slice(0, 13)).toEqual([...COUNTDOWN, 10, 9]);
    expect(seen.requests.slice(0, 2)).toEqual([null, null]);
    expect(seen.ids.every((id) => id === '')).toBe(true);
  });
});

describe('named events with a real EventSource', () => {
  it('delivers each event to its own listener and joins multi-line data', async () => {
    const { url } = await app({ intervalMs: 20 });
    const source = new EventSource(`${url}/named-events`);
    cleanup.push(() => source.close());
    const got: string[] = [];
    source.onmessage = (event) => got.push(`message: ${event.data}`);
    for (const type of ['greeting', 'status', 'poem'])
      source.addEventListener(type, (event) => got.push(`${type}: ${event.data}`));
    const ended = new Promise<void>((resolve) =>
      source.addEventListener('end', () => {
        source.close();
        resolve();
      }),
    );
    await ended;
    expect(got).toEqual([
      'greeting: Hello! This event is named "greeting".',
      'message: A plain event: it has no event: field, so it arrives as "message".',
      'status: {\n  "chapter": "sse-countdown",\n  "lines": "one data: line each"\n}',
      'poem: Streams arrive\nline by line,\njoined with newlines.',
    ]);
  });
});
