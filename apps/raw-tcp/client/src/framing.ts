import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import { getConfig, getJson } from './api.ts';
import messages from './messages.ts';
import { chapterNav } from './nav.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);
chapterNav(t);

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

run.addEventListener('click', async () => {
  run.disabled = true;
  status.textContent = t.running;
  for (const list of lists) list.replaceChildren();
  for (const id of [...outputs, 'framed-count']) byId(id).textContent = '';
  try {
    const report = await getJson<FramingReport>('/api/framing', { method: 'POST' });
    const { merged, split, utf8, framed } = report;

    byId('merged-writes').textContent = merged.writes
      .map((write) => t.framingWrite(write.text, write.bytes))
      .join(', ');
    byId('merged-count').textContent = t.framingEvents(merged.dataEvents.length);
    for (const event of merged.dataEvents)
      appendLine(byId('merged-events'), t.framingMergedEvent(event.bytes, event.text));

    byId('split-bytes').textContent = String(split.writeBytes);
    byId('split-count').textContent = t.framingEvents(split.dataEvents.length);
    for (const bytes of split.dataEvents) appendLine(byId('split-events'), t.framingBytes(bytes));

    for (const [index, event] of utf8.dataEvents.entries()) {
      const hex = utf8.writes[index]?.hex;
      appendLine(byId('utf8-events'), t.framingUtf8Event(event.bytes, hex, event.text));
    }

    byId('framed-events').textContent = t.framingFramedEvents(
      t.framingEvents(framed.dataEvents.length),
      framed.dataEvents.map((bytes) => t.framingBytes(bytes)).join(', '),
    );
    byId('framed-count').textContent = String(framed.lines.length);
    for (const line of framed.lines) appendLine(byId('framed-lines'), line);
    status.textContent = t.done;
  } catch (err) {
    status.textContent = t.failed((err as Error).message);
  } finally {
    run.disabled = false;
  }
});
