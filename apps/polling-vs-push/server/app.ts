// The chapter: one feed of N messages per run, delivered six ways on one HTTP
// server (feeds.ts), driven by the run API (run-api.ts), with every byte on its
// sockets counted (wire-meter.ts) and every input checked (hardening.ts).
import { createServer, type Server } from 'node:http';
import { type ClientHandler, defineChapter, intVar } from '@course/kit';
import express from 'express';
import {
  type FeedIo,
  httpFeeds,
  SOCKET_IO_PATH,
  socketIoFeed,
  tallyFor,
  webSocketFeed,
} from './feeds.ts';
import { answerErrors, fail, refuse } from './hardening.ts';
import { runApi } from './run-api.ts';
import { RunRegistry } from './runs.ts';
import { WireMeter } from './wire-meter.ts';

/** What `createServers` can be given; every field has a default. */
export interface ServersOptions {
  /** Serves the page (Vite or the built bundle). Tests leave it out and get the API alone. */
  client?: ClientHandler;
  /** How long a long poll is held when nothing new comes, before it answers empty. */
  longPollTimeoutMs?: number;
  /** The runs it serves: 16 at most, each dropped after 10 idle minutes, unless given. */
  runs?: RunRegistry;
}

/** The chapter's servers, by role. */
export interface Servers {
  /** The page, the run API, the HTTP feeds and the WebSocket feed. */
  http: Server;
  /** The Socket.IO feed, on `http`. */
  io: FeedIo;
}

/**
 * The chapter's servers, not listening yet: the page, the run API and all six
 * techniques on one HTTP server. Closing it stops every run's publishing.
 */
export function createServers(options: ServersOptions = {}): Servers {
  const { client, longPollTimeoutMs = 20_000, runs = new RunRegistry() } = options;
  const meter = new WireMeter();

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(runApi(runs, meter));
  app.use(httpFeeds(runs, { longPollTimeoutMs }));
  if (client) app.use(client);
  app.use((req, res) => fail(res, 404, `no route for ${req.method} ${req.path}`));
  app.use(answerErrors);

  const http = createServer(app);
  const io = socketIoFeed(http, runs);
  const webSocket = webSocketFeed(runs, meter);

  // Count every HTTP request's bytes, Socket.IO's included (its handler is installed by now).
  meter.meterRequests(http, (url) => tallyFor(runs, url));

  // #region fixed:upgrade-routing
  // Upgrades by path, before engine.io's listener: Socket.IO's are counted and left to it,
  // /feed/ws is the WebSocket feed, anything else gets a 404 with a sentence.
  // fix: one listener, placed first, answers every upgrade at once, so engine.io never ends ours
  http.prependListener('upgrade', (req, socket, head) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname.startsWith(SOCKET_IO_PATH))
      return meter.upgraded(req.socket, tallyFor(runs, req.url));
    if (pathname === '/feed/ws') return webSocket(req, socket, head);
    refuse(socket, 404, `no WebSocket route ${pathname}`);
  });
  // #endregion

  // The kit ends every open connection when the server closes; what is left to free
  // is each run's publishing timer.
  http.on('close', () => runs.closeAll());

  return { http, io };
}

/** The chapter, as `pnpm lesson` and `pnpm start` run it: the page and all six techniques on PORT (2200). */
export default defineChapter({
  env: {
    /** How long a long poll waits for a message before it answers empty. */
    LONG_POLL_TIMEOUT_MS: intVar(20_000, 100, 120_000),
  },
  create: ({ client, env }) => {
    const { http } = createServers({ client, longPollTimeoutMs: env.LONG_POLL_TIMEOUT_MS });
    return { PORT: http };
  },
});
