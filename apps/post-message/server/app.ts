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

/** What `GET /origins` answers: who this server is and the port of every origin. */
export interface OriginsAnswer {
  role: Role;
  ports: Record<Role, number>;
}

/** What `createServers()` takes. */
export interface ServersOptions {
  /** Serves the pages (Vite or the built bundle) on every origin. Tests can leave it out. */
  client?: ClientHandler;
}

/** The chapter's three HTTP servers by role, none listening yet. */
export interface Servers {
  /** The parent origin, the pages the learner opens, on PORT. */
  http: Server;
  /** The trusted iframe's origin, on FRAME_PORT. */
  frame: Server;
  /** The origin nobody trusts, on THIRD_PORT. */
  third: Server;
}

/** Which of the servers plays each role. */
const SERVER_OF = { parent: 'http', frame: 'frame', third: 'third' } as const satisfies Record<
  Role,
  keyof Servers
>;

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
function originApp(role: Role, servers: Servers, client?: ClientHandler) {
  const app = express();
  app.disable('x-powered-by');

  // Who am I, and where are the others? Ports are read from the live servers on
  // every request, so this is right whatever ports they were started on.
  app.get('/origins', (_req, res) => {
    const ports = {} as Record<Role, number>;
    for (const other of ROLES) {
      const port = boundPort(servers[SERVER_OF[other]]);
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
export function createServers(options: ServersOptions = {}): Servers {
  const { client } = options;
  const servers: Servers = { http: createServer(), frame: createServer(), third: createServer() };
  for (const role of ROLES)
    servers[SERVER_OF[role]].on('request', originApp(role, servers, client));
  return servers;
}

/**
 * The chapter, as `pnpm lesson` and `pnpm start` run it: three origins, each serving the pages:
 * PORT (the parent page, 2100), FRAME_PORT (the trusted iframe, 2101), THIRD_PORT (the stranger, 2102).
 */
export default defineChapter({
  create: ({ client }) => {
    const { http, frame, third } = createServers({ client });
    return { PORT: http, FRAME_PORT: frame, THIRD_PORT: third };
  },
});
