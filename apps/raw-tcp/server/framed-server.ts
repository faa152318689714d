import { createServer, type Server, type Socket } from 'node:net';
import { LineSplitter, LineTooLongError } from '../shared/line-splitter.ts';
import { describeError, preview } from './log.ts';

export interface FramedServerOptions {
  /** The longest line accepted (bytes, without its `\n`); past it the client gets an error line and is dropped. */
  maxLineBytes?: number;
  /** A client that sends nothing for this long gets an error line and is closed. */
  idleTimeoutMs?: number;
  /** After the server closes its side, how long the client has to close its own before it is destroyed. */
  closeGraceMs?: number;
  log?: (line: string) => void;
}

/** How many lines of each connection go to the log. */
const LOGGED_LINES = 20;

/** The first bytes of every error line, so a client can tell errors from echoes. */
export const ERROR_PREFIX = 'ERROR: ';

/**
 * The fix for "TCP has no message boundaries": a server that speaks
 * newline-delimited messages. Each complete line that arrives is echoed back
 * as one line; the connection stays open until the client leaves. Bad input is
 * bounded: a line over `maxLineBytes` or a silent client gets an `ERROR: …`
 * line and is disconnected, and echoes respect backpressure, so no client can
 * make the server buffer without limit.
 */
export function createFramedServer(options: FramedServerOptions = {}): Server {
  const {
    maxLineBytes = 64 * 1024,
    idleTimeoutMs = 30_000,
    closeGraceMs = 2000,
    log = (line: string) => console.log(line),
  } = options;
  let nextId = 1;

  const server = createServer((socket: Socket) => {
    const id = nextId++;
    const splitter = new LineSplitter(maxLineBytes);
    let closing = false;
    let linesSeen = 0;
    let grace: NodeJS.Timeout | undefined;
    log(`[framed] #${id} connected from ${socket.remoteAddress}:${socket.remotePort}`);

    // #region fixed:socket-error
    // A client that disconnects mid-write makes our next write fail (EPIPE,
    // ECONNRESET). Handled here, it closes this socket and nothing else.
    // fix: a listener on each socket, not only on the server: an 'error' with no listener throws and ends the process
    socket.on('error', (err) => log(`[framed] #${id} socket error: ${describeError(err)}`));
    // #endregion

    // #region fixed:refuse
    /** Sends one error line, closes our side, and gives the client a moment to close its own. */
    const refuse = (reason: string) => {
      if (closing) return;
      closing = true;
      // fix: the unfinished line is dropped at once, so the bound holds
      splitter.reset();
      log(`[framed] #${id} ${reason}, disconnecting`);
      // fix: the client is told why, in a line it can tell from an echo, then gets a FIN
      socket.end(`${ERROR_PREFIX}${reason}; closing the connection\n`);
      // Whatever still arrives is read and dropped (never kept), until the client goes.
      socket.resume();
      // fix: a client that never closes its side is destroyed after closeGraceMs
      grace = setTimeout(() => socket.destroy(), closeGraceMs);
    };
    // #endregion

    // #region fixed:server-data
    socket.on('data', (chunk: Buffer) => {
      if (closing) return;
      let lines: Uint8Array[];
      try {
        // fix: the splitter keeps the bytes until a newline comes; only complete lines come out
        lines = splitter.push(chunk);
      } catch (err) {
        // fix: a line longer than maxLineBytes is refused, never buffered without end
        if (err instanceof LineTooLongError) return refuse(err.message);
        throw err;
      }
      // fix: one message per line, however the bytes were cut into data events
      for (const line of lines) {
        // Log the first lines of each connection, not a flood's every line.
        linesSeen += 1;
        if (linesSeen <= LOGGED_LINES)
          log(`[framed] #${id} line of ${line.length} bytes: ${preview(line)}`);
        else if (linesSeen === LOGGED_LINES + 1) log(`[framed] #${id} (further lines not logged)`);
        // Echo the exact bytes, plus the delimiter that makes them a line again.
        const more = socket.write(Buffer.concat([line, Buffer.from('\n')]));
        // The client is not reading its echoes: stop reading its lines until it does.
        // fix: write() said the queue is full: pause, so echoes never pile up in memory
        if (!more && !socket.isPaused()) {
          socket.pause();
          socket.once('drain', () => {
            if (!closing) socket.resume();
          });
        }
      }
    });
    // #endregion

    // #region fixed:idle-timeout
    // fix: a client that sends nothing for idleTimeoutMs gets an error line instead of holding a socket forever
    socket.setTimeout(idleTimeoutMs);
    socket.on('timeout', () => {
      if (closing) socket.destroy();
      else refuse(`idle for ${idleTimeoutMs} ms`);
    });
    // #endregion

    socket.on('close', () => {
      clearTimeout(grace);
      splitter.reset();
      log(`[framed] #${id} closed`);
    });
  });
  server.on('error', (err) => log(`[framed] server error: ${describeError(err)}`));
  return server;
}
