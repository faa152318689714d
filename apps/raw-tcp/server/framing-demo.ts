import { once } from 'node:events';
import { createConnection, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { LineSplitter } from '../shared/line-splitter.ts';
import type { LectureServer } from './lecture-server.ts';

export interface Target {
  host: string;
  port: number;
}

/** One write the client made, or one `data` event the receiver got. */
export interface Piece {
  bytes: number;
  /** The piece decoded on its own, as the lecture's `data.toString()` would. */
  text: string;
}

/** What the framing page shows: the same kind of burst, unframed and then framed. */
export interface FramingReport {
  /** Five short writes in one burst: the receiver's `data` events merge them. */
  merged: { writes: Piece[]; dataEvents: Piece[] };
  /** One large write: the receiver gets it in several `data` events. */
  split: { writeBytes: number; dataEvents: number[] };
  /** A Korean word written in two parts cut inside a character. */
  utf8: { writes: (Piece & { hex: string })[]; dataEvents: Piece[] };
  /** The five messages plus the Korean word, each ending in `\n`, to the framed server. */
  framed: { writes: Piece[]; dataEvents: number[]; lines: string[] };
}

export const BURST_MESSAGES = ['message 1', 'message 2', 'message 3', 'message 4', 'message 5'];
export const SPLIT_WRITE_BYTES = 256 * 1024;
export const KOREAN_WORD = '안녕하세요';
/** Cut after the first character (3 bytes) and one byte of the second. */
const KOREAN_CUT = 4;
const PAUSE_MS = 60;
const DEADLINE_MS = 5000;

// #region lecture:decode-utf8
const piece = (bytes: Uint8Array): Piece => ({
  bytes: bytes.length,
  // pitfall: a chunk decoded on its own: a character cut at the chunk's edge becomes �
  text: Buffer.from(bytes).toString('utf8'),
});
// #endregion

const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');

/**
 * Connects, waits for the connection, and fails after the deadline instead of
 * hanging. `allowHalfOpen`: the lecture server closes its side at once, and the
 * demo still needs to write after that (TCP allows it; Node's default does not).
 */
async function connect(target: Target): Promise<{ socket: Socket; failed: Promise<never> }> {
  const socket = createConnection({ ...target, allowHalfOpen: true });
  socket.setTimeout(DEADLINE_MS, () => socket.destroy(new Error('framing demo timed out')));
  const failed = new Promise<never>((_, reject) => socket.on('error', reject));
  failed.catch(() => {}); // observed by whoever races it; never unhandled
  await once(socket, 'connect');
  return { socket, failed };
}

/**
 * Runs `write` on a connection to the lecture server and returns the `data`
 * events that server got from this connection, in order.
 */
async function throughLectureServer(
  lecture: LectureServer,
  target: Target,
  write: (socket: Socket) => Promise<void>,
): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  let localPort = -1;
  let onClose = () => {};
  const closed = new Promise<void>((resolve) => {
    onClose = resolve;
  });
  const onData = (connection: { remotePort: number }, chunk: Buffer) => {
    if (connection.remotePort === localPort) chunks.push(chunk);
  };
  const onServerClose = (connection: { remotePort: number }) => {
    if (connection.remotePort === localPort) onClose();
  };
  lecture.tap.on('data', onData);
  lecture.tap.on('close', onServerClose);
  let socket: Socket | undefined;
  try {
    const connected = await connect(target);
    socket = connected.socket;
    localPort = socket.localPort ?? -1;
    socket.resume(); // the greeting and farewell: read and ignored here
    await Promise.race([write(socket), connected.failed]);
    socket.end();
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('the lecture server did not close the connection')),
        DEADLINE_MS,
      );
    });
    await Promise.race([closed, gaveUp, connected.failed]).finally(() => clearTimeout(timer));
    return chunks;
  } finally {
    socket?.destroy();
    lecture.tap.off('data', onData);
    lecture.tap.off('close', onServerClose);
  }
}

/** Sends lines to the framed server in bursts and collects the echoed lines. */
async function throughFramedServer(
  target: Target,
  writes: Uint8Array[][],
  expectedLines: number,
): Promise<{ dataEvents: number[]; lines: string[] }> {
  const { socket, failed } = await connect(target);
  try {
    const splitter = new LineSplitter();
    const decoder = new TextDecoder();
    const dataEvents: number[] = [];
    const lines: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      // #region fixed:client-data
      socket.on('data', (chunk: Buffer) => {
        dataEvents.push(chunk.length);
        // #region fixed:decode-utf8
        // fix: the splitter joins each line's bytes first; only whole lines are decoded, so no character is cut
        for (const line of splitter.push(chunk)) lines.push(decoder.decode(line));
        // #endregion
        if (lines.length >= expectedLines) resolve();
      });
      // #endregion
      failed.catch(reject);
      socket.on('close', () => reject(new Error('the framed server closed the connection')));
    });
    done.catch(() => {}); // observed below; this keeps an early rejection from going unhandled
    for (const [index, burst] of writes.entries()) {
      if (index > 0) await sleep(PAUSE_MS);
      for (const bytes of burst) socket.write(bytes);
    }
    await done;
    return { dataEvents, lines };
  } finally {
    socket.destroy();
  }
}

/** Runs the four framing experiments against the chapter's two TCP servers. */
export async function runFramingDemo(
  lecture: LectureServer,
  lectureTarget: Target,
  framedTarget: Target,
): Promise<FramingReport> {
  const encoder = new TextEncoder();

  // 1. Five writes in the same tick: they reach the receiver's buffer before it reads.
  const burst = BURST_MESSAGES.map((text) => encoder.encode(text));
  // #region lecture:delimit-writes
  const mergedEvents = await throughLectureServer(lecture, lectureTarget, async (socket) => {
    // pitfall: nothing in the bytes says where one message ends, so the receiver cannot tell
    for (const bytes of burst) socket.write(bytes);
  });
  // #endregion

  // 2. One write larger than a single read: Node reads at most 64 KiB per `data` event.
  const big = Buffer.alloc(SPLIT_WRITE_BYTES, '0123456789');
  const splitEvents = await throughLectureServer(lecture, lectureTarget, async (socket) => {
    socket.write(big);
  });

  // 3. A multi-byte character cut in two: each half decoded alone is garbage.
  const korean = encoder.encode(KOREAN_WORD);
  const head = korean.subarray(0, KOREAN_CUT);
  const tail = korean.subarray(KOREAN_CUT);
  const utf8Events = await throughLectureServer(lecture, lectureTarget, async (socket) => {
    socket.write(head);
    await sleep(PAUSE_MS);
    socket.write(tail);
  });

  // 4. The fix: the same messages, newline-delimited, to the framed server.
  // #region fixed:delimit-writes
  const newline = encoder.encode('\n');
  const framedBursts = [
    // fix: a newline after each message marks where it ends, however the writes are grouped
    [...burst.flatMap((bytes) => [bytes, newline]), head],
    [tail, newline],
  ];
  // fix: the framed server splits on the newline, and so does this client for the echoes
  const framed = await throughFramedServer(framedTarget, framedBursts, BURST_MESSAGES.length + 1);
  // #endregion

  return {
    merged: { writes: burst.map(piece), dataEvents: mergedEvents.map(piece) },
    split: { writeBytes: big.length, dataEvents: splitEvents.map((chunk) => chunk.length) },
    utf8: {
      writes: [head, tail].map((bytes) => ({ ...piece(bytes), hex: hex(bytes) })),
      dataEvents: utf8Events.map(piece),
    },
    framed: {
      writes: [...BURST_MESSAGES, KOREAN_WORD].map((text) => piece(encoder.encode(`${text}\n`))),
      dataEvents: framed.dataEvents,
      lines: framed.lines,
    },
  };
}
