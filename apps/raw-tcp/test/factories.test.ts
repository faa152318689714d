import { once } from 'node:events';
import type { Server } from 'node:net';
import { type ClientHandler, parseEnv } from '@course/kit';
import { listening } from '@course/kit/test-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import chapter, { createServers } from '../server/app.ts';
import { createFramedServer } from '../server/framed-server.ts';
import { createLectureServer } from '../server/lecture-server.ts';
import type { TranscriptEntry } from '../shared/transcript.ts';
import { connectPeer, start, within } from './helpers.ts';

// Every factory is called inside the tests of this file, never in a beforeAll:
// a factory that breaks fails these tests rather than skipping them.

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

/** Listens on `host`, not on 127.0.0.1 as `listening()` does. */
async function listenOn(server: Server, options: { host: string; ipv6Only?: boolean }) {
  server.listen({ port: 0, ...options });
  await once(server, 'listening');
  cleanup.push(() => new Promise((done) => server.close(done)));
}

describe('the factories', () => {
  it('return servers that are not listening yet', () => {
    const raw = createServers({ log: () => {} });
    expect([raw.http.listening, raw.tcp.listening, raw.framed.listening]).toEqual([
      false,
      false,
      false,
    ]);
    expect(raw.tcp).toBe(raw.lecture.server);
    expect(raw.lecture.recent()).toEqual([]);
    expect(createLectureServer({ log: () => {} }).server.listening).toBe(false);
    expect(createFramedServer({ log: () => {} }).listening).toBe(false);
  });

  it('default to a 30 s idle timeout, 64 KiB lines and 16 KiB of each request kept, and log to the terminal', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { tcp, url, close } = await start();
    cleanup.push(close);
    const config = await (await fetch(`${url}/api/config`)).json();
    expect(config).toMatchObject({ idleTimeoutMs: 30_000, maxLineBytes: 65_536 });
    // The lecture server keeps the first 16 KiB of what each client sent.
    const request = `GET /probe-0123456789abcdef HTTP/1.1\r\nX-Padding: ${'p'.repeat(20_000)}\r\n\r\n`;
    const peer = await connectPeer(tcp.port);
    peer.socket.write(request);
    await within(peer.closed, 5000);
    const probe = await (await fetch(`${url}/api/probe/0123456789abcdef`)).json();
    expect(probe).toMatchObject({
      request: request.slice(0, 16 * 1024),
      requestBytes: Buffer.byteLength(request),
    });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^\[tcp\] #1 connected from /));
    await expect.poll(() => log.mock.calls.flat()).toContain('[tcp] #1 closed');
  });

  it('the lecture and framed servers log to the terminal by default', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    for (const server of [createLectureServer().server, createFramedServer()]) {
      const started = await listening(server);
      cleanup.push(() => started.close());
      const peer = await connectPeer(started.port);
      peer.socket.destroy();
      await within(peer.closed, 5000);
    }
    await expect
      .poll(() => log.mock.calls.map(([line]) => String(line).replace(/ from .*/, '')))
      .toEqual(
        expect.arrayContaining([
          '[tcp] #1 connected',
          expect.stringMatching(/^\[tcp\] #1 closed/),
          '[framed] #1 connected',
          '[framed] #1 closed',
        ]),
      );
  });

  it('the bridge reaches TCP servers that listen on every interface, IPv6-only included', async () => {
    const lines: string[] = [];
    const raw = createServers({ idleTimeoutMs: 5000, maxLineBytes: 8, log: (l) => lines.push(l) });
    await listenOn(raw.tcp, { host: '::', ipv6Only: true });
    await listenOn(raw.framed, { host: '0.0.0.0' });
    const bridge = await listening(raw.http);
    cleanup.push(() => bridge.close());

    const body = await (await fetch(`${bridge.url}/api/exchange`)).text();
    const entries = body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as TranscriptEntry);
    expect(entries.filter((entry) => entry.kind === 'error')).toEqual([]);
    expect(entries.at(-1)?.text).toMatch(/^sent 29 bytes, received 99 bytes/);
    expect(lines).toContainEqual(expect.stringMatching(/^\[tcp\] #1 connected from ::1:\d+$/));

    const res = await fetch(`${bridge.url}/api/bad-input/oversize`, { method: 'POST' });
    const { steps } = (await res.json()) as { steps: { text: string }[] };
    expect(steps.map((step) => step.text)).toContain(
      'received: ERROR: line exceeds 8 bytes without a newline; closing the connection',
    );
  });
});

describe('the chapter as pnpm start runs it (server/app.ts default export)', () => {
  it('serves the page and reads TCP_IDLE_TIMEOUT_MS and TCP_MAX_LINE_BYTES', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const page: ClientHandler = (req, res, next) => {
      if (req.url === '/page') res.end('the page');
      else next();
    };
    const servers = await chapter.create({
      client: page,
      ports: { PORT: 0, TCP_PORT: 0, FRAMED_TCP_PORT: 0 },
      env: parseEnv(chapter.env, { TCP_IDLE_TIMEOUT_MS: '700', TCP_MAX_LINE_BYTES: '16' }),
      dev: false,
      log: () => {},
    });
    const [http, tcp, framed] = await Promise.all(
      [servers.PORT, servers.TCP_PORT, servers.FRAMED_TCP_PORT].map((s) => listening(s as Server)),
    );
    for (const server of [http, tcp, framed]) cleanup.push(() => server?.close());
    expect(await (await fetch(`${http?.url}/page`)).text()).toBe('the page');
    expect(await (await fetch(`${http?.url}/api/config`)).json()).toEqual({
      tcpPort: tcp?.port,
      framedTcpPort: framed?.port,
      idleTimeoutMs: 700,
      maxLineBytes: 16,
    });
  });
});
