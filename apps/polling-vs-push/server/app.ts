import { Server as HttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ClientHandler, defineChapter, intVar } from '@course/kit';
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import { Server as IoServer } from 'socket.io';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  type FeedMessage,
  isTechnique,
  LIMITS,
  type PollAnswer,
  type ReceiptBatch,
  type RunRequest,
  TECHNIQUES,
  type Technique,
} from './protocol.ts';
import { type Run, RunRegistry } from './runs.ts';
import { WireMeter } from './wire-meter.ts';

export interface FeedServerOptions {
  /** Serves the page (Vite or the built bundle). Tests leave it out and get the API alone. */
  client?: ClientHandler;
  /** How long a long poll is held when nothing new comes, before it answers empty. */
  longPollTimeoutMs?: number;
  /** Runs kept at once; creating one more drops the oldest. */
  maxRuns?: number;
  /** A run nobody touched for this long is dropped when the next one is created. */
  runIdleMs?: number;
}

/** The HTTP routes of each technique; Socket.IO has its own path, WebSocket an upgrade. */
const FEED_ROUTES: Record<string, Technique> = {
  '/feed/poll': 'short-poll',
  '/feed/long-poll': 'long-poll',
  '/feed/stream': 'stream',
  '/feed/sse': 'sse',
  '/feed/ws': 'websocket',
};
const SOCKET_IO_PATH = '/socket.io/';

/** Vite's dev server opens its HMR WebSocket on this server with these subprotocols. */
const VITE_PROTOCOLS = new Set(['vite-hmr', 'vite-ping']);

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function fail(res: Response, status: number, error: string): void {
  res.status(status).json({ error });
}

/** An integer query or body field within [min, max], or an HttpError naming it. */
function intField(
  raw: unknown,
  name: string,
  fallback: number | undefined,
  min: number,
  max: number,
) {
  if (raw === undefined && fallback !== undefined) return fallback;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new HttpError(400, `"${name}" must be an integer from ${min} to ${max}`);
  return value;
}

/**
 * The chapter's server: one feed of N messages per run, delivered over six
 * techniques, with every byte on their sockets counted. Returns an HTTP server
 * that is not listening yet; its `close()` also ends every open stream,
 * WebSocket and Socket.IO connection.
 */
export function createFeedServer(options: FeedServerOptions = {}): FeedServer {
  const { client, longPollTimeoutMs = 20_000, maxRuns = 16, runIdleMs = 10 * 60_000 } = options;
  const runs = new RunRegistry(maxRuns, runIdleMs);
  const meter = new WireMeter();
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');

  /** The run named by `?run=`, checked to include `technique` when one is given. */
  function runOf(id: unknown, technique?: Technique): Run {
    if (id === undefined || id === '') throw new HttpError(400, '"run" is required');
    if (typeof id !== 'string') throw new HttpError(400, '"run" must be one run id');
    const run = runs.get(id);
    if (!run) throw new HttpError(404, `no run "${id}" (it may have expired)`);
    if (technique && !run.techniques.includes(technique))
      throw new HttpError(400, `run "${id}" does not include ${technique}`);
    return run;
  }

  /** Where a request's bytes go: the run and technique its URL names, if any. */
  function tallyFor(url: string | undefined) {
    if (!url) return undefined;
    const parsed = new URL(url, 'http://localhost');
    const technique = parsed.pathname.startsWith(SOCKET_IO_PATH)
      ? 'socket.io'
      : FEED_ROUTES[parsed.pathname];
    const id = parsed.searchParams.get('run');
    if (!technique || !id) return undefined;
    return runs.get(id)?.traffic.get(technique);
  }

  // ---- the run API ----

  app.post('/api/runs', express.json({ limit: '16kb' }), (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new HttpError(400, 'body must be a JSON object');
    const b = body as Record<string, unknown>;
    const request: Required<RunRequest> = {
      messages: intField(
        b.messages,
        'messages',
        undefined,
        LIMITS.messages.min,
        LIMITS.messages.max,
      ),
      rate: intField(b.rate, 'rate', undefined, LIMITS.rate.min, LIMITS.rate.max),
      pollIntervalMs: intField(
        b.pollIntervalMs,
        'pollIntervalMs',
        1000,
        LIMITS.pollIntervalMs.min,
        LIMITS.pollIntervalMs.max,
      ),
      techniques: [...TECHNIQUES],
    };
    if (b.techniques !== undefined) {
      const list = b.techniques;
      if (!Array.isArray(list) || list.length === 0 || !list.every(isTechnique))
        throw new HttpError(
          400,
          `"techniques" must be a non-empty list of: ${TECHNIQUES.join(', ')}`,
        );
      request.techniques = TECHNIQUES.filter((t) => list.includes(t));
    }
    const run = runs.create(request);
    res.status(201).json(run.stats(meter));
  });

  app.get('/api/runs/:id', (req, res) => {
    res.json(runOf(req.params.id).stats(meter));
  });

  app.post('/api/runs/:id/start', (req, res) => {
    const run = runOf(req.params.id);
    if (run.state !== 'ready') throw new HttpError(409, `run "${run.id}" has already started`);
    run.start();
    res.json(run.stats(meter));
  });

  // Receipts: the client reports when it got each message; the server works out
  // latency, losses and duplicates from them. These bytes are nobody's traffic.
  app.post('/api/runs/:id/receipts', express.json({ limit: '256kb' }), (req, res) => {
    const run = runOf(req.params.id);
    const body = req.body as ReceiptBatch | undefined;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new HttpError(400, 'body must be a JSON object');
    const receipts = body.receipts ?? {};
    if (typeof receipts !== 'object' || receipts === null || Array.isArray(receipts))
      throw new HttpError(
        400,
        '"receipts" must be an object of technique → [seq, receivedAt] pairs',
      );
    const checked: [Technique, [number, number][]][] = [];
    for (const [technique, pairs] of Object.entries(receipts)) {
      if (!isTechnique(technique) || !run.techniques.includes(technique))
        throw new HttpError(400, `"${technique}" is not a technique of run "${run.id}"`);
      if (!Array.isArray(pairs))
        throw new HttpError(400, `receipts of ${technique} must be a list of [seq, receivedAt]`);
      for (const pair of pairs as unknown[]) {
        const [seq, at] = Array.isArray(pair) ? pair : [];
        if (
          !Array.isArray(pair) ||
          pair.length !== 2 ||
          !Number.isInteger(seq) ||
          seq < 1 ||
          seq > run.messages ||
          typeof at !== 'number' ||
          !Number.isFinite(at)
        )
          throw new HttpError(
            400,
            `each receipt must be [seq, receivedAt] with seq from 1 to ${run.messages} (got ${JSON.stringify(pair)})`,
          );
      }
      checked.push([technique, pairs as [number, number][]]);
    }
    const finished = body.finished ?? [];
    if (
      !Array.isArray(finished) ||
      !finished.every((t) => isTechnique(t) && run.techniques.includes(t))
    )
      throw new HttpError(400, `"finished" must list techniques of run "${run.id}"`);
    for (const [technique, pairs] of checked) run.receive(technique, pairs);
    for (const technique of finished) run.finish(technique);
    res.json(run.stats(meter));
  });

  // ---- the six techniques ----

  /** `?after=` for polls and resumes: the last seq the client already has. */
  const afterOf = (req: Request, run: Run) =>
    intField(req.query.after, 'after', 0, 0, run.messages);

  // 1. Short polling: answer at once with whatever is new, even nothing.
  app.get('/feed/poll', (req, res) => {
    const run = runOf(req.query.run, 'short-poll');
    const after = afterOf(req, run);
    const messages = run.after(after);
    run.countSent('short-poll', messages.length);
    const answer: PollAnswer = { messages, done: run.isDoneAfter(after + messages.length) };
    res.set('Cache-Control', 'no-store').json(answer);
  });

  // 2. Long polling: hold the request until something is new (or a timeout), then answer.
  app.get('/feed/long-poll', (req, res) => {
    const run = runOf(req.query.run, 'long-poll');
    const after = afterOf(req, run);
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
    if (run.after(after).length > 0 || run.state === 'published') return answer();
    run.on('message', answer);
    run.on('published', answer);
    run.on('closed', gone);
    timer = setTimeout(answer, longPollTimeoutMs);
    res.on('close', cleanup);
  });

  /**
   * Writes `run`'s messages after `after` with `write` as they are published;
   * calls `finish` once all N are out (or the run closes). Returns the cleanup.
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
    run.on('message', flush);
    run.on('published', flush);
    run.on('closed', end);
    flush();
    return stop;
  }

  // 3. HTTP streaming: one response that never ends until the feed does, one JSON line per
  // message. Without Content-Length, HTTP/1.1 frames each write as a chunk.
  app.get('/feed/stream', (req, res) => {
    const run = runOf(req.query.run, 'stream');
    const after = afterOf(req, run);
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
    res.on('close', stop);
  });

  // 4. Server-Sent Events: the same stream in text/event-stream framing, with ids, so a
  // reconnecting EventSource resumes after Last-Event-ID.
  app.get('/feed/sse', (req, res) => {
    const run = runOf(req.query.run, 'sse');
    const lastEventId = req.get('last-event-id');
    const after =
      lastEventId === undefined
        ? afterOf(req, run)
        : intField(lastEventId, 'Last-Event-ID', 0, 0, run.messages);
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
    res.on('close', stop);
  });

  app.use('/feed', (req, res) => fail(res, 404, `no feed route ${req.method} ${req.path}`));
  app.use('/api', (req, res) =>
    fail(res, 404, `no route for ${req.method} ${req.originalUrl.split('?')[0]}`),
  );

  if (client) app.use(client);
  app.use((req, res) => fail(res, 404, `no route for ${req.method} ${req.path}`));

  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    if (err instanceof HttpError) return fail(res, err.status, err.message);
    if (err?.type === 'entity.too.large') return fail(res, 413, 'body is too large');
    if (err?.type === 'entity.parse.failed')
      return fail(res, 400, `malformed JSON: ${(err as Error).message}`);
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (status >= 500) console.error(err);
    fail(res, status, status >= 500 ? 'internal error' : String(err?.message ?? err));
  };
  app.use(onError);

  // ---- the server, WebSocket and Socket.IO ----

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const server = new FeedServer(app, runs, () => {
    runs.closeAll();
    for (const ws of wss.clients) ws.terminate();
    io.disconnectSockets(true);
    io.engine.close();
  });

  // 6. Socket.IO: its default transports (HTTP long-polling first, then an upgrade to
  // WebSocket). destroyUpgrade: false, so it leaves other upgrades to the router below.
  const io = new IoServer(server, {
    serveClient: false,
    destroyUpgrade: false,
    maxHttpBufferSize: 4096,
  });
  // A bad run or cursor refuses the connection: the client gets connect_error with the sentence.
  io.use((socket, next) => {
    try {
      const run = runOf(socket.handshake.query.run, 'socket.io');
      const after = intField(socket.handshake.query.after, 'after', 0, 0, run.messages);
      socket.data = { run, after };
      next();
    } catch (err) {
      next(err as Error);
    }
  });
  io.on('connection', (socket) => {
    const { run, after } = socket.data as { run: Run; after: number };
    const stop = follow(
      run,
      'socket.io',
      after,
      (message) => socket.emit('feed', message),
      () => socket.emit('end'),
    );
    socket.on('disconnect', stop);
  });

  // Count every HTTP request's bytes, Socket.IO's included (its handler is installed first).
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const tally = tallyFor(req.url);
    meter.begin(req.socket, tally);
    let counted = false;
    const end = () => {
      if (counted) return;
      counted = true;
      meter.end(req.socket, tally);
    };
    res.once('finish', end);
    res.once('close', end);
  });

  // Upgrades: our WebSocket route, Socket.IO's, Vite's HMR (left alone), and a clear
  // refusal for anything else.
  server.prependListener('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const protocol = req.headers['sec-websocket-protocol'];
    if (url.pathname.startsWith(SOCKET_IO_PATH)) {
      const tally = tallyFor(req.url);
      const raw = req.socket;
      meter.begin(raw, tally);
      raw.once('close', () => meter.end(raw, tally));
      return; // engine.io's own listener takes it from here.
    }
    if (protocol && VITE_PROTOCOLS.has(protocol)) return; // Vite's HMR listener.
    if (url.pathname !== '/feed/ws')
      return refuse(socket, 404, `no WebSocket route ${url.pathname}`);
    let run: Run;
    let after: number;
    try {
      run = runOf(url.searchParams.get('run') ?? undefined, 'websocket');
      after = intField(url.searchParams.get('after') ?? undefined, 'after', 0, 0, run.messages);
    } catch (err) {
      const { status, message } = err as HttpError;
      return refuse(socket, status, message);
    }
    const tally = run.traffic.get('websocket');
    const raw = req.socket;
    meter.begin(raw, tally);
    raw.once('close', () => meter.end(raw, tally));
    wss.handleUpgrade(req, socket, head, (ws) => serveWebSocket(ws, run, after));
  });

  // 5. WebSocket: one text frame per message, then a normal close.
  function serveWebSocket(ws: WebSocket, run: Run, after: number) {
    ws.on('error', () => ws.terminate());
    // The feed only flows one way; whatever the client sends is ignored.
    const stop = follow(
      run,
      'websocket',
      after,
      (message) => ws.send(JSON.stringify(message)),
      () => ws.close(1000, 'feed complete'),
    );
    ws.on('close', stop);
  }

  return server;
}

/** Answers a refused upgrade with a plain HTTP error and closes the socket. */
function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: message });
  const reason = status === 404 ? 'Not Found' : status === 400 ? 'Bad Request' : 'Error';
  socket.on('error', () => {});
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** An HTTP server whose `close()` first ends the long-lived deliveries it is carrying. */
export class FeedServer extends HttpServer {
  constructor(
    app: express.Express,
    /** The runs it serves (the tests look inside). */
    readonly runs: RunRegistry,
    private readonly endAll: () => void,
  ) {
    super(app);
  }

  override close(callback?: (err?: Error) => void): this {
    this.endAll();
    return super.close(callback);
  }
}

/** The chapter, as `pnpm lesson` and `pnpm start` run it: the page and all six techniques on PORT (2200). */
export default defineChapter({
  env: {
    /** How long a long poll waits for a message before it answers empty. */
    LONG_POLL_TIMEOUT_MS: intVar(20_000, 100, 120_000),
  },
  create: ({ client, env }) => ({
    PORT: createFeedServer({ client, longPollTimeoutMs: env.LONG_POLL_TIMEOUT_MS }),
  }),
});
