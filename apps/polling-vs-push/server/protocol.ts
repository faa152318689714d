// What the server and its clients (the page, the benchmark, the tests) agree on.
// No Node imports here: the page bundles this file too.
import type { Socket } from 'socket.io-client';

/** The six ways this chapter delivers the same feed, in the order the page shows them. */
export const TECHNIQUES = [
  'short-poll',
  'long-poll',
  'stream',
  'sse',
  'websocket',
  'socket.io',
] as const;
export type Technique = (typeof TECHNIQUES)[number];

export const TECHNIQUE_LABELS: Record<Technique, string> = {
  'short-poll': 'Short polling',
  'long-poll': 'Long polling',
  stream: 'HTTP streaming',
  sse: 'SSE',
  websocket: 'WebSocket',
  'socket.io': 'Socket.IO',
};

export function isTechnique(value: unknown): value is Technique {
  return typeof value === 'string' && (TECHNIQUES as readonly string[]).includes(value);
}

/** One message of the feed, exactly as every technique carries it (JSON). */
export interface FeedMessage {
  /** 1 … N, in publishing order. */
  seq: number;
  /** When the server published it: epoch milliseconds, sub-millisecond precision. */
  publishedAt: number;
  text: string;
}

/** The Socket.IO events the server emits: one `feed` per message, then `end`. */
export interface FeedEvents {
  feed: (message: FeedMessage) => void;
  end: () => void;
}

/** What a Socket.IO client of the feed sends: nothing, the feed flows one way. */
export type NoEvents = Record<never, never>;

/** A Socket.IO client of the feed, typed by its events. */
export type FeedClient = Socket<FeedEvents, NoEvents>;

/** Answer of the two polling routes. */
export interface PollAnswer {
  messages: FeedMessage[];
  /** True once every message up to N was published and none is left after `after`. */
  done: boolean;
}

/** The limits on a run's size: every run is bounded. */
export const LIMITS = {
  messages: { min: 1, max: 1000 },
  /** Messages per second. */
  rate: { min: 1, max: 100 },
  /** The short-polling interval, in ms. */
  pollIntervalMs: { min: 10, max: 10_000 },
} as const;

/** `POST /api/runs` body. */
export interface RunRequest {
  messages: number;
  rate: number;
  pollIntervalMs: number;
  techniques?: Technique[];
}

export interface LatencySummary {
  /** How many receipts the figures are computed from. */
  count: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

/** What the server measured for one technique in one run. */
export interface TechniqueStats {
  technique: Technique;
  /** HTTP requests made, upgrade handshakes and Socket.IO's own polling requests included. */
  requests: number;
  /** Distinct TCP connections that carried this technique's traffic. */
  connections: number;
  /** Requests or upgraded connections of this technique open right now. */
  open: number;
  /** Bytes the clients sent (requests, handshakes, frames), as read from the sockets. */
  bytesUp: number;
  /** Bytes the server sent (status lines, headers, chunk framing, frames, bodies). */
  bytesDown: number;
  /** (bytesUp + bytesDown) / delivered; null until something is delivered. */
  bytesPerMessage: number | null;
  /** Messages the server wrote to this technique's clients, repeats included. */
  sent: number;
  /** Distinct messages the client reported receiving. */
  delivered: number;
  /** Receipts for a message the client had already received. */
  duplicates: number;
  /** N − delivered, once the client said it finished; null before. */
  lost: number | null;
  finished: boolean;
  /** Server publish → client receipt, in ms. */
  latency: LatencySummary | null;
}

export type RunState = 'ready' | 'publishing' | 'published';

export interface RunStats {
  id: string;
  messages: number;
  rate: number;
  pollIntervalMs: number;
  state: RunState;
  published: number;
  /** The average size of one message's JSON, for comparing overhead with payload. */
  payloadBytes: number;
  techniques: TechniqueStats[];
}

/** `POST /api/runs/:id/receipts` body: per technique, [seq, receivedAt] pairs. */
export interface ReceiptBatch {
  receipts?: Partial<Record<Technique, [number, number][]>>;
  /** Techniques whose client has stopped (all received, or gave up). */
  finished?: Technique[];
}

/** A precise wall-clock time in epoch ms, on both Node and the browser. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}
