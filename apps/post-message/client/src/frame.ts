import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import { describeReceived } from './clone-cases.ts';
import { followLog } from './framed.ts';
import messages from './messages.ts';
import { kindOf, loadOrigins, preview } from './origins.ts';

// The page's texts: the parent passes its language in the URL (?lang=); opened on its own,
// this origin picks it like any page (its stored choice, then the browser's languages).
const t = pageMessages(messages);
applyMessages(t);

// The trusted iframe (the frame origin). It accepts messages from the parent
// origin only, answers each kind of request, and logs what it ignores.

const log = byId('frame-log');
followLog(log);
const status = byId('frame-status');
const portSend = byId<HTMLButtonElement>('port-send');

const origins = await loadOrigins();
byId('frame-origin').textContent = location.origin;

/** The allow-list: exact origins, compared as whole strings. */
const ALLOWED = new Set([origins.parent]);

/** The ports the parent gave us, one per label (a new one replaces and closes the old). */
const ports = new Map<string, MessagePort>();
/** The latest port, which the frame's own button talks on; and the buffer transferred to us. */
let port: MessagePort | undefined;
let kept: ArrayBuffer | undefined;
let portNotes = 0;

/** Every message that reaches this window comes through here first. */
// #region fixed:origin-check
window.addEventListener('message', (event: MessageEvent) => {
  // 1. Who sent it? event.origin is set by the browser and cannot be forged.
  // fix: the first line compares event.origin with an allow-list of exact origins
  if (!ALLOWED.has(event.origin)) {
    appendLine(log, t.frameIgnored(event.origin, preview(event.data))).className = 'bad';
    return;
  }
  // 2. What is it? Even a trusted origin's message is checked before use.
  // fix: then the payload's shape: a message from a trusted origin is still input
  const kind = kindOf(event.data);
  const source = event.source as Window | null;
  if (!kind || !source) {
    appendLine(log, t.frameMalformed(event.origin)).className = 'bad';
    return;
  }
  // #endregion
  // #region fixed:frame-reply
  // 3. Answer the window that sent it, on the origin that sent it: never '*'.
  const reply = (message: unknown, transfer: Transferable[] = []) =>
    // fix: event.source is the sender's window, event.origin the only origin that may read the answer
    source.postMessage(message, { targetOrigin: event.origin, transfer });
  // #endregion
  const data = event.data as Record<string, unknown>;

  switch (kind) {
    case 'hello': {
      const text = String(data.text);
      appendLine(log, t.frameAccepted(event.origin, text)).className = 'ok';
      reply({ kind: 'reply', text: `Hello back! You said "${text}"` });
      break;
    }
    case 'secret':
      appendLine(log, t.frameSecret(String(data.secret))).className = 'ok';
      break;
    case 'ping':
      appendLine(log, t.framePing(String(data.text)));
      break;
    case 'port':
      acceptPort(event.ports[0], String(data.label ?? 'channel'), reply);
      break;
    case 'clone-probe': {
      const rows = describeReceived(data.value as Record<string, unknown>, t);
      appendLine(log, t.frameCloneProbe(rows.length));
      reply({ kind: 'clone-report', rows });
      break;
    }
    case 'copy':
    case 'transfer': {
      const buffer = data.buffer;
      if (!(buffer instanceof ArrayBuffer)) {
        reply({ kind: 'send-back-failed', reason: t.frameNoBuffer(kind) });
        break;
      }
      const first = [...new Uint8Array(buffer, 0, Math.min(4, buffer.byteLength))];
      appendLine(log, t.frameBufferReceived(kind, buffer.byteLength));
      if (kind === 'transfer') kept = buffer;
      reply({ kind: `${kind}-received`, byteLength: buffer.byteLength, first });
      break;
    }
    // #region fixed:send-back
    case 'send-back': {
      if (!kept || kept.byteLength === 0) {
        reply({ kind: 'send-back-failed', reason: t.frameNothingToSendBack });
        break;
      }
      const buffer = kept;
      // fix: in the transfer list, the buffer moves back instead of being copied
      reply({ kind: 'returned', buffer }, [buffer]);
      // fix: moved, so here it is detached: byteLength 0 from now on
      appendLine(log, t.frameSentBack(buffer.byteLength));
      reply({ kind: 'frame-buffer', byteLength: buffer.byteLength });
      break;
    }
    // #endregion
    default:
      appendLine(log, t.frameUnknownKind(kind, event.origin)).className = 'bad';
  }
});

/** Takes the port the parent transferred, answers on it, and tells the parent over the window. */
function acceptPort(
  received: MessagePort | undefined,
  label: string,
  reply: (message: unknown) => void,
): void {
  // #region fixed:port-accept
  if (!received) {
    appendLine(log, t.framePortMissing).className = 'bad';
    return;
  }
  ports.get(label)?.close();
  ports.set(label, received);
  port = received;
  // Setting onmessage starts the port; addEventListener alone would need port.start().
  // fix: port messages need no origin check: only the holder of port1 can post on this line
  received.onmessage = (event: MessageEvent) => {
    appendLine(log, t.framePortMessage(event.origin, preview(event.data)));
    const data = event.data as { kind?: string; n?: number; text?: unknown };
    if (data.kind === 'ping')
      received.postMessage({ kind: 'pong', n: data.n, text: String(data.text).toUpperCase() });
  };
  received.postMessage({ kind: 'port-ready', label });
  appendLine(log, t.frameGotPort(label));
  reply({ kind: 'port-received', label });
  // fix: the frame's own button shows only once it holds a port to send on
  portSend.hidden = false;
  // #endregion
}

// The frame can start a conversation too: over the port, nobody else can listen in.
portSend.addEventListener('click', () => {
  port?.postMessage({ kind: 'note', text: `Note ${++portNotes} from inside the frame` });
});

// Tell the parent we are listening. targetOrigin is the parent's origin: if this
// page is embedded anywhere else, the browser drops the message.
window.parent.postMessage({ kind: 'ready' }, origins.parent);

// #region fixed:frame-height
// The parent cannot measure this document (another origin), so the frame tells it its
// height each time it changes: each new log line. Not when this page is the whole tab.
if (window.parent !== window) {
  // fix: a ResizeObserver on <html> fires whenever the content's height changes
  new ResizeObserver(() => {
    // fix: the content's own height, not the iframe's: the parent sizes the iframe to fit it
    const px = Math.ceil(document.documentElement.getBoundingClientRect().height);
    // fix: sent to the parent origin only, like every message the frame sends
    window.parent.postMessage({ kind: 'height', px }, origins.parent);
  }).observe(document.documentElement);
}
// #endregion
// Opened on the wrong origin, the page still works but the parent will not trust it.
const allowList = [...ALLOWED].join(', ');
status.textContent =
  origins.role === 'frame'
    ? t.frameStatus(allowList)
    : t.frameStatusMisplaced(origins.frame, allowList);
