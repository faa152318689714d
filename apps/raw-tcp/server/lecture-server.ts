import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { SERVER_FAREWELL, SERVER_GREETING } from '../shared/messages.ts';
import { describeError, preview } from './log.ts';

export interface LectureServerOptions {
  /** Closes a connection that has been silent this long (the client never closed its side). */
  idleTimeoutMs?: number;
  /** Where the server's log lines go (the lecture logs what the client sent). */
  log?: (line: string) => void;
  /** How many recent connections to remember for the page's direct-fetch demo. */
  keepRecent?: number;
  /** How many bytes of each connection's input to remember. */
  recordBytes?: number;
}

/** One client of the lecture server, as the server saw it. */
export interface LectureConnection {
  id: number;
  remoteAddress: string;
  remotePort: number;
  /** The first `recordBytes` bytes the client sent. */
  received: Buffer;
  /** Every byte the client sent, counted even past `recordBytes`. */
  receivedBytes: number;
  /** The texts the server wrote, in order. */
  sent: string[];
  closed: boolean;
}

/** What the lecture server reports as it happens (the bridge listens to show both ends). */
export interface LectureTapEvents {
  write: [connection: LectureConnection, text: string, bytes: number];
  data: [connection: LectureConnection, chunk: Buffer];
  close: [connection: LectureConnection, hadError: boolean];
}

export interface LectureServer {
  /** The `node:net` server, not listening yet. */
  server: Server;
  /** Emits `write`, `data` and `close` for every connection. */
  tap: EventEmitter<LectureTapEvents>;
  /** The recent connections, newest last. */
  recent(): readonly LectureConnection[];
}

/**
 * The lecture's TCP server: on connect it writes a greeting, then ends with a
 * farewell (which closes its writing side), and logs whatever the client sent.
 * Unlike the lecture's version, every socket has an `error` handler and a
 * silent client is closed after `idleTimeoutMs`.
 */
export function createLectureServer(options: LectureServerOptions = {}): LectureServer {
  const {
    idleTimeoutMs = 30_000,
    log = (line: string) => console.log(line),
    keepRecent = 32,
    recordBytes = 16 * 1024,
  } = options;
  const tap = new EventEmitter<LectureTapEvents>();
  const recent: LectureConnection[] = [];
  let nextId = 1;

  const server = createServer((socket: Socket) => {
    const connection: LectureConnection = {
      id: nextId++,
      remoteAddress: socket.remoteAddress ?? '?',
      remotePort: socket.remotePort ?? 0,
      received: Buffer.alloc(0),
      receivedBytes: 0,
      sent: [],
      closed: false,
    };
    recent.push(connection);
    if (recent.length > keepRecent) recent.shift();
    const who = `${connection.remoteAddress}:${connection.remotePort}`;
    log(`[tcp] #${connection.id} connected from ${who}`);

    // Without this, a client that resets the connection (ECONNRESET) or vanishes
    // while we write (EPIPE) throws an uncaught 'error' and takes the process down.
    socket.on('error', (err) => log(`[tcp] #${connection.id} socket error: ${describeError(err)}`));

    /** Counts the bytes and keeps the first `recordBytes` of them, for /direct. */
    const record = (chunk: Buffer) => {
      connection.receivedBytes += chunk.length;
      if (connection.received.length < recordBytes) {
        const room = recordBytes - connection.received.length;
        connection.received = Buffer.concat([connection.received, chunk.subarray(0, room)]);
      }
    };

    // The lecture logs each 'data' event as if it were one message. It is not: see /framing.
    // #region lecture:server-data
    socket.on('data', (chunk: Buffer) => {
      record(chunk);
      // pitfall: one data event is logged as one message, however the client's writes were grouped
      log(`[tcp] #${connection.id} received ${chunk.length} bytes: ${preview(chunk)}`);
      tap.emit('data', connection, chunk);
    });
    // #endregion

    socket.setTimeout(idleTimeoutMs);
    socket.on('timeout', () => {
      log(`[tcp] #${connection.id} idle for ${idleTimeoutMs} ms, closing`);
      socket.destroy();
    });

    socket.on('close', (hadError) => {
      connection.closed = true;
      log(`[tcp] #${connection.id} closed${hadError ? ' after an error' : ''}`);
      tap.emit('close', connection, hadError);
    });

    const send = (text: string, last: boolean) => {
      connection.sent.push(text);
      tap.emit('write', connection, text, Buffer.byteLength(text));
      if (last) socket.end(text);
      else socket.write(text);
    };
    send(SERVER_GREETING, false);
    send(SERVER_FAREWELL, true);
  });
  server.on('error', (err) => log(`[tcp] server error: ${describeError(err)}`));

  return { server, tap, recent: () => recent };
}
