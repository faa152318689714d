// Runs a chapter: reads its metadata, ports and env, builds its servers with
// its `create`, listens, and closes everything, open connections included.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Chapter, findRepoRoot, listWorkspaces } from '@course/chapters';
import type { ChapterDefinition, ChapterServers, ClientHandler } from './chapter.ts';
import { parseEnv } from './env.ts';
import { type Listening, listen, refuseUpgrades } from './listen.ts';
import { pageHandler } from './page.ts';
import { say } from './terminal-messages.ts';

/** A chapter whose servers are listening. */
export interface RunningChapter {
  chapter: Chapter;
  /** The bound port of each server, by env var (`PORT`, `TCP_PORT`…). */
  ports: Record<string, number>;
  /** `http://localhost:<PORT>` (no trailing slash). */
  url: string;
  /** Stops every server, drops open connections (WebSockets too) and waits until all are closed. */
  close(): Promise<void>;
}

/** The exit code of a chapter whose port is taken, so that the dev host and the launchers can tell. */
export const EXIT_PORT_IN_USE = 3;

/** A port was taken: the message says which and what to do. */
export class PortInUseError extends Error {}

export interface ServeOptions {
  /** The chapter's folder (with its package.json). */
  dir: string;
  /** Where env vars and port overrides come from. */
  env?: NodeJS.ProcessEnv;
  /** Every port 0 (tests): each server takes a free port. */
  anyPort?: boolean;
  /** Under dev, the origin of the dev host's Vite, which serves the page. */
  viteOrigin?: string;
  /** Leave the page out (tests of the API alone). */
  withoutPage?: boolean;
  /** The chapter as it should present itself, when it is not the one in `dir` (an exercise run in its place). */
  chapter?: Chapter;
  /** Serves the page instead of Vite or the built bundle (an exercise's Vite, run in this process). */
  page?: ClientHandler;
  host?: string;
  log?: (line: string) => void;
}

/** Resolves each port from its env var, falling back to the metadata default. */
export function resolvePorts(
  defaults: Record<string, number>,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, number> {
  const ports: Record<string, number> = {};
  for (const [name, fallback] of Object.entries(defaults)) {
    const raw = env[name];
    const port = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`${name}=${raw} is not a port number (0-65535)`);
    ports[name] = port;
  }
  return ports;
}

/**
 * The chapter whose folder is `dir`, from its metadata: found by the package
 * name in `dir/package.json`, so a copy of the folder (Stryker's sandbox) is
 * the same chapter, served from where it is.
 */
export function chapterAt(dir: string): Chapter {
  const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
  const chapter = listWorkspaces(findRepoRoot(dir)).find((found) => found.packageName === name);
  if (!chapter) throw new Error(`${dir}: no course workspace named ${name} in this repository`);
  return { ...chapter, dir };
}

/**
 * Starts a chapter: its env is checked against its spec, `create` builds its
 * servers, each listens on its port. Throws `PortInUseError` when a port is
 * taken, after closing what it had opened.
 */
export async function serveChapter(
  definition: ChapterDefinition,
  options: ServeOptions,
): Promise<RunningChapter> {
  const { env = process.env, host = '127.0.0.1', log = (line) => console.log(line) } = options;
  const chapter = options.chapter ?? chapterAt(options.dir);
  const ports = resolvePorts(chapter.course.ports, options.anyPort ? {} : env);
  if (options.anyPort) for (const name of Object.keys(ports)) ports[name] = 0;
  const dev = options.viteOrigin !== undefined;
  const page = options.withoutPage
    ? (((_req, _res, next) => next()) satisfies ClientHandler)
    : pageHandler(
        chapter,
        options.page
          ? { handler: options.page }
          : dev
            ? { viteOrigin: options.viteOrigin as string }
            : undefined,
      );
  const servers: ChapterServers = await definition.create({
    client: page,
    ports,
    env: parseEnv(definition.env, env),
    dev,
    log,
  });

  // A page-only chapter answers stray upgrades with 404, not silence.
  if (servers.PORT.listenerCount('upgrade') === 0) refuseUpgrades(servers.PORT);

  const listening: Listening[] = [];
  const close = async () => {
    await Promise.all(listening.map((server) => server.close()));
  };
  const bound: Record<string, number> = {};
  for (const [name, server] of Object.entries(servers)) {
    const port = ports[name];
    if (port === undefined) {
      await close();
      throw new Error(
        `${chapter.packageName}: create() returned "${name}", which is not in course.ports`,
      );
    }
    try {
      const started = await listen(server, port, host);
      listening.push(started);
      bound[name] = started.port;
    } catch (error) {
      await close();
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      throw new PortInUseError(say.portInUse(chapter.packageName, port, name));
    }
  }
  return { chapter, ports: bound, url: `http://localhost:${bound.PORT}`, close };
}
