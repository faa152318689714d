// For tests: a chapter's server (or any server) on a free loopback port.
import type { Server } from 'node:net';
import type { ChapterDefinition, ChapterServers, ClientHandler } from './chapter.ts';
import { parseEnv } from './env.ts';
import { type Listening, listen } from './listen.ts';

export type { Listening } from './listen.ts';

/**
 * Starts `server` on port 0 (or `port`) on 127.0.0.1 and resolves once it
 * listens. `close()` ends every open connection, WebSockets included, as the kit
 * does when a chapter stops.
 */
export function listening(server: Server, port = 0): Promise<Listening> {
  return listen(server, port);
}

/** What the stand-in page of `createChapter()` answers on `GET /page`. */
export const TEST_PAGE = 'the page';

/** A stand-in for the kit's page handler: `GET /page` answers TEST_PAGE, anything else goes on. */
const testPage: ClientHandler = (req, res, next) => {
  if (req.url === '/page') res.end(TEST_PAGE);
  else next();
};

/**
 * Builds a chapter as `pnpm start` does: its env vars checked against its
 * spec, every port 0, and a stand-in page that answers `GET /page` (so a test
 * can see the chapter mounts the kit's page). Returns its servers, not listening.
 */
export async function createChapter(
  definition: ChapterDefinition,
  env: Record<string, string> = {},
): Promise<ChapterServers> {
  return definition.create({
    client: testPage,
    ports: { PORT: 0 },
    env: parseEnv(definition.env, env),
    dev: false,
    log: () => {},
  });
}

/**
 * How many of the message log's one-second windows a burst could have touched,
 * if it started at `started` (a `performance.now()`) and has just ended. A slow
 * machine stretches a burst over more seconds, and each second logs its own 20.
 */
export function logWindowsSince(started: number): number {
  return Math.floor((performance.now() - started) / 1000) + 2;
}
