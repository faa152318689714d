// The exercise's page: it opens a socket from its own origin, and one as another site's page would.
import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import messages from '../../../client/src/messages.ts';
import { describeClose } from '../../../client/src/socket.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);

const log = byId('log');
/** The same server under its other name: localhost ↔ 127.0.0.1. */
const otherHost = `${location.hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${location.port}`;
byId('my-origin').textContent = location.origin;
byId('same').textContent = t.ex2Same(location.host);
byId('cross').textContent = t.ex2Cross(otherHost);

/** Opens a socket to `host` and logs whether the server let this page's Origin in. */
function connectTo(host: string): void {
  const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/`;
  const ws = new WebSocket(url);
  // message: the greeting proves the server accepted this Origin.
  ws.onmessage = (event: MessageEvent) => {
    appendLine(log, t.pitfallsAccepted(url, String(event.data)));
    ws.close(1000, 'done');
  };
  // close: a refused handshake (a 403) reaches the page only as close 1006; the Network tab shows the 403.
  ws.onclose = (event) => {
    if (event.code === 1006) appendLine(log, t.pitfallsRefused(url, describeClose(event)));
  };
}

// click: one handshake each.
byId('same').addEventListener('click', () => connectTo(location.host));
byId('cross').addEventListener('click', () => connectTo(otherHost));
