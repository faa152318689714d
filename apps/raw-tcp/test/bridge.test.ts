import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Listening, listening } from '@course/kit/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRawTcp } from '../server/app.ts';
import type { FramingReport } from '../server/framing-demo.ts';
import {
  CLIENT_CONNECTED,
  CLIENT_DISCONNECTED,
  CLIENT_HELLO,
  SERVER_FAREWELL,
  SERVER_GREETING,
} from '../shared/messages.ts';
import type { TranscriptEntry } from '../shared/transcript.ts';
import { connectPeer, within } from './peer.ts';

const run = promisify(execFile);
let http: Listening;
let tcp: Listening;
let framed: Listening;

beforeAll(async () => {
  const servers = createRawTcp({
    idleTimeoutMs: 700,
    maxLineBytes: 4096,
    closeGraceMs: 500,
    probeWaitMs: 300,
    log: () => {},
  });
  http = await listening(servers.http);
  tcp = await listening(servers.tcp);
  framed = await listening(servers.framed);
});
afterAll(async () => {
  await http.close();
  await tcp.close();
  await framed.close();
});

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
    expect(entries.at(-2)?.text).toBe(CLIENT_DISCONNECTED);
    expect(entries.at(-1)?.text).toMatch(/^sent 29 bytes, received 99 bytes in \d+ data event/);
    // Time only moves forward.
    const times = entries.map((entry) => entry.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
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
  const steps = async (which: string) => {
    const res = await fetch(`${http.url}/api/bad-input/${which}`, { method: 'POST' });
    expect(res.status).toBe(200);
    return ((await res.json()) as { steps: { text: string }[] }).steps.map((s) => s.text);
  };
  const servesAgain = 'a new client sent "still there?" and got the echo "still there?"';

  it('oversize: an error line, a disconnect, and the server still serves', async () => {
    const texts = await steps('oversize');
    expect(texts).toContain(
      'received: ERROR: line exceeds 4096 bytes without a newline; closing the connection',
    );
    expect(texts.at(-1)).toBe(servesAgain);
  });

  it('idle: an error line after the timeout, and the server still serves', async () => {
    const texts = await steps('idle');
    expect(texts).toContain('received: ERROR: idle for 700 ms; closing the connection');
    expect(texts.at(-1)).toBe(servesAgain);
  });

  it('abrupt: a client reset mid-echo, and the server still serves', async () => {
    const texts = await steps('abrupt');
    expect(texts).toContain('reset the connection (RST) while the server was still echoing');
    expect(texts.at(-1)).toBe(servesAgain);
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

  it('answers 502 with a clear error when its TCP server is not listening', async () => {
    const lonely = createRawTcp({ log: () => {} });
    const bridge = await listening(lonely.http);
    try {
      const res = await fetch(`${bridge.url}/api/exchange`);
      expect(res.status).toBe(502);
      expect(await res.json()).toEqual({ error: 'that TCP server is not listening' });
    } finally {
      await bridge.close();
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
    const closed = await listening(createRawTcp({ log: () => {} }).tcp);
    const port = closed.port;
    await closed.close();
    const refused = await node(['--port', String(port)]).catch((err) => err);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/CLIENT: error: ECONNREFUSED/);
    const bad = await node(['--port', 'abc']).catch((err) => err);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port abc is not a port number/);
  });
});
