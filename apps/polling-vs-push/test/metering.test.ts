import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  createRun,
  eventually,
  postJson,
  startRun,
  startServer,
  statsOf,
  type TestServer,
} from './helpers.ts';

// The server's byte counts, checked against what a raw TCP client actually sent and read.

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

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
    await eventually(() => t.server.runs.get(run.id)?.state === 'published');
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
  });

  it('a WebSocket is credited its handshake and every frame, and counts one request', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100 });
    const ws = new WebSocket(`ws://127.0.0.1:${t.port}/feed/ws?run=${run.id}`);
    const frames: string[] = [];
    ws.on('message', (data) => frames.push(String(data)));
    await new Promise((resolve) => ws.once('open', resolve));
    await startRun(t.url, run.id);
    await new Promise((resolve) => ws.once('close', resolve));
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
    await eventually(async () => (await statsOf(t.url, run.id, 'stream')).open === 0);
  });
});

describe('receipts', () => {
  it('turn into latency, duplicates and losses', async () => {
    const run = await createRun(t.url, { messages: 3, rate: 100, techniques: ['websocket'] });
    await startRun(t.url, run.id);
    await eventually(() => t.server.runs.get(run.id)?.state === 'published');
    const published = t.server.runs.get(run.id)?.log ?? [];
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
});
