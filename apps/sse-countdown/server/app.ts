import { createServer } from 'node:http';
import { type ClientHandler, check, defineChapter, intVar } from '@course/kit';
import express, { type Request, type Response } from 'express';
import { clientAddress, countdownQuery, LimitStreamQuery, StreamQuota } from './hardening.ts';
import { EventStream, type SseEvent } from './stream.ts';

/** What `createApp()` can be told; every field has a default. */
export interface AppOptions {
  /** Serves the pages (Vite or the built bundle). Tests leave it out and get the API alone. */
  client?: ClientHandler;
  /** Time between two numbers of the countdown. The lecture waits 1 s. */
  intervalMs?: number;
  /** The `retry:` the fixed streams send: how long the browser waits before reconnecting. */
  retryMs?: number;
  /** Time between two heartbeat comments on an open fixed stream. */
  heartbeatMs?: number;
  /** How many streams one client address may hold open at once; one more gets 429. */
  maxStreamsPerClient?: number;
}

/** The countdown starts here and runs down to 0. */
export const START = 10;
/** The `id:` of the closing `end` event. A reconnect that sends it back gets 204. */
export const END_ID = 'end';
/** The lecture's `id` field inside the JSON (a person's initials, not an SSE id). */
const SPEAKER = 'kgh';

/** The lecture's payload, byte for byte: `{"id":"kgh","cnt":N}`. */
export const countData = (cnt: number): string => JSON.stringify({ id: SPEAKER, cnt });

/**
 * The countdown as a script of events. The fixed stream gives every event an
 * `id:` (the number itself) and closes with a named `end` event; the
 * lecture's stream has neither.
 */
export function countdownScript(fixed: boolean): SseEvent[] {
  const events: SseEvent[] = [];
  if (!fixed) {
    // #region lecture:countdown-events
    // pitfall: no id: line, so a client that reconnects cannot say where it was
    for (let cnt = START; cnt >= 0; cnt--) events.push({ data: countData(cnt) });
    // #endregion
    return events;
  }
  // #region fixed:countdown-events
  // fix: each number is its own id:, which the browser sends back as Last-Event-ID
  for (let cnt = START; cnt >= 0; cnt--) events.push({ id: String(cnt), data: countData(cnt) });
  // fix: 0 is not the end of the protocol: a named end event tells the page to close()
  events.push({ id: END_ID, event: 'end', data: JSON.stringify({ id: SPEAKER, done: true }) });
  // #endregion
  return events;
}

// #region fixed:named-events
/** Named events and multi-line data, for `addEventListener`. */
export const NAMED_SCRIPT: readonly SseEvent[] = [
  { id: '1', event: 'greeting', data: 'Hello! This event is named "greeting".' },
  { id: '2', data: 'A plain event: it has no event: field, so it arrives as "message".' },
  {
    id: '3',
    event: 'status',
    data: JSON.stringify({ chapter: 'sse-countdown', lines: 'one data: line each' }, null, 2),
  },
  { id: '4', event: 'poem', data: 'Streams arrive\nline by line,\njoined with newlines.' },
  { id: '5', event: 'end', data: 'That was every event.' },
];
// #endregion

/** `?dropAfter=N` of both countdowns: from 0 to START. */
const CountdownQuery = countdownQuery(START);

/** How long `/limit-stream` waits between two ticks. */
const LIMIT_TICK_MS = 1000;

/** Sends `{ error }` with `status`: every failure of this API has this shape. */
function fail(res: Response, status: number, error: string): void {
  res.status(status).json({ error });
}

// #region fixed:resume-index
/**
 * Where a script resumes for a `Last-Event-ID`: just after the event with that
 * id. Anything that is not one of the script's ids (garbage, out of range,
 * absent) is ignored and the script starts at the top. Returns `done` when the
 * id is the last event's: the client already has everything.
 */
export function resumeIndex(
  script: readonly SseEvent[],
  lastEventId: string | undefined,
): number | 'done' {
  if (lastEventId === undefined) return 0;
  const seen = script.findIndex((event) => event.id === lastEventId);
  if (seen === -1) return 0;
  return seen === script.length - 1 ? 'done' : seen + 1;
}
// #endregion

/**
 * The SSE chapter's server: the lecture's countdown (`/lecture-countdown`),
 * the fixed countdown (`/countdown`), named events, a long-lived stream for
 * the connection-limit demo, and `/stats`. Returns an Express app that is not
 * listening yet.
 */
export function createApp(options: AppOptions = {}): express.Express {
  const {
    client,
    intervalMs = 1000,
    retryMs = 1000,
    heartbeatMs = 15_000,
    maxStreamsPerClient = 20,
  } = options;
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');

  /** Open streams per client address, bounded: the flood control of `hardening.ts`. */
  const quota = new StreamQuota(maxStreamsPerClient);

  /**
   * Answers with `text/event-stream` and returns the stream, or answers 429
   * and returns undefined when this address already holds its quota.
   * A `'lecture'` stream leaves out what the lecture's server did not send.
   */
  function openStream(
    req: Request,
    res: Response,
    kind: 'lecture' | 'fixed' = 'fixed',
  ): EventStream | undefined {
    // #region fixed:stream-quota
    const address = clientAddress(req);
    // fix: one address holds at most maxStreamsPerClient streams; one more gets 429, which EventSource never retries
    if (!quota.take(address)) {
      res.set('Retry-After', '5');
      fail(res, 429, quota.refusal(address));
      return undefined;
    }
    // The client left or the stream ended: it no longer counts against its address.
    res.on('close', () => quota.release(address));
    // #endregion

    if (kind === 'lecture') {
      // #region lecture:stream-open
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
      });
      res.flushHeaders();
      // pitfall: no retry:, so after the end the browser waits its own delay (about 3 s) and reconnects
      return new EventStream(res);
      // #endregion
    }
    // #region fixed:stream-open
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      // fix: nginx (and proxies that copy it) would otherwise buffer the stream
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    const stream = new EventStream(res);
    // fix: retry: sets how long the browser waits before it reconnects, in ms
    stream.retry(retryMs);
    // fix: a comment now and then is traffic to proxies that close a quiet connection
    stream.every(heartbeatMs, () => stream.comment('heartbeat'));
    return stream;
    // #endregion
  }

  /**
   * Sends `script` from `from` on, one event per interval, then ends the
   * response. With `dropAfter`, the connection is cut one interval after the
   * event whose count is `dropAfter`, as a network failure would.
   */
  function play(stream: EventStream, script: readonly SseEvent[], from: number, drop?: string) {
    // #region fixed:countdown-play
    let index = from;
    let cutNext = false;
    const step = () => {
      // dropAfter: one interval after that number, the connection goes as a network failure would take it
      if (cutNext) return stream.drop();
      const event = script[index];
      if (event === undefined) return stream.end();
      stream.send(event);
      index++;
      if (index === script.length) return stream.end();
      cutNext = drop !== undefined && event.data === drop;
    };
    step();
    // One timer for the whole stream, not a new one per number: at 10,000 streams, a timer per
    // number is 10,000 timers a second that each live a second, and the heap grows with them
    stream.every(intervalMs, step);
    // #endregion
  }

  /** A countdown route: the fixed one resumes from Last-Event-ID; the lecture's always starts at 10. */
  function countdownRoute(fixed: boolean) {
    const script = countdownScript(fixed);
    return (req: Request, res: Response) => {
      const query = check(CountdownQuery, req.query);
      if (!query.ok) return fail(res, 400, query.error);
      const { dropAfter } = query.value;
      const drop = dropAfter === undefined ? undefined : countData(dropAfter);
      if (!fixed) {
        // #region lecture:countdown-route
        // pitfall: every connection starts at 10, a reconnect too: the server cannot tell them apart
        const stream = openStream(req, res, 'lecture');
        if (stream) play(stream, script, 0, drop);
        // #endregion
        return;
      }
      // #region fixed:countdown-route
      // fix: carry on after the id the browser sends back (none, or one never sent: from 10)
      const from = resumeIndex(script, req.get('last-event-id'));
      // fix: the client already saw the end: 204 tells EventSource to stop for good
      if (from === 'done') return void res.status(204).end();
      const stream = openStream(req, res);
      if (stream) play(stream, script, from, drop);
      // #endregion
    };
  }

  // The lecture's server: no id, no retry, no end event. Every connection starts at 10.
  app.get('/lecture-countdown', countdownRoute(false));

  // The fixed server (the default): ids, Last-Event-ID, retry, heartbeat, `end`, then 204.
  app.get('/countdown', countdownRoute(true));

  // Named events and multi-line data, resumable the same way.
  app.get('/named-events', (req, res) => {
    const from = resumeIndex(NAMED_SCRIPT, req.get('last-event-id'));
    if (from === 'done') return void res.status(204).end();
    const stream = openStream(req, res);
    if (stream) play(stream, NAMED_SCRIPT, from);
  });

  // #region fixed:limit-stream
  // A stream that stays open until the client leaves: the connection-limit demo.
  app.get('/limit-stream', (req, res) => {
    const query = check(LimitStreamQuery, req.query);
    if (!query.ok) return fail(res, 400, query.error);
    const { slot } = query.value;
    const stream = openStream(req, res);
    if (!stream) return;
    let ticks = 0;
    stream.send({ id: '0', event: 'hello', data: `slot ${slot} is open` });
    stream.every(LIMIT_TICK_MS, () => {
      ticks++;
      stream.send({ id: String(ticks), event: 'tick', data: String(ticks) });
    });
  });
  // #endregion

  // How many streams are open right now: each holds timers until its client goes away.
  app.get('/stats', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ activeStreams: quota.open });
  });

  if (client) app.use(client);

  // Anything else is a 404 with a JSON body naming what was asked for.
  app.use((req, res) => fail(res, 404, `no route for ${req.method} ${req.path}`));
  return app;
}

/** The chapter, as `pnpm lesson` and `pnpm start` run it: the pages and the streams on PORT (3100). */
export default defineChapter({
  env: {
    /** Time between two numbers of the countdown. */
    COUNTDOWN_INTERVAL_MS: intVar(1000, 10, 60_000),
    /** The `retry:` the fixed stream sends: how long the browser waits before it reconnects. */
    COUNTDOWN_RETRY_MS: intVar(1000, 10, 60_000),
    /** Time between two heartbeat comments on an open stream. */
    COUNTDOWN_HEARTBEAT_MS: intVar(15_000, 10, 3_600_000),
    /** Streams one client may hold open at once. */
    COUNTDOWN_MAX_STREAMS: intVar(20, 1, 10_000),
  },
  create: ({ client, env }) => ({
    PORT: createServer(
      createApp({
        client,
        intervalMs: env.COUNTDOWN_INTERVAL_MS,
        retryMs: env.COUNTDOWN_RETRY_MS,
        heartbeatMs: env.COUNTDOWN_HEARTBEAT_MS,
        maxStreamsPerClient: env.COUNTDOWN_MAX_STREAMS,
      }),
    ),
  }),
});
