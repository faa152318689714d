// The six clients of the feed. The page runs them in the browser; the benchmark
// and the tests run the very same code in Node, with the `eventsource` and `ws`
// packages standing in for the browser's EventSource and WebSocket.
import type { io as ioFunction } from 'socket.io-client';
import {
  type FeedClient,
  type FeedMessage,
  type PollAnswer,
  preciseNow,
  type Technique,
} from '../../server/protocol.ts';

/** What a client needs from its environment: the browser has all of it built in. */
export interface FeedEnv {
  /** `http://host:port`, no trailing slash. */
  baseUrl: string;
  EventSource: new (url: string) => EventSource;
  WebSocket: new (url: string) => WebSocket;
  io: typeof ioFunction;
}

/** The run a client follows. */
export interface RunRef {
  id: string;
  messages: number;
  pollIntervalMs: number;
}

/** Called for every message, with when it arrived (epoch ms). */
export type OnMessage = (message: FeedMessage, receivedAt: number) => void;

export interface Delivery {
  /** Resolves once the client is connected (at once for the polling ones). */
  ready: Promise<void>;
  /** Resolves when the feed is over for this client; rejects on an error. */
  done: Promise<void>;
  /** Stops the client and releases its connection. */
  stop(): void;
}

/** The error sentence of a failed HTTP answer, from its `{ error }` body. */
async function httpError(res: Response): Promise<Error> {
  const text = await res.text().catch(() => '');
  try {
    return new Error(`${res.status}: ${(JSON.parse(text) as { error: string }).error}`);
  } catch {
    return new Error(`${res.status}: ${text || res.statusText}`);
  }
}

const parse = (text: string) => JSON.parse(text) as FeedMessage;

/** A promise with its resolve/reject in reach (Promise.withResolvers is not in Node 20). */
function deferred() {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // The caller may never look at a rejection (e.g. after stop()); do not crash on it.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

// #region fixed:poll-loop
/** A polling loop: ask, take the messages, then ask again after `gapMs` (0 for long polling). */
function poll(route: string, gapMs: number, env: FeedEnv, run: RunRef, onMessage: OnMessage) {
  const done = deferred();
  const abort = new AbortController();
  let after = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const once = async () => {
    // fix: each poll sends the last seq it has, so the server answers with what is newer
    const url = `${env.baseUrl}${route}?run=${encodeURIComponent(run.id)}&after=${after}`;
    const res = await fetch(url, { signal: abort.signal, cache: 'no-store' });
    if (!res.ok) throw await httpError(res);
    const answer = (await res.json()) as PollAnswer;
    const at = preciseNow();
    for (const message of answer.messages) {
      onMessage(message, at);
      after = Math.max(after, message.seq);
    }
    if (answer.done) done.resolve();
    // fix: the next poll is timed from this answer, not from a fixed clock, so two polls never overlap
    else timer = setTimeout(next, gapMs);
  };
  const next = () => {
    once().catch((err: Error) => done.reject(err));
  };
  next();
  // #endregion
  return {
    ready: Promise.resolve(),
    done: done.promise,
    stop() {
      clearTimeout(timer);
      abort.abort();
      done.reject(new Error('stopped'));
    },
  };
}

/** HTTP streaming with fetch: read the body as it arrives, one JSON message per line. */
function stream(env: FeedEnv, run: RunRef, onMessage: OnMessage): Delivery {
  const ready = deferred();
  const done = deferred();
  const abort = new AbortController();
  const read = async () => {
    const res = await fetch(`${env.baseUrl}/feed/stream?run=${encodeURIComponent(run.id)}`, {
      signal: abort.signal,
      cache: 'no-store',
    });
    if (!res.ok || !res.body) throw await httpError(res);
    ready.resolve();
    // #region fixed:stream-reader
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      const at = preciseNow();
      buffered += value;
      const lines = buffered.split('\n');
      // fix: a chunk is not a message: the unfinished last line waits for the next chunk
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line) onMessage(parse(line), at);
    }
    done.resolve();
    // #endregion
  };
  read().catch((err: Error) => {
    ready.reject(err);
    done.reject(err);
  });
  return {
    ready: ready.promise,
    done: done.promise,
    stop() {
      abort.abort();
      done.reject(new Error('stopped'));
    },
  };
}

/** Server-Sent Events: EventSource parses the stream, reconnects and resumes by itself. */
function sse(env: FeedEnv, run: RunRef, onMessage: OnMessage): Delivery {
  const ready = deferred();
  const done = deferred();
  // #region fixed:sse-client
  const source = new env.EventSource(`${env.baseUrl}/feed/sse?run=${encodeURIComponent(run.id)}`);
  source.addEventListener('open', () => ready.resolve());
  source.addEventListener('message', (event) => onMessage(parse(event.data), preciseNow()));
  // The server's last event: close, or EventSource would reconnect and ask again.
  source.addEventListener('end', () => {
    source.close();
    done.resolve();
  });
  source.addEventListener('error', () => {
    // CONNECTING means it is retrying on its own (with Last-Event-ID); CLOSED means it gave up.
    if (source.readyState === source.CLOSED) {
      const err = new Error('EventSource closed after an error');
      ready.reject(err);
      done.reject(err);
    }
  });
  // #endregion
  return {
    ready: ready.promise,
    done: done.promise,
    stop() {
      source.close();
      done.reject(new Error('stopped'));
    },
  };
}

/** WebSocket: one text frame per message; the server closes with 1000 when the feed is over. */
function websocket(env: FeedEnv, run: RunRef, onMessage: OnMessage): Delivery {
  const ready = deferred();
  const done = deferred();
  const url = `${env.baseUrl.replace(/^http/, 'ws')}/feed/ws?run=${encodeURIComponent(run.id)}`;
  // #region fixed:websocket-client
  const ws = new env.WebSocket(url);
  ws.addEventListener('open', () => ready.resolve());
  ws.addEventListener('message', (event) => onMessage(parse(String(event.data)), preciseNow()));
  ws.addEventListener('close', (event) => {
    const err = new Error(`WebSocket closed with ${event.code} ${event.reason}`.trim());
    ready.reject(err);
    // fix: only the server's normal close (1000) means the feed is over; any other code is an error
    if (event.code === 1000) done.resolve();
    else done.reject(err);
  });
  // #endregion
  return {
    ready: ready.promise,
    done: done.promise,
    stop() {
      ws.close();
      done.reject(new Error('stopped'));
    },
  };
}

/** Socket.IO with its defaults: HTTP long-polling first, then an upgrade to WebSocket. */
function socketIo(env: FeedEnv, run: RunRef, onMessage: OnMessage): Delivery {
  const ready = deferred();
  const done = deferred();
  // #region fixed:socket-io-client
  const socket: FeedClient = env.io(env.baseUrl, { query: { run: run.id }, forceNew: true });
  socket.on('connect', () => ready.resolve());
  socket.on('connect_error', (err: Error) => {
    const failed = new Error(`Socket.IO: ${err.message}`);
    ready.reject(failed);
    done.reject(failed);
    socket.disconnect();
  });
  socket.on('feed', (message) => onMessage(message, preciseNow()));
  socket.on('end', () => {
    socket.disconnect();
    done.resolve();
  });
  // #endregion
  return {
    ready: ready.promise,
    done: done.promise,
    stop() {
      socket.disconnect();
      done.reject(new Error('stopped'));
    },
  };
}

/** Starts `technique`'s client on `run`. */
export function deliver(
  technique: Technique,
  env: FeedEnv,
  run: RunRef,
  onMessage: OnMessage,
): Delivery {
  switch (technique) {
    case 'short-poll':
      return poll('/feed/poll', run.pollIntervalMs, env, run, onMessage);
    case 'long-poll':
      return poll('/feed/long-poll', 0, env, run, onMessage);
    case 'stream':
      return stream(env, run, onMessage);
    case 'sse':
      return sse(env, run, onMessage);
    case 'websocket':
      return websocket(env, run, onMessage);
    case 'socket.io':
      return socketIo(env, run, onMessage);
  }
}
