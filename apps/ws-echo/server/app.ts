import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  type ClientHandler,
  defineChapter,
  intVar,
  listVar,
  messageLog,
  pageServer,
} from '@course/kit';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { DEFLATE_SETTINGS } from './deflate.ts';
import { MAX_PAYLOAD, Origin, originAllowed, refuse } from './hardening.ts';

/** The lecture's greeting, sent to every client as soon as it connects. */
export const GREETING = 'Hi this is WebSocket server!';

/** Subprotocols this server speaks, most preferred first. */
export const SUBPROTOCOLS = ['echo.v2', 'echo.v1'] as const;

/** How to build the chapter's servers; every field has a default. */
export interface ServersOptions {
  /** Serves the pages (Vite or the built bundle). Tests leave it out. */
  client?: ClientHandler;
  /** How often the server pings each client; a client that has not answered the last ping is dropped. */
  heartbeatMs?: number;
  /** The largest message accepted, in bytes (default 1 MiB); a larger one closes the connection with 1009. */
  maxPayload?: number;
  /** Origins allowed besides the request's own (its `Host`). Default: none. */
  allowedOrigins?: readonly string[];
  /** Negotiate permessage-deflate when the client offers it (default true). */
  perMessageDeflate?: boolean;
  /** Where the server's log lines go (default `console.log`). */
  log?: (line: string) => void;
}

/** The chapter's servers, by role. */
export interface Servers {
  /** The node:http server with the pages and the WebSocket endpoints `/` and `/naive`. */
  http: Server;
}

/**
 * The chapter's servers: `http` serves the pages and takes WebSocket upgrades on
 * `/` (the lecture's echo, done right) and `/naive` (the same echo with the
 * Buffer pitfall). Returned unstarted; once it has closed, its heartbeat stops.
 */
export function createServers(options: ServersOptions = {}): Servers {
  const {
    client,
    heartbeatMs = 30_000,
    maxPayload = MAX_PAYLOAD,
    allowedOrigins = [],
    perMessageDeflate = true,
    log = console.log,
  } = options;

  // The page, and a JSON 404 for any other plain request: the lesson is in the upgrades below.
  const server = pageServer(client);

  // #region fixed:server-options
  // Two endpoints on one HTTP server, so upgrades are routed by hand (noServer): a WebSocketServer
  // made with `{ server, path }` answers 400 to every other path, the other endpoint's included.
  const shared = {
    noServer: true,
    // fix: a message over the limit closes its connection with 1009 instead of being buffered whole
    maxPayload,
    // fix: permessage-deflate with settings chosen on purpose (server/deflate.ts), not ws's defaults
    perMessageDeflate: perMessageDeflate ? DEFLATE_SETTINGS : false,
    // Pick our most preferred subprotocol among those offered; `false` sends none back.
    handleProtocols: (offered: Set<string>) => SUBPROTOCOLS.find((p) => offered.has(p)) ?? false,
  };
  // #endregion
  const echo = new WebSocketServer(shared);
  const naive = new WebSocketServer(shared);
  const endpoints = new Map([
    ['/', echo],
    ['/naive', naive],
  ]);

  let nextId = 1;
  // Every message while the rate is human; past MESSAGES_LOGGED_PER_SECOND, a summary a second.
  const messages = messageLog(log);
  const alive = new WeakMap<WebSocket, boolean>();

  // #region fixed:on-connection
  /** What every connection gets on either endpoint; `reply` is where the two differ. */
  const onConnection =
    (name: string, reply: (ws: WebSocket, data: RawData, isBinary: boolean) => void) =>
    (ws: WebSocket, req: IncomingMessage) => {
      const id = `${name}#${nextId++}`;
      const from = req.headers.origin ?? 'no Origin';
      log(`[${id}] connected (${from}, protocol "${ws.protocol}", extensions "${ws.extensions}")`);
      alive.set(ws, true);
      // pong: the client answered the last heartbeat ping.
      ws.on('pong', () => alive.set(ws, true));
      // message: log it (or count it, past a human rate), then echo it.
      ws.on('message', (data, isBinary) => {
        messages.message(() => `[${id}] received: ${summarize(data, isBinary)}`);
        reply(ws, data, isBinary);
      });
      // #region fixed:connection-error
      // error: a protocol violation (too big, bad UTF-8, bad frame). ws closes with the code itself.
      // fix: with no error listener, the first bad frame would throw and take the whole server down
      ws.on('error', (err: Error & { code?: string }) => {
        log(`[${id}] error ${err.code ?? ''}: ${err.message}`);
      });
      // #endregion
      // close: log the code and reason the peer (or ws itself) gave.
      ws.on('close', (code, reason) => log(`[${id}] closed ${code} "${reason.toString()}"`));
      ws.send(GREETING);
    };
  // #endregion

  // #region fixed:echo-reply
  // fix: the endpoint at /, which every page but the naive demo uses
  echo.on(
    'connection',
    // fix: send back the kind of frame that came in: text stays text, binary stays binary
    onConnection('echo', (ws, data, isBinary) => ws.send(data, { binary: isBinary })),
  );
  // #endregion
  // #region lecture:echo-reply
  // pitfall: the lecture's server with the obvious echo added, served at /naive
  naive.on(
    'connection',
    // pitfall: data is a Buffer even for a text message, and ws sends a Buffer as a binary frame
    onConnection('naive', (ws, data) => ws.send(data)),
  );
  // #endregion

  // #region fixed:origin-check
  // upgrade: a WebSocket handshake; pick its endpoint by path and check its Origin first.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy()); // a peer that vanishes mid-handshake
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const wss = endpoints.get(path);
    if (!wss) return refuse(socket, 404, `no WebSocket endpoint at ${path} (try / or /naive)`);
    const origin = req.headers.origin;
    // fix: any site's page can open a WebSocket here (no CORS), so a foreign Origin gets 403
    if (!originAllowed(origin, req.headers.host, allowedOrigins)) {
      log(`refused an upgrade from Origin ${origin}`);
      return refuse(socket, 403, `Origin ${origin} is not allowed to open a WebSocket here`);
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  // #endregion

  // #region fixed:heartbeat
  // Heartbeat: ping everyone; whoever did not answer the previous ping is gone.
  const heartbeat = setInterval(() => {
    for (const wss of endpoints.values()) {
      for (const ws of wss.clients) {
        if (alive.get(ws) === false) {
          log('terminated a client that missed a heartbeat pong');
          ws.terminate();
          continue;
        }
        alive.set(ws, false);
        ws.ping();
      }
    }
  }, heartbeatMs);
  heartbeat.unref();
  // #endregion

  // close: the server has stopped and the kit has ended its sockets; stop the heartbeat and both endpoints.
  server.on('close', () => {
    clearInterval(heartbeat);
    messages.close();
    for (const wss of endpoints.values()) wss.close();
  });
  return { http: server };
}

/** A message as a short log line: text up to 120 characters, binary as its size. */
function summarize(data: RawData, isBinary: boolean): string {
  const bytes = Array.isArray(data)
    ? Buffer.concat(data)
    : data instanceof ArrayBuffer
      ? Buffer.from(data)
      : data;
  if (isBinary) return `<binary, ${bytes.length} bytes>`;
  const text = bytes.toString('utf8');
  return text.length > 120 ? `${text.slice(0, 120)}… (${text.length} chars)` : text;
}

/** The chapter, as `pnpm lesson` and `pnpm start` run it: the page and the WebSocket endpoints on PORT (4200). */
export default defineChapter({
  env: {
    /** Time between two pings; a client that missed the last pong is dropped. */
    WS_HEARTBEAT_MS: intVar(30_000, 1),
    /** The largest message the server accepts; larger ones close the socket with 1009. */
    WS_MAX_PAYLOAD: intVar(MAX_PAYLOAD, 1),
    /** More origins allowed to connect, comma-separated, besides the chapter's own. */
    WS_ALLOWED_ORIGINS: listVar(Origin),
  },
  create: ({ client, env }) => ({
    PORT: createServers({
      client,
      heartbeatMs: env.WS_HEARTBEAT_MS,
      maxPayload: env.WS_MAX_PAYLOAD,
      allowedOrigins: env.WS_ALLOWED_ORIGINS,
    }).http,
  }),
});
