import { once } from 'node:events';
import { Agent, type ClientRequest, createServer, type IncomingMessage, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChapter, type Listening, listening } from '@course/kit/test-server';
import { afterEach, describe, expect, it } from 'vitest';
import chapter, { createApp } from '../server/app.ts';
import { activeStreams, liveTimers, readStream, start } from './helpers.ts';

// Heartbeats, the per-address bound, and cleanup when clients go away.

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

async function app(options: Parameters<typeof start>[0]): Promise<Listening> {
  const server = await start(options);
  cleanup.push(() => server.close());
  return server;
}

/** An open stream: the request (to destroy it) and the response, once its first bytes came. */
interface Held {
  req: ClientRequest;
  res: IncomingMessage;
  /** Everything received so far, as text. */
  text(): string;
}

/** Opens `path` and resolves when the first chunk of the body has arrived. */
function hold(url: string, path: string): Promise<Held> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, (res) => {
      let text = '';
      const held = { req, res, text: () => text };
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      res.once('data', () => resolve(held));
      res.once('end', () => resolve(held));
    });
    req.on('error', (error) => {
      // Our own destroy() later is expected; anything before the first byte is not.
      if (!req.destroyed) reject(error);
    });
    req.end();
    cleanup.push(() => req.destroy());
  });
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
    await expect
      .poll(() => held.text().split(': heartbeat\n\n').length, {
        message: 'three heartbeats',
        timeout: 5000,
      })
      .toBeGreaterThan(3);
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
    await expect.poll(() => activeStreams(url), { message: 'activeStreams' }).toBe(1);
    const again = await hold(url, '/named-events');
    expect(again.res.statusCode).toBe(200);
    // Two open again: the next one is refused.
    expect((await fetch(`${url}/countdown`)).status).toBe(429);
  });

  it('answers 429 on every kind of stream, and keeps serving', async () => {
    const { url } = await app({ maxStreamsPerClient: 0 });
    for (const path of [
      '/countdown',
      '/lecture-countdown',
      '/named-events',
      '/limit-stream?slot=1',
    ]) {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(429);
      expect(((await res.json()) as { error: string }).error).toMatch(/^too many open streams/);
    }
    expect(await activeStreams(url)).toBe(0);
  });

  it('keeps the connection open for the next request after refusing a stream', async () => {
    const server = createServer(createApp({ maxStreamsPerClient: 0 }));
    const { url } = await listening(server);
    cleanup.push(() => server.close());
    let connections = 0;
    server.on('connection', () => connections++);
    // One keep-alive connection at most: each request reuses it unless the server closed it.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    cleanup.push(() => agent.destroy());
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        request(`${url}${path}`, { agent }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        })
          .on('error', reject)
          .end();
      });
    for (const path of ['/countdown', '/named-events', '/limit-stream?slot=1'])
      expect((await get(path)).status).toBe(429);
    expect(await get('/stats')).toEqual({ status: 200, body: '{"activeStreams":0}' });
    expect(connections).toBe(1);
  });

  it('counts an IPv4 client of a dual-stack server by its IPv4 address', async () => {
    const server = createServer(createApp({ maxStreamsPerClient: 0 }));
    server.listen(0, '::');
    await once(server, 'listening');
    cleanup.push(() => new Promise((done) => server.close(done)));
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/countdown`);
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: string }).error).toMatch(
      /^too many open streams from 127\.0\.0\.1: at most 0 at once\./,
    );
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
    await expect.poll(() => activeStreams(url), { message: 'activeStreams' }).toBe(0);
    expect(liveTimers() - before).toBeLessThanOrEqual(2);
  });
});

describe('/limit-stream', () => {
  it('says hello at once, then sends a numbered tick every second', async () => {
    const { url } = await app({});
    const held = await hold(url, '/limit-stream?slot=99');
    expect(held.res.statusCode).toBe(200);
    await expect
      .poll(held.text, { message: 'the first tick', timeout: 5000 })
      .toContain('event: tick\n');
    expect(held.text()).toBe(
      'retry: 1000\n\nevent: hello\nid: 0\ndata: slot 99 is open\n\nevent: tick\nid: 1\ndata: 1\n\n',
    );
  });

  it('takes slot 1, the lowest', async () => {
    const { url } = await app({});
    expect((await hold(url, '/limit-stream?slot=1')).res.statusCode).toBe(200);
  });
});

describe('the end of a stream', () => {
  it('ends the response right after the last event, without waiting another interval', async () => {
    const { url } = await app({ intervalMs: 10_000 });
    const started = Date.now();
    const countdown = await readStream(url, '/countdown', { 'Last-Event-ID': '0' });
    const named = await readStream(url, '/named-events', { 'Last-Event-ID': '4' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(countdown.aborted).toBe(false);
    expect(countdown.events).toEqual([
      { id: 'end', event: 'end', data: '{"id":"kgh","done":true}' },
    ]);
    expect(named.events.map((event) => event.id)).toEqual(['5']);
  });
});

describe('the headers', () => {
  it('say nothing about the framework and carry no ETag', async () => {
    const { url } = await app({});
    const res = await fetch(`${url}/stats`);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('etag')).toBeNull();
  });
});

describe('the pages', () => {
  it('go to the client handler; what it passes on is a JSON 404', async () => {
    const { url } = await app({
      client: (req, res, next) => {
        if (req.url === '/') res.end('the page');
        else next();
      },
    });
    expect(await (await fetch(`${url}/`)).text()).toBe('the page');
    const missing = await fetch(`${url}/missing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no route for GET /missing' });
  });
});

describe('the chapter as pnpm start runs it (server/app.ts default export)', () => {
  it('serves the page and reads the four COUNTDOWN_* variables', async () => {
    const { PORT } = await createChapter(chapter, {
      COUNTDOWN_INTERVAL_MS: '100',
      COUNTDOWN_RETRY_MS: '1500',
      COUNTDOWN_HEARTBEAT_MS: '30',
      COUNTDOWN_MAX_STREAMS: '1',
    });
    const { url, close } = await listening(PORT);
    cleanup.push(close);
    expect(await (await fetch(`${url}/page`)).text()).toBe('the page');
    const streaming = readStream(url, '/countdown?dropAfter=8');
    await expect.poll(() => activeStreams(url), { message: 'activeStreams' }).toBe(1);
    expect((await fetch(`${url}/countdown`)).status).toBe(429);
    const read = await streaming;
    expect(read.retries).toEqual([1500]);
    expect(read.events.map((event) => event.id)).toEqual(['10', '9', '8']);
    expect(read.comments.length).toBeGreaterThanOrEqual(2);
  });
});
