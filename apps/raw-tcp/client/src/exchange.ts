import './nav.ts';
import './transcript.css';
import { byId } from '@course/kit/dom';
import { LineSplitter } from '../../shared/line-splitter.ts';
import { action, direction, type TranscriptEntry } from '../../shared/transcript.ts';
import { getConfig } from './api.ts';

const run = byId<HTMLButtonElement>('run');
const transcript = byId('transcript');
const status = byId('status');
const summary = byId('summary');

getConfig()
  .then((config) => {
    byId('tcp-port').textContent = String(config.tcpPort);
  })
  .catch(() => {});

/** One transcript line: time, who did what, how many bytes, and the bytes as text. */
function show(entry: TranscriptEntry): void {
  if (entry.kind === 'done') {
    summary.textContent = entry.text;
    return;
  }
  const item = document.createElement('li');
  item.dataset.side = entry.side;
  item.dataset.kind = entry.kind;
  const parts: [string, string][] = [
    ['t', `${entry.t} ms`],
    ['dir', direction(entry)],
    ['what', action(entry)],
    ['text', entry.text],
  ];
  for (const [name, text] of parts) {
    const span = document.createElement('span');
    span.className = name;
    span.textContent = text; // bytes from the wire: text, never markup (the <br> stays visible)
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
  status.textContent = 'running…';
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
    status.textContent = 'done';
  } catch (err) {
    status.textContent = `failed: ${(err as Error).message}`;
  } finally {
    run.disabled = false;
  }
});
