import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Where one technique's bytes, requests and connections add up. Sockets it is
 * using right now are `live`, so a reading in the middle of a stream is current.
 */
export class TrafficTally {
  bytesUp = 0;
  bytesDown = 0;
  requests = 0;
  readonly connections = new Set<number>();
  readonly live = new Set<Socket>();
}

interface Seen {
  id: number;
  read: number;
  written: number;
}

/**
 * Counts real bytes on the server's TCP sockets and hands them to whichever
 * technique is using the socket. Node keeps `bytesRead`/`bytesWritten` per
 * socket; the meter remembers how far each socket was already counted, so a
 * keep-alive socket that carries a poll, then a stats request, then an SSE
 * stream is split correctly: HTTP/1.1 clients send one request at a time on a
 * socket, so the bytes between two readings belong to the request in between.
 * What is counted is what TCP carries for the application: request and status
 * lines, headers, chunk framing, WebSocket frame headers and bodies. TCP/IP
 * headers (about 52 to 66 bytes per packet) are not, since Node never sees them.
 */
export class WireMeter {
  readonly #seen = new WeakMap<Socket, Seen>();
  #nextId = 1;

  /** How far `socket` was counted; a socket seen for the first time starts from zero. */
  #state(socket: Socket): Seen {
    let seen = this.#seen.get(socket);
    if (!seen) {
      seen = { id: this.#nextId++, read: 0, written: 0 };
      this.#seen.set(socket, seen);
    }
    return seen;
  }

  // #region fixed:wire-meter
  /** Moves the bytes not counted yet on `socket` to `tally`, or drops them when there is none. */
  take(socket: Socket, tally?: TrafficTally): void {
    const seen = this.#state(socket);
    // fix: the socket's own counters: headers, chunk framing and frame headers included, not just the body
    const read = socket.bytesRead;
    const written = socket.bytesWritten ?? seen.written;
    if (tally) {
      tally.bytesUp += read - seen.read;
      tally.bytesDown += written - seen.written;
    }
    // fix: a keep-alive socket carries many requests: remember how far it was counted
    seen.read = read;
    seen.written = written;
  }

  /** A request (or an upgrade handshake) for `tally` arrived on `socket`. */
  begin(socket: Socket, tally?: TrafficTally): void {
    this.take(socket, tally);
    if (!tally) return;
    tally.requests += 1;
    tally.connections.add(this.#state(socket).id);
    tally.live.add(socket);
  }

  /** The request is over (or the upgraded socket closed): count its last bytes. */
  end(socket: Socket, tally?: TrafficTally): void {
    this.take(socket, tally);
    tally?.live.delete(socket);
  }

  /** An upgraded socket (WebSocket, Socket.IO's upgrade) is `tally`'s from its handshake until it closes. */
  upgraded(socket: Socket, tally?: TrafficTally): void {
    this.begin(socket, tally);
    socket.once('close', () => this.end(socket, tally));
  }

  /** Brings `tally` up to date with the sockets it is still using. */
  flush(tally: TrafficTally): void {
    for (const socket of tally.live) this.take(socket, tally);
  }
  // #endregion

  // #region fixed:meter-requests
  /**
   * Counts every HTTP request `server` answers, from its first byte to its
   * response's last, for the tally `tallyOf` names for its URL. Call it after
   * every other `request` listener is in place (Socket.IO's too): it goes first.
   */
  meterRequests(
    server: HttpServer,
    tallyOf: (url: string | undefined) => TrafficTally | undefined,
  ) {
    // Credit each request's bytes to its technique once its response is over (or cut short).
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      const tally = tallyOf(req.url);
      this.begin(req.socket, tally);
      let counted = false;
      const end = () => {
        if (counted) return;
        counted = true;
        this.end(req.socket, tally);
      };
      res.once('finish', end);
      res.once('close', end);
    });
  }
  // #endregion
}
