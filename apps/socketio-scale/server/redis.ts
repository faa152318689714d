// A real redis-server for the lesson and the tests: Debian's, on a free loopback
// port, with a temporary folder and no persistence; stopped with the process that
// started it.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What to tell a learner whose machine has no redis-server. */
export const INSTALL_REDIS =
  'redis-server is not installed. Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis), or point REDIS_URL at a Redis you run.';

/** Is Debian's (or any) `redis-server` on the PATH? */
export function redisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A redis-server this process started. */
export interface RedisProcess {
  url: string;
  port: number;
  /** Stops it (SIGTERM) and waits for it to exit; its folder is removed. */
  stop(): Promise<void>;
  /** Stops it and starts a fresh one on the same port: a Redis restart. */
  restart(): Promise<void>;
}

/** Starts redis-server on `port` (a free one when left out) and resolves once it accepts connections. */
export async function startRedis(port?: number): Promise<RedisProcess> {
  const chosen = port ?? (await freePort());
  let child = await spawnRedis(chosen);
  const stop = async () => {
    await stopChild(child);
  };
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    stop,
    async restart() {
      await stopChild(child);
      child = await spawnRedis(chosen);
    },
  };
}

const started = new Set<ChildProcess>();
// A redis-server must not outlive the process that started it, even on a crash.
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});

async function spawnRedis(port: number): Promise<ChildProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'course-redis-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    // Its own process group: a Ctrl-C in the terminal reaches the chapter, which stops Redis last.
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  started.add(child);
  child.once('exit', () => {
    started.delete(child);
    rmSync(dir, { recursive: true, force: true });
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server on port ${port} did not start within 10 s:\n${output}`));
    }, 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server on port ${port} exited (${code}):\n${output}`));
    });
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Resolves when a TCP connection to the Redis at `url` opens; rejects with the reason otherwise. */
export function probeRedis(url: string, timeoutMs = 1000): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const done = (error?: Error) => {
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    socket.setTimeout(timeoutMs, () => done(new Error(`no answer within ${timeoutMs} ms`)));
    socket.once('error', (error) => done(error));
    socket.connect(Number(port || 6379), hostname.replace(/^\[|\]$/g, ''), () => done());
  });
}

/**
 * Waits up to `waitMs` for the Redis at `url`, trying every 250 ms, and says so
 * with `log` while it waits. Rejects with a sentence a learner can act on.
 */
export async function waitForRedis(
  url: string,
  waitMs: number,
  log: (line: string) => void,
): Promise<void> {
  const deadline = Date.now() + waitMs;
  let said = false;
  for (;;) {
    try {
      await probeRedis(url);
      if (said) log(`Redis at ${url} answers now.`);
      return;
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      if (Date.now() >= deadline)
        throw new Error(
          `Redis is not reachable at ${url} (${reason}); waited ${waitMs} ms (REDIS_WAIT_MS). Start it, or unset REDIS_URL so that the chapter starts its own.`,
        );
      if (!said) log(`Redis is not reachable at ${url} (${reason}); waiting up to ${waitMs} ms…`);
      said = true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
