import '@course/kit/page.css';
import './framed.css';
import { appendLine, byId } from '@course/kit/dom';
import { kindOf, preview } from './origins.ts';

// "Another site": the page the trusted frame gets navigated to on /target-origin.
// It listens to everything, keeps any secret it is handed, and boasts to the parent.

const log = byId('snoop-log');
byId('snoop-origin').textContent = location.origin;

window.addEventListener('message', (event: MessageEvent) => {
  appendLine(log, `received from ${event.origin}: ${preview(event.data)}`);
  if (kindOf(event.data) === 'secret') {
    const secret = String((event.data as { secret: unknown }).secret);
    appendLine(log, `stole the secret: ${secret}`).className = 'bad';
    // Tell the parent. It will ignore this (wrong origin), but it shows on its page.
    window.parent.postMessage({ kind: 'stolen', secret }, '*');
  }
});
byId('snoop-status').textContent = 'Listening to every message, from anyone.';
