import type { Server as HttpServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';

/** A server listening on a free loopback port, for tests. */
export interface Listening {
  port: number;
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  /** Stops accepting and drops open connections. */
  close(): Promise<void>;
}

/** Starts `server` on port 0 (or `port`) on 127.0.0.1 and resolves once it listens. */
export function listening(server: Server, port = 0): Promise<Listening> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const bound = (server as Server).address() as AddressInfo;
      resolve({
        port: bound.port,
        url: `http://127.0.0.1:${bound.port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            (server as Partial<HttpServer>).closeAllConnections?.();
          }),
      });
    });
  });
}
