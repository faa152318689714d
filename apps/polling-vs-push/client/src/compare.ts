import { courseNav } from '@course/kit/course-nav';
import { formatNumber } from '@course/kit/i18n';
import { applyMessages, pageLang, pageMessages } from '@course/kit/i18n-page';
import { io } from 'socket.io-client';
import {
  type RunStats,
  TECHNIQUES,
  type Technique,
  type TechniqueStats,
} from '../../server/protocol.ts';
import { drawBars } from './chart.ts';
import { type Delivery, deliver, type FeedEnv } from './deliver.ts';
import messages from './messages.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
const lang = pageLang();
applyMessages(t);
// The chapter has one page: the six techniques, side by side.
courseNav([{ href: '/', label: t.navCompare }]);

/** Each technique's name on the page, in the page's language. */
const TECHNIQUE_NAMES: Record<Technique, string> = {
  'short-poll': t.shortPoll,
  'long-poll': t.longPoll,
  stream: t.stream,
  sse: t.sse,
  websocket: t.websocket,
  'socket.io': t.socketIo,
};

/** A count or a measurement as the page's language writes it (`24,328`); `–` when there is none yet. */
const num = (value: number | null | undefined, digits = 0) =>
  value == null
    ? '–'
    : formatNumber(lang, value, { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** Milliseconds with one decimal and the unit (`12.3 ms`). */
const ms = (value: number) =>
  formatNumber(lang, value, {
    style: 'unit',
    unit: 'millisecond',
    unitDisplay: 'short',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });

const byId = <T extends Element = HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as unknown as T;
};

const env: FeedEnv = { baseUrl: location.origin, EventSource, WebSocket, io };

/** One technique's column on the page, and what its client received so far. */
interface Lane {
  technique: Technique;
  seen: Set<number>;
  duplicates: number;
  /** Receipts not yet reported to the server: [seq, receivedAt]. */
  pending: [number, number][];
  finished: boolean;
  failed: boolean;
  delivery?: Delivery;
  received: HTMLOutputElement;
  progress: HTMLProgressElement;
  state: HTMLElement;
  last: HTMLElement;
}

/** `socket.io` → `socket-io`: ids that CSS selectors can name without escaping. */
const idOf = (technique: Technique) => technique.replace('.', '-');

function buildLane(technique: Technique): Lane {
  const box = document.createElement('div');
  box.className = 'lane';
  box.dataset.technique = technique;
  const title = document.createElement('h3');
  title.textContent = TECHNIQUE_NAMES[technique];
  const state = document.createElement('div');
  state.className = 'state';
  state.id = `state-${idOf(technique)}`;
  state.textContent = t.stateIdle;
  const received = document.createElement('output');
  received.id = `received-${idOf(technique)}`;
  received.textContent = '0';
  const progress = document.createElement('progress');
  progress.value = 0;
  const last = document.createElement('div');
  last.className = 'last';
  last.id = `last-${idOf(technique)}`;
  const line = document.createElement('div');
  line.append(t.laneReceived, received);
  box.append(title, state, line, progress, last);
  byId('lanes').append(box);
  return {
    technique,
    seen: new Set(),
    duplicates: 0,
    pending: [],
    finished: false,
    failed: false,
    received,
    progress,
    state,
    last,
  };
}

const lanes = TECHNIQUES.map(buildLane);
const status = byId<HTMLOutputElement>('run-status');
const startButton = byId<HTMLButtonElement>('start');

function setState(lane: Lane, text: string, kind: '' | 'done' | 'failed' = '') {
  lane.state.textContent = text;
  lane.state.className = `state ${kind}`.trim();
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(data.error ?? `${res.status} ${res.statusText}`);
  return data;
}

const COLORS = {
  down: '#2563eb',
  up: '#f59e0b',
  requests: '#7c3aed',
  connections: '#0d9488',
  p50: '#16a34a',
  p95: '#86efac',
  lost: '#dc2626',
  dup: '#f97316',
};

/** Draws the four charts and the table from the server's numbers. */
function render(stats: RunStats) {
  const rows = stats.techniques;
  const label = (row: TechniqueStats) => TECHNIQUE_NAMES[row.technique];
  const perMessage = (bytes: number, row: TechniqueStats) =>
    row.delivered ? bytes / row.delivered : null;
  drawBars(byId('chart-bytes'), {
    stacked: true,
    series: [
      { name: t.seriesDown, color: COLORS.down },
      { name: t.seriesUp, color: COLORS.up },
    ],
    rows: rows.map((row) => ({
      key: row.technique,
      label: label(row),
      values: [perMessage(row.bytesDown, row), perMessage(row.bytesUp, row)],
      text: row.bytesPerMessage == null ? '–' : t.bytesValue(num(row.bytesPerMessage)),
    })),
  });
  drawBars(byId('chart-requests'), {
    stacked: false,
    series: [
      { name: t.seriesRequests, color: COLORS.requests },
      { name: t.seriesConnections, color: COLORS.connections },
    ],
    rows: rows.map((row) => ({
      key: row.technique,
      label: label(row),
      values: [row.requests, row.connections],
      text: t.requestsValue(num(row.requests), num(row.connections)),
    })),
  });
  drawBars(byId('chart-latency'), {
    stacked: false,
    series: [
      { name: t.seriesMedian, color: COLORS.p50 },
      { name: t.seriesP95, color: COLORS.p95 },
    ],
    rows: rows.map((row) => ({
      key: row.technique,
      label: label(row),
      values: [row.latency?.p50 ?? null, row.latency?.p95 ?? null],
      text: row.latency ? t.latencyValue(ms(row.latency.p50), ms(row.latency.p95)) : '–',
    })),
  });
  drawBars(byId('chart-losses'), {
    stacked: false,
    series: [
      { name: t.seriesLost, color: COLORS.lost },
      { name: t.seriesDuplicated, color: COLORS.dup },
    ],
    rows: rows.map((row) => ({
      key: row.technique,
      label: label(row),
      values: [row.lost, row.duplicates],
      text:
        row.lost == null
          ? t.inFlightValue(num(stats.published - row.delivered), num(row.duplicates))
          : t.lossesValue(num(row.lost), num(row.duplicates)),
    })),
  });
  const body = byId<HTMLTableElement>('stats-table').tBodies[0] as HTMLTableSectionElement;
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement('tr');
      tr.dataset.technique = row.technique;
      for (const value of [
        label(row),
        num(row.bytesPerMessage),
        num(row.bytesUp),
        num(row.bytesDown),
        num(row.requests),
        num(row.connections),
        num(row.latency?.p50, 1),
        num(row.latency?.p95, 1),
        `${num(row.delivered)}/${num(stats.messages)}`,
        num(row.lost),
        num(row.duplicates),
      ]) {
        const td = document.createElement('td');
        td.textContent = value;
        tr.append(td);
      }
      return tr;
    }),
  );
}

// #region fixed:report-chain
/** The report on its way to the server, if any: reports go one at a time. */
let reporting: Promise<RunStats> | null = null;

/**
 * Sends the receipts gathered since last time (and who finished); draws the answer.
 * Reports are chained: a "finished" report that overtook an earlier one still in
 * flight would be counted before that one's receipts, and show them as lost.
 */
function report(runId: string): Promise<RunStats> {
  const previous = reporting?.catch(() => undefined);
  const next = (async () => {
    await previous;
    const receipts: Partial<Record<Technique, [number, number][]>> = {};
    for (const lane of lanes) {
      if (lane.pending.length) receipts[lane.technique] = lane.pending.splice(0, 2000);
    }
    const finished = lanes.filter((lane) => lane.finished).map((lane) => lane.technique);
    try {
      const stats = await api<RunStats>(`/api/runs/${runId}/receipts`, { receipts, finished });
      render(stats);
      return stats;
    } catch (err) {
      // Not delivered: keep the receipts for the next report.
      for (const lane of lanes) lane.pending.unshift(...(receipts[lane.technique] ?? []));
      throw err;
    }
  })();
  reporting = next;
  return next;
}
// #endregion

/** `promise`, or a rejection with `timedOut` after `limitMs`. */
function within<T>(promise: Promise<T>, limitMs: number, timedOut: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(timedOut)), limitMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function runAll(messages: number, rate: number, pollIntervalMs: number) {
  for (const lane of lanes) {
    lane.delivery?.stop();
    Object.assign(lane, {
      seen: new Set(),
      duplicates: 0,
      pending: [],
      finished: false,
      failed: false,
    });
    lane.received.textContent = `${num(0)}/${num(messages)}`;
    lane.progress.max = messages;
    lane.progress.value = 0;
    lane.last.textContent = '';
    setState(lane, t.stateConnecting);
  }
  status.textContent = t.creatingRun;
  // #region fixed:start-when-connected
  const run = await api<RunStats>('/api/runs', { messages, rate, pollIntervalMs });
  render(run);
  for (const lane of lanes) {
    lane.delivery = deliver(lane.technique, env, run, (message, at) => {
      if (lane.seen.has(message.seq)) lane.duplicates += 1;
      lane.seen.add(message.seq);
      lane.pending.push([message.seq, at]);
      lane.received.textContent = `${num(lane.seen.size)}/${num(messages)}`;
      lane.progress.value = lane.seen.size;
      // The message's text comes over the wire: it stays as the server wrote it.
      lane.last.textContent = lane.duplicates
        ? t.lastWithDuplicates(message.text, num(lane.duplicates))
        : message.text;
    });
    lane.delivery.ready.then(
      () => setState(lane, t.stateConnected),
      () => {},
    );
  }
  // fix: publishing starts only once every client is connected, so no technique starts behind
  await within(Promise.all(lanes.map((lane) => lane.delivery?.ready)), 15_000, t.connectTimedOut);
  await api(`/api/runs/${run.id}/start`, {});
  // #endregion
  status.textContent = t.publishing(run.id, num(messages), num(rate));
  const expectedMs = (messages / rate) * 1000;
  const ticker = setInterval(() => {
    report(run.id).catch((err: Error) => {
      status.textContent = t.reportingFailed(err.message);
    });
  }, 500);
  await Promise.all(
    lanes.map(async (lane) => {
      setState(lane, t.stateReceiving);
      try {
        await within(
          lane.delivery?.done ?? Promise.resolve(),
          expectedMs + 20_000,
          t.deliveryTimedOut,
        );
        setState(lane, t.stateDone, 'done');
      } catch (err) {
        lane.failed = true;
        setState(lane, t.stateFailed((err as Error).message), 'failed');
        lane.delivery?.stop();
      }
      lane.finished = true;
    }),
  );
  clearInterval(ticker);
  // The final report: every receipt, and every technique marked finished.
  let stats = await report(run.id);
  while (lanes.some((lane) => lane.pending.length)) stats = await report(run.id);
  const failed = lanes.filter((lane) => lane.failed).length;
  const lost = stats.techniques.reduce((sum, t) => sum + (t.lost ?? 0), 0);
  status.textContent = failed
    ? t.runFailed(run.id, failed, num(failed))
    : t.runDone(run.id, lost, num(lost));
}

byId<HTMLFormElement>('run-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const read = (id: string) => byId<HTMLInputElement>(id).valueAsNumber;
  startButton.disabled = true;
  runAll(read('messages'), read('rate'), read('interval'))
    .catch((err: Error) => {
      status.textContent = t.failed(err.message);
      for (const lane of lanes) lane.delivery?.stop();
    })
    .finally(() => {
      startButton.disabled = false;
    });
});

// Before any run: empty charts, so the page shows their shape.
render({
  id: '',
  messages: 0,
  rate: 0,
  pollIntervalMs: 0,
  state: 'ready',
  published: 0,
  payloadBytes: 0,
  techniques: TECHNIQUES.map((technique) => ({
    technique,
    requests: 0,
    connections: 0,
    open: 0,
    bytesUp: 0,
    bytesDown: 0,
    bytesPerMessage: null,
    sent: 0,
    delivered: 0,
    duplicates: 0,
    lost: null,
    finished: false,
    latency: null,
  })),
});
