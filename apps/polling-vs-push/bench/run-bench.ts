// One benchmark run against a running feed server, with Node clients: the same
// client code as the page (client/src/deliver.ts), given Node's fetch, the
// `eventsource` package, the `ws` package and socket.io-client.
import { EventSource } from 'eventsource';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { deliver, type FeedEnv } from '../client/src/deliver.ts';
import {
  type RunStats,
  TECHNIQUE_LABELS,
  TECHNIQUES,
  type Technique,
  type TechniqueStats,
} from '../server/protocol.ts';

export interface BenchOptions {
  baseUrl: string;
  messages: number;
  /** Messages per second. */
  rate: number;
  pollIntervalMs: number;
  techniques?: Technique[];
}

export interface BenchResult extends RunStats {
  /** Client-side failures, by technique (none in a healthy run). */
  errors: Partial<Record<Technique, string>>;
}

const nodeEnv = (baseUrl: string): FeedEnv => ({
  baseUrl,
  EventSource: EventSource as unknown as FeedEnv['EventSource'],
  WebSocket: WebSocket as unknown as FeedEnv['WebSocket'],
  io,
});

async function api<T>(url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Rejects after `ms` with `what` timed out. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Creates a run, connects every technique's client, starts the feed, waits for
 * every client to finish (or time out), reports the receipts, and returns
 * what the server measured.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { baseUrl, messages, rate, pollIntervalMs } = options;
  const techniques = options.techniques ?? [...TECHNIQUES];
  const run = await api<RunStats>(`${baseUrl}/api/runs`, {
    messages,
    rate,
    pollIntervalMs,
    techniques,
  });
  const env = nodeEnv(baseUrl);
  const receipts = new Map<Technique, [number, number][]>();
  const errors: Partial<Record<Technique, string>> = {};
  const deliveries = techniques.map((technique) => {
    const list: [number, number][] = [];
    receipts.set(technique, list);
    return {
      technique,
      delivery: deliver(technique, env, run, (message, at) => list.push([message.seq, at])),
    };
  });
  try {
    await within(
      Promise.all(deliveries.map(({ delivery }) => delivery.ready)),
      15_000,
      'connecting',
    );
    await api(`${baseUrl}/api/runs/${run.id}/start`, {});
    const expectedMs = (messages / rate) * 1000;
    await Promise.all(
      deliveries.map(({ technique, delivery }) =>
        within(delivery.done, expectedMs + 15_000, technique).catch((err: Error) => {
          errors[technique] = err.message;
        }),
      ),
    );
  } finally {
    for (const { delivery } of deliveries) delivery.stop();
  }
  // Let closing handshakes (WebSocket close frames, Socket.IO's disconnect) reach the meter.
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const technique of techniques) {
    const pairs = receipts.get(technique) ?? [];
    for (let i = 0; i < pairs.length; i += 500)
      await api(`${baseUrl}/api/runs/${run.id}/receipts`, {
        receipts: { [technique]: pairs.slice(i, i + 500) },
      });
  }
  const stats = await api<RunStats>(`${baseUrl}/api/runs/${run.id}/receipts`, {
    finished: techniques,
  });
  return { ...stats, errors };
}

export interface Claim {
  claim: string;
  holds: boolean;
}

/**
 * The benchmark's sanity checks, with the numbers that decide them: no technique
 * loses or duplicates a message; WebSocket moves fewer bytes per message than
 * short polling; long polling makes fewer requests than short polling.
 */
export function claims(result: RunStats): Claim[] {
  const list: Claim[] = [];
  const of = (technique: Technique) => result.techniques.find((t) => t.technique === technique);
  const faults = result.techniques
    .filter((t) => t.lost !== 0 || t.duplicates !== 0)
    .map((t) => `${t.technique}: ${t.lost ?? '?'} lost, ${t.duplicates} duplicated`);
  list.push({
    claim: `no technique lost or duplicated a message${faults.length ? ` (${faults.join('; ')})` : ''}`,
    holds: faults.length === 0,
  });
  const ws = of('websocket');
  const shortPoll = of('short-poll');
  const longPoll = of('long-poll');
  if (ws && shortPoll)
    list.push({
      claim: `WebSocket bytes/msg (${ws.bytesPerMessage}) < short polling's (${shortPoll.bytesPerMessage})`,
      holds: (ws.bytesPerMessage ?? Infinity) < (shortPoll.bytesPerMessage ?? 0),
    });
  if (longPoll && shortPoll)
    list.push({
      claim: `long polling requests (${longPoll.requests}) < short polling's (${shortPoll.requests})`,
      holds: longPoll.requests < shortPoll.requests,
    });
  return list;
}

/** The claims that do not hold, as sentences; empty when they all do. */
export function sanityProblems(result: RunStats): string[] {
  return claims(result)
    .filter((c) => !c.holds)
    .map((c) => c.claim);
}

const cell = (value: number | null | undefined) => (value == null ? '–' : String(value));

/** The result as a markdown table, one row per technique. */
export function markdownTable(result: RunStats): string {
  const rows = result.techniques.map((t: TechniqueStats) =>
    [
      TECHNIQUE_LABELS[t.technique],
      cell(t.bytesPerMessage),
      cell(t.bytesUp),
      cell(t.bytesDown),
      cell(t.requests),
      cell(t.connections),
      cell(t.latency?.p50),
      cell(t.latency?.p95),
      cell(t.latency?.max),
      `${t.delivered}/${result.messages}`,
      cell(t.lost),
      cell(t.duplicates),
    ].join(' | '),
  );
  return [
    '| Technique | Bytes/msg | Bytes up | Bytes down | Requests | TCP conns | p50 ms | p95 ms | max ms | Delivered | Lost | Dup |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}
