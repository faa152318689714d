import './direct.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, fillWithSlots, pageMessages, slotMark } from '@course/kit/i18n-page';
import { getConfig, getJson } from './api.ts';
import messages from './messages.ts';
import { chapterNav } from './nav.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);
chapterNav(t);

interface Probe {
  request: string;
  requestBytes: number;
  reply: string;
  replyBytes: number;
}

const button = byId<HTMLButtonElement>('try');
const errorOut = byId('direct-error');
const requestOut = byId('direct-request');
const requestBytes = byId('request-bytes');
const replyOut = byId('direct-reply');
const why = byId('direct-why');

const config = getConfig();
config
  .then(({ tcpPort }) => {
    byId('target').textContent = `${location.hostname}:${tcpPort}`;
  })
  .catch(() => {});

/** A small `\r\n` badge: where the two bytes CR LF (13 10) were, in characters every font has. */
function crlfBadge(): HTMLElement {
  const badge = document.createElement('span');
  badge.className = 'crlf';
  badge.title = t.directCrlfTitle;
  badge.textContent = '\\r\\n';
  return badge;
}

/** Shows `text` in `out` the way it travelled: a badge for each CR LF, then a real line break. */
function showLines(out: HTMLElement, text: string): void {
  out.replaceChildren();
  text.split('\r\n').forEach((line, index) => {
    // A string passed to append() becomes a text node: nothing from the wire is parsed as HTML.
    if (index > 0) out.append(crlfBadge(), '\n');
    out.append(line);
  });
}

button.addEventListener('click', async () => {
  button.disabled = true;
  for (const out of [errorOut, requestOut, requestBytes, replyOut]) out.textContent = '';
  why.replaceChildren();
  try {
    const { tcpPort } = await config;
    // #region fixed:direct-fetch
    const id = crypto.randomUUID();
    // A plain GET to the TCP server's port. The id in the path finds this request again.
    // fix: fetch() is the nearest a page gets to the TCP port: it can only speak HTTP to it
    const url = `http://${location.hostname}:${tcpPort}/probe-${id}`;
    try {
      const res = await fetch(url, { cache: 'no-store' });
      errorOut.textContent = t.directUnexpected(res.status);
    } catch (err) {
      // fix: all the page learns is a TypeError; the browser keeps the reason to itself
      const { name, message } = err as Error;
      errorOut.textContent = `${name}: ${message}`;
    }
    // fix: the bridge tells what the TCP server received and answered
    const probe = await getJson<Probe>(`/api/probe/${id}`);
    // #endregion
    fillWithSlots(requestBytes, t.directRequestBytes(probe.requestBytes, slotMark(0)), [
      crlfBadge(),
    ]);
    showLines(requestOut, probe.request);
    replyOut.textContent = `${probe.reply}\n${t.directReplyBytes(probe.replyBytes)}`;
    const firstLine = probe.request.split('\r\n')[0] ?? '';
    for (const reason of [
      t.directWhy1(firstLine),
      t.directWhy2,
      t.directWhy3,
      t.directWhy4,
      t.directWhy5,
      t.directWhy6,
    ])
      appendLine(why, reason);
  } catch (err) {
    errorOut.textContent ||= t.directFailed((err as Error).message);
  } finally {
    button.disabled = false;
  }
});
