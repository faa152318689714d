import { EventSource } from 'eventsource';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { FeedMessage, PollAnswer } from '../server/protocol.ts';
import { createRun, eventually, startRun, startServer, type TestServer } from './helpers.ts';

// Each technique, spoken to by a real client, delivers the run's N messages in order.

let t: TestServer;
beforeAll(async () => {
  t = await startServer({ longPollTimeoutMs: 300 });
});
afterAll(() => t.close());

const seqs = (messages: FeedMessage[]) => messages.map((m) => m.seq);

describe('short polling', () => {
  it('answers at once, empty before the start, then with whatever is new', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    const early = (await (await fetch(`${t.url}/feed/poll?run=${run.id}`)).json()) as PollAnswer;
    expect(early).toEqual({ messages: [], done: false });
    await startRun(t.url, run.id);
    await eventually(() => t.server.runs.get(run.id)?.state === 'published');
    const res = await fetch(`${t.url}/feed/poll?run=${run.id}&after=1`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const answer = (await res.json()) as PollAnswer;
    expect(seqs(answer.messages)).toEqual([2, 3]);
    expect(answer.messages[0]?.text).toBe('message 2 of 3');
    expect(answer.done).toBe(true);
  });
});

describe('long polling', () => {
  it('holds the request until a message is published', async () => {
    const run = await createRun(t.url, { messages: 2, rate: 100 });
    const pending = fetch(`${t.url}/feed/long-poll?run=${run.id}&after=0`);
    await eventually(() => (t.server.runs.get(run.id)?.listenerCount('message') ?? 0) > 0);
    await startRun(t.url, run.id);
    const answer = (await (await pending).json()) as PollAnswer;
    expect(answer.messages[0]?.seq).toBe(1);
    expect(answer.done).toBe(false);
  });

  it('answers empty when nothing comes before its timeout', async () => {
    const run = await createRun(t.url);
    const answer = (await (
      await fetch(`${t.url}/feed/long-poll?run=${run.id}`)
    ).json()) as PollAnswer;
    expect(answer).toEqual({ messages: [], done: false });
  });

  it('drops its listeners when the client gives up', async () => {
    const run = await createRun(t.url);
    const abort = new AbortController();
    const pending = fetch(`${t.url}/feed/long-poll?run=${run.id}`, { signal: abort.signal });
    const live = t.server.runs.get(run.id);
    await eventually(() => (live?.listenerCount('message') ?? 0) === 1);
    abort.abort();
    await expect(pending).rejects.toThrow();
    await eventually(() => live?.listenerCount('message') === 0);
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
    await eventually(() => t.server.runs.get(run.id)?.state === 'published');
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
});

describe('WebSocket', () => {
  it('sends one frame per message and closes with 1000', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/feed/ws?run=${run.id}`);
    const got: number[] = [];
    ws.on('message', (data) => got.push((JSON.parse(String(data)) as FeedMessage).seq));
    await new Promise((resolve) => ws.once('open', resolve));
    await startRun(t.url, run.id);
    const [code, reason] = await new Promise<[number, string]>((resolve) =>
      ws.once('close', (c, r) => resolve([c, String(r)])),
    );
    expect(got).toEqual([1, 2, 3]);
    expect([code, reason]).toEqual([1000, 'feed complete']);
  });

  it('leaves Vite’s HMR upgrades (protocol vite-hmr) to Vite, even after a second', async () => {
    // Stand in for Vite: a second upgrade listener that accepts only vite-hmr.
    const { WebSocketServer } = await import('ws');
    const hmr = new WebSocketServer({ noServer: true });
    const listener = (
      req: import('node:http').IncomingMessage,
      socket: import('node:stream').Duplex,
      head: Buffer,
    ) => {
      if (req.headers['sec-websocket-protocol'] === 'vite-hmr')
        hmr.handleUpgrade(req, socket, head, (ws) => ws.send('hmr connected'));
    };
    t.server.on('upgrade', listener);
    try {
      const ws = new WebSocket(`${t.url.replace('http', 'ws')}/?token=abc`, 'vite-hmr');
      const first = await new Promise<string>((resolve, reject) => {
        ws.once('message', (data) => resolve(String(data)));
        ws.once('error', reject);
      });
      expect(first).toBe('hmr connected');
      // engine.io would end a foreign upgrade after 1 s unless told not to.
      await new Promise((resolve) => setTimeout(resolve, 1300));
      expect(ws.readyState).toBe(WebSocket.OPEN);
      ws.close();
    } finally {
      t.server.off('upgrade', listener);
      hmr.close();
    }
  });
});

describe('Socket.IO', () => {
  it('emits one feed event per message, then end', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    const socket = io(t.url, { query: { run: run.id }, forceNew: true });
    const got: number[] = [];
    socket.on('feed', (m: FeedMessage) => got.push(m.seq));
    await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
    await startRun(t.url, run.id);
    await new Promise((resolve) => socket.once('end', () => resolve(undefined)));
    socket.disconnect();
    expect(got).toEqual([1, 2, 3]);
  });
});

describe('runs', () => {
  it('the oldest run makes room when the server is full, and its streams end', async () => {
    const small = await startServer({ maxRuns: 2 });
    try {
      const first = await createRun(small.url);
      const res = await fetch(`${small.url}/feed/stream?run=${first.id}`);
      await createRun(small.url);
      await createRun(small.url);
      expect(await res.text()).toBe('');
      const gone = await fetch(`${small.url}/api/runs/${first.id}`);
      expect(gone.status).toBe(404);
      expect(small.server.runs.size).toBe(2);
    } finally {
      await small.close();
    }
  });

  it('close() ends open streams, WebSockets and Socket.IO clients', async () => {
    const other = await startServer();
    const run = await createRun(other.url);
    const ws = new WebSocket(`${other.url.replace('http', 'ws')}/feed/ws?run=${run.id}`);
    await new Promise((resolve) => ws.once('open', resolve));
    const socket = io(other.url, { query: { run: run.id }, forceNew: true, reconnection: false });
    await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
    const stream = await fetch(`${other.url}/feed/stream?run=${run.id}`);
    const wsClosed = new Promise((resolve) => ws.once('close', resolve));
    const ioClosed = new Promise((resolve) => socket.once('disconnect', resolve));
    await other.close();
    await Promise.all([wsClosed, ioClosed, stream.text().catch(() => '')]);
    expect(ws.readyState).toBe(WebSocket.CLOSED);
    expect(socket.connected).toBe(false);
  });
});
