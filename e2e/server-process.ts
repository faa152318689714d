import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findChapter, waitForPort } from '@course/chapters';

/** The kit's `course-chapter` command, which every chapter's `start` and `dev` scripts run. */
export const COURSE_CHAPTER_BIN = fileURLToPath(import.meta.resolve('@course/kit/bin'));

/** A chapter server a spec started itself (to stop or restart it mid-test). */
export interface ServerProcess {
  /**
   * Types a line into the server's terminal, as a learner would. In dev mode,
   * `s` stops the chapter's server and `r` starts it again (Vite keeps running).
   */
  type(line: string): void;
  /** Stops the server (SIGTERM, then SIGKILL after 3 s) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts chapter `name` as its `start` script does (the built page) or as its
 * `dev` script does (Vite with live reload), with `env` (its port vars at
 * least), and waits until `env.PORT` accepts connections.
 */
export async function startChapterServer(
  name: string,
  env: Record<string, string>,
  mode: 'start' | 'dev' = 'start',
): Promise<ServerProcess> {
  const chapter = findChapter(name);
  const child: ChildProcess = spawn(process.execPath, [COURSE_CHAPTER_BIN, mode], {
    cwd: chapter.dir,
    env: { ...process.env, ...env },
    // In this process group, so that a Ctrl-C of the run stops it too. In dev mode the chapter's
    // server is a child of the dev host and stops with it.
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([
    waitForPort(Number(env.PORT), 80_000),
    exited.then(() => {
      throw new Error(`${name} exited before it listened on ${env.PORT}`);
    }),
  ]);
  return {
    type(line) {
      child.stdin?.write(`${line}\n`);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
