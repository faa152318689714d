import './nav.ts';
import { appendLine, byId } from '@course/kit/dom';
import { type CountdownView, openCountdown } from './fixed-client.ts';
import { t } from './texts.ts';

const view: CountdownView = {
  state: byId('state'),
  id: byId('id'),
  data: byId('data'),
  counts: byId('counts'),
  log: byId('log'),
  lastEventId: byId('last-event-id'),
};

let source: EventSource | undefined;

function start(path: string): void {
  source?.close();
  source = openCountdown(path, view);
}

byId('restart').addEventListener('click', () => start('/countdown'));
byId('drop').addEventListener('click', () => start('/countdown?dropAfter=5'));
byId('stop').addEventListener('click', () => {
  if (!source || source.readyState === EventSource.CLOSED) return;
  source.close();
  view.state.textContent = 'Disconnected';
  appendLine(view.log, 'close()');
});

start('/countdown');

// /stats, twice a second, one request at a time.
const activeStreams = byId('active-streams');
async function pollStats(): Promise<void> {
  try {
    const res = await fetch('/stats', { cache: 'no-store' });
    const body = (await res.json()) as { activeStreams?: unknown };
    activeStreams.textContent = String(body.activeStreams);
  } catch {
    activeStreams.textContent = t.statsUnreachable;
  }
  setTimeout(pollStats, 500);
}
void pollStats();
