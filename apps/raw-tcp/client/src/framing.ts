import './nav.ts';
import { appendLine, byId } from '@course/kit/dom';
import { getConfig, getJson } from './api.ts';

interface Piece {
  bytes: number;
  text: string;
}
interface FramingReport {
  merged: { writes: Piece[]; dataEvents: Piece[] };
  split: { writeBytes: number; dataEvents: number[] };
  utf8: { writes: (Piece & { hex: string })[]; dataEvents: Piece[] };
  framed: { writes: Piece[]; dataEvents: number[]; lines: string[] };
}

const run = byId<HTMLButtonElement>('run');
const status = byId('status');
const lists = ['merged-events', 'split-events', 'utf8-events', 'framed-lines'].map((id) =>
  byId(id),
);
const outputs = ['merged-writes', 'merged-count', 'split-bytes', 'split-count', 'framed-events'];

getConfig()
  .then((config) => {
    byId('framed-port').textContent = String(config.framedTcpPort);
  })
  .catch(() => {});

const events = (count: number) => `${count} ${count === 1 ? 'event' : 'events'}`;

run.addEventListener('click', async () => {
  run.disabled = true;
  status.textContent = 'running…';
  for (const list of lists) list.replaceChildren();
  for (const id of [...outputs, 'framed-count']) byId(id).textContent = '';
  try {
    const report = await getJson<FramingReport>('/api/framing', { method: 'POST' });
    const { merged, split, utf8, framed } = report;

    byId('merged-writes').textContent = merged.writes
      .map((write) => `"${write.text}" (${write.bytes} bytes)`)
      .join(', ');
    byId('merged-count').textContent = events(merged.dataEvents.length);
    for (const event of merged.dataEvents)
      appendLine(byId('merged-events'), `${event.bytes} bytes: "${event.text}"`);

    byId('split-bytes').textContent = String(split.writeBytes);
    byId('split-count').textContent = events(split.dataEvents.length);
    for (const bytes of split.dataEvents) appendLine(byId('split-events'), `${bytes} bytes`);

    for (const [index, event] of utf8.dataEvents.entries()) {
      const hex = utf8.writes[index]?.hex;
      appendLine(
        byId('utf8-events'),
        `${event.bytes} bytes${hex ? ` [${hex}]` : ''} → "${event.text}"`,
      );
    }

    byId('framed-events').textContent = `${events(framed.dataEvents.length)} (${framed.dataEvents
      .map((bytes) => `${bytes} bytes`)
      .join(', ')})`;
    byId('framed-count').textContent = String(framed.lines.length);
    for (const line of framed.lines) appendLine(byId('framed-lines'), line);
    status.textContent = 'done';
  } catch (err) {
    status.textContent = `failed: ${(err as Error).message}`;
  } finally {
    run.disabled = false;
  }
});
