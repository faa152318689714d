// `pnpm bench:servers [--quick] [--only <chapter,…>] [--json <file>]`: each chapter in production mode
// beside a bare server of the same library, each in its own process, on loopback.
// Rounds alternate chapter / bare after one warm-up round each; prints a markdown
// table (medians and ranges) and writes the JSON. BENCH_QUICK=1 is --quick.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// ws-echo's own settings, so the bare ws server deflates exactly as the chapter does.
import { DEFLATE_SETTINGS } from '@course/ws-echo/server/deflate.ts';
import { chatRound, roomsRound, type SseResult, sseRound, wsEchoRound } from './clients.ts';
import { type ServerProcess, startBare, startChapter } from './proc.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick') || process.env.BENCH_QUICK === '1';
const jsonArg = args.indexOf('--json');
// `--only ws-echo,sse-countdown`: just those chapters' scenarios.
const onlyArg = args.indexOf('--only');
const only = onlyArg === -1 ? undefined : (args[onlyArg + 1] ?? '').split(',');
const wanted = (chapter: string) => only === undefined || only.includes(chapter);
const here = dirname(fileURLToPath(import.meta.url));
const jsonFile = resolve(
  jsonArg === -1 ? join(here, '..', 'results', 'latest.json') : (args[jsonArg + 1] ?? ''),
);

const config = quick
  ? { rounds: 2, roundMs: 300, warmupMs: 150, members: 10, streams: 100, sseIntervalMs: 50 }
  : {
      rounds: 5,
      roundMs: 1000,
      warmupMs: 1000,
      members: 100,
      streams: 10_000,
      sseIntervalMs: 1000,
    };

/** One row comparing a chapter with a bare server. */
interface PairResult {
  scenario: string;
  unit: string;
  chapter: number[];
  bare: number[];
  bareLabel: string;
  /**
   * The median of the rounds' ratios: each chapter round over the bare round next to it.
   * Pairing cancels what drifts during a run (a server or the client still warming up,
   * other work on the machine), which a ratio of the two medians would count.
   */
  ratio: number;
  /** The lowest and highest ratio of a chapter round to the bare round next to it. */
  ratioRange: [number, number];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Runs `round` against both servers: a warm-up each, then `rounds` alternating pairs. */
async function compare(
  scenario: string,
  unit: string,
  chapter: ServerProcess,
  bare: ServerProcess,
  round: (port: number, ms: number) => Promise<number>,
): Promise<PairResult> {
  process.stderr.write(`${scenario}: `);
  await round(chapter.port, config.warmupMs);
  await round(bare.port, config.warmupMs);
  const result = { chapter: [] as number[], bare: [] as number[] };
  for (let i = 0; i < config.rounds; i++) {
    // Alternate who goes first, so neither always runs on a warmer (or busier) machine.
    const order = i % 2 === 0 ? (['chapter', 'bare'] as const) : (['bare', 'chapter'] as const);
    for (const side of order) {
      const server = side === 'chapter' ? chapter : bare;
      result[side].push(await round(server.port, config.roundMs));
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  const ratios = result.chapter.map((c, i) => c / (result.bare[i] ?? Number.NaN));
  return {
    scenario,
    unit,
    chapter: result.chapter,
    bare: result.bare,
    bareLabel: bare.label,
    ratio: median(ratios),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
  };
}

/** Starts the servers `fn` needs and stops them afterwards, whatever happens. */
async function withServers<T>(
  start: Promise<ServerProcess>[],
  fn: (servers: ServerProcess[]) => Promise<T>,
): Promise<T> {
  const settled = await Promise.allSettled(start);
  const servers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return await fn(servers);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

const started = Date.now();
// Bounded whatever happens: past this, stop (every server with it) and fail.
const limitMs = quick ? 80_000 : 170_000;
setTimeout(() => {
  process.stderr.write(`\nbench:servers: stopped after ${limitMs / 1000} s, over its time limit\n`);
  process.exit(1);
}, limitMs).unref();
const pairs: PairResult[] = [];
const sse: { chapter: SseResult; bare: SseResult }[] = [];

// ws-echo: the chapter's `/` against bare ws, with and without a client that offers deflate.
if (wanted('ws-echo'))
  await withServers(
    [
      startChapter('ws-echo'),
      startBare('bare ws', 'ws.ts'),
      startBare('bare ws, same deflate', 'ws.ts', {
        BARE_WS_DEFLATE: JSON.stringify(DEFLATE_SETTINGS),
      }),
    ],
    async ([chapter, bare, bareDeflate]) => {
      if (!chapter || !bare || !bareDeflate) throw new Error('a ws server did not start');
      pairs.push(
        await compare(
          'ws-echo, client without permessage-deflate',
          'msg/s',
          chapter,
          bare,
          (p, t) => wsEchoRound(p, false, t),
        ),
      );
      pairs.push(
        await compare(
          'ws-echo, client offers permessage-deflate (vs the same deflate settings)',
          'msg/s',
          chapter,
          bareDeflate,
          (p, t) => wsEchoRound(p, true, t),
        ),
      );
      pairs.push(
        await compare(
          'ws-echo, client offers permessage-deflate (vs ws defaults: no deflate)',
          'msg/s',
          chapter,
          bare,
          // The bare side declines the offer (ws's default); the chapter accepts it.
          (p, t) => wsEchoRound(p, true, t, p === chapter.port),
        ),
      );
    },
  );

// socketio-chat: login, then `chat` via socket.emit with an ack; its flood limit raised.
// The chapter keeps sessions for connection state recovery, and with recovery on, Socket.IO
// sends even socket.emit() through the adapter, which stores every packet for the window.
// So it is compared with a bare server with the same recovery, and with one without.
const CHAT_RECOVERY_MS = '120000';
if (wanted('socketio-chat'))
  await withServers(
    [
      startChapter('socketio-chat', {
        CHAT_MAX_EVENTS_PER_SECOND: '1000000000',
        CHAT_RECOVERY_MS,
      }),
      startBare('bare socket.io, same recovery', 'socketio.ts', {
        BARE_IO_RECOVERY_MS: CHAT_RECOVERY_MS,
      }),
      startBare('bare socket.io', 'socketio.ts'),
    ],
    async ([chapter, bareRecovery, bare]) => {
      if (!chapter || !bareRecovery || !bare) throw new Error('a Socket.IO server did not start');
      pairs.push(
        await compare(
          'socketio-chat, `chat` with ack (socket.emit), vs the same recovery',
          'msg/s',
          chapter,
          bareRecovery,
          chatRound,
        ),
        await compare(
          'socketio-chat, `chat` with ack (socket.emit), vs Socket.IO defaults: no recovery',
          'msg/s',
          chapter,
          bare,
          chatRound,
        ),
      );
    },
  );

// socketio-rooms: one sender, a room of `members`, each message acked and delivered to all.
if (wanted('socketio-rooms'))
  await withServers(
    [startChapter('socketio-rooms'), startBare('bare socket.io', 'socketio.ts')],
    async ([chapter, bare]) => {
      if (!chapter || !bare) throw new Error('a Socket.IO server did not start');
      pairs.push(
        await compare(
          `socketio-rooms, fan-out to ${config.members} members`,
          'msg/s',
          chapter,
          bare,
          (p, t) => roomsRound(p, config.members, t),
        ),
      );
    },
  );

// sse-countdown: `streams` concurrent countdowns, the chapter and a bare Express server
// streaming the same events, alternating. Each round gets a fresh process, so its RSS is
// that round's and not what the last one left.
if (wanted('sse-countdown')) {
  process.stderr.write(`sse-countdown, ${config.streams} streams: `);
  const env = {
    COUNTDOWN_INTERVAL_MS: String(config.sseIntervalMs),
    COUNTDOWN_MAX_STREAMS: String(config.streams),
  };
  for (let i = 0; i < (quick ? 1 : 2); i++) {
    const order = i % 2 === 0 ? (['chapter', 'bare'] as const) : (['bare', 'chapter'] as const);
    const round: Partial<Record<'chapter' | 'bare', SseResult>> = {};
    for (const side of order) {
      const server =
        side === 'chapter'
          ? startChapter('sse-countdown', env)
          : startBare('bare Express', 'express-sse.ts', env);
      await withServers([server], async ([started]) => {
        if (!started) throw new Error(`sse-countdown's ${side} server did not start`);
        round[side] = await sseRound(
          started.port,
          config.streams,
          config.sseIntervalMs,
          started.rssMb,
        );
        process.stderr.write('.');
      });
    }
    if (round.chapter && round.bare) sse.push({ chapter: round.chapter, bare: round.bare });
  }
  process.stderr.write('\n');
}

const fmt = (n: number) =>
  !Number.isFinite(n) ? '—' : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : n.toFixed(n < 10 ? 2 : 0);
const range = (values: number[]) =>
  `${fmt(median(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;

const lines = [
  '| Scenario | Chapter, median (range) | Bare library, median (range) | Ratio (range) |',
  '|---|---|---|---|',
  ...pairs.map(
    (p) =>
      `| ${p.scenario} | ${range(p.chapter)} ${p.unit} | ${p.bareLabel}: ${range(p.bare)} ${p.unit} | **${p.ratio.toFixed(2)}×** (${p.ratioRange[0].toFixed(2)}–${p.ratioRange[1].toFixed(2)}) |`,
  ),
  ...sse.map(({ chapter, bare }, i) => {
    const cell = (r: SseResult) =>
      `RSS peak ${r.peakRssMb.toFixed(0)} MB; lateness p50 ${r.latenessP50.toFixed(1)} ms, p99 ${r.latenessP99.toFixed(1)} ms, max ${r.latenessMax.toFixed(0)} ms; ${r.lost} lost of ${r.expectedEvents}; ${r.unfinished} unfinished; ${r.leftOpen} left open`;
    return `| sse-countdown, ${chapter.streams} streams, ${config.sseIntervalMs} ms interval (round ${i + 1}) | ${cell(chapter)} | bare Express: ${cell(bare)} | RSS **${(chapter.peakRssMb / bare.peakRssMb).toFixed(2)}×**, p99 ${(chapter.latenessP99 / bare.latenessP99).toFixed(2)}× |`;
  }),
];
const table = lines.join('\n');

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${process.platform}`;
const seconds = (Date.now() - started) / 1000;
mkdirSync(dirname(jsonFile), { recursive: true });
writeFileSync(
  jsonFile,
  `${JSON.stringify({ date: new Date().toISOString(), machine, quick, config, seconds, pairs, sse }, null, 2)}\n`,
);
process.stdout.write(
  `\n${table}\n\n${quick ? 'Quick mode (tiny counts): not a measurement. ' : ''}${machine}; ${seconds.toFixed(0)} s. JSON: ${jsonFile}\n`,
);
