import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ClientHandler, defineChapter } from '@course/kit';
import express, { type Response } from 'express';

/**
 * The three origins of the chapter. Same host, different ports, so the browser
 * treats them as three different origins (scheme + host + port).
 * - `parent`: the page the learner opens; it embeds the other two in iframes.
 * - `frame`: the trusted iframe the parent talks to.
 * - `third`: an origin nobody trusts; its messages must be ignored.
 */
export const ROLES = ['parent', 'frame', 'third'] as const;
export type Role = (typeof ROLES)[number];

/** The env var that names each role's port, as in the chapter's metadata. */
export const PORT_KEYS = { parent: 'PORT', frame: 'FRAME_PORT', third: 'THIRD_PORT' } as const;

/** What `GET /origins` answers: who this server is and the port of every origin. */
export interface OriginsAnswer {
  role: Role;
  ports: Record<Role, number>;
}

export interface PostMessageServersOptions {
  /** Serves the pages (Vite or the built bundle) on every origin. Tests can leave it out. */
  client?: ClientHandler;
}

/** The three unstarted HTTP servers, keyed by the env var of their port (a type, so it fits runChapter's record). */
export type PostMessageServers = {
  PORT: Server;
  FRAME_PORT: Server;
  THIRD_PORT: Server;
};

/** Sends `{ error }` with `status`: every failure has this shape. */
function fail(res: Response, status: number, error: string): void {
  res.status(status).json({ error });
}

/** The port `server` listens on, or undefined while it is not listening. */
function boundPort(server: Server): number | undefined {
  const address = server.address() as AddressInfo | string | null;
  return address && typeof address === 'object' ? address.port : undefined;
}

/**
 * One origin's app: `GET /origins` and the pages. Every origin serves the same
 * built client; each page asks `/origins` which role its own origin plays and
 * where the other two are, so no page hard-codes a port.
 */
function createApp(role: Role, servers: () => PostMessageServers, client?: ClientHandler) {
  const app = express();
  app.disable('x-powered-by');

  // Who am I, and where are the others? Ports are read from the live servers on
  // every request, so this is right whatever ports they were started on.
  app.get('/origins', (_req, res) => {
    const live = servers();
    const ports = {} as Record<Role, number>;
    for (const other of ROLES) {
      const port = boundPort(live[PORT_KEYS[other]]);
      if (port === undefined) return fail(res, 503, `the ${other} origin is not listening`);
      ports[other] = port;
    }
    res.set('Cache-Control', 'no-store').json({ role, ports } satisfies OriginsAnswer);
  });
  app.all('/origins', (req, res) => {
    res.set('Allow', 'GET, HEAD');
    fail(res, 405, `${req.method} is not allowed on /origins (use GET)`);
  });

  if (client) app.use(client);

  // Anything else is a 404 with a JSON body naming what was asked for.
  app.use((req, res) => fail(res, 404, `no route for ${req.method} ${req.path}`));
  return app;
}

/**
 * The chapter's servers: one HTTP server per origin, not listening yet.
 * The default export below hands them to the kit, which starts them on PORT, FRAME_PORT and THIRD_PORT.
 */
export function createServers(options: PostMessageServersOptions = {}): PostMessageServers {
  const { client } = options;
  const servers: PostMessageServers = {
    PORT: createServer(),
    FRAME_PORT: createServer(),
    THIRD_PORT: createServer(),
  };
  for (const role of ROLES)
    servers[PORT_KEYS[role]].on(
      'request',
      createApp(role, () => servers, client),
    );
  return servers;
}

/**
 * The chapter, as `pnpm lesson` and `pnpm start` run it: three origins, each serving the pages:
 * PORT (the parent page, 2100), FRAME_PORT (the trusted iframe, 2101), THIRD_PORT (the stranger, 2102).
 */
export default defineChapter({
  create: ({ client }) => createServers({ client }),
});
