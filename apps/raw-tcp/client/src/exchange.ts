import './transcript.css';
import { byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import { LineSplitter } from '../../shared/line-splitter.ts';
import type { TranscriptEntry } from '../../shared/transcript.ts';
import { getConfig } from './api.ts';
import messages from './messages.ts';
import { chapterNav } from './nav.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);
chapterNav(t);

const run = byId<HTMLButtonElement>('run');
const transcript = byId('transcript');
const status = byId('status');
const summary = byId('summary');

getConfig()
  .then((config) => {
    byId('tcp-port').textContent = String(config.tcpPort);
  })
  .catch(() => {});

const HANGUL = /[\uac00-\ud7af]/;

/** What the client sent and received, counted from the transcript for the summary line. */
const totals = { sent: 0, received: 0, dataEvents: 0 };

/** One transcript line: time, who did what, how many bytes, and the bytes as text. */
function show(entry: TranscriptEntry): void {
  if (entry.kind === 'done') {
    // The summary in the page's language, from the client's own sends and data events.
    summary.textContent = t.exSummary(totals.sent, totals.received, totals.dataEvents);
    return;
  }
  if (entry.side === 'client' && entry.kind === 'send') totals.sent += entry.bytes ?? 0;
  if (entry.side === 'client' && entry.kind === 'receive') {
    totals.received += entry.bytes ?? 0;
    totals.dataEvents += 1;
  }
  const item = document.createElement('li');
  item.dataset.side = entry.side;
  item.dataset.kind = entry.kind;
  const parts: [string, string][] = [
    ['t', `${entry.t} ms`],
    ['dir', t.exDirection(entry.side, entry.kind)],
    ['what', t.exAction(entry.side, entry.kind, entry.bytes)],
    ['text', entry.text],
  ];
  for (const [name, text] of parts) {
    const span = document.createElement('span');
    span.className = name;
    span.textContent = text; // bytes from the wire: text, never markup (the <br> stays visible)
    // The lecture's Korean line, on a page in another language, is marked as Korean.
    if (name === 'text' && HANGUL.test(text)) span.lang = 'ko';
    item.append(span, ' ');
  }
  transcript.append(item);
}

// The bridge streams one JSON object per line (NDJSON): the same newline framing
// the framed TCP server uses, read here with the same splitter.
run.addEventListener('click', async () => {
  run.disabled = true;
  transcript.replaceChildren();
  summary.textContent = '';
  Object.assign(totals, { sent: 0, received: 0, dataEvents: 0 });
  status.textContent = t.running;
  try {
    const res = await fetch('/api/exchange');
    if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
    const splitter = new LineSplitter(1024 * 1024);
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const line of splitter.push(value))
        show(JSON.parse(decoder.decode(line)) as TranscriptEntry);
    }
    status.textContent = t.done;
  } catch (err) {
    status.textContent = t.failed((err as Error).message);
  } finally {
    run.disabled = false;
  }
});
