import './nav.ts';
import { appendLine, byId } from '@course/kit/dom';
import { t } from './texts.ts';

// --- Named events and multi-line data -------------------------------------------
const namedLog = byId('named-log');
let named: EventSource | undefined;

byId('named-connect').addEventListener('click', () => {
  named?.close();
  namedLog.replaceChildren();
  for (const id of ['named-greeting', 'named-message', 'named-status', 'named-poem', 'named-end'])
    byId(id).textContent = '';
  const source = new EventSource('/named-events');
  named = source;

  // #region fixed:named-client
  // greeting: only a listener for this exact type sees it.
  source.addEventListener('greeting', (e) => {
    byId('named-greeting').textContent = e.data;
    appendLine(namedLog, `greeting (id ${e.lastEventId})`);
  });
  // message: the events without an event: line, and only those.
  source.onmessage = (e) => {
    byId('named-message').textContent = e.data;
    appendLine(namedLog, `message (id ${e.lastEventId})`);
  };
  // status: pretty-printed JSON over several data: lines.
  source.addEventListener('status', (e) => {
    try {
      const value = JSON.parse(e.data) as Record<string, unknown>;
      byId('named-status').textContent = JSON.stringify(value);
    } catch {
      byId('named-status').textContent = t.namedNotJson(e.data);
    }
    appendLine(namedLog, t.namedLogLines('status', e.lastEventId, e.data.split('\n').length));
  });
  // poem: three data: lines, one event, newlines kept.
  source.addEventListener('poem', (e) => {
    byId('named-poem').textContent = e.data;
    appendLine(namedLog, t.namedLogLines('poem', e.lastEventId, e.data.split('\n').length));
  });
  // end: the last event; close so the browser does not reconnect.
  source.addEventListener('end', (e) => {
    byId('named-end').textContent = e.data;
    source.close();
    appendLine(namedLog, 'end → close()');
  });
  // #endregion
  // error: after close() this never fires; before it, the browser is reconnecting.
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) appendLine(namedLog, t.namedErrorClosed);
    else appendLine(namedLog, t.namedErrorReconnecting);
  };
});

// --- The raw stream -----------------------------------------------------------
const rawStatus = byId('raw-status');
const rawText = byId('raw-text');
let reading: AbortController | undefined;

byId('raw-read').addEventListener('click', async () => {
  reading?.abort();
  const controller = new AbortController();
  reading = controller;
  rawText.textContent = '';
  rawStatus.textContent = t.rawRequesting;
  // #region fixed:raw-reader
  const headers: Record<string, string> = {};
  const lastId = byId<HTMLInputElement>('raw-last-id').value;
  if (lastId !== '') headers['Last-Event-ID'] = lastId;
  if (byId<HTMLInputElement>('raw-accept').checked) headers.Accept = 'text/event-stream';
  try {
    const res = await fetch('/countdown', { headers, signal: controller.signal });
    rawStatus.textContent = `${res.status} ${res.statusText} · ${res.headers.get('content-type') ?? t.rawNoContentType}`;
    if (!res.body) return;
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read())
      rawText.textContent += decoder.decode(part.value, { stream: true });
    rawStatus.textContent += ` · ${t.rawEnded}`;
  } catch (error) {
    if (controller.signal.aborted) rawStatus.textContent += ` · ${t.rawStopped}`;
    else rawStatus.textContent = t.rawFailed((error as Error).message);
  }
  // #endregion
});
byId('raw-stop').addEventListener('click', () => reading?.abort());
