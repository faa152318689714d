// The clients of each scenario. Each round opens its connections, runs for a
// fixed time (or a fixed script), closes everything and returns what it measured.
import { get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { io as connectIo, type Socket } from 'socket.io-client';
import WebSocket from 'ws';

/** About 100 bytes of chat-like text: what one message of the lessons looks like. */
export const MESSAGE =
  'Hello from the benchmark: one short chat line, sent and echoed back over loopback, 100 B.';

/**
 * Sequential round trips on one WebSocket for `ms`: send, wait for the echo, send again.
 * `deflate`: the client offers permessage-deflate and compresses every message, as browsers do.
 * `mustNegotiate`: fail unless the server accepted it. Returns round trips per second.
 */
export async function wsEchoRound(
  port: number,
  deflate: boolean,
  ms: number,
  mustNegotiate = deflate,
): Promise<number> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`, {
    perMessageDeflate: deflate ? { threshold: 0 } : false,
  });
  // The greeting comes first; the round starts after it.
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve());
    ws.once('error', reject);
  });
  if (mustNegotiate && !ws.extensions.includes('permessage-deflate'))
    throw new Error('the server did not accept permessage-deflate');
  const rate = await new Promise<number>((resolve, reject) => {
    let count = 0;
    const start = performance.now();
    ws.on('error', reject);
    ws.on('message', () => {
      count++;
      const elapsed = performance.now() - start;
      if (elapsed >= ms) resolve((count * 1000) / elapsed);
      else ws.send(MESSAGE);
    });
    ws.send(MESSAGE);
  });
  ws.close();
  return rate;
}

/** Connects a Socket.IO client over WebSocket only (the same transport on both sides). */
async function ioClient(url: string, auth?: Record<string, string>): Promise<Socket> {
  const socket = connectIo(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(auth ? { auth } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Throws unless a Socket.IO ack says `ok`. */
function expectOk(answer: unknown, what: string): void {
  if ((answer as { ok?: boolean })?.ok !== true)
    throw new Error(`${what} was refused: ${JSON.stringify(answer)}`);
}

/**
 * socketio-chat: log in, then `chat` via socket.emit with an ack, sequentially for `ms`.
 * Returns acked messages per second.
 */
export async function chatRound(port: number, ms: number): Promise<number> {
  const socket = await ioClient(`http://127.0.0.1:${port}`);
  try {
    expectOk(await socket.emitWithAck('login', { name: 'bench', userid: 'bench' }), 'login');
    let count = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      const answer = await socket.emitWithAck('chat', { msg: MESSAGE, via: 'socket.emit' });
      if (count === 0) expectOk(answer, 'chat');
      count++;
      elapsed = performance.now() - start;
    }
    return (count * 1000) / elapsed;
  } finally {
    socket.disconnect();
  }
}

/**
 * socketio-rooms: `members` sockets join one room on `/chat`; one of them sends
 * `chat message` to it, and the next goes once it is acked and every member has
 * it. Returns messages per second (each delivered `members` times).
 */
export async function roomsRound(port: number, members: number, ms: number): Promise<number> {
  const url = `http://127.0.0.1:${port}/chat`;
  const sockets = await Promise.all(
    Array.from({ length: members }, () => ioClient(url, { mode: 'explicit' })),
  );
  try {
    await Promise.all(
      sockets.map(async (socket, i) =>
        expectOk(await socket.emitWithAck('join', { name: `m${i}`, room: 'bench' }), 'join'),
      ),
    );
    // Let the joins' notices and lists go out before timing.
    await new Promise((resolve) => setTimeout(resolve, 200));
    let delivered = 0;
    let onAll: (() => void) | undefined;
    for (const socket of sockets)
      socket.on('chat message', () => {
        delivered++;
        if (delivered === members) onAll?.();
      });
    const sender = sockets[0] as Socket;
    let count = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      delivered = 0;
      const all = new Promise<void>((resolve) => {
        onAll = resolve;
      });
      const answer = await sender.emitWithAck('chat message', {
        name: 'm0',
        room: 'bench',
        msg: MESSAGE,
      });
      if (count === 0) expectOk(answer, 'chat message');
      await all;
      count++;
      elapsed = performance.now() - start;
    }
    return (count * 1000) / elapsed;
  } finally {
    for (const socket of sockets) socket.disconnect();
  }
}

/** What one SSE round measured. */
export interface SseResult {
  streams: number;
  /** Events every stream should get: the countdown's numbers and its `end`. */
  expectedEvents: number;
  receivedEvents: number;
  lost: number;
  /** Streams that had not ended by the deadline (then cut by the client). */
  unfinished: number;
  /** Streams the server still counted open (`/stats`) after every client was gone. */
  leftOpen: number;
  /** How late each event came after its schedule (first event + k × interval), in ms. */
  latenessP50: number;
  latenessP99: number;
  latenessMax: number;
  /** The server's peak RSS during the round, in MB. */
  peakRssMb: number;
}

/**
 * sse-countdown: `streams` concurrent `/countdown` streams from 10 to 0 and `end`,
 * opened in batches; records when each event arrives. `eventsPerStream` is 12.
 */
export async function sseRound(
  port: number,
  streams: number,
  intervalMs: number,
  rssMb: () => number,
): Promise<SseResult> {
  const eventsPerStream = 12;
  const lateness: number[] = [];
  let received = 0;
  let unfinished = 0;
  let peakRssMb = rssMb();
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, rssMb());
  }, 100);
  const open = new Set<import('node:http').ClientRequest>();

  /** Opens one stream: `opened` settles once it has its response (or failed), `done` once it ended. */
  const one = () => {
    let opened: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const done = new Promise<void>((resolve) => {
      let first = 0;
      let buffer = '';
      const req = get({ host: '127.0.0.1', port, path: '/countdown', agent: false }, (res) => {
        opened();
        if (res.statusCode !== 200) {
          res.resume();
          open.delete(req);
          return resolve();
        }
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const now = performance.now();
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
            const id = /^id: (.*)$/m.exec(block)?.[1];
            if (id === undefined || !/^data: /m.test(block)) continue;
            const k = id === 'end' ? 11 : 10 - Number(id);
            received++;
            if (k === 0) first = now;
            else if (first > 0) lateness.push(now - (first + k * intervalMs));
          }
        });
        res.on('end', () => {
          open.delete(req);
          resolve();
        });
        res.on('error', () => resolve());
      });
      req.on('error', () => {
        open.delete(req);
        opened();
        resolve();
      });
      open.add(req);
    });
    return { started, done };
  };

  const done: Promise<void>[] = [];
  // Open in batches of 250, each once the last has its responses: a burst past the listen
  // backlog would lose SYNs, and the retransmits (1 s, 3 s, 7 s…) would make streams late.
  for (let i = 0; i < streams; i += 250) {
    const batch = Array.from({ length: Math.min(250, streams - i) }, one);
    done.push(...batch.map((stream) => stream.done));
    await Promise.all(batch.map((stream) => stream.started));
  }
  const deadline = new Promise<void>((resolve) =>
    setTimeout(resolve, eventsPerStream * intervalMs + 10_000),
  );
  await Promise.race([Promise.all(done), deadline]);
  unfinished = open.size;
  for (const req of open) req.destroy();
  clearInterval(sampler);
  // The server notices closed streams on its own schedule; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const stats = await fetch(`http://127.0.0.1:${port}/stats`).then(
    (r) => r.json() as Promise<{ activeStreams: number }>,
  );
  lateness.sort((a, b) => a - b);
  const pick = (q: number) =>
    lateness[Math.min(lateness.length - 1, Math.floor(q * lateness.length))] ?? Number.NaN;
  const expectedEvents = streams * eventsPerStream;
  return {
    streams,
    expectedEvents,
    receivedEvents: received,
    lost: expectedEvents - received,
    unfinished,
    leftOpen: stats.activeStreams,
    latenessP50: pick(0.5),
    latenessP99: pick(0.99),
    latenessMax: lateness.at(-1) ?? Number.NaN,
    peakRssMb,
  };
}
