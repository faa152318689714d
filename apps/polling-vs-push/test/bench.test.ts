import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markdownTable, runBench, sanityProblems } from '../bench/run-bench.ts';
import type { RunStats, TechniqueStats } from '../server/protocol.ts';
import { start, type TestServer } from './helpers.ts';

// The CI smoke run of the benchmark: a small feed, every technique, sanity checks.
// Short polling every 25 ms against a message every 100 ms means most polls come
// back empty: exactly where polling wastes the most.
const SMALL = { messages: 20, rate: 10, pollIntervalMs: 25 };

const of = (result: RunStats, technique: TechniqueStats['technique']) =>
  result.techniques.find((t) => t.technique === technique) as TechniqueStats;

function checkSanity(result: RunStats) {
  for (const t of result.techniques) {
    expect({
      technique: t.technique,
      delivered: t.delivered,
      lost: t.lost,
      dup: t.duplicates,
    }).toEqual({
      technique: t.technique,
      delivered: SMALL.messages,
      lost: 0,
      dup: 0,
    });
  }
  expect(of(result, 'websocket').bytesPerMessage).toBeLessThan(
    of(result, 'short-poll').bytesPerMessage as number,
  );
  expect(of(result, 'long-poll').requests).toBeLessThan(of(result, 'short-poll').requests);
}

describe('runBench with Node clients, in process', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await start();
  });
  afterEach(() => t.close());

  it('every technique delivers every message once, and the sanity checks hold', async () => {
    const result = await runBench({ baseUrl: t.url, ...SMALL });
    expect(result.errors).toEqual({});
    checkSanity(result);
    expect(sanityProblems(result)).toEqual([]);
    // One request and one connection for the three streaming techniques.
    for (const technique of ['stream', 'sse', 'websocket'] as const)
      expect([technique, of(result, technique).requests]).toEqual([technique, 1]);
    // Every delivery released its connection.
    for (const t of result.techniques) expect([t.technique, t.open]).toEqual([t.technique, 0]);
    const table = markdownTable(result);
    expect(table.split('\n')).toHaveLength(2 + 6);
    expect(table).toContain('| WebSocket |');
  }, 60_000);
});

describe('pnpm bench (the CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pvp-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a markdown table and the machine, writes JSON, and passes --check', async () => {
    const out = join(dir, 'smoke.json');
    const chapter = resolve(import.meta.dirname, '..');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/main.ts',
        '--messages',
        String(SMALL.messages),
        '--rate',
        String(SMALL.rate),
        '--interval',
        String(SMALL.pollIntervalMs),
        '--out',
        out,
        '--check',
      ],
      { cwd: chapter, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('| Technique | Bytes/msg |');
    expect(stdout).toMatch(/Machine: .+, nproc \d+, Node v\d+/);
    expect(stdout).toContain('- holds: no technique lost or duplicated a message\n');
    expect(stdout).toMatch(/- holds: WebSocket bytes\/msg \(\d+\) < short polling's \(\d+\)/);
    expect(stdout).toMatch(/- holds: long polling requests \(\d+\) < short polling's \(\d+\)/);
    expect(stdout).not.toContain('does NOT hold');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.options).toMatchObject({ messages: 20, rate: 10, pollIntervalMs: 25 });
    expect(json.machine.node).toBe(process.version);
    checkSanity(json.result as RunStats);
    expect(json.claims).toHaveLength(3);
  }, 90_000);

  it('refuses bad flags with a clear message', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/main.ts', '--messages', '0'], {
      cwd: resolve(import.meta.dirname, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(2);
    expect(stderr).toContain('--messages must be an integer from 1 to 1000 (got 0)');
  }, 30_000);
});
