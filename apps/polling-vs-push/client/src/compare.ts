import './nav.ts';
import { io } from 'socket.io-client';
import {
  type RunStats,
  TECHNIQUE_LABELS,
  TECHNIQUES,
  type Technique,
  type TechniqueStats,
} from '../../server/protocol.ts';
import { drawBars } from './chart.ts';
import { type Delivery, deliver, type FeedEnv } from './deliver.ts';

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
  title.textContent = TECHNIQUE_LABELS[technique];
  const state = document.createElement('div');
  state.className = 'state';
  state.id = `state-${idOf(technique)}`;
  state.textContent = 'idle';
  const received = document.createElement('output');
  received.id = `received-${idOf(technique)}`;
  received.textContent = '0';
  const progress = document.createElement('progress');
  progress.value = 0;
  const last = document.createElement('div');
  last.className = 'last';
  last.id = `last-${idOf(technique)}`;
  const line = document.createElement('div');
  line.append('Received: ', received);
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

const fmt = (value: number | null | undefined, digits = 0) =>
  value == null ? '–' : value.toFixed(digits);

/** Draws the four charts and the table from the server's numbers. */
function render(stats: RunStats) {
  const rows = stats.techniques;
  const label = (t: TechniqueStats) => TECHNIQUE_LABELS[t.technique];
  const perMessage = (bytes: number, t: TechniqueStats) =>
    t.delivered ? bytes / t.delivered : null;
  drawBars(byId('chart-bytes'), {
    stacked: true,
    series: [
      { name: 'down', color: COLORS.down },
      { name: 'up', color: COLORS.up },
    ],
    rows: rows.map((t) => ({
      key: t.technique,
      label: label(t),
      values: [perMessage(t.bytesDown, t), perMessage(t.bytesUp, t)],
      text: t.bytesPerMessage == null ? '–' : `${t.bytesPerMessage} B/msg`,
    })),
  });
  drawBars(byId('chart-requests'), {
    stacked: false,
    series: [
      { name: 'requests', color: COLORS.requests },
      { name: 'TCP connections', color: COLORS.connections },
    ],
    rows: rows.map((t) => ({
      key: t.technique,
      label: label(t),
      values: [t.requests, t.connections],
      text: `${t.requests} req · ${t.connections} conn`,
    })),
  });
  drawBars(byId('chart-latency'), {
    stacked: false,
    series: [
      { name: 'median', color: COLORS.p50 },
      { name: 'p95', color: COLORS.p95 },
    ],
    rows: rows.map((t) => ({
      key: t.technique,
      label: label(t),
      values: [t.latency?.p50 ?? null, t.latency?.p95 ?? null],
      text: t.latency ? `${fmt(t.latency.p50, 1)} / ${fmt(t.latency.p95, 1)} ms` : '–',
    })),
  });
  drawBars(byId('chart-losses'), {
    stacked: false,
    series: [
      { name: 'lost', color: COLORS.lost },
      { name: 'duplicated', color: COLORS.dup },
    ],
    rows: rows.map((t) => ({
      key: t.technique,
      label: label(t),
      values: [t.lost, t.duplicates],
      text: `${t.lost == null ? `${stats.published - t.delivered} in flight` : `${t.lost} lost`} · ${t.duplicates} dup`,
    })),
  });
  const body = byId<HTMLTableElement>('stats-table').tBodies[0] as HTMLTableSectionElement;
  body.replaceChildren(
    ...rows.map((t) => {
      const tr = document.createElement('tr');
      tr.dataset.technique = t.technique;
      for (const value of [
        label(t),
        fmt(t.bytesPerMessage),
        String(t.bytesUp),
        String(t.bytesDown),
        String(t.requests),
        String(t.connections),
        fmt(t.latency?.p50, 1),
        fmt(t.latency?.p95, 1),
        `${t.delivered}/${stats.messages}`,
        fmt(t.lost),
        String(t.duplicates),
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

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms);
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
    lane.received.textContent = `0/${messages}`;
    lane.progress.max = messages;
    lane.progress.value = 0;
    lane.last.textContent = '';
    setState(lane, 'connecting…');
  }
  status.textContent = 'Creating the run…';
  // #region fixed:start-when-connected
  const run = await api<RunStats>('/api/runs', { messages, rate, pollIntervalMs });
  render(run);
  for (const lane of lanes) {
    lane.delivery = deliver(lane.technique, env, run, (message, at) => {
      if (lane.seen.has(message.seq)) lane.duplicates += 1;
      lane.seen.add(message.seq);
      lane.pending.push([message.seq, at]);
      lane.received.textContent = `${lane.seen.size}/${messages}`;
      lane.progress.value = lane.seen.size;
      lane.last.textContent = `${message.text}${lane.duplicates ? ` (${lane.duplicates} duplicates)` : ''}`;
    });
    lane.delivery.ready.then(
      () => setState(lane, 'connected'),
      () => {},
    );
  }
  // fix: publishing starts only once every client is connected, so no technique starts behind
  await within(Promise.all(lanes.map((lane) => lane.delivery?.ready)), 15_000, 'Connecting');
  await api(`/api/runs/${run.id}/start`, {});
  // #endregion
  status.textContent = `Run ${run.id}: publishing ${messages} messages at ${rate}/s…`;
  const expectedMs = (messages / rate) * 1000;
  const ticker = setInterval(() => {
    report(run.id).catch((err: Error) => {
      status.textContent = `Reporting failed: ${err.message}`;
    });
  }, 500);
  await Promise.all(
    lanes.map(async (lane) => {
      setState(lane, 'receiving');
      try {
        await within(lane.delivery?.done ?? Promise.resolve(), expectedMs + 20_000, 'Delivery');
        setState(lane, 'done', 'done');
      } catch (err) {
        lane.failed = true;
        setState(lane, `failed: ${(err as Error).message}`, 'failed');
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
    ? `Run ${run.id}: ${failed} technique(s) failed.`
    : `Run ${run.id} done: every technique finished, ${lost} messages lost in all.`;
}

byId<HTMLFormElement>('run-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const read = (id: string) => byId<HTMLInputElement>(id).valueAsNumber;
  startButton.disabled = true;
  runAll(read('messages'), read('rate'), read('interval'))
    .catch((err: Error) => {
      status.textContent = `Failed: ${err.message}`;
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
