import { EventSource } from 'eventsource';
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { FeedClient, FeedMessage, PollAnswer, Technique } from '../server/protocol.ts';
import { RunRegistry } from '../server/runs.ts';
import { createRun, start, startRun, statsOf, type TestServer } from './helpers.ts';

// Each technique, spoken to by a real client, delivers the run's N messages in order.

// A fresh server for every test, so each test sees (and a mutation test measures) the
// server's whole life: its construction, its routes and its close().
let t: TestServer;
beforeEach(async () => {
  t = await start({ longPollTimeoutMs: 300 });
});
afterEach(() => t.close());

const seqs = (messages: FeedMessage[]) => messages.map((m) => m.seq);

describe('short polling', () => {
  it('answers at once, empty before the start, then with whatever is new', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    const early = (await (await fetch(`${t.url}/feed/poll?run=${run.id}`)).json()) as PollAnswer;
    expect(early).toEqual({ messages: [], done: false });
    await startRun(t.url, run.id);
    await expect.poll(() => t.runs.get(run.id)?.state).toBe('published');
    const res = await fetch(`${t.url}/feed/poll?run=${run.id}&after=1`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const answer = (await res.json()) as PollAnswer;
    expect(seqs(answer.messages)).toEqual([2, 3]);
    expect(answer.messages[0]?.text).toBe('message 2 of 3');
    expect(answer.done).toBe(true);
  });

  it('stamps messages with the wall clock and sends no ETag or X-Powered-By', async () => {
    const run = await createRun(t.url, { messages: 1, rate: 100 });
    await startRun(t.url, run.id);
    const res = await fetch(`${t.url}/feed/poll?run=${run.id}`);
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
    const [message] = ((await res.json()) as PollAnswer).messages;
    expect(Math.abs((message?.publishedAt ?? 0) - Date.now())).toBeLessThan(60_000);
  });
});

describe('long polling', () => {
  it('holds the request until a message is published', async () => {
    const run = await createRun(t.url, { messages: 2, rate: 100 });
    const pending = fetch(`${t.url}/feed/long-poll?run=${run.id}&after=0`);
    await expect.poll(() => t.runs.get(run.id)?.listenerCount('message') ?? 0).toBeGreaterThan(0);
    await startRun(t.url, run.id);
    const answer = (await (await pending).json()) as PollAnswer;
    expect(answer.messages[0]?.seq).toBe(1);
    expect(answer.done).toBe(false);
  });

  it('answers at once with what is already published, and only that', async () => {
    // A patient server: its long polls would otherwise wait 20 s for more.
    const patient = await start();
    try {
      const run = await createRun(patient.url, { messages: 3, rate: 1 });
      await startRun(patient.url, run.id);
      const res = await fetch(`${patient.url}/feed/long-poll?run=${run.id}&after=0`);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const answer = (await res.json()) as PollAnswer;
      expect(seqs(answer.messages)).toEqual([1]);
      expect(answer.done).toBe(false);
    } finally {
      await patient.close();
    }
  });

  it('says done with the last messages once the feed is over', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    await startRun(t.url, run.id);
    await expect.poll(() => t.runs.get(run.id)?.state).toBe('published');
    const res = await fetch(`${t.url}/feed/long-poll?run=${run.id}&after=1`);
    const answer = (await res.json()) as PollAnswer;
    expect([seqs(answer.messages), answer.done]).toEqual([[2, 3], true]);
  });

  it('leaves no listener behind once answered', async () => {
    const quick = await start({ longPollTimeoutMs: 5 });
    try {
      const run = await createRun(quick.url);
      const live = quick.runs.get(run.id);
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${quick.url}/feed/long-poll?run=${run.id}`);
        expect(await res.json()).toEqual({ messages: [], done: false });
      }
      const counts = ['message', 'published', 'closed'].map((e) => live?.listenerCount(e));
      expect(counts).toEqual([0, 0, 0]);
    } finally {
      await quick.close();
    }
  });

  it('answers at once, empty and done, when the client already has everything', async () => {
    // A server whose long polls would otherwise wait 20 s.
    const patient = await start();
    try {
      const run = await createRun(patient.url, { messages: 2, rate: 100 });
      await startRun(patient.url, run.id);
      await expect.poll(() => patient.runs.get(run.id)?.state).toBe('published');
      const res = await fetch(`${patient.url}/feed/long-poll?run=${run.id}&after=2`);
      expect(await res.json()).toEqual({ messages: [], done: true });
    } finally {
      await patient.close();
    }
  });

  it('answers 410 when its run is dropped while it waits', async () => {
    const small = await start({ runs: new RunRegistry({ maxRuns: 1 }) });
    try {
      const first = await createRun(small.url);
      const pending = fetch(`${small.url}/feed/long-poll?run=${first.id}`);
      const live = small.runs.get(first.id);
      await expect.poll(() => live?.listenerCount('closed') ?? 0).toBeGreaterThan(0);
      await createRun(small.url);
      const res = await pending;
      expect(res.status).toBe(410);
      expect(await res.json()).toEqual({ error: `run "${first.id}" was closed` });
    } finally {
      await small.close();
    }
  });

  it('answers empty when nothing comes before its timeout', async () => {
    const run = await createRun(t.url);
    const answer = (await (
      await fetch(`${t.url}/feed/long-poll?run=${run.id}`)
    ).json()) as PollAnswer;
    expect(answer).toEqual({ messages: [], done: false });
  });

  it('drops its listeners when the client gives up', async () => {
    // A patient server, so that only the client leaving can release the listeners.
    const patient = await start();
    try {
      const run = await createRun(patient.url);
      const abort = new AbortController();
      const pending = fetch(`${patient.url}/feed/long-poll?run=${run.id}`, {
        signal: abort.signal,
      });
      const live = patient.runs.get(run.id);
      await expect.poll(() => live?.listenerCount('message')).toBe(1);
      abort.abort();
      await expect(pending).rejects.toThrow();
      await expect.poll(() => live?.listenerCount('message'), { timeout: 3000 }).toBe(0);
    } finally {
      await patient.close();
    }
  });
});

describe('HTTP streaming', () => {
  it('sends one chunked response with one JSON line per message', async () => {
    const run = await createRun(t.url, { messages: 4, rate: 100 });
    const res = await fetch(`${t.url}/feed/stream?run=${run.id}`);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    await startRun(t.url, run.id);
    const lines = (await res.text()).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as FeedMessage).seq)).toEqual([1, 2, 3, 4]);
  });

  it('is not cached or sniffed, and starts after ?after=', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    await startRun(t.url, run.id);
    await expect.poll(() => t.runs.get(run.id)?.state).toBe('published');
    const res = await fetch(`${t.url}/feed/stream?run=${run.id}&after=1`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const log = t.runs.get(run.id)?.log ?? [];
    expect(await res.text()).toBe(`${JSON.stringify(log[1])}\n${JSON.stringify(log[2])}\n`);
  });
});

describe('Server-Sent Events', () => {
  it('sends id-tagged events, then an end event', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    const got: string[] = [];
    const source = new EventSource(`${t.url}/feed/sse?run=${run.id}`);
    await new Promise((resolve) => source.addEventListener('open', resolve));
    source.addEventListener('message', (e) =>
      got.push(`${e.lastEventId}:${(JSON.parse(e.data) as FeedMessage).seq}`),
    );
    const ended = new Promise((resolve) => source.addEventListener('end', resolve));
    await startRun(t.url, run.id);
    await ended;
    source.close();
    expect(got).toEqual(['1:1', '2:2', '3:3']);
  });

  it('resumes after Last-Event-ID, and answers 204 when nothing is left', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    await startRun(t.url, run.id);
    await expect.poll(() => t.runs.get(run.id)?.state).toBe('published');
    const res = await fetch(`${t.url}/feed/sse?run=${run.id}`, {
      headers: { 'Last-Event-ID': '1' },
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const text = await res.text();
    expect(text).not.toContain('id: 1\n');
    expect(text).toContain('id: 2\n');
    expect(text).toContain('id: 3\n');
    expect(text.endsWith('event: end\ndata: {}\n\n')).toBe(true);
    const over = await fetch(`${t.url}/feed/sse?run=${run.id}`, {
      headers: { 'Last-Event-ID': '3' },
    });
    expect(over.status).toBe(204);
  });

  it('resumes after ?after= too, with exact framing, and is not cached', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    await startRun(t.url, run.id);
    await expect.poll(() => t.runs.get(run.id)?.state).toBe('published');
    const res = await fetch(`${t.url}/feed/sse?run=${run.id}&after=2`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const last = t.runs.get(run.id)?.log[2];
    expect(await res.text()).toBe(
      `id: 3\ndata: ${JSON.stringify(last)}\n\nevent: end\ndata: {}\n\n`,
    );
    const over = await fetch(`${t.url}/feed/sse?run=${run.id}&after=3`);
    expect(over.status).toBe(204);
  });
});

describe('WebSocket', () => {
  it('sends one frame per message and closes with 1000', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/feed/ws?run=${run.id}`);
    const got: number[] = [];
    ws.on('message', (data) => got.push((JSON.parse(String(data)) as FeedMessage).seq));
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<[number, string]>((resolve) =>
      ws.once('close', (c, r) => resolve([c, String(r)])),
    );
    await startRun(t.url, run.id);
    const [code, reason] = await closed;
    expect(got).toEqual([1, 2, 3]);
    expect([code, reason]).toEqual([1000, 'feed complete']);
  });

  it('starts after ?after=', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    await startRun(t.url, run.id);
    await expect.poll(() => t.runs.get(run.id)?.state).toBe('published');
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/feed/ws?run=${run.id}&after=2`);
    const got: number[] = [];
    ws.on('message', (data) => got.push((JSON.parse(String(data)) as FeedMessage).seq));
    const code = await new Promise<number>((resolve) => ws.once('close', resolve));
    expect([got, code]).toEqual([[3], 1000]);
  });

  it('closes with 1009 when a client sends a message over 4 KiB', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/feed/ws?run=${run.id}`);
    await new Promise((resolve) => ws.once('open', resolve));
    // The server answers the ping only if it read past the big message without closing.
    const outcome = new Promise<string>((resolve) => {
      ws.once('pong', () => resolve('pong'));
      ws.once('close', (code) => resolve(`close ${code}`));
    });
    ws.send('x'.repeat(4097));
    ws.ping();
    expect(await outcome).toBe('close 1009');
  });

  it('ignores what a client sends within the limit', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/feed/ws?run=${run.id}`);
    await new Promise((resolve) => ws.once('open', resolve));
    const pong = new Promise((resolve) => ws.once('pong', resolve));
    ws.send('x'.repeat(4096));
    ws.ping();
    await pong;
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it('stays open past engine.io’s 1 s deadline for upgrades it does not own', async () => {
    // engine.io ends an upgrade to another path that nobody has answered within 1 s.
    // The feed's upgrade is answered at once, so it is left alone, and the feed still flows.
    const run = await createRun(t.url, { messages: 2, rate: 100 });
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/feed/ws?run=${run.id}`);
    const got: number[] = [];
    ws.on('message', (data) => got.push((JSON.parse(String(data)) as FeedMessage).seq));
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    await new Promise((resolve) => ws.once('open', resolve));
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(ws.readyState).toBe(WebSocket.OPEN);
    await startRun(t.url, run.id);
    expect([await closed, got]).toEqual([1000, [1, 2]]);
  });
});

describe('Socket.IO', () => {
  it('emits one feed event per message, then end', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    const socket: FeedClient = io(t.url, { query: { run: run.id }, forceNew: true });
    const got: number[] = [];
    socket.on('feed', (m) => got.push(m.seq));
    await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
    const ended = new Promise((resolve) => socket.once('end', () => resolve(undefined)));
    await startRun(t.url, run.id);
    await ended;
    socket.disconnect();
    expect(got).toEqual([1, 2, 3]);
  });

  it('starts after the after query', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    await startRun(t.url, run.id);
    await expect.poll(() => t.runs.get(run.id)?.state).toBe('published');
    const socket: FeedClient = io(t.url, { query: { run: run.id, after: '2' }, forceNew: true });
    const got: number[] = [];
    socket.on('feed', (m) => got.push(m.seq));
    await new Promise((resolve) => socket.once('end', () => resolve(undefined)));
    socket.disconnect();
    expect(got).toEqual([3]);
  });

  it('does not serve its client bundle', async () => {
    const res = await fetch(`${t.url}/socket.io/socket.io.js`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 0, message: 'Transport unknown' });
  });
});

/** Follows a run with one persistent technique; resolves `first` on its first message. */
function follow(technique: Technique, id: string): { first: Promise<unknown>; leave(): void } {
  const ws = t.url.replace('http', 'ws');
  switch (technique) {
    case 'stream': {
      const abort = new AbortController();
      const first = fetch(`${t.url}/feed/stream?run=${id}`, { signal: abort.signal }).then((res) =>
        res.body?.getReader().read(),
      );
      return { first, leave: () => abort.abort() };
    }
    case 'sse': {
      const source = new EventSource(`${t.url}/feed/sse?run=${id}`);
      const first = new Promise((resolve) => source.addEventListener('message', resolve));
      return { first, leave: () => source.close() };
    }
    case 'websocket': {
      const socket = new WebSocket(`${ws}/feed/ws?run=${id}`);
      const first = new Promise((resolve) => socket.once('message', resolve));
      return { first, leave: () => socket.close() };
    }
    default: {
      const socket: FeedClient = io(t.url, {
        query: { run: id },
        forceNew: true,
        transports: ['websocket'],
      });
      const first = new Promise((resolve) => socket.once('feed', resolve));
      return { first, leave: () => socket.disconnect() };
    }
  }
}

describe('a client that leaves in the middle of the feed', () => {
  it.each(['stream', 'sse', 'websocket', 'socket.io'] as const)(
    'over %s is sent nothing more',
    async (technique) => {
      const run = await createRun(t.url, { messages: 2, rate: 5, techniques: [technique] });
      const client = follow(technique, run.id);
      await expect.poll(async () => (await statsOf(t.url, run.id, technique)).open).toBe(1);
      await startRun(t.url, run.id);
      await client.first;
      client.leave();
      await expect.poll(async () => (await statsOf(t.url, run.id, technique)).open).toBe(0);
      const sentWhenLeft = (await statsOf(t.url, run.id, technique)).sent;
      expect(sentWhenLeft).toBeGreaterThanOrEqual(1);
      await expect.poll(() => t.runs.get(run.id)?.state).toBe('published');
      expect((await statsOf(t.url, run.id, technique)).sent).toBe(sentWhenLeft);
    },
  );
});

describe('runs', () => {
  it('serves the page through the client handler, behind the API and the feed', async () => {
    const withPage = await start({ client: (_req, res) => res.end('the page') });
    try {
      expect(await (await fetch(`${withPage.url}/`)).text()).toBe('the page');
      const api = await fetch(`${withPage.url}/api/nothing`);
      expect(api.status).toBe(404);
      const run = await createRun(withPage.url);
      const poll = await fetch(`${withPage.url}/feed/poll?run=${run.id}`);
      expect(await poll.json()).toEqual({ messages: [], done: false });
    } finally {
      await withPage.close();
    }
  });

  it('publishes message k no earlier than (k − 1) / rate after the start', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 20 });
    await startRun(t.url, run.id);
    await expect.poll(() => t.runs.get(run.id)?.state).toBe('published');
    const res = await fetch(`${t.url}/feed/poll?run=${run.id}`);
    const [first, second, third] = ((await res.json()) as PollAnswer).messages.map(
      (m) => m.publishedAt,
    );
    // 50 ms apart; timers never fire early, so these lower bounds hold on any machine.
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThan(45);
    expect((third ?? 0) - (first ?? 0)).toBeGreaterThan(95);
  });

  it('a run idle for longer than idleMs is dropped when the next one is created', async () => {
    // Only Date is faked: the server's idea of "now"; sockets and timers stay real.
    vi.useFakeTimers({ toFake: ['Date'] });
    const idle = await start({ runs: new RunRegistry({ idleMs: 1000 }) });
    try {
      const start = Date.now();
      const first = await createRun(idle.url);
      vi.setSystemTime(start + 600);
      // A request to one of the run's routes counts as activity.
      expect((await fetch(`${idle.url}/feed/poll?run=${first.id}`)).status).toBe(200);
      // Idle for exactly idleMs since then: kept.
      vi.setSystemTime(start + 1600);
      const second = await createRun(idle.url);
      expect((await fetch(`${idle.url}/api/runs/${first.id}`)).status).toBe(200);
      // A request elsewhere that merely mentions the run does not.
      vi.setSystemTime(start + 2000);
      expect((await fetch(`${idle.url}/elsewhere?run=${second.id}`)).status).toBe(404);
      // One ms more than idleMs: both dropped.
      vi.setSystemTime(start + 2601);
      await createRun(idle.url);
      expect((await fetch(`${idle.url}/api/runs/${first.id}`)).status).toBe(404);
      expect((await fetch(`${idle.url}/api/runs/${second.id}`)).status).toBe(404);
    } finally {
      vi.useRealTimers();
      await idle.close();
    }
  });

  it('a dropped run stops publishing', async () => {
    const small = await start({ runs: new RunRegistry({ maxRuns: 1 }) });
    try {
      const first = await createRun(small.url, { messages: 100, rate: 100 });
      await startRun(small.url, first.id);
      const live = small.runs.get(first.id);
      await expect.poll(() => live?.log.length ?? 0).toBeGreaterThanOrEqual(2);
      await createRun(small.url);
      const count = live?.log.length;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(live?.log.length).toBe(count);
    } finally {
      await small.close();
    }
  });

  it('serves more than ten waiting clients of one run without a listener-leak warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const patient = await start();
    const run = await createRun(patient.url);
    const abort = new AbortController();
    try {
      const polls = Array.from({ length: 12 }, () =>
        fetch(`${patient.url}/feed/long-poll?run=${run.id}`, { signal: abort.signal }).catch(
          () => {},
        ),
      );
      const live = patient.runs.get(run.id);
      await expect.poll(() => live?.listenerCount('message')).toBe(12);
      await new Promise((resolve) => setImmediate(resolve));
      abort.abort();
      await Promise.all(polls);
    } finally {
      process.off('warning', onWarning);
      await patient.close();
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('the oldest run makes room when the server is full, and its streams end', async () => {
    const small = await start({ runs: new RunRegistry({ maxRuns: 2 }) });
    try {
      const first = await createRun(small.url);
      const res = await fetch(`${small.url}/feed/stream?run=${first.id}`);
      await createRun(small.url);
      await createRun(small.url);
      expect(await res.text()).toBe('');
      const gone = await fetch(`${small.url}/api/runs/${first.id}`);
      expect(gone.status).toBe(404);
      expect(small.runs.size).toBe(2);
    } finally {
      await small.close();
    }
  });

  it('close() ends every open feed connection and stops every run', async () => {
    const other = await start();
    // A long poll held on a run that never starts (this server would hold it for 20 s).
    const idle = await createRun(other.url, { techniques: ['long-poll'] });
    const longPoll = fetch(`${other.url}/feed/long-poll?run=${idle.id}`).then(
      (res) => `answered ${res.status}`,
      () => 'cut off',
    );
    await expect.poll(() => other.runs.get(idle.id)?.listenerCount('message')).toBe(1);
    const run = await createRun(other.url, { messages: 100, rate: 100 });
    const live = other.runs.get(run.id);
    const ws = new WebSocket(`${other.url.replace('http', 'ws')}/feed/ws?run=${run.id}`);
    await new Promise((resolve) => ws.once('open', resolve));
    const socket: FeedClient = io(other.url, {
      query: { run: run.id },
      forceNew: true,
      reconnection: false,
    });
    await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
    const stream = await fetch(`${other.url}/feed/stream?run=${run.id}`);
    const sse = await fetch(`${other.url}/feed/sse?run=${run.id}`);
    await startRun(other.url, run.id);
    const wsClosed = new Promise((resolve) => ws.once('close', resolve));
    const ioClosed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await other.close();
    const [, reason, held] = await Promise.all([
      wsClosed,
      ioClosed,
      longPoll,
      stream.text().catch(() => ''),
      sse.text().catch(() => ''),
    ]);
    expect(ws.readyState).toBe(WebSocket.CLOSED);
    // The server closed the connection itself, not just the Socket.IO namespace.
    expect(reason).toBe('transport close');
    expect(held).toBe('cut off');
    expect(live?.closed).toBe(true);
    expect(other.runs.size).toBe(0);
    const published = live?.log.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(live?.log.length).toBe(published);
  });
});
