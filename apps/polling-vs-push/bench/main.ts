// `pnpm bench`: the six techniques on loopback, Node clients against a server in
// a child process. Prints a markdown table and writes the numbers as JSON.
//   pnpm bench --messages 200 --rate 20 --interval 25 --out bench-results/latest.json
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isTechnique, LIMITS, TECHNIQUES, type Technique } from '../server/protocol.ts';
import { claims, markdownTable, runBench } from './run-bench.ts';

const chapterDir = resolve(import.meta.dirname, '..');

const usage = `Usage: pnpm bench [--messages N] [--rate PER_SECOND] [--interval MS]
                  [--techniques a,b,...] [--out FILE] [--check]
  --messages    messages in the feed (${LIMITS.messages.min}-${LIMITS.messages.max}, default 200)
  --rate        messages published per second (${LIMITS.rate.min}-${LIMITS.rate.max}, default 20)
  --interval    short-polling interval in ms (${LIMITS.pollIntervalMs.min}-${LIMITS.pollIntervalMs.max}, default 25)
  --techniques  a subset of: ${TECHNIQUES.join(', ')}
  --out         where the JSON goes (default bench-results/latest.json)
  --check       exit 1 unless the sanity checks hold (no loss, WebSocket < short polling
                in bytes/msg, long polling < short polling in requests)`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function intFlag(
  raw: string | undefined,
  name: string,
  fallback: number,
  limits: { min: number; max: number },
) {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < limits.min || value > limits.max)
    fail(`--${name} must be an integer from ${limits.min} to ${limits.max} (got ${raw})`);
  return value;
}

let flags: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      messages: { type: 'string' },
      rate: { type: 'string' },
      interval: { type: 'string' },
      techniques: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    // `pnpm bench -- --messages 5` passes the `--` along.
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
  });
}
try {
  flags = parse();
} catch (err) {
  fail((err as Error).message);
}
if (flags.values.help) {
  console.log(usage);
  process.exit(0);
}
const messages = intFlag(flags.values.messages, 'messages', 200, LIMITS.messages);
const rate = intFlag(flags.values.rate, 'rate', 20, LIMITS.rate);
const pollIntervalMs = intFlag(flags.values.interval, 'interval', 25, LIMITS.pollIntervalMs);
let techniques: Technique[] = [...TECHNIQUES];
if (flags.values.techniques !== undefined) {
  const names = flags.values.techniques.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !isTechnique(name));
  if (unknown.length > 0 || names.length === 0) fail(`unknown technique(s): ${unknown.join(', ')}`);
  techniques = TECHNIQUES.filter((t) => names.includes(t));
}
const out = resolve(
  process.cwd(),
  flags.values.out ?? join(chapterDir, 'bench-results', 'latest.json'),
);

/** The machine, as the README quotes it. */
function machine() {
  let nproc: number;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    nproc = cpus().length;
  }
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':')[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: os.cpus() is the best we have.
  }
  // The load average tells how busy the machine was: latency tails depend on it.
  const load = loadavg().map((value) => Math.round(value * 100) / 100);
  return {
    nproc,
    node: process.version,
    cpu,
    platform: `${process.platform} ${process.arch}`,
    load,
  };
}

/** Starts bench/server.ts in a child process and resolves with its URL. */
function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(chapterDir, 'bench', 'server.ts')],
    {
      cwd: chapterDir,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start in 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      const port = /listening (\d+)/.exec(text)?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolveStart({ url: `http://127.0.0.1:${port}`, child });
    });
  });
}

const { url, child } = await startServer();
let exitCode = 0;
try {
  const startedAt = new Date();
  console.log(
    `Benchmark: ${messages} messages at ${rate}/s, short polling every ${pollIntervalMs} ms, on ${url}\n`,
  );
  const result = await runBench({ baseUrl: url, messages, rate, pollIntervalMs, techniques });
  const host = machine();
  console.log(markdownTable(result));
  console.log(
    `\nPayload: ${result.payloadBytes} bytes of JSON per message. Bytes are counted on the server's sockets, both directions, HTTP headers and framing included (TCP/IP headers not).`,
  );
  console.log(
    `Machine: ${host.cpu}, nproc ${host.nproc}, Node ${host.node}, ${host.platform}, load average ${host.load.join(' ')}`,
  );
  for (const [technique, error] of Object.entries(result.errors))
    console.log(`Error (${technique}): ${error}`);
  const checked = claims(result);
  console.log('\nThe sanity checks, on this run:');
  for (const { claim, holds } of checked)
    console.log(`- ${holds ? 'holds' : 'does NOT hold'}: ${claim}`);
  const problems = checked.filter((c) => !c.holds).map((c) => c.claim);
  if (flags.values.check && problems.length > 0) exitCode = 1;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ startedAt, options: { messages, rate, pollIntervalMs, techniques }, machine: host, result, claims: checked }, null, 2)}\n`,
  );
  console.log(`JSON written to ${out}`);
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  child.kill('SIGTERM');
}
process.exitCode = exitCode;
