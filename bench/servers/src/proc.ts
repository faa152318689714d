// The servers under test, each in its own process on a free loopback port: a
// chapter started as `pnpm --filter @course/<chapter> start` starts it, or a bare
// server of the same library. Every process started here is stopped on exit.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepoRoot, isListening } from '@course/chapters';

const here = dirname(fileURLToPath(import.meta.url));
const root = findRepoRoot();

/** One server process under test. */
export interface ServerProcess {
  /** What the table calls it, e.g. `ws-echo` or `bare ws`. */
  label: string;
  port: number;
  pid: number;
  /** The server's resident set size now, in MB (from /proc; NaN where there is none). */
  rssMb: () => number;
  /** The last lines it printed, for an error message. */
  tail: () => string;
  stop: () => Promise<void>;
}

const running = new Set<ChildProcess>();
const killAll = () => {
  for (const child of running) child.kill('SIGKILL');
};
process.on('exit', killAll);
// Ctrl-C or a test runner's SIGTERM: take the servers down too (the 'exit' handler does).
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));

/** A TCP port nothing listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `args` with node in `cwd` and resolves once it listens on PORT. */
async function startNode(
  label: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));

  const deadline = Date.now() + 30_000;
  while (!(await isListening(port, 200))) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${label} exited before listening on ${port}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${label} did not listen on ${port} within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = child.pid ?? 0;
  return {
    label,
    port,
    pid,
    rssMb: () => {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
        return kb / 1024;
      } catch {
        return Number.NaN;
      }
    },
    tail: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A chapter in production mode, as `pnpm --filter @course/<name> start` runs it (its page must be built). */
export function startChapter(
  name: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const dir = join(root, 'apps', name);
  const bin = join(root, 'packages', 'kit', 'bin', 'course-chapter.js');
  // The chapter's own start script must still be the kit's command, or this is not what a learner runs.
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (pkg.scripts?.start !== 'course-chapter start')
    throw new Error(`apps/${name}: its start script is no longer "course-chapter start"`);
  return startNode(name, [bin, 'start'], dir, { NODE_ENV: 'production', ...env });
}

/** A bare server of one library (`src/bare/<file>.ts`), in a process of its own. */
export function startBare(
  label: string,
  file: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  return startNode(label, ['--import', 'tsx', join(here, 'bare', file)], join(here, '..'), {
    NODE_ENV: 'production',
    ...env,
  });
}
