import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Listening, listening } from '@course/kit/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServers } from '../server/app.ts';
import type { FramingReport } from '../server/framing-demo.ts';
import {
  CLIENT_CONNECTED,
  CLIENT_DISCONNECTED,
  CLIENT_HELLO,
  SERVER_FAREWELL,
  SERVER_GREETING,
} from '../shared/messages.ts';
import type { TranscriptEntry } from '../shared/transcript.ts';
import { connectPeer, start, within } from './helpers.ts';

const run = promisify(execFile);
let running: Awaited<ReturnType<typeof start>>;
let http: Listening;
let tcp: Listening;
let framed: Listening;
/** What the chapter's servers logged, as its terminal would show it. */
const logs: string[] = [];

beforeAll(async () => {
  running = await start({
    idleTimeoutMs: 700,
    maxLineBytes: 4096,
    closeGraceMs: 500,
    probeWaitMs: 300,
    log: (line) => {
      if (logs.length < 10_000) logs.push(line);
    },
  });
  ({ http, tcp, framed } = running);
});
afterAll(() => running.close());

/** Reads the bridge's NDJSON transcript of one exchange. */
async function exchange(): Promise<TranscriptEntry[]> {
  const res = await fetch(`${http.url}/api/exchange`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  const body = await res.text();
  expect(body.endsWith('\n')).toBe(true);
  return body
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as TranscriptEntry);
}

const joined = (entries: TranscriptEntry[]) => entries.map((entry) => entry.text).join('');
const total = (entries: TranscriptEntry[]) =>
  entries.reduce((sum, entry) => sum + (entry.bytes ?? 0), 0);

describe('GET /api/config', () => {
  it('tells the page where the TCP servers listen and their limits', async () => {
    const res = await fetch(`${http.url}/api/config`);
    expect(await res.json()).toEqual({
      tcpPort: tcp.port,
      framedTcpPort: framed.port,
      idleTimeoutMs: 700,
      maxLineBytes: 4096,
    });
  });

  it('answers JSON with its type, exact length and no-store', async () => {
    const res = await fetch(`${http.url}/api/config`);
    const body = await res.text();
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /api/exchange: the lecture exchange, streamed', () => {
  it('shows both ends, both directions, with byte counts, in order', async () => {
    const entries = await exchange();
    const of = (side: string, kind: string) =>
      entries.filter((entry) => entry.side === side && entry.kind === kind);

    // The server wrote its two lines, in order, with their UTF-8 byte counts.
    expect(of('server', 'send').map((e) => [e.text, e.bytes])).toEqual([
      [SERVER_GREETING, 64],
      [SERVER_FAREWELL, 35],
    ]);
    // The client connected, then wrote its hello.
    expect(of('client', 'connect').map((e) => e.text)).toEqual([CLIENT_CONNECTED]);
    expect(of('client', 'send').map((e) => [e.text, e.bytes])).toEqual([[CLIENT_HELLO, 29]]);
    const index = (entry: TranscriptEntry | undefined) => entries.indexOf(entry as TranscriptEntry);
    expect(index(of('client', 'connect')[0])).toBeLessThan(index(of('client', 'send')[0]));
    // Each side received exactly what the other wrote, in however many data events.
    expect(joined(of('server', 'receive'))).toBe(CLIENT_HELLO);
    expect(total(of('server', 'receive'))).toBe(29);
    expect(joined(of('client', 'receive'))).toBe(SERVER_GREETING + SERVER_FAREWELL);
    expect(total(of('client', 'receive'))).toBe(99);
    // Then the server's FIN, the close, and the totals.
    expect(entries.slice(-3).map((e) => [e.side, e.kind])).toEqual([
      ['client', 'end'],
      ['client', 'close'],
      ['client', 'done'],
    ]);
    expect(entries.at(-3)?.text).toBe('the server closed its side (FIN)');
    expect(entries.at(-2)?.text).toBe(CLIENT_DISCONNECTED);
    expect(entries.at(-1)?.text).toMatch(/^sent 29 bytes, received 99 bytes in \d+ data event/);
    // Time only moves forward.
    const times = entries.map((entry) => entry.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('stamps each entry with the milliseconds since the exchange started', async () => {
    const started = performance.now();
    const entries = await exchange();
    const elapsed = performance.now() - started;
    for (const entry of entries) {
      expect(entry.t).toBeGreaterThanOrEqual(0);
      expect(entry.t).toBeLessThanOrEqual(Math.ceil(elapsed));
    }
  });

  it('is neither cached nor sniffed', async () => {
    const res = await fetch(`${http.url}/api/exchange`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    await res.text();
  });

  it('gives each run only its own connection, even with runs in parallel', async () => {
    const runs = await Promise.all([exchange(), exchange(), exchange()]);
    for (const entries of runs) {
      expect(entries.filter((e) => e.side === 'server' && e.kind === 'send')).toHaveLength(2);
      expect(joined(entries.filter((e) => e.side === 'server' && e.kind === 'receive'))).toBe(
        CLIENT_HELLO,
      );
    }
  });
});

describe('POST /api/framing: no message boundaries', () => {
  let report: FramingReport;
  beforeAll(async () => {
    const res = await fetch(`${http.url}/api/framing`, { method: 'POST' });
    expect(res.status).toBe(200);
    report = (await res.json()) as FramingReport;
  });

  it('five writes in one burst reach the receiver merged into fewer data events', () => {
    expect(report.merged.writes.map((w) => w.text)).toEqual([
      'message 1',
      'message 2',
      'message 3',
      'message 4',
      'message 5',
    ]);
    expect(report.merged.dataEvents.length).toBeLessThan(5);
    expect(joined(report.merged.dataEvents as TranscriptEntry[])).toBe(
      'message 1message 2message 3message 4message 5',
    );
  });

  it('one 256 KiB write reaches the receiver split into several data events', () => {
    expect(report.split.writeBytes).toBe(262_144);
    expect(report.split.dataEvents.length).toBeGreaterThanOrEqual(4);
    expect(report.split.dataEvents.every((bytes) => bytes <= 65_536)).toBe(true);
    expect(report.split.dataEvents.reduce((a, b) => a + b, 0)).toBe(262_144);
  });

  it('a character cut between two writes decodes to garbage one data event at a time', () => {
    expect(report.utf8.writes.map((w) => w.hex)).toEqual([
      'ec 95 88 eb',
      '85 95 ed 95 98 ec 84 b8 ec 9a 94',
    ]);
    expect(report.utf8.dataEvents.map((e) => [e.bytes, e.text])).toEqual([
      [4, '안\uFFFD'],
      [11, '\uFFFD\uFFFD하세요'],
    ]);
  });

  it('with newline framing, every message comes back whole from the framed server', () => {
    expect(report.framed.lines).toEqual([
      'message 1',
      'message 2',
      'message 3',
      'message 4',
      'message 5',
      '안녕하세요',
    ]);
    expect(report.framed.dataEvents.reduce((a, b) => a + b, 0)).toBe(5 * 10 + 16);
  });
});

describe('GET /api/probe/:id: what an HTTP client sent to the TCP port', () => {
  it('finds the request a real HTTP client made, which got no valid response', async () => {
    const id = randomUUID();
    // Node's fetch, like the browser's, rejects the reply: it is not HTTP.
    const failure = await fetch(`${tcp.url}/probe-${id}`).catch((err: Error) => err);
    expect(failure).toBeInstanceOf(TypeError);
    const res = await fetch(`${http.url}/api/probe/${id}`);
    expect(res.status).toBe(200);
    const probe = (await res.json()) as Record<string, unknown>;
    expect(probe.request).toMatch(new RegExp(`^GET /probe-${id} HTTP/1\\.1\\r\\n`, 'i'));
    expect(probe.request).toMatch(/\r\nhost: 127\.0\.0\.1:\d+\r\n/i);
    expect(probe.request).toMatch(/\r\n\r\n$/);
    expect(probe.requestBytes).toBe(Buffer.byteLength(probe.request as string));
    expect(probe.reply).toBe(SERVER_GREETING + SERVER_FAREWELL);
    expect(probe.replyBytes).toBe(99);
  });

  it('finds a hand-written request too, byte for byte', async () => {
    const id = randomUUID();
    const request = `GET /probe-${id} HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost:4100\r\n\r\n`;
    const peer = await connectPeer(tcp.port);
    peer.socket.write(request);
    await within(peer.closed, 5000);
    expect(peer.text()).toBe(SERVER_GREETING + SERVER_FAREWELL);
    const probe = (await (await fetch(`${http.url}/api/probe/${id}`)).json()) as {
      request: string;
    };
    expect(probe.request).toBe(request);
  });

  it('takes ids of 8 to 64 hex digits or dashes, in either case, and nothing around them', async () => {
    const status = async (id: string) => (await fetch(`${http.url}/api/probe/${id}`)).status;
    const hex = (n: number) => 'a1b2c3d4e5f6'.repeat(6).slice(0, n);
    // Well-formed ids are looked up (and not found: 404); malformed ones are refused (400).
    const statuses = await Promise.all(
      [hex(8), hex(64), 'ABCDEF-0123', hex(7), hex(65), `xx${hex(8)}`, `${hex(8)}xx`].map(status),
    );
    expect(statuses).toEqual([404, 404, 404, 400, 400, 400, 400]);
  });

  it('refuses a percent-encoded id with 400, even a malformed escape, and keeps serving', async () => {
    for (const id of ['abcd1234%2D5678', '%E0%E0%E0%E0%E0%E0%E0%E0']) {
      const res = await fetch(`${http.url}/api/probe/${id}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'probe id must be 8-64 hex digits or dashes' });
    }
    expect((await fetch(`${http.url}/api/config`)).status).toBe(200);
  });

  it('waits for a request that reaches the TCP server after the page asked', async () => {
    const id = randomUUID();
    const asked = fetch(`${http.url}/api/probe/${id}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const request = `GET /probe-${id} HTTP/1.1\r\nHost: localhost\r\n\r\n`;
    const peer = await connectPeer(tcp.port);
    peer.socket.write(request);
    const res = await asked;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { request: string }).request).toBe(request);
    await within(peer.closed, 5000);
  });

  it('stops waiting, and stops listening to the TCP server, when the page goes away', async () => {
    const patient = await start({ probeWaitMs: 60_000, log: () => {} });
    try {
      const listeners = () => patient.lecture.tap.listenerCount('data');
      const before = listeners();
      const page = new AbortController();
      const asked = fetch(`${patient.url}/api/probe/${randomUUID()}`, { signal: page.signal });
      asked.catch(() => {}); // aborted below
      await expect.poll(listeners).toBe(before + 1);
      page.abort();
      // Long before the 60 s wait is over.
      await expect.poll(listeners, { timeout: 2000 }).toBe(before);
    } finally {
      await patient.close();
    }
  });

  it('keeps the first 16 KiB of a request and counts every byte of it', async () => {
    const id = randomUUID();
    const head = `GET /probe-${id} HTTP/1.1\r\nX-Padding: `;
    const request = `${head}${'p'.repeat(20_000)}\r\n\r\n`;
    const peer = await connectPeer(tcp.port);
    peer.socket.write(request);
    await within(peer.closed, 5000);
    const probe = (await (await fetch(`${http.url}/api/probe/${id}`)).json()) as {
      request: string;
      requestBytes: number;
    };
    expect(probe.request).toBe(request.slice(0, 16 * 1024));
    expect(probe.requestBytes).toBe(Buffer.byteLength(request));
  });

  it('404 for an id no request carried, 400 for a malformed id', async () => {
    const missing = await fetch(`${http.url}/api/probe/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toMatch(
      /^no request for \/probe-[0-9a-f-]+ reached the TCP server within 300 ms$/,
    );
    const bad = await fetch(`${http.url}/api/probe/not%20an%20id`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'probe id must be 8-64 hex digits or dashes' });
  });
});

describe('POST /api/bad-input/:case', () => {
  /** The texts of the case's steps; each step is stamped with the ms since the case started. */
  const steps = async (which: string) => {
    const started = performance.now();
    const res = await fetch(`${http.url}/api/bad-input/${which}`, { method: 'POST' });
    expect(res.status).toBe(200);
    const { steps } = (await res.json()) as { steps: { t: number; text: string }[] };
    const times = steps.map((step) => step.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(Math.max(...times)).toBeLessThanOrEqual(Math.ceil(performance.now() - started));
    return steps.map((s) => s.text);
  };
  const servesAgain = 'a new client sent "still there?" and got the echo "still there?"';

  it('oversize: an error line, a disconnect, and the server still serves', async () => {
    expect(await steps('oversize')).toEqual([
      'connected to the framed server',
      expect.stringMatching(/^sent (16384|32768) bytes with no newline \(the limit is 4096\)$/),
      'received: ERROR: line exceeds 4096 bytes without a newline; closing the connection',
      'the server closed the connection',
      servesAgain,
    ]);
  });

  it('idle: an error line after the timeout, and the server still serves', async () => {
    expect(await steps('idle')).toEqual([
      'connected to the framed server',
      "sending nothing (the server's idle timeout is 700 ms)",
      'received: ERROR: idle for 700 ms; closing the connection',
      'the server closed the connection',
      servesAgain,
    ]);
  });

  it('abrupt: a client reset mid-echo, and the server still serves', async () => {
    const before = logs.length;
    expect(await steps('abrupt')).toEqual([
      'connected to the framed server',
      'sent 200000 bytes of lines and half a line, without reading the echoes',
      'reset the connection (RST) while the server was still echoing',
      "only that socket closed; the server's error handler logs the reset (see its terminal)",
      servesAgain,
    ]);
    // The server was echoing lines of 99 bytes when the client reset.
    const echoing = /^\[framed\] #\d+ line of 99 bytes: "x{99}"$/;
    expect(logs.slice(before).some((line) => echoing.test(line))).toBe(true);
  });

  it('an unknown case is a 404 naming the known ones', async () => {
    const res = await fetch(`${http.url}/api/bad-input/nope`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: 'no bad-input case "nope" (try oversize, idle, abrupt)',
    });
  });
});

describe('the bridge itself', () => {
  it('answers unknown routes with a JSON 404', async () => {
    const res = await fetch(`${http.url}/api/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no route for GET /api/nothing' });
    const page = await fetch(`${http.url}/some-page`);
    expect(page.status).toBe(404);
  });

  it('answers a known path with the wrong method as an unknown route', async () => {
    const bad = await fetch(`${http.url}/api/bad-input/idle`);
    expect(bad.status).toBe(404);
    expect(await bad.json()).toEqual({ error: 'no route for GET /api/bad-input/idle' });
    const id = randomUUID();
    const probe = await fetch(`${http.url}/api/probe/${id}`, { method: 'POST' });
    expect(probe.status).toBe(404);
    expect(await probe.json()).toEqual({ error: `no route for POST /api/probe/${id}` });
  });

  it('hands pages to the client handler, never /api/, and turns its errors into a JSON 500', async () => {
    const withPages = createServers({
      log: () => {},
      client: (req, res, next) => {
        if (req.url === '/broken') next(new Error('vite fell over'));
        else if (req.url === '/missing') next();
        else res.end('the page');
      },
    });
    const bridge = await listening(withPages.http);
    try {
      expect(await (await fetch(`${bridge.url}/`)).text()).toBe('the page');
      const broken = await fetch(`${bridge.url}/broken`);
      expect(broken.status).toBe(500);
      expect(await broken.json()).toEqual({ error: 'internal error' });
      const missing = await fetch(`${bridge.url}/missing`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: 'no route for GET /missing' });
      const api = await fetch(`${bridge.url}/api/pages`);
      expect(api.status).toBe(404);
      expect(await api.json()).toEqual({ error: 'no route for GET /api/pages' });
    } finally {
      await bridge.close();
    }
  });

  it('answers 502 with a clear error when its TCP server is not listening', async () => {
    const lines: string[] = [];
    const lonely = createServers({ log: (line) => lines.push(line) });
    const bridge = await listening(lonely.http);
    try {
      const res = await fetch(`${bridge.url}/api/exchange`);
      expect(res.status).toBe(502);
      expect(await res.json()).toEqual({ error: 'that TCP server is not listening' });
      expect(lines).toContain('[http] GET /api/exchange failed: that TCP server is not listening');
    } finally {
      await bridge.close();
    }
  });

  it('answers 502 on every route that needs a TCP server, and stays up', async () => {
    const lonely = createServers({ log: () => {} });
    const bridge = await listening(lonely.http);
    try {
      for (const [method, path] of [
        ['GET', '/api/config'],
        ['POST', '/api/framing'],
        ['POST', '/api/bad-input/idle'],
      ]) {
        const res = await fetch(`${bridge.url}${path}`, { method });
        expect(res.status).toBe(502);
        expect(await res.json()).toEqual({ error: 'that TCP server is not listening' });
      }
    } finally {
      await bridge.close();
    }
  });

  it('finds a known route only at the start of the path and as a whole segment', async () => {
    for (const [method, path] of [
      ['POST', '/x/api/bad-input/nope'],
      ['POST', '/api/bad-input/nope/more'],
      ['GET', '/x/api/probe/bad'],
      ['GET', '/api/probe/bad/more'],
    ] as const) {
      const res = await fetch(`${http.url}${path}`, { method });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: `no route for ${method} ${path}` });
    }
  });
});

describe('the CLI client (pnpm --filter @course/raw-tcp client)', () => {
  const cli = join(import.meta.dirname, '..', 'cli', 'client.ts');
  const node = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', cli, ...args], {
      cwd: join(import.meta.dirname, '..'),
      timeout: 20_000,
    });

  it('runs the lecture exchange and reports the disconnection', async () => {
    const { stdout } = await node(['--port', String(tcp.port)]);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(CLIENT_CONNECTED);
    expect(lines[1]).toBe(`[sent 29 bytes] ${CLIENT_HELLO}`);
    expect(stdout).toContain(SERVER_GREETING);
    expect(stdout).toContain(SERVER_FAREWELL);
    expect(lines).toContain(CLIENT_DISCONNECTED);
    expect(lines.at(-1)).toMatch(/^\[29 bytes sent, 99 bytes received in \d+ data event/);
  });

  it('exits 1 with the error when nothing listens, 2 for a bad port', async () => {
    const closed = await listening(createServers({ log: () => {} }).tcp);
    const port = closed.port;
    await closed.close();
    const refused = await node(['--port', String(port)]).catch((err) => err);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/CLIENT: error: ECONNREFUSED/);
    const bad = await node(['--port', 'abc']).catch((err) => err);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port abc is not a port number/);
  });

  it('takes ports 1 to 65535 only, typed as digits', async () => {
    for (const port of ['0', '65536', '4000x']) {
      const bad = await node(['--port', port]).catch((err) => err);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toBe(`--port ${port} is not a port number (1-65535)\n`);
    }
  });

  it('the framed client checks its port the same way', async () => {
    const framedCli = join(import.meta.dirname, '..', 'cli', 'framed-client.ts');
    const bad = await run(process.execPath, ['--import', 'tsx', framedCli, '--port', '70000'], {
      cwd: join(import.meta.dirname, '..'),
      timeout: 20_000,
    }).catch((err) => err);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('--port 70000 is not a port number (1-65535)\n');
  });
});
