// Debian's nginx for the tests: the chapter's nginx/nginx.conf, its ports rewritten,
// in a temporary folder, in the foreground; stopped after.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForPort } from '@course/chapters';
import { freePort } from '../server/redis.ts';

/** The config the chapter ships. */
export const SHIPPED_CONFIG = readFileSync(
  join(import.meta.dirname, '../nginx/nginx.conf'),
  'utf8',
);

/** The shipped config with its listen port and upstream servers replaced. */
export function configFor(listen: number, upstreams: number[], config = SHIPPED_CONFIG): string {
  const servers = upstreams.map((port) => `server 127.0.0.1:${port};`).join('\n    ');
  const rewritten = config
    .replace(/listen 127\.0\.0\.1:\d+;/, `listen 127.0.0.1:${listen};`)
    .replace(/server 127\.0\.0\.1:\d+;\s*server 127\.0\.0\.1:\d+;/, servers);
  if (rewritten === config)
    throw new Error('the shipped nginx.conf no longer has the expected listen and server lines');
  return rewritten;
}

/** Starts nginx with `config(port)` on a free port; resolves once it accepts connections. */
export async function startNginx(config: (port: number) => string) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'course-nginx-'));
  writeFileSync(join(dir, 'nginx.conf'), config(port));
  const child: ChildProcess = spawn(
    // Debian puts it in /usr/sbin, which is not on every user's PATH.
    existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx',
    [
      '-p',
      dir,
      '-c',
      join(dir, 'nginx.conf'),
      '-e',
      'stderr',
      '-g',
      `daemon off; pid ${join(dir, 'nginx.pid')}; error_log stderr;`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      waitForPort(port, 10_000),
      exited.then(() => {
        throw new Error(`nginx exited:\n${output}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, stop, output: () => output };
}
