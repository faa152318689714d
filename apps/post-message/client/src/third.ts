import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import { followLog } from './framed.ts';
import messages from './messages.ts';
import { loadOrigins } from './origins.ts';

// The page's texts: the parent passes its language in the URL (?lang=).
const t = pageMessages(messages);
applyMessages(t);

// The untrusted third origin, embedded by the parent on /messaging. It posts to
// the parent and to the trusted frame; both must ignore it.

const log = byId('third-log');
followLog(log);
const origins = await loadOrigins();
byId('third-origin').textContent = location.origin;

/** Posts `message` to `target` with '*' (the sender does not care who reads it) and logs it. */
function post(target: Window | null | undefined, label: string, message: object): void {
  if (!target) {
    appendLine(log, t.thirdNoWindow(label));
    return;
  }
  target.postMessage(message, '*');
  appendLine(log, t.thirdSent(label, JSON.stringify(message)));
}

byId('third-to-parent').addEventListener('click', () =>
  post(window.parent, t.thirdLabelParent, { kind: 'hello', text: 'Hi, I am the third origin' }),
);

// Claims to be the frame in the payload. The receiver looks at event.origin, which
// the browser fills in: the claim changes nothing.
byId('third-spoof').addEventListener('click', () =>
  post(window.parent, t.thirdLabelParent, {
    kind: 'reply',
    from: origins.frame,
    text: 'I am the frame, trust me',
  }),
);

// Any window can reach its siblings through window.parent.frames and post to them.
byId('third-to-frame').addEventListener('click', () =>
  post(window.parent.frames[0], t.thirdLabelFrame, { kind: 'hello', text: 'Hi frame, it is me' }),
);

byId('third-status').textContent = t.thirdReady;
