// The six techniques, each delivering one run's feed: the messages after the
// client's cursor, in order, each counted as sent, and nothing more once the
// client has left. Polling answers and is done; the other four follow the run.
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import express, { type RequestHandler } from 'express';
import { Server as IoServer } from 'socket.io';
import { type WebSocket, WebSocketServer } from 'ws';
import { cursorOf, fail, HttpError, MAX_CLIENT_MESSAGE_BYTES, refuse, runOf } from './hardening.ts';
import type { FeedEvents, FeedMessage, NoEvents, PollAnswer, Technique } from './protocol.ts';
import type { Run, RunRegistry } from './runs.ts';
import type { TrafficTally, WireMeter } from './wire-meter.ts';

/** The HTTP routes of each technique; Socket.IO has its own path, WebSocket an upgrade. */
const FEED_ROUTES: Record<string, Technique> = {
  '/feed/poll': 'short-poll',
  '/feed/long-poll': 'long-poll',
  '/feed/stream': 'stream',
  '/feed/sse': 'sse',
  '/feed/ws': 'websocket',
};

/** Where Socket.IO's requests and upgrades arrive. */
export const SOCKET_IO_PATH = '/socket.io/';

/** Where a request's bytes go: the run and technique its URL names, if any. */
export function tallyFor(runs: RunRegistry, url: string | undefined): TrafficTally | undefined {
  if (!url) return undefined;
  const parsed = new URL(url, 'http://localhost');
  const technique = parsed.pathname.startsWith(SOCKET_IO_PATH)
    ? 'socket.io'
    : FEED_ROUTES[parsed.pathname];
  const id = parsed.searchParams.get('run');
  if (!technique || !id) return undefined;
  return runs.get(id)?.traffic.get(technique);
}

// #region fixed:short-poll-feed
// 1. Short polling: answer at once with whatever is new, even nothing.
function shortPoll(runs: RunRegistry): RequestHandler {
  return (req, res) => {
    const run = runOf(runs, req.query.run, 'short-poll');
    // fix: the client says what it has (after=<seq>), so a poll misses nothing and repeats nothing
    const after = cursorOf(run, req.query.after);
    const messages = run.after(after);
    run.countSent('short-poll', messages.length);
    const answer: PollAnswer = { messages, done: run.isDoneAfter(after + messages.length) };
    // fix: a cached empty answer would hide new messages
    res.set('Cache-Control', 'no-store').json(answer);
  };
}
// #endregion

// #region fixed:long-poll-feed
// 2. Long polling: hold the request until something is new (or a timeout), then answer.
function longPoll(runs: RunRegistry, timeoutMs: number): RequestHandler {
  return (req, res) => {
    const run = runOf(runs, req.query.run, 'long-poll');
    const after = cursorOf(run, req.query.after);
    let timer: NodeJS.Timeout | undefined;
    const answer = () => {
      cleanup();
      const messages = run.after(after);
      run.countSent('long-poll', messages.length);
      const body: PollAnswer = { messages, done: run.isDoneAfter(after + messages.length) };
      res.set('Cache-Control', 'no-store').json(body);
    };
    const gone = () => {
      cleanup();
      if (!res.headersSent) fail(res, 410, `run "${run.id}" was closed`);
    };
    const cleanup = () => {
      clearTimeout(timer);
      run.off('message', answer);
      run.off('published', answer);
      run.off('closed', gone);
    };
    // fix: anything published since the client's last answer goes out at once, so nothing is lost between polls
    if (run.after(after).length > 0 || run.state === 'published') return answer();
    // Whichever comes first answers: a message, the end of publishing, or the timeout.
    run.on('message', answer);
    run.on('published', answer);
    // The run was dropped while this poll waited.
    run.on('closed', gone);
    // fix: never held forever: an empty answer after LONG_POLL_TIMEOUT_MS, and the client asks again
    timer = setTimeout(answer, timeoutMs);
    // The client gave up: let go of the run.
    res.on('close', cleanup);
  };
}
// #endregion

// #region fixed:follow
/**
 * Techniques 3 to 6 follow a run the same way: writes `run`'s messages after
 * `after` with `write` as they are published, and calls `finish` once all N are
 * out (or the run closes). Returns the cleanup, for when the client leaves.
 */
function follow(
  run: Run,
  technique: Technique,
  after: number,
  write: (message: FeedMessage) => void,
  finish: () => void,
): () => void {
  let last = after;
  let over = false;
  const flush = () => {
    for (const message of run.after(last)) {
      write(message);
      last = message.seq;
      run.countSent(technique, 1);
    }
    if (run.isDoneAfter(last)) end();
  };
  const end = () => {
    if (over) return;
    over = true;
    stop();
    finish();
  };
  const stop = () => {
    run.off('message', flush);
    run.off('published', flush);
    run.off('closed', end);
  };
  // Each new message, and the end of publishing, is written out at once.
  run.on('message', flush);
  run.on('published', flush);
  // A dropped run ends the delivery.
  run.on('closed', end);
  // fix: first what was published before the client came, then each new message
  flush();
  return stop;
}
// #endregion

// #region fixed:stream-feed
// 3. HTTP streaming: one response that never ends until the feed does, one JSON line per
// message. Without Content-Length, HTTP/1.1 frames each write as a chunk.
function stream(runs: RunRegistry): RequestHandler {
  return (req, res) => {
    const run = runOf(runs, req.query.run, 'stream');
    const after = cursorOf(run, req.query.after);
    res.writeHead(200, {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.flushHeaders();
    const stop = follow(
      run,
      'stream',
      after,
      (message) => res.write(`${JSON.stringify(message)}\n`),
      () => res.end(),
    );
    // The client left: stop writing to it.
    res.on('close', stop);
  };
}
// #endregion

// #region fixed:sse-feed
// 4. Server-Sent Events: the same stream in text/event-stream framing, with ids, so a
// reconnecting EventSource resumes after Last-Event-ID.
function sse(runs: RunRegistry): RequestHandler {
  return (req, res) => {
    const run = runOf(runs, req.query.run, 'sse');
    const lastEventId = req.get('last-event-id');
    const after =
      lastEventId === undefined
        ? cursorOf(run, req.query.after)
        : cursorOf(run, lastEventId, 'Last-Event-ID');
    // 204 tells EventSource to stop reconnecting: the feed is over for this client.
    if (run.isDoneAfter(after)) return void res.status(204).end();
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.flushHeaders();
    const stop = follow(
      run,
      'sse',
      after,
      (message) => res.write(`id: ${message.seq}\ndata: ${JSON.stringify(message)}\n\n`),
      () => {
        // A named event that says "done": without it, EventSource would reconnect.
        res.write('event: end\ndata: {}\n\n');
        res.end();
      },
    );
    // The client left: stop writing to it.
    res.on('close', stop);
  };
}
// #endregion

/** Techniques 1 to 4, the ones over plain HTTP, and a 404 for any other `/feed` route. */
export function httpFeeds(runs: RunRegistry, options: { longPollTimeoutMs: number }) {
  const router = express.Router();
  router.get('/feed/poll', shortPoll(runs));
  router.get('/feed/long-poll', longPoll(runs, options.longPollTimeoutMs));
  router.get('/feed/stream', stream(runs));
  router.get('/feed/sse', sse(runs));
  router.use('/feed', (req, res) => fail(res, 404, `no feed route ${req.method} ${req.path}`));
  return router;
}

// #region fixed:websocket-feed
/**
 * 5. WebSocket: takes an upgrade to `/feed/ws` (a bad run or cursor is refused
 * with its status and sentence), then sends one text frame per message and
 * closes normally. Its socket's bytes are the run's `websocket` traffic.
 */
export function webSocketFeed(runs: RunRegistry, meter: WireMeter) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES });

  function serve(ws: WebSocket, run: Run, after: number) {
    // A broken connection (a frame over the limit, a reset) is dropped; the close below cleans up.
    ws.on('error', () => ws.terminate());
    // The feed only flows one way; whatever the client sends is ignored.
    const stop = follow(
      run,
      'websocket',
      after,
      (message) => ws.send(JSON.stringify(message)),
      () => ws.close(1000, 'feed complete'),
    );
    // The client left (or was dropped): stop sending.
    ws.on('close', stop);
  }

  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let run: Run;
    let after: number;
    try {
      run = runOf(runs, url.searchParams.get('run') ?? undefined, 'websocket');
      after = cursorOf(run, url.searchParams.get('after') ?? undefined);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      refuse(socket, err.status, err.message);
      return;
    }
    meter.upgraded(req.socket, run.traffic.get('websocket'));
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, run, after));
  };
}
// #endregion

/** What a Socket.IO connection of the feed carries: its run and cursor, checked. */
export interface FeedSocketData {
  run: Run;
  after: number;
}

/** The chapter's Socket.IO server, typed by the feed's events. */
export type FeedIo = IoServer<NoEvents, FeedEvents, NoEvents, FeedSocketData>;

// #region fixed:socket-io-feed
/**
 * 6. Socket.IO on `http`, with its default transports (HTTP long-polling
 * first, then an upgrade to WebSocket): a `feed` event per message, then `end`.
 */
export function socketIoFeed(http: HttpServer, runs: RunRegistry): FeedIo {
  const io: FeedIo = new IoServer<NoEvents, FeedEvents, NoEvents, FeedSocketData>(http, {
    serveClient: false,
    maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
  });
  // A bad run or cursor refuses the connection: the client gets connect_error with the sentence.
  io.use((socket, next) => {
    try {
      const run = runOf(runs, socket.handshake.query.run, 'socket.io');
      socket.data = { run, after: cursorOf(run, socket.handshake.query.after) };
      next();
    } catch (err) {
      next(err as Error);
    }
  });
  // A connected client is sent the feed from its cursor on.
  io.on('connection', (socket) => {
    const { run, after } = socket.data;
    const stop = follow(
      run,
      'socket.io',
      after,
      (message) => socket.emit('feed', message),
      () => socket.emit('end'),
    );
    // The client left: stop sending.
    socket.on('disconnect', stop);
  });
  return io;
}
// #endregion
