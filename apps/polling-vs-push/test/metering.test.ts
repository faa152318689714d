import { connect } from 'node:net';
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { FeedClient, RunStats } from '../server/protocol.ts';
import { createRun, postJson, start, startRun, statsOf, type TestServer } from './helpers.ts';

// The server's byte counts, checked against what a raw TCP client actually sent and read.

// A fresh server for every test: its byte counts start from zero.
let t: TestServer;
beforeEach(async () => {
  t = await start();
});
afterEach(() => t.close());

/**
 * Sends `requests` one after another on ONE keep-alive TCP connection, each once the
 * previous answer is complete, and returns the bytes each exchange moved each way.
 */
async function rawExchanges(
  requests: string[],
): Promise<{ up: number; down: number; text: string }[]> {
  const socket = connect(t.port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  const results: { up: number; down: number; text: string }[] = [];
  for (const request of requests) {
    const received: Buffer[] = [];
    const complete = new Promise<void>((resolve) => {
      const onData = (chunk: Buffer) => {
        received.push(chunk);
        const text = Buffer.concat(received).toString('latin1');
        const headerEnd = text.indexOf('\r\n\r\n');
        const length = Number(/content-length: (\d+)/i.exec(text)?.[1] ?? Number.NaN);
        if (headerEnd >= 0 && text.length >= headerEnd + 4 + length) {
          socket.off('data', onData);
          resolve();
        }
      };
      socket.on('data', onData);
    });
    socket.write(request);
    await complete;
    const text = Buffer.concat(received).toString('latin1');
    results.push({ up: Buffer.byteLength(request), down: Buffer.byteLength(text, 'latin1'), text });
  }
  socket.destroy();
  return results;
}

describe('bytes on the wire', () => {
  it('a short poll is credited exactly the bytes of its request and response', async () => {
    const run = await createRun(t.url, { messages: 2, rate: 100 });
    await startRun(t.url, run.id);
    await expect.poll(() => t.runs.get(run.id)?.state).toBe('published');
    const host = `Host: 127.0.0.1:${t.port}\r\n`;
    // Same socket: an unrelated request first, then two polls.
    const [other, poll1, poll2] = await rawExchanges([
      `GET /api/runs/${run.id} HTTP/1.1\r\n${host}\r\n`,
      `GET /feed/poll?run=${run.id}&after=0 HTTP/1.1\r\n${host}\r\n`,
      `GET /feed/poll?run=${run.id}&after=2 HTTP/1.1\r\n${host}X-Padding: ${'x'.repeat(100)}\r\n\r\n`,
    ]);
    expect(other?.text).toMatch(/^HTTP\/1.1 200/);
    expect(poll1?.text).toContain('"seq":2');
    const stats = await statsOf(t.url, run.id, 'short-poll');
    expect(stats.bytesUp).toBe((poll1?.up ?? 0) + (poll2?.up ?? 0));
    expect(stats.bytesDown).toBe((poll1?.down ?? 0) + (poll2?.down ?? 0));
    expect(stats.requests).toBe(2);
    expect(stats.connections).toBe(1);
    expect(stats.sent).toBe(2);
    expect(stats.bytesPerMessage).toBeNull();
    const res = await postJson(`${t.url}/api/runs/${run.id}/receipts`, {
      receipts: {
        'short-poll': [
          [1, 1],
          [2, 1],
        ],
      },
    });
    const after = ((await res.json()) as RunStats).techniques.find(
      (s) => s.technique === 'short-poll',
    );
    expect(after?.bytesPerMessage).toBe(Math.round((stats.bytesUp + stats.bytesDown) / 2));
  });

  it('a new run has empty stats, its techniques in the page’s order, each once', async () => {
    const created = await createRun(t.url, {
      messages: 2,
      rate: 1,
      pollIntervalMs: 50,
      techniques: ['sse', 'short-poll', 'sse'],
    });
    const empty = {
      requests: 0,
      connections: 0,
      open: 0,
      bytesUp: 0,
      bytesDown: 0,
      bytesPerMessage: null,
      sent: 0,
      delivered: 0,
      duplicates: 0,
      lost: null,
      finished: false,
      latency: null,
    };
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}$/),
      messages: 2,
      rate: 1,
      pollIntervalMs: 50,
      state: 'ready',
      published: 0,
      payloadBytes: 0,
      techniques: [
        { technique: 'short-poll', ...empty },
        { technique: 'sse', ...empty },
      ],
    });
    const res = await postJson(`${t.url}/api/runs/${created.id}/start`, {});
    const started = (await res.json()) as RunStats;
    const first = t.runs.get(created.id)?.log[0];
    expect(started).toMatchObject({
      state: 'publishing',
      published: 1,
      payloadBytes: Buffer.byteLength(JSON.stringify(first)),
    });
  });

  it('payloadBytes is the average size of the messages published', async () => {
    const run = await createRun(t.url, { messages: 12, rate: 100 });
    await startRun(t.url, run.id);
    await expect.poll(() => t.runs.get(run.id)?.state).toBe('published');
    const log = t.runs.get(run.id)?.log ?? [];
    const total = log.reduce((sum, m) => sum + Buffer.byteLength(JSON.stringify(m)), 0);
    const stats = (await (await fetch(`${t.url}/api/runs/${run.id}`)).json()) as RunStats;
    expect(stats.published).toBe(12);
    expect(stats.payloadBytes).toBe(Math.round(total / 12));
  });

  it('long polls count the messages they sent', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    await startRun(t.url, run.id);
    await expect.poll(() => t.runs.get(run.id)?.state).toBe('published');
    await (await fetch(`${t.url}/feed/long-poll?run=${run.id}&after=1`)).json();
    expect((await statsOf(t.url, run.id, 'long-poll')).sent).toBe(2);
  });

  it('a request whose path only ends like Socket.IO’s is nobody’s traffic', async () => {
    const run = await createRun(t.url, { messages: 1, rate: 1 });
    const res = await fetch(`${t.url}/elsewhere/socket.io/?run=${run.id}`);
    expect(res.status).toBe(404);
    await res.text();
    expect((await statsOf(t.url, run.id, 'socket.io')).requests).toBe(0);
  });

  it('a run without pollIntervalMs polls every second', async () => {
    const res = await postJson(`${t.url}/api/runs`, { messages: 1, rate: 1 });
    expect(((await res.json()) as RunStats).pollIntervalMs).toBe(1000);
  });

  it('a WebSocket is credited its handshake and every frame, and counts one request', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    const ws = new WebSocket(`ws://127.0.0.1:${t.port}/feed/ws?run=${run.id}`);
    const frames: string[] = [];
    ws.on('message', (data) => frames.push(String(data)));
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise((resolve) => ws.once('close', resolve));
    await startRun(t.url, run.id);
    await closed;
    const stats = await statsOf(t.url, run.id, 'websocket');
    // Three server frames (2-byte header + payload each) and a close frame with its reason,
    // plus the 101 handshake; the client sent its upgrade request and a masked close frame.
    const payload = frames.reduce((sum, frame) => sum + Buffer.byteLength(frame) + 2, 0);
    expect(stats.bytesDown).toBeGreaterThan(payload + 2 + 'feed complete'.length + 2);
    expect(stats.bytesDown).toBeLessThan(payload + 400);
    expect(stats.bytesUp).toBeGreaterThan(100);
    expect(stats.requests).toBe(1);
    expect(stats.connections).toBe(1);
    expect(stats.open).toBe(0);
  });

  it('Socket.IO over WebSocket alone is credited one request and one connection', async () => {
    const run = await createRun(t.url, { messages: 2, rate: 100, techniques: ['socket.io'] });
    const socket: FeedClient = io(t.url, {
      query: { run: run.id },
      forceNew: true,
      transports: ['websocket'],
    });
    await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
    const open = await statsOf(t.url, run.id, 'socket.io');
    expect(open).toMatchObject({ requests: 1, connections: 1, open: 1 });
    expect(open.bytesUp).toBeGreaterThan(100);
    expect(open.bytesDown).toBeGreaterThan(100);
    const ended = new Promise((resolve) => socket.once('end', () => resolve(undefined)));
    await startRun(t.url, run.id);
    await ended;
    socket.disconnect();
    await expect.poll(async () => (await statsOf(t.url, run.id, 'socket.io')).open).toBe(0);
    const closed = await statsOf(t.url, run.id, 'socket.io');
    expect(closed).toMatchObject({ requests: 1, connections: 1, sent: 2 });
    expect(closed.bytesDown).toBeGreaterThan(open.bytesDown);
  });

  it('Socket.IO’s polling requests are credited to it', async () => {
    const run = await createRun(t.url, { messages: 2, rate: 100, techniques: ['socket.io'] });
    const socket: FeedClient = io(t.url, {
      query: { run: run.id },
      forceNew: true,
      transports: ['polling'],
    });
    await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
    socket.disconnect();
    await expect.poll(async () => (await statsOf(t.url, run.id, 'socket.io')).open).toBe(0);
    const stats = await statsOf(t.url, run.id, 'socket.io');
    // The handshake GET and the POST of the connect packet, at least.
    expect(stats.requests).toBeGreaterThanOrEqual(2);
    expect(stats.bytesUp).toBeGreaterThan(200);
    expect(stats.bytesDown).toBeGreaterThan(200);
  });

  it('streams are counted while they are still open', async () => {
    const run = await createRun(t.url, { messages: 2, rate: 1 });
    const res = await fetch(`${t.url}/feed/stream?run=${run.id}`);
    await startRun(t.url, run.id);
    const reader = res.body?.getReader();
    await reader?.read();
    const midway = await statsOf(t.url, run.id, 'stream');
    expect(midway.open).toBe(1);
    expect(midway.bytesDown).toBeGreaterThan(100);
    await reader?.cancel();
    await expect.poll(async () => (await statsOf(t.url, run.id, 'stream')).open).toBe(0);
  });
});

describe('receipts', () => {
  it('turn into latency, duplicates and losses', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100, techniques: ['websocket'] });
    await startRun(t.url, run.id);
    await expect.poll(() => t.runs.get(run.id)?.state).toBe('published');
    const published = t.runs.get(run.id)?.log ?? [];
    const at = (seq: number, plus: number) => (published[seq - 1]?.publishedAt ?? 0) + plus;
    const res = await postJson(`${t.url}/api/runs/${run.id}/receipts`, {
      receipts: {
        websocket: [
          [1, at(1, 10)],
          [2, at(2, 30)],
          [2, at(2, 40)],
        ],
      },
    });
    expect(res.status).toBe(200);
    const before = await statsOf(t.url, run.id, 'websocket');
    expect(before).toMatchObject({ delivered: 2, duplicates: 1, lost: null, finished: false });
    await postJson(`${t.url}/api/runs/${run.id}/receipts`, { finished: ['websocket'] });
    const after = await statsOf(t.url, run.id, 'websocket');
    expect(after).toMatchObject({ delivered: 2, duplicates: 1, lost: 1, finished: true });
    expect(after.latency?.count).toBe(2);
    expect(after.latency?.max).toBeCloseTo(30, 0);
    expect(after.latency?.p50).toBeCloseTo(30, 0);
  });

  it('summarize latency as count, mean, p50, p95 and max, rounded to 0.1 ms', async () => {
    const run = await createRun(t.url, { messages: 4, rate: 100, techniques: ['sse'] });
    await startRun(t.url, run.id);
    await expect.poll(() => t.runs.get(run.id)?.state).toBe('published');
    const published = t.runs.get(run.id)?.log ?? [];
    const at = (seq: number, plus: number) => (published[seq - 1]?.publishedAt ?? 0) + plus;
    // Out of order on purpose: the server sorts them.
    const res = await postJson(`${t.url}/api/runs/${run.id}/receipts`, {
      receipts: {
        sse: [
          [3, at(3, 30.26)],
          [1, at(1, 10.26)],
          [4, at(4, 40.26)],
          [2, at(2, 20.26)],
        ],
      },
      finished: ['sse'],
    });
    const stats = (await res.json()) as RunStats;
    const sse = stats.techniques[0];
    expect(sse?.latency).toEqual({ count: 4, mean: 25.3, p50: 30.3, p95: 40.3, max: 40.3 });
    expect(sse).toMatchObject({ delivered: 4, lost: 0, duplicates: 0, finished: true });
  });

  it('a receipt for a message not published yet counts as delivered but has no latency', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100, techniques: ['sse'] });
    const res = await postJson(`${t.url}/api/runs/${run.id}/receipts`, {
      receipts: { sse: [[2, 1]] },
    });
    const sse = ((await res.json()) as RunStats).techniques[0];
    expect(sse).toMatchObject({ delivered: 1, latency: null, lost: null });
  });
});
