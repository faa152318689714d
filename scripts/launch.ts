// What `pnpm lesson` and `pnpm practice` share: running a workspace in dev mode
// with the kit's command, knowing when it answers, and the hub beside it.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Chapter, findHub, isListening } from '@course/chapters';
import { t } from './messages.ts';

/** The kit's command behind every chapter's `dev` and `start` scripts. */
export const COURSE_CHAPTER = fileURLToPath(import.meta.resolve('@course/kit/bin'));

/** Whether the course's workspace `name` answers on `port` (its `/__course` says who it is). */
export async function answersAs(port: number, name: string): Promise<boolean> {
  if (!(await isListening(port))) return false;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/__course`, {
      signal: AbortSignal.timeout(1000),
    });
    return ((await res.json()) as { name?: string }).name === name;
  } catch {
    return false;
  }
}

/** Waits until `name` answers on `port`; false if `stopped()` turns true first or it takes over `ms`. */
export async function waitUntilAnswering(
  port: number,
  name: string,
  stopped: () => boolean,
  ms = 120_000,
): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!stopped() && Date.now() < deadline) {
    if (await answersAs(port, name)) return true;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return false;
}

/** Runs the kit's command (`dev`, `practice-dev …`) in `cwd`; `keys` gives it the terminal's input. */
export function runKit(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  keys: boolean,
): ChildProcess {
  return spawn(process.execPath, [COURSE_CHAPTER, ...args], {
    cwd,
    env,
    stdio: [keys ? 'inherit' : 'ignore', 'inherit', 'inherit'],
  });
}

/**
 * Starts the course hub in dev mode beside `running` unless it already answers
 * (or `running` is the hub); says where it is. Returns the hub's process when it started one.
 */
export async function startHubBeside(
  running: Chapter,
  stopped: () => boolean,
): Promise<ChildProcess | undefined> {
  const hub = findHub();
  if (stopped() || !hub || hub.name === running.name || process.argv.includes('--no-hub'))
    return undefined;
  const hubPort = hub.course.ports.PORT;
  if (await answersAs(hubPort, 'hub')) {
    console.log(t.hubAlreadyRunning(`http://localhost:${hubPort}/`));
    return undefined;
  }
  // The hub reads its own PORT from the metadata: do not hand it the chapter's PORT override.
  const env = { ...process.env };
  delete env.PORT;
  const child = runKit(hub.dir, ['dev'], env, false);
  if (await waitUntilAnswering(hubPort, 'hub', stopped))
    console.log(t.hubAt(`http://localhost:${hubPort}/`));
  return child;
}

/** Child processes to stop together: SIGTERM, then leave with `code` once all are gone (3 s at most). */
export class Children {
  readonly list: ChildProcess[] = [];
  stopping = false;

  add(child: ChildProcess | undefined): void {
    if (child) this.list.push(child);
  }

  stopAll(code: number): void {
    this.stopping = true;
    const running = this.list.filter((c) => c.exitCode === null && c.signalCode === null);
    for (const child of running) child.kill('SIGTERM');
    setTimeout(() => process.exit(code), 3000).unref();
    Promise.all(running.map((child) => new Promise((done) => child.once('exit', done)))).then(() =>
      process.exit(code),
    );
  }
}
