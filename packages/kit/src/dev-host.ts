// Dev mode (`pnpm lesson`): two processes. The dev host (this one) runs Vite,
// which compiles the page and keeps the live-reload socket on a port of its
// own. The chapter's server runs in a child process that serves the page by
// passing requests on to Vite. The child restarts when a server file is saved,
// or when the learner types `s` (stop) and `r` (start) in the terminal; Vite
// and its socket stay up meanwhile, so the page is never reloaded because the
// chapter restarted, and a demo can show what its page does while the server is away.
import { type ChildProcess, spawn } from 'node:child_process';
import { fstatSync, watch } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { dirname, join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';
import { chapterAt, EXIT_PORT_IN_USE } from './serve.ts';
import { say, terminal } from './terminal-messages.ts';

/** Folders of a chapter whose files are not the server's: saving them does not restart it. */
const NOT_SERVER = [
  'client',
  'test',
  'e2e',
  'dist',
  'node_modules',
  'exercises',
  'bench',
  'mutation',
];

/** A free TCP port on 127.0.0.1, from the OS. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Whether saving `file` (relative to a source folder) should restart the chapter's server. */
export function isServerSource(file: string): boolean {
  if (!/\.(ts|js|json)$/.test(file)) return false;
  const top = file.split(sep)[0] ?? '';
  return !NOT_SERVER.includes(top) && !top.startsWith('.') && !file.endsWith('package.json');
}

/** What the dev host runs: a chapter, or an exercise standing in for it. */
export interface DevTarget {
  /** What the terminal calls it. */
  title: string;
  /** The folder the server process runs in. */
  cwd: string;
  /** Vite's config: the chapter's vite.config.ts, or an exercise folder as its root. */
  vite: InlineConfig;
  /** The arguments of `cli.ts` that serve it (`serve-dev`, or `serve-exercise <id> <variant>`). */
  serveArgs: string[];
  /** Folders to watch, and whether a save there restarts the server (page files are Vite's). */
  watch: { root: string; restarts: (file: string) => boolean }[];
}

/** A chapter in dev mode: its vite.config.ts, and its server files (and the kit's) restart it. */
export function chapterDevTarget(dir: string): DevTarget {
  const chapter = chapterAt(dir);
  const repoPackages = join(dir, '..', '..', 'packages');
  return {
    title: terminal === 'ko' ? chapter.course.ko.title : chapter.course.title,
    cwd: dir,
    vite: { configFile: join(dir, 'vite.config.ts') },
    serveArgs: ['serve-dev'],
    watch: [
      { root: dir, restarts: isServerSource },
      { root: join(repoPackages, 'kit', 'src'), restarts: () => true },
      { root: join(repoPackages, 'chapters', 'src'), restarts: () => true },
    ],
  };
}

/** Runs Vite and the chapter's server side by side until Ctrl-C; see the top of this file. */
export async function runDevHost(dir: string): Promise<void> {
  await runDevTarget(chapterDevTarget(dir));
}

/** Runs Vite and `target`'s server side by side until Ctrl-C. */
export async function runDevTarget(target: DevTarget): Promise<void> {
  const { createServer } = await import('vite');
  const vitePort = await freePort();
  // Vite in middleware mode on a server of our own: it compiles the page and carries live reload,
  // and it leaves signals and stdin to this process.
  const viteHttp = createHttpServer();
  const vite = await createServer({
    appType: 'mpa',
    clearScreen: false,
    logLevel: 'warn',
    ...target.vite,
    server: { middlewareMode: true, hmr: { server: viteHttp, clientPort: vitePort } },
  });
  viteHttp.on('request', vite.middlewares);
  await new Promise<void>((resolve) => viteHttp.listen(vitePort, '127.0.0.1', resolve));

  const cli = join(dirname(fileURLToPath(import.meta.url)), 'cli.ts');
  const tsx = import.meta.resolve('tsx');
  let child: ChildProcess | undefined;
  let stopping = false;

  /** Starts the chapter's server; a taken port ends the whole lesson with the child's message. */
  const start = () => {
    if (child) return;
    const started = spawn(process.execPath, ['--import', tsx, cli, ...target.serveArgs], {
      cwd: target.cwd,
      env: { ...process.env, COURSE_VITE_ORIGIN: `http://127.0.0.1:${vitePort}` },
      // The IPC channel closes when this process dies, however it dies: the child then stops too.
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child = started;
    started.once('exit', (code, signal) => {
      if (child === started) child = undefined;
      if (stopping) return;
      if (code === EXIT_PORT_IN_USE) return void shutdown(EXIT_PORT_IN_USE);
      if (code !== 0 && signal === null) console.log(`  ${say.serverExited(code)}`);
    });
  };

  /** Stops the chapter's server (SIGTERM: it closes its connections) and waits for it. */
  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      if (!running) return resolve();
      child = undefined;
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
      setTimeout(() => running.kill('SIGKILL'), 3000).unref();
    });

  let restarting = false;
  /** Stops the server, then starts it again; one restart at a time. */
  const restart = async (why: string) => {
    if (restarting) return;
    restarting = true;
    console.log(`  ${say.restarting(why)}`);
    await stop();
    start();
    restarting = false;
  };

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stop();
    await vite.close();
    viteHttp.closeAllConnections();
    viteHttp.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  // Saving a server file restarts the server; page files are Vite's (it updates the page itself).
  let debounce: NodeJS.Timeout | undefined;
  for (const { root, restarts } of target.watch) {
    const watcher = watch(root, { recursive: true }, (_event, file) => {
      if (!file || !restarts(file)) return;
      clearTimeout(debounce);
      debounce = setTimeout(
        () => void restart(say.fileChanged(relative(target.cwd, join(root, file)))),
        100,
      );
    });
    watcher.on('error', () => watcher.close());
  }

  // s + Enter stops the server, r + Enter starts it (again): for the demos that show a server going away.
  // A terminal, or a pipe from a program that drives the lesson; not /dev/null (no input at all).
  const input = fstatSync(0);
  const keys = process.stdin.isTTY || input.isFIFO() || input.isSocket();
  if (keys) {
    createInterface({ input: process.stdin }).on('line', (line) => {
      const key = line.trim().toLowerCase();
      if (key === 's') void stop().then(() => console.log(`  ${say.serverStopped}`));
      else if (key === 'r') void restart(say.typedR);
    });
  }
  const hint = keys ? say.keysHint : '';
  console.log(`  ${say.liveReload(target.title, vitePort)}${hint}`);
  start();
}
