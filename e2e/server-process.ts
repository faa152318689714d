import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { findChapter } from '@course/chapters';

/** A chapter server a spec started itself (to stop or restart it mid-test). */
export interface ServerProcess {
  /** Stops the server (SIGTERM, then SIGKILL after 3 s) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Resolves once 127.0.0.1:`port` accepts connections; rejects after `timeoutMs`. */
export async function waitForPort(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(true));
      socket.once('error', () => resolve(false));
    }).catch(() => false);
    if (up) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts chapter `name` with its `start` script (the built page) or its `dev`
 * script (Vite with HMR), with `env` (its port vars at least), and waits until
 * `env.PORT` accepts connections.
 */
export async function startChapterServer(
  name: string,
  env: Record<string, string>,
  script: 'start' | 'dev' = 'start',
): Promise<ServerProcess> {
  const chapter = findChapter(name);
  const child: ChildProcess = spawn('pnpm', ['--silent', script], {
    cwd: chapter.dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // its own process group, so stop() reaches pnpm, tsx and node alike
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([
    waitForPort(Number(env.PORT), 80_000),
    exited.then(() => {
      throw new Error(`${name} exited before it listened on ${env.PORT}`);
    }),
  ]);
  return {
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const group = -(child.pid ?? 0);
      process.kill(group, 'SIGTERM');
      const timer = setTimeout(() => process.kill(group, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
