import { type ClientRequest, type IncomingMessage, request } from 'node:http';
import type { Listening } from '@course/kit/test-server';
import { afterEach, describe, expect, it } from 'vitest';
import { activeStreams, liveTimers, readStream, startApp, waitFor } from './helpers.ts';

// Heartbeats, the per-address bound, and cleanup when clients go away.

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

async function app(options: Parameters<typeof startApp>[0]): Promise<Listening> {
  const server = await startApp(options);
  cleanup.push(() => server.close());
  return server;
}

/** An open stream: the request (to destroy it) and the response, once its first bytes came. */
interface Held {
  req: ClientRequest;
  res: IncomingMessage;
}

/** Opens `path` and resolves when the first chunk of the body has arrived. */
function hold(url: string, path: string): Promise<Held> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, (res) => {
      res.once('data', () => resolve({ req, res }));
      res.once('end', () => resolve({ req, res }));
    });
    req.on('error', (error) => {
      // Our own destroy() later is expected; anything before the first byte is not.
      if (!req.destroyed) reject(error);
    });
    req.end();
    cleanup.push(() => req.destroy());
  });
}

/** Polls /stats until activeStreams is `n`; fails after 15 s. */
async function untilStreams(url: string, n: number): Promise<void> {
  const until = Date.now() + 15_000;
  let now = await activeStreams(url);
  while (now !== n) {
    if (Date.now() > until) throw new Error(`activeStreams stayed at ${now}, expected ${n}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    now = await activeStreams(url);
  }
}

describe('heartbeat', () => {
  it('writes a comment line between events when the interval is long', async () => {
    const { url } = await app({ intervalMs: 120, heartbeatMs: 40 });
    const read = await readStream(url, '/countdown?dropAfter=8');
    expect(read.comments.length).toBeGreaterThanOrEqual(3);
    expect(new Set(read.comments)).toEqual(new Set(['heartbeat']));
    expect(read.raw).toMatch(/data: \{"id":"kgh","cnt":9\}\n\n(: heartbeat\n\n)+id: 8\n/);
  });

  it('keeps an otherwise silent stream alive with comments only', async () => {
    const { url } = await app({ heartbeatMs: 30 });
    const held = await hold(url, '/limit-stream?slot=1');
    let text = '';
    held.res.setEncoding('utf8');
    held.res.on('data', (chunk: string) => {
      text += chunk;
    });
    await waitFor(() => text.split(': heartbeat\n\n').length > 3, 'three heartbeats', 5000);
  });
});

describe('the per-address bound', () => {
  it('answers 429 with a clear message past the bound, and accepts again once one closes', async () => {
    const { url } = await app({ maxStreamsPerClient: 2, intervalMs: 1000 });
    const first = await hold(url, '/countdown');
    await hold(url, '/lecture-countdown');
    expect(await activeStreams(url)).toBe(2);

    const refused = await fetch(`${url}/countdown`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toEqual({
      error:
        'too many open streams from 127.0.0.1: at most 2 at once. ' +
        'Close one (or let a countdown finish) and try again.',
    });

    first.req.destroy();
    await untilStreams(url, 1);
    const again = await hold(url, '/named-events');
    expect(again.res.statusCode).toBe(200);
  });

  it('does not count 204 answers or bad requests as streams', async () => {
    const { url } = await app({ maxStreamsPerClient: 1 });
    for (let i = 0; i < 3; i++) {
      expect((await readStream(url, '/countdown', { 'Last-Event-ID': 'end' })).status).toBe(204);
      expect((await fetch(`${url}/countdown?dropAfter=99`)).status).toBe(400);
    }
    expect(await activeStreams(url)).toBe(0);
    expect((await hold(url, '/countdown')).res.statusCode).toBe(200);
  });
});

describe('cleanup', () => {
  it('200 clients connect, drop mid-countdown, and every stream and timer is gone', async () => {
    // A slow countdown, so all 200 are mid-way when they drop.
    const { url } = await app({ intervalMs: 2000, maxStreamsPerClient: 500 });
    const before = liveTimers();
    const clients = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        hold(url, i % 2 === 0 ? '/countdown' : '/lecture-countdown'),
      ),
    );
    expect(await activeStreams(url)).toBe(200);
    // Every stream holds at least its countdown timer (the fixed ones a heartbeat too).
    expect(liveTimers() - before).toBeGreaterThanOrEqual(200);

    for (const client of clients) client.req.destroy();
    await untilStreams(url, 0);
    expect(liveTimers() - before).toBeLessThanOrEqual(2);
  });
});
