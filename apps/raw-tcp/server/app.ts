import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Server as NetServer } from 'node:net';
import { type ClientHandler, check, defineChapter, intVar } from '@course/kit';
import type { TranscriptEntry } from '../shared/transcript.ts';
import { runBadInput } from './bad-input-demo.ts';
import { runExchange } from './exchange.ts';
import { createFramedServer } from './framed-server.ts';
import { runFramingDemo, type Target } from './framing-demo.ts';
import { BadInputCaseName, ProbeId } from './hardening.ts';
import {
  createLectureServer,
  type LectureConnection,
  type LectureServer,
} from './lecture-server.ts';
import { describeError } from './log.ts';

/** What `createServers()` takes; every field has a default. */
export interface ServersOptions {
  /** Serves the pages (Vite or the built bundle). Tests leave it out and get the API alone. */
  client?: ClientHandler;
  /** Both TCP servers close a client that has been silent this long. */
  idleTimeoutMs?: number;
  /** The framed server's longest line, in bytes. */
  maxLineBytes?: number;
  /** How long the framed server waits for a refused client to close before destroying it. */
  closeGraceMs?: number;
  /** How long `/api/probe/:id` waits for the browser's request to reach the TCP server. */
  probeWaitMs?: number;
  log?: (line: string) => void;
}

/** The chapter's servers by role, none listening yet. */
export interface Servers {
  /** The bridge and the page, on PORT. */
  http: Server;
  /** The lecture's TCP server, on TCP_PORT. */
  tcp: NetServer;
  /** The newline-framed echo server, on FRAMED_TCP_PORT. */
  framed: NetServer;
  /** The lecture server's tap and recent connections (`tcp` is its `server`). */
  lecture: LectureServer;
}

/** Where a listening server can be reached from this process. */
function targetOf(server: NetServer): Target {
  const address = server.address() as AddressInfo | null;
  if (!address) throw new Error('that TCP server is not listening');
  const wildcard = ['0.0.0.0', '::', ''].includes(address.address);
  const host = wildcard ? (address.family === 'IPv6' ? '::1' : '127.0.0.1') : address.address;
  return { host, port: address.port };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

const fail = (res: ServerResponse, status: number, error: string) =>
  sendJson(res, status, { error });

/** The path the page's direct fetch asks the TCP port for, so its request can be found again. */
export const probePath = (id: string) => `/probe-${id}`;

/**
 * The chapter's three servers, none listening yet: the lecture's TCP server,
 * the newline-framed echo server, and the HTTP server that serves the page and
 * bridges it to TCP (a browser cannot open a TCP connection itself).
 */
export function createServers(options: ServersOptions = {}): Servers {
  const {
    client,
    idleTimeoutMs = 30_000,
    maxLineBytes = 64 * 1024,
    closeGraceMs = 2000,
    probeWaitMs = 3000,
    log = (line: string) => console.log(line),
  } = options;
  const lecture = createLectureServer({ idleTimeoutMs, log });
  const framed = createFramedServer({ idleTimeoutMs, maxLineBytes, closeGraceMs, log });

  /** Streams the lecture exchange as NDJSON: both ends, both directions, in the order they happened. */
  const exchange = async (req: IncomingMessage, res: ServerResponse) => {
    const target = targetOf(lecture.server);
    const started = performance.now();
    res.writeHead(200, {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    const stamp = (entry: Omit<TranscriptEntry, 't'>): TranscriptEntry => ({
      t: Math.round(performance.now() - started),
      ...entry,
    });
    const write = (entry: TranscriptEntry) => {
      if (!res.writableEnded && !res.destroyed) res.write(`${JSON.stringify(entry)}\n`);
    };
    const emit = (entry: Omit<TranscriptEntry, 't'>) => write(stamp(entry));
    // The server's side of the same connection is the one whose remote port is
    // our local port. The server may act before our 'connect' event tells us that
    // port, so its early entries wait here (stamped when they happened).
    let localPort: number | undefined;
    const early: { port: number; entry: TranscriptEntry }[] = [];
    const fromServer = (connection: LectureConnection, entry: Omit<TranscriptEntry, 't'>) => {
      if (localPort === undefined) {
        if (early.length < 100) early.push({ port: connection.remotePort, entry: stamp(entry) });
      } else if (connection.remotePort === localPort) emit(entry);
    };
    const onWrite = (connection: LectureConnection, text: string, bytes: number) =>
      fromServer(connection, { side: 'server', kind: 'send', text, bytes });
    const onData = (connection: LectureConnection, chunk: Buffer) =>
      fromServer(connection, {
        side: 'server',
        kind: 'receive',
        text: chunk.toString('utf8'),
        bytes: chunk.length,
      });
    lecture.tap.on('write', onWrite);
    lecture.tap.on('data', onData);
    req.on('close', () => {
      lecture.tap.off('write', onWrite);
      lecture.tap.off('data', onData);
    });
    const onConnect = (port: number) => {
      localPort = port;
      for (const { port: from, entry } of early.splice(0)) if (from === port) write(entry);
    };
    try {
      const totals = await runExchange({ ...target, onConnect }, emit).catch((err: unknown) => {
        emit({ side: 'client', kind: 'error', text: describeError(err) });
        return undefined;
      });
      if (totals)
        emit({
          side: 'client',
          kind: 'done',
          text: `sent ${totals.sentBytes} bytes, received ${totals.receivedBytes} bytes in ${totals.dataEvents} data event(s)`,
        });
    } finally {
      lecture.tap.off('write', onWrite);
      lecture.tap.off('data', onData);
      res.end();
    }
  };

  /**
   * The first connection whose bytes satisfy `test` once more of them arrive: the lecture
   * server's tap reports each `data` event. Undefined after `ms`, or once `res` is gone.
   */
  const nextConnection = (
    test: (connection: LectureConnection) => boolean,
    ms: number,
    res: ServerResponse,
  ) =>
    new Promise<LectureConnection | undefined>((resolve) => {
      const done = (connection?: LectureConnection) => {
        clearTimeout(timer);
        lecture.tap.off('data', onData);
        res.off('close', onGone);
        resolve(connection);
      };
      const onData = (connection: LectureConnection) => {
        if (test(connection)) done(connection);
      };
      const onGone = () => done();
      const timer = setTimeout(onGone, ms);
      lecture.tap.on('data', onData);
      res.on('close', onGone);
    });

  /** Finds the connection whose request asked for the probe path, waiting a little for it to land. */
  const probe = async (res: ServerResponse, id: string) => {
    const needle = probePath(id);
    const asked = (connection: LectureConnection) => connection.received.includes(needle);
    const found = lecture.recent().find(asked) ?? (await nextConnection(asked, probeWaitMs, res));
    if (!found)
      return fail(
        res,
        404,
        `no request for ${needle} reached the TCP server within ${probeWaitMs} ms`,
      );
    const reply = found.sent.join('');
    sendJson(res, 200, {
      request: found.received.toString('utf8'),
      requestBytes: found.receivedBytes,
      reply,
      replyBytes: Buffer.byteLength(reply),
    });
  };

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    // Runs a route's work; whatever it throws (even before its first await, like a TCP
    // server that is not listening) becomes a 502, never an uncaught exception.
    const run = (work: () => Promise<void> | void) =>
      Promise.resolve()
        .then(work)
        .catch((err: unknown) => {
          log(`[http] ${route} failed: ${describeError(err)}`);
          if (!res.headersSent) fail(res, 502, describeError(err));
          else res.destroy();
        });

    if (route === 'GET /api/config') {
      return void run(() =>
        sendJson(res, 200, {
          tcpPort: targetOf(lecture.server).port,
          framedTcpPort: targetOf(framed).port,
          idleTimeoutMs,
          maxLineBytes,
        }),
      );
    }
    if (route === 'GET /api/exchange') return void run(() => exchange(req, res));
    if (route === 'POST /api/framing') {
      return void run(() =>
        runFramingDemo(lecture, targetOf(lecture.server), targetOf(framed)).then((report) =>
          sendJson(res, 200, report),
        ),
      );
    }
    const badMatch = /^\/api\/bad-input\/([^/]+)$/.exec(url.pathname);
    if (badMatch && req.method === 'POST') {
      const which = check(BadInputCaseName, badMatch[1]);
      if (!which.ok) return fail(res, 404, which.error);
      return void run(() =>
        runBadInput(which.value, targetOf(framed), { maxLineBytes, idleTimeoutMs }).then((steps) =>
          sendJson(res, 200, { steps }),
        ),
      );
    }
    const probeMatch = /^\/api\/probe\/([^/]+)$/.exec(url.pathname);
    if (probeMatch && req.method === 'GET') {
      const id = check(ProbeId, probeMatch[1]);
      if (!id.ok) return fail(res, 400, id.error);
      return void run(() => probe(res, id.value));
    }
    if (url.pathname.startsWith('/api/'))
      return fail(res, 404, `no route for ${req.method} ${url.pathname}`);

    const notFound = () => fail(res, 404, `no route for ${req.method} ${url.pathname}`);
    if (client) client(req, res, (err) => (err ? fail(res, 500, 'internal error') : notFound()));
    else notFound();
  });

  return { http, tcp: lecture.server, framed, lecture };
}

/**
 * The chapter, as `pnpm lesson` and `pnpm start` run it: the bridge and the page on PORT (4100),
 * the lecture's TCP server on TCP_PORT (4000, the lecture's port), the framed echo on FRAMED_TCP_PORT (4001).
 */
export default defineChapter({
  env: {
    /** A framed-echo connection that says nothing for this long is closed. */
    TCP_IDLE_TIMEOUT_MS: intVar(30_000, 100, 24 * 60 * 60 * 1000),
    /** The longest line the framed echo accepts before it closes the connection. */
    TCP_MAX_LINE_BYTES: intVar(64 * 1024, 1, 16 * 1024 * 1024),
  },
  create: ({ client, env }) => {
    const servers = createServers({
      client,
      idleTimeoutMs: env.TCP_IDLE_TIMEOUT_MS,
      maxLineBytes: env.TCP_MAX_LINE_BYTES,
    });
    return { PORT: servers.http, TCP_PORT: servers.tcp, FRAMED_TCP_PORT: servers.framed };
  },
});
