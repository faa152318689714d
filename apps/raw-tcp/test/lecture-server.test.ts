import { once } from 'node:events';
import { type Listening, listening } from '@course/kit/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExchange } from '../server/exchange.ts';
import { createFramedServer } from '../server/framed-server.ts';
import { createLectureServer, type LectureServer } from '../server/lecture-server.ts';
import {
  CLIENT_CONNECTED,
  CLIENT_DISCONNECTED,
  CLIENT_HELLO,
  SERVER_FAREWELL,
  SERVER_GREETING,
} from '../shared/messages.ts';
import type { TranscriptEntry } from '../shared/transcript.ts';
import { connectPeer, within } from './helpers.ts';

let lecture: LectureServer;
let server: Listening;
const logs: string[] = [];

beforeAll(async () => {
  lecture = createLectureServer({ idleTimeoutMs: 800, log: (line) => logs.push(line) });
  server = await listening(lecture.server);
});
afterAll(() => server.close());

/** The lecture's exchange from a real client; proves the server still serves. */
async function exchange() {
  const peer = await connectPeer(server.port);
  const localPort = peer.socket.localPort;
  peer.socket.write(CLIENT_HELLO);
  await within(peer.closed, 5000);
  return { ...peer, localPort };
}

describe('the lecture TCP server', () => {
  it('writes the greeting then the farewell, and closes, whatever the client does', async () => {
    const peer = await exchange();
    expect(peer.text()).toBe(SERVER_GREETING + SERVER_FAREWELL);
    expect(Buffer.concat(peer.chunks).length).toBe(64 + 35);
    expect(peer.errors).toEqual([]);
  });

  it('logs what the client sent, with its byte count', async () => {
    const peer = await exchange();
    const line = logs.find(
      (log) => log.includes(`${CLIENT_HELLO.length} bytes`) && log.includes(CLIENT_HELLO),
    );
    expect(line).toBeDefined();
    const connection = lecture.recent().find((c) => c.remotePort === peer.localPort);
    expect(connection?.received.toString()).toBe(CLIENT_HELLO);
    expect(connection?.sent).toEqual([SERVER_GREETING, SERVER_FAREWELL]);
    await expect.poll(() => connection?.closed).toBe(true);
  });

  it('reports each write and data event on its tap, for the bridge', async () => {
    const seen: string[] = [];
    const onWrite = (_c: unknown, text: string, bytes: number) =>
      seen.push(`write ${bytes} ${text}`);
    const onData = (_c: unknown, chunk: Buffer) => seen.push(`data ${chunk.length}`);
    lecture.tap.on('write', onWrite);
    lecture.tap.on('data', onData);
    try {
      await exchange();
    } finally {
      lecture.tap.off('write', onWrite);
      lecture.tap.off('data', onData);
    }
    expect(seen).toEqual([
      `write 64 ${SERVER_GREETING}`,
      `write 35 ${SERVER_FAREWELL}`,
      `data ${CLIENT_HELLO.length}`,
    ]);
  });

  it('closes a half-open client that never closes its side after the idle timeout', async () => {
    // allowHalfOpen: this client does not answer the server's FIN with its own.
    const peer = await connectPeer(server.port, true);
    const localPort = peer.socket.localPort;
    const started = performance.now();
    const serverClosed = new Promise<void>((resolve) => {
      const onClose = (connection: { remotePort: number }) => {
        if (connection.remotePort !== localPort) return;
        lecture.tap.off('close', onClose);
        resolve();
      };
      lecture.tap.on('close', onClose);
    });
    await expect.poll(() => peer.text()).toBe(SERVER_GREETING + SERVER_FAREWELL);
    await within(serverClosed, 5000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(700);
    expect(logs.some((log) => log.includes('idle for 800 ms, closing'))).toBe(true);
    peer.socket.destroy();
  });

  it('survives clients that reset the connection at once, and keeps serving', async () => {
    for (let i = 0; i < 20; i++) {
      const peer = await connectPeer(server.port);
      peer.socket.resetAndDestroy();
      await within(peer.closed, 5000);
    }
    const peer = await exchange();
    expect(peer.text()).toBe(SERVER_GREETING + SERVER_FAREWELL);
  });

  it('survives a client that floods it and vanishes mid-write, and keeps serving', async () => {
    const peer = await connectPeer(server.port, true);
    const flood = Buffer.alloc(1024 * 1024, 'x');
    peer.socket.write(flood);
    peer.socket.write(flood);
    await new Promise((resolve) => setTimeout(resolve, 20));
    peer.socket.resetAndDestroy();
    await within(peer.closed, 5000);
    const next = await exchange();
    expect(next.text()).toBe(SERVER_GREETING + SERVER_FAREWELL);
  });

  it('logs each connection by number with its address, and how it closed', async () => {
    const lines: string[] = [];
    const own = createLectureServer({ log: (line) => lines.push(line) });
    const started = await listening(own.server);
    try {
      const peer = await connectPeer(started.port);
      const localPort = peer.socket.localPort;
      await within(peer.closed, 5000);
      await expect.poll(() => lines.at(-1)).toBe('[tcp] #1 closed');
      expect(lines).toEqual([`[tcp] #1 connected from 127.0.0.1:${localPort}`, '[tcp] #1 closed']);
      const rude = await connectPeer(started.port, true);
      rude.socket.write('x'.repeat(64 * 1024));
      rude.socket.resetAndDestroy();
      await expect.poll(() => lines.at(-1)).toBe('[tcp] #2 closed after an error');
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^\[tcp\] #2 socket error: (ECONNRESET|EPIPE) \(\w+ (ECONNRESET|EPIPE)\)$/,
        ),
      );
    } finally {
      await started.close();
    }
  });

  it('logs a listen error instead of crashing', async () => {
    const lines: string[] = [];
    const second = createLectureServer({ log: (line) => lines.push(line) });
    second.server.listen(server.port, '127.0.0.1');
    await once(second.server, 'error');
    expect(lines).toEqual([
      `[tcp] server error: EADDRINUSE (listen EADDRINUSE: address already in use 127.0.0.1:${server.port})`,
    ]);
  });

  it('records a connection as open until it closes, and its first bytes across data events', async () => {
    const small = createLectureServer({ recordBytes: 9, log: () => {} });
    const own = await listening(small.server);
    try {
      // allowHalfOpen: the connection stays open after the server's FIN, until we close it.
      const peer = await connectPeer(own.port, true);
      const received = new Promise<void>((resolve) => small.tap.once('data', () => resolve()));
      peer.socket.write('abcde');
      await received;
      expect(small.recent()).toHaveLength(1);
      expect(small.recent()[0]?.closed).toBe(false);
      peer.socket.end('fghijklmno');
      await within(peer.closed, 5000);
      await expect.poll(() => small.recent()[0]?.closed).toBe(true);
      expect(small.recent()[0]?.received.toString()).toBe('abcdefghi');
      expect(small.recent()[0]?.receivedBytes).toBe(15);
    } finally {
      await own.close();
    }
  });

  it('remembers only a bounded number of recent connections, dropping the oldest', async () => {
    // A server of its own with a small bound, so more clients than the bound are quick to make.
    const small = createLectureServer({ keepRecent: 3, recordBytes: 9, log: () => {} });
    const own = await listening(small.server);
    try {
      const ports: number[] = [];
      for (let i = 1; i <= 7; i++) {
        const peer = await connectPeer(own.port);
        ports.push(peer.socket.localPort ?? 0);
        peer.socket.write(`client #${i} says hello`);
        // One at a time: each has been accepted (and numbered) before the next connects.
        await within(peer.closed, 5000);
      }
      await expect.poll(() => small.recent().every((c) => c.closed)).toBe(true);
      const kept = small.recent();
      // Seven came, three are kept: the newest three in order; #1 to #4 were evicted.
      expect(kept.map((c) => c.id)).toEqual([5, 6, 7]);
      expect(kept.map((c) => c.remotePort)).toEqual(ports.slice(4));
      // Each keeps only the first recordBytes (9) bytes, but counts them all.
      expect(kept.map((c) => c.received.toString())).toEqual([
        'client #5',
        'client #6',
        'client #7',
      ]);
      expect(kept.map((c) => c.receivedBytes)).toEqual(
        [5, 6, 7].map((i) => `client #${i} says hello`.length),
      );
    } finally {
      await own.close();
    }
  });
});

describe("the lecture's client (runExchange), as the CLI runs it", () => {
  it('runs the exchange without an onConnect callback', async () => {
    const entries: Omit<TranscriptEntry, 't'>[] = [];
    const totals = await runExchange({ host: '127.0.0.1', port: server.port }, (entry) =>
      entries.push(entry),
    );
    expect(totals).toMatchObject({ sentBytes: 29, receivedBytes: 99 });
    expect(entries[0]).toEqual({ side: 'client', kind: 'connect', text: CLIENT_CONNECTED });
    expect(entries.at(-1)).toEqual({ side: 'client', kind: 'close', text: CLIENT_DISCONNECTED });
  });

  it('gives up with an error entry when the server never closes', async () => {
    // The framed server keeps a connection open until the client leaves.
    const framed = await listening(createFramedServer({ log: () => {} }));
    try {
      const entries: Omit<TranscriptEntry, 't'>[] = [];
      await runExchange({ host: '127.0.0.1', port: framed.port, timeoutMs: 200 }, (entry) =>
        entries.push(entry),
      );
      expect(entries.slice(-2)).toEqual([
        { side: 'client', kind: 'error', text: 'no end of the exchange after 200 ms' },
        { side: 'client', kind: 'close', text: CLIENT_DISCONNECTED },
      ]);
    } finally {
      await framed.close();
    }
  });
});
