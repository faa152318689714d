import './nav.ts';
import { byId } from '@course/kit/dom';
import { t } from './texts.ts';

const SLOTS = 7;
const slotsList = byId('slots');

/** One demo stream and the line that shows it. */
interface Slot {
  source: EventSource;
  line: HTMLLIElement;
  openedAt: number;
  ticks: number;
}
const slots = new Map<number, Slot>();

/** Writes a slot's line from its readyState, its ticks and how long it waited. */
function render(n: number): void {
  const slot = slots.get(n);
  if (!slot) return;
  const state = ['Connecting...', 'Connected', 'Disconnected'][slot.source.readyState] ?? '';
  const waited = ((performance.now() - slot.openedAt) / 1000).toFixed(1);
  slot.line.textContent =
    slot.source.readyState === EventSource.CONNECTING
      ? t.limitSlotWaiting(n, state, waited)
      : slot.source.readyState === EventSource.OPEN
        ? t.limitSlotOpen(n, state, slot.ticks)
        : t.limitSlotClosed(n, state);
}

// #region fixed:limit-slot
/** Opens stream `n` and shows how long it waits for one of the six connections. */
function openSlot(n: number): void {
  const line = document.createElement('li');
  line.id = `slot-${n}`;
  slotsList.append(line);
  const slot: Slot = {
    source: new EventSource(`/limit-stream?slot=${n}`),
    line,
    openedAt: performance.now(),
    ticks: 0,
  };
  slots.set(n, slot);
  // open: this stream got one of the six connections.
  slot.source.addEventListener('open', () => render(n));
  // tick: one per second while the stream is open.
  slot.source.addEventListener('tick', () => {
    slot.ticks++;
    render(n);
  });
  // error: a refused stream (429) closes; a dropped one reconnects.
  slot.source.addEventListener('error', () => render(n));
  render(n);
}
// #endregion

function closeSlot(n: number): void {
  const slot = slots.get(n);
  if (!slot) return;
  slot.source.close();
  render(n);
}

byId('open-seven').addEventListener('click', () => {
  for (const n of slots.keys()) closeSlot(n);
  slots.clear();
  slotsList.replaceChildren();
  for (let n = 1; n <= SLOTS; n++) openSlot(n);
});
byId('close-one').addEventListener('click', () => {
  const open = [...slots.entries()].find(
    ([, slot]) => slot.source.readyState !== EventSource.CLOSED,
  );
  if (open) closeSlot(open[0]);
});
byId('close-all').addEventListener('click', () => {
  for (const n of slots.keys()) closeSlot(n);
});

// The waiting times keep growing on screen.
setInterval(() => {
  for (const n of slots.keys()) render(n);
}, 250);

byId('fetch-stats').addEventListener('click', async () => {
  const result = byId('fetch-result');
  const started = performance.now();
  result.textContent = t.limitFetchWaiting;
  try {
    const res = await fetch('/stats', { cache: 'no-store' });
    const body = (await res.json()) as { activeStreams?: unknown };
    const ms = Math.round(performance.now() - started);
    result.textContent = t.limitFetchAnswered(String(body.activeStreams), ms);
  } catch (error) {
    result.textContent = t.limitFetchFailed((error as Error).message);
  }
});

// #region fixed:limit-unload
// Leaving the page: free the connections first. The navigation itself needs one of the six,
// and the old page (with its streams) lives on until the new page's response arrives.
window.addEventListener('beforeunload', () => {
  for (const n of slots.keys()) closeSlot(n);
});
// #endregion
