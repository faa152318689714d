// Listening and closing, the same for `pnpm lesson`, `pnpm start` and tests:
// closing a server also ends every connection it accepted, upgraded WebSockets
// and raw TCP sockets included, so that no chapter needs code for it.
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo, Server, Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** A server that listens; `close()` stops it and ends its open connections. */
export interface Listening {
  port: number;
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  /** Stops accepting, ends every open connection (upgraded ones too) and resolves once closed. */
  close(): Promise<void>;
}

/**
 * Starts `server` on `port` (0: a free one) on `host`, keeping every socket it
 * accepts so that `close()` can end them. Rejects with the listen error
 * (`EADDRINUSE`…) and leaves nothing open.
 */
export function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<Listening> {
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  server.on('connection', track);
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      (server as Partial<HttpServer>).closeIdleConnections?.();
      for (const socket of open) socket.destroy();
    });
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => {
      server.off('connection', track);
      reject(error);
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      const bound = (server.address() as AddressInfo).port;
      resolve({ port: bound, url: `http://127.0.0.1:${bound}`, close });
    });
  });
}

/**
 * For an HTTP server whose chapter takes no WebSocket upgrades: answers any
 * upgrade with 404 and a line that says so, instead of leaving the socket hanging.
 * The kit adds it only when the chapter registered no `upgrade` listener.
 */
export function refuseUpgrades(server: HttpServer): void {
  server.on('upgrade', (req, socket: Duplex) => {
    const body = `This chapter takes no WebSocket upgrades (${req.url}).\n`;
    socket.on('error', () => socket.destroy());
    socket.end(
      'HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });
}
