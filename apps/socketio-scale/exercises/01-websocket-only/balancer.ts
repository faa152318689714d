// A round-robin load balancer with no sticky sessions, as a plain nginx upstream
// would be: each HTTP request, and each WebSocket upgrade, goes to the next backend.
import { createServer, request } from 'node:http';
import { connect } from 'node:net';

/** Starts the balancer on a free loopback port in front of `ports`; resolves with its URL and close(). */
export async function roundRobin(
  ports: number[],
): Promise<{ url: string; close: () => Promise<void> }> {
  let next = 0;
  const pick = () => ports[next++ % ports.length] as number;
  const server = createServer((req, res) => {
    // Each request on a fresh connection to the next backend.
    const upstream = request(
      {
        host: '127.0.0.1',
        port: pick(),
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent: false,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  // A WebSocket upgrade: the raw bytes both ways, to the next backend.
  server.on('upgrade', (req, socket, head) => {
    const upstream = connect(pick(), '127.0.0.1', () => {
      const headers = Object.entries(req.headers).map(([name, value]) => `${name}: ${value}`);
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
