// The chapter contract: a chapter declares its env vars and a `create` that
// builds its servers; the kit does the rest (ports, page, dev mode, shutdown).
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:net';
import type { EnvOf, EnvSpec } from './env.ts';

/** Connect-style handler that serves the chapter's page; calls `next()` for anything else. */
export type ClientHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

/** What the kit hands a chapter's `create`. */
export interface ChapterContext<Env = Record<string, unknown>> {
  /**
   * Serves everything that is not the chapter's own: the page (Vite in dev,
   * the built bundle otherwise), the kit's `/__course` identity, and a 404.
   * Mount it last.
   */
  client: ClientHandler;
  /** The chapter's ports, from env vars or the defaults in its `"course"` metadata (0 in tests). */
  ports: Record<string, number>;
  /** The chapter's env vars, read and checked against its `env` spec. */
  env: Env;
  /** True under `pnpm lesson` / `dev`: the page comes from Vite, with live reload. */
  dev: boolean;
  /** Prints a line to the server's terminal, the one the learner watches. */
  log: (line: string) => void;
}

/**
 * Servers to start, keyed by the env var that names their port; `PORT` is the
 * HTTP server with the page. A chapter frees its timers on each server's
 * `close` event: the kit closes every server and drops its open connections,
 * upgraded ones too, when the chapter stops.
 */
export type ChapterServers = { PORT: HttpServer } & Record<string, Server>;

const BRAND = Symbol.for('@course/kit/chapter');

/** A chapter as `defineChapter()` made it: what `server/app.ts` exports by default. */
export interface ChapterDefinition<S extends EnvSpec = EnvSpec> {
  readonly [BRAND]: true;
  /** The chapter's env vars (tunables): name → schema, e.g. `{ DELAY_MS: intVar(5000, 0, 60_000) }`. */
  readonly env: S;
  /** Builds the chapter's servers, not listening yet. */
  create(context: ChapterContext<EnvOf<S>>): ChapterServers | Promise<ChapterServers>;
}

/**
 * Declares a chapter: its env vars and how to build its servers. Export the
 * result as the default of `server/app.ts`; `pnpm lesson`, `pnpm start` and the
 * chapter check find it there.
 */
export function defineChapter<const S extends EnvSpec = Record<never, never>>(definition: {
  env?: S;
  create(context: ChapterContext<EnvOf<S>>): ChapterServers | Promise<ChapterServers>;
}): ChapterDefinition<S> {
  return { [BRAND]: true, env: definition.env ?? ({} as S), create: definition.create };
}

/** Whether `value` was made by `defineChapter()` (the chapter check asks this). */
export function isChapterDefinition(value: unknown): value is ChapterDefinition {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[BRAND] === true
  );
}
