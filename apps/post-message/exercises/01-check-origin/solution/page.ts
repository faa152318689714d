// Exercise: check who is talking. One solution.
import '@course/kit/page.css';
import '../../../client/src/chapter.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageLang, pageMessages } from '@course/kit/i18n-page';
import messages from '../../../client/src/messages.ts';
import { kindOf, loadOrigins, preview } from '../../../client/src/origins.ts';
import { withLang } from '../../../client/src/with-lang.ts';

// The page's texts in the learner's language (the chapter's dictionary), before anything else.
const t = pageMessages(messages);
applyMessages(t);

/** The tallest the frame may make its iframe, in px. */
const MAX_FRAME_HEIGHT = 600;

const exchangeLog = byId('exchange-log');
const ignoredLog = byId('ignored-log');
const status = byId('link-status');
const sendButton = byId<HTMLButtonElement>('hello-send');
const frame = byId<HTMLIFrameElement>('frame');

// Where the three origins are: this page's own server says, never the URL.
const origins = await loadOrigins();
byId('parent-origin').textContent = location.origin;

/** Lists a message this page does not act on, with the origin the browser says it came from. */
function ignore(event: MessageEvent, reason: string): void {
  appendLine(
    ignoredLog,
    t.ignoredFrom(event.origin, t.ignoredReason(reason), preview(event.data)),
  ).className = 'bad';
}

// Every message posted to this window, by any window that can reach it, arrives here.
window.addEventListener('message', (event: MessageEvent) => {
  // Who sent it? The browser sets event.origin, and no sender can fake it: only the
  // frame origin may talk to this page, so anything else is listed and dropped.
  if (event.origin !== origins.frame) return ignore(event, 'not the frame origin');
  const kind = kindOf(event.data);
  const data = event.data as Record<string, unknown>;
  if (kind === 'ready') {
    status.textContent = t.frameReady(event.origin);
    sendButton.disabled = false;
  } else if (kind === 'reply') {
    appendLine(exchangeLog, t.msgReplyFrom(event.origin, String(data.text))).className = 'ok';
  } else if (kind === 'height' && typeof data.px === 'number') {
    // The frame's content height: the iframe follows it, up to a cap.
    frame.style.height = `${Math.min(Math.max(data.px, 0), MAX_FRAME_HEIGHT)}px`;
  } else {
    ignore(event, 'not a message this page knows');
  }
});

// The listener is in place first, so the frame's "ready" cannot come too early.
frame.src = `${origins.frame}${withLang('/frame', pageLang())}`;
// The trusted frame is window.frames[0]; the stranger comes second.
byId<HTMLIFrameElement>('third').src = `${origins.third}${withLang('/third', pageLang())}`;

// A hello to the frame, posted with the frame's exact origin as targetOrigin.
sendButton.addEventListener('click', () => {
  const text = byId<HTMLInputElement>('hello-text').value;
  frame.contentWindow?.postMessage({ kind: 'hello', text }, origins.frame);
  appendLine(exchangeLog, t.msgSentTo(origins.frame, text));
});
