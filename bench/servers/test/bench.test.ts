// CI smoke test of `pnpm bench:servers --quick`: it completes and prints its table.
// It asserts no timing: the figures of a quick run on a shared machine mean nothing.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'bench-servers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the benchmark in quick mode; stops it (and so its servers) after `timeoutMs`. */
function runQuick(json: string, timeoutMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', '--quick', '--json', json],
      { cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // SIGTERM first: the benchmark stops its servers on it.
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('pnpm bench:servers --quick', () => {
  it('runs every scenario against the built chapters and prints a markdown table', async () => {
    const json = join(dir, 'bench.json');
    const { code, stdout, stderr } = await runQuick(json, 85_000);
    expect(code, `the benchmark should exit 0; it printed:\n${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toContain('| Scenario | Chapter, median (range) |');
    for (const scenario of [
      '| ws-echo, client without permessage-deflate |',
      '| ws-echo, client offers permessage-deflate',
      '| socketio-chat,',
      '| socketio-rooms, fan-out',
      '| sse-countdown,',
    ])
      expect(stdout).toContain(scenario);
    expect(existsSync(json), 'the JSON report should be written').toBe(true);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.quick).toBe(true);
    expect(report.pairs).toHaveLength(6);
    // sse-countdown is compared with a bare Express server streaming the same countdown.
    expect(stdout).toMatch(/\| sse-countdown,[^\n]*\| bare Express: RSS peak/);
    expect(report.sse[0]).toHaveProperty('bare.peakRssMb');
  }, 90_000);
});
