import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import { followLog } from './framed.ts';
import messages from './messages.ts';
import { kindOf, preview } from './origins.ts';

// The page's texts: the parent passes its language in the URL (?lang=).
const t = pageMessages(messages);
applyMessages(t);

// "Another site": the page the trusted frame gets navigated to on /target-origin.
// It listens to everything, keeps any secret it is handed, and boasts to the parent.

const log = byId('snoop-log');
followLog(log);
byId('snoop-origin').textContent = location.origin;

// #region lecture:origin-check
window.addEventListener('message', (event: MessageEvent) => {
  // pitfall: no event.origin check: a message from any window is read and acted on
  appendLine(log, t.snoopReceived(event.origin, preview(event.data)));
  // pitfall: the payload decides what happens, whoever sent it
  if (kindOf(event.data) === 'secret') {
    const secret = String((event.data as { secret: unknown }).secret);
    appendLine(log, t.snoopStole(secret)).className = 'bad';
    // Tell the parent. It will ignore this (wrong origin), but it shows on its page.
    window.parent.postMessage({ kind: 'stolen', secret }, '*');
  }
});
// #endregion
byId('snoop-status').textContent = t.snoopStatus;
