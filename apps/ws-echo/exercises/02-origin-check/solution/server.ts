// Exercise: only the allowed origins get a socket. One solution.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { defineChapter, listVar, pageServer } from '@course/kit';
import { WebSocketServer } from 'ws';
import { GREETING } from '../../../server/app.ts';
import { Origin, refuse } from '../../../server/hardening.ts';

/**
 * Whether a handshake from `origin` may have a socket: no Origin at all (not a
 * browser, so no cookies to abuse), the page's own origin (the request's `Host`),
 * or one of `allowed`. Whole strings only: a prefix or a look-alike is refused.
 */
function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

/** The echo server; every upgrade passes through one handler that decides who gets a socket. */
export default defineChapter({
  env: {
    /** Origins allowed besides the page's own, comma-separated: WS_ALLOWED_ORIGINS=http://localhost:5173 */
    WS_ALLOWED_ORIGINS: listVar(Origin),
  },
  create: ({ client, env, log }) => {
    log(`allowed origins besides the page's own: ${env.WS_ALLOWED_ORIGINS.join(', ') || 'none'}`);
    const http = pageServer(client);
    // noServer: ws does not answer upgrades by itself; the handler below hands it the ones it accepts.
    const wss = new WebSocketServer({ noServer: true });

    // connection: greet the new client, then echo whatever it sends.
    wss.on('connection', (ws, req: IncomingMessage) => {
      log(`connected (Origin ${req.headers.origin ?? 'none'})`);
      // message: send it back as the same kind of frame.
      ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
      // error: a bad frame from this client; ws closes the connection itself.
      ws.on('error', (error) => log(`error: ${error.message}`));
      ws.send(GREETING);
    });

    // upgrade: a WebSocket handshake, before any socket exists.
    http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy()); // a peer that vanishes mid-handshake
      // WebSockets are outside CORS: the Origin header, which a page cannot forge, is the check.
      const { origin } = req.headers;
      if (!originAllowed(origin, req.headers.host, env.WS_ALLOWED_ORIGINS)) {
        log(`refused an upgrade from Origin ${origin}`);
        return refuse(socket, 403, `Origin ${origin} is not allowed to open a WebSocket here`);
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    });

    // close: the kit has stopped the HTTP server; stop the WebSocket server with it.
    http.on('close', () => wss.close());
    return { PORT: http };
  },
});
