import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  type FeedMessage,
  type LatencySummary,
  preciseNow,
  type RunRequest,
  type RunState,
  type RunStats,
  type Technique,
  type TechniqueStats,
} from './protocol.ts';
import { TrafficTally, type WireMeter } from './wire-meter.ts';

interface Receipts {
  /** seq → when the client received it first. */
  seen: Map<number, number>;
  duplicates: number;
  latencies: number[];
  finished: boolean;
}

/** Events: `message` (FeedMessage), `published` (all N are out), `closed` (the run is gone). */
export class Run extends EventEmitter {
  readonly id = randomUUID().slice(0, 8);
  readonly messages: number;
  readonly rate: number;
  readonly pollIntervalMs: number;
  readonly techniques: readonly Technique[];
  state: RunState = 'ready';
  closed = false;
  lastActivity = Date.now();
  readonly log: FeedMessage[] = [];
  readonly traffic = new Map<Technique, TrafficTally>();
  readonly sent = new Map<Technique, number>();
  readonly #receipts = new Map<Technique, Receipts>();
  #timer: NodeJS.Timeout | undefined;

  constructor(request: Required<RunRequest>) {
    super();
    this.setMaxListeners(64);
    this.messages = request.messages;
    this.rate = request.rate;
    this.pollIntervalMs = request.pollIntervalMs;
    this.techniques = request.techniques;
    for (const technique of this.techniques) {
      this.traffic.set(technique, new TrafficTally());
      this.sent.set(technique, 0);
      this.#receipts.set(technique, {
        seen: new Map(),
        duplicates: 0,
        latencies: [],
        finished: false,
      });
    }
  }

  touch(): void {
    this.lastActivity = Date.now();
  }

  // #region fixed:publish
  /** Starts publishing: message k goes out at start + (k − 1) / rate, drift-corrected. */
  start(): void {
    if (this.state !== 'ready' || this.closed) return;
    this.state = 'publishing';
    const gapMs = 1000 / this.rate;
    const startedAt = performance.now();
    const tick = () => {
      const seq = this.log.length + 1;
      const message: FeedMessage = {
        seq,
        publishedAt: preciseNow(),
        text: `message ${seq} of ${this.messages}`,
      };
      // fix: every message stays in the log, so a client that asks later still gets it
      this.log.push(message);
      this.emit('message', message);
      if (seq >= this.messages) {
        this.#timer = undefined;
        this.state = 'published';
        this.emit('published');
        return;
      }
      // fix: each timer aims at the message's own due time, so late timers do not add up
      const due = startedAt + seq * gapMs;
      this.#timer = setTimeout(tick, Math.max(0, due - performance.now()));
    };
    tick();
  }
  // #endregion

  /** The published messages after `seq`. */
  after(seq: number): FeedMessage[] {
    return this.log.slice(Math.max(0, seq));
  }

  /** True when everything is published and a client that has `seq` has it all. */
  isDoneAfter(seq: number): boolean {
    return this.state === 'published' && seq >= this.messages;
  }

  countSent(technique: Technique, count: number): void {
    this.sent.set(technique, (this.sent.get(technique) ?? 0) + count);
  }

  // #region fixed:receipts
  /** Records receipts: [seq, receivedAt] pairs, already checked against the run (hardening.ts). */
  receive(technique: Technique, pairs: [number, number][]): void {
    const receipts = this.#receipts.get(technique);
    if (!receipts) return;
    for (const [seq, at] of pairs) {
      if (receipts.seen.has(seq)) {
        receipts.duplicates += 1;
        continue;
      }
      receipts.seen.set(seq, at);
      const published = this.log[seq - 1];
      // fix: latency on one clock: the server's publishedAt and the client's receivedAt, same machine
      if (published) receipts.latencies.push(at - published.publishedAt);
    }
  }
  // #endregion

  finish(technique: Technique): void {
    const receipts = this.#receipts.get(technique);
    if (receipts) receipts.finished = true;
  }

  stats(meter: WireMeter): RunStats {
    const payload = this.log.reduce(
      (sum, message) => sum + Buffer.byteLength(JSON.stringify(message)),
      0,
    );
    return {
      id: this.id,
      messages: this.messages,
      rate: this.rate,
      pollIntervalMs: this.pollIntervalMs,
      state: this.state,
      published: this.log.length,
      payloadBytes: this.log.length ? Math.round(payload / this.log.length) : 0,
      techniques: this.techniques.map((technique) => {
        const traffic = this.traffic.get(technique) as TrafficTally;
        const receipts = this.#receipts.get(technique) as Receipts;
        meter.flush(traffic);
        const delivered = receipts.seen.size;
        const stats: TechniqueStats = {
          technique,
          requests: traffic.requests,
          connections: traffic.connections.size,
          open: traffic.live.size,
          bytesUp: traffic.bytesUp,
          bytesDown: traffic.bytesDown,
          bytesPerMessage: delivered
            ? Math.round((traffic.bytesUp + traffic.bytesDown) / delivered)
            : null,
          sent: this.sent.get(technique) ?? 0,
          delivered,
          duplicates: receipts.duplicates,
          lost: receipts.finished ? this.messages - delivered : null,
          finished: receipts.finished,
          latency: summarize(receipts.latencies),
        };
        return stats;
      }),
    };
  }

  /** Stops publishing and tells every open delivery to end. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.#timer);
    this.emit('closed');
    this.removeAllListeners();
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function summarize(latencies: number[]): LatencySummary | null {
  if (latencies.length === 0) return null;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return {
    count: sorted.length,
    mean: round1(mean),
    p50: round1(at(0.5) as number),
    p95: round1(at(0.95) as number),
    max: round1(sorted[sorted.length - 1] as number),
  };
}

/** How many runs a registry keeps, and for how long. */
export interface RunLimits {
  /** Runs kept at once; creating one more drops the oldest. 16 by default. */
  maxRuns?: number;
  /** A run nobody touched for this long is dropped when the next one is created. 10 min by default. */
  idleMs?: number;
}

/** Every run the server knows, bounded in number and in idle time. */
export class RunRegistry {
  readonly #runs = new Map<string, Run>();
  private readonly maxRuns: number;
  private readonly idleMs: number;

  constructor({ maxRuns = 16, idleMs = 10 * 60_000 }: RunLimits = {}) {
    this.maxRuns = maxRuns;
    this.idleMs = idleMs;
  }

  create(request: Required<RunRequest>): Run {
    const now = Date.now();
    for (const run of this.#runs.values())
      if (now - run.lastActivity > this.idleMs) this.delete(run);
    // Still full: the oldest run makes room.
    while (this.#runs.size >= this.maxRuns) {
      const oldest = this.#runs.values().next().value as Run;
      this.delete(oldest);
    }
    const run = new Run(request);
    this.#runs.set(run.id, run);
    return run;
  }

  get(id: string): Run | undefined {
    const run = this.#runs.get(id);
    run?.touch();
    return run;
  }

  delete(run: Run): void {
    this.#runs.delete(run.id);
    run.close();
  }

  closeAll(): void {
    for (const run of this.#runs.values()) this.delete(run);
  }

  get size(): number {
    return this.#runs.size;
  }
}
