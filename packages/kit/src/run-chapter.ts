import { existsSync, readFileSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

import type { ClientHandler } from './chapter.ts';
import { resolvePorts } from './serve.ts';

export interface ChapterContext {
  /** Serves the page: Vite with HMR under `--dev`, the built `dist/client` otherwise. */
  client: ClientHandler;
  /** The chapter's ports, from env vars or the defaults in its `"course"` metadata. */
  ports: Record<string, number>;
}

/** Servers to start, keyed by the env var that names their port. `PORT` must be an HTTP server. */
export type ChapterServers = { PORT: HttpServer } & Record<string, Server>;

function findChapterDir(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${moduleUrl}`);
    dir = parent;
  }
  return dir;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * The entry point of a chapter's server: reads its metadata, builds its servers
 * with `create`, serves the page, listens on every port and prints the URL.
 * `--dev` mounts Vite (with HMR) in the same server, so dev is one URL too.
 * SIGINT/SIGTERM close everything.
 */
export async function runChapter(
  moduleUrl: string,
  create: (context: ChapterContext) => ChapterServers | Promise<ChapterServers>,
): Promise<void> {
  const dir = findChapterDir(moduleUrl);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    course: { title: string; ports: Record<string, number> };
  };
  const ports = resolvePorts(pkg.course.ports);
  const host = process.env.HOST ?? '127.0.0.1';
  const dev = process.argv.includes('--dev');

  // The page handler is filled in once the HTTP server exists (Vite's HMR attaches to it).
  let serveClient: ClientHandler = (_req, _res, next) => next();
  const servers = await create({ client: (req, res, next) => serveClient(req, res, next), ports });

  let closeVite = async () => {};
  if (dev) {
    const { createServer } = await import('vite');
    const vite = await createServer({
      configFile: join(dir, 'vite.config.ts'),
      appType: 'mpa',
      server: { middlewareMode: true, hmr: { server: servers.PORT } },
    });
    serveClient = vite.middlewares;
    closeVite = () => vite.close();
  } else {
    const built = join(dir, 'dist', 'client');
    if (!existsSync(built))
      throw new Error(`${pkg.name}: no built client at ${built}. Run \`pnpm build\` first.`);
    serveClient = sirv(built, { extensions: ['html'], etag: true });
  }

  const bound: Record<string, number> = {};
  for (const [name, server] of Object.entries(servers)) {
    const port = ports[name];
    if (port === undefined) throw new Error(`${pkg.name}: no "${name}" in course.ports`);
    try {
      bound[name] = await listen(server, port, host);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      console.error(
        `${pkg.name}: port ${port} (${name}) is already in use. Is this chapter running elsewhere? Stop it, or pick another port: ${name}=<port>.`,
      );
      await closeVite();
      process.exit(1);
    }
  }

  const shown = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host;
  console.log(`\n  ${pkg.course.title}${dev ? ' (dev, with HMR)' : ''}`);
  console.log(`  ➜ http://${shown}:${bound.PORT}/`);
  for (const [name, port] of Object.entries(bound))
    if (name !== 'PORT') console.log(`    ${name}: ${port}`);
  console.log('');

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await closeVite();
    const closed = Promise.all(
      Object.values(servers).map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            (server as Partial<HttpServer>).closeAllConnections?.();
          }),
      ),
    );
    // Upgraded sockets (WebSocket, Socket.IO) keep close() waiting: give them a second, then go.
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
