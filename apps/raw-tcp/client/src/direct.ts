import './nav.ts';
import './direct.css';
import { appendLine, byId } from '@course/kit/dom';
import { getConfig, getJson } from './api.ts';

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
  badge.title = 'CR LF: carriage return, line feed (bytes 13 10)';
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
      errorOut.textContent = `unexpected: status ${res.status}`;
    } catch (err) {
      // fix: all the page learns is a TypeError; the browser keeps the reason to itself
      const { name, message } = err as Error;
      errorOut.textContent = `${name}: ${message}`;
    }
    // fix: the bridge tells what the TCP server received and answered
    const probe = await getJson<Probe>(`/api/probe/${id}`);
    // #endregion
    requestBytes.replaceChildren(
      `${probe.requestBytes} bytes, shown with `,
      crlfBadge(),
      ' where the two bytes CR LF ended each line:',
    );
    showLines(requestOut, probe.request);
    replyOut.textContent = `${probe.reply}\n(${probe.replyBytes} bytes, then the server closed the connection)`;
    const firstLine = probe.request.split('\r\n')[0] ?? '';
    for (const reason of [
      `The browser spoke HTTP: it connected and sent "${firstLine}" and its headers, because HTTP is the only thing fetch() can send.`,
      'The TCP server does not speak HTTP. It wrote its two lines and closed, whatever the request said.',
      'An HTTP response must start with a status line such as "HTTP/1.1 200 OK". This one starts with "SERVER:", so the browser rejected it (Chromium logs net::ERR_INVALID_HTTP_RESPONSE in the console).',
      'The page only gets a TypeError with no detail: a script is not told why a network request failed, so it cannot probe other ports and protocols to learn what runs there.',
      'Even a valid HTTP answer would stay unreadable: the page is on another origin (another port), and this server sends no Access-Control-Allow-Origin header.',
      'There is no web API for a raw TCP socket. A page gets HTTP, WebSocket, WebRTC and WebTransport, each with a handshake the server must answer. To reach a TCP service, a server has to bridge it, as /exchange does, or speak WebSocket, the next chapter.',
    ])
      appendLine(why, reason);
  } catch (err) {
    errorOut.textContent ||= `the demo failed: ${(err as Error).message}`;
  } finally {
    button.disabled = false;
  }
});
