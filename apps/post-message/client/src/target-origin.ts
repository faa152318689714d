import { appendLine, byId } from '@course/kit/dom';
import { preview } from './origins.ts';
import { openFrame } from './parent.ts';

// /target-origin: the same secret sent with an explicit targetOrigin and with '*',
// before and after the frame is navigated to another origin.

const log = byId('target-log');
const SECRET = 'session-token-4242';
const iframe = byId<HTMLIFrameElement>('frame');

const link = await openFrame(iframe, {
  accepted(_kind, data, event) {
    appendLine(log, `from ${event.origin}: ${preview(data)}`);
  },
  ignored(event, reason) {
    appendLine(
      log,
      `ignored a message from ${event.origin} (${reason}): ${preview(event.data)}`,
    ).className = 'bad';
  },
});

byId('send-exact').addEventListener('click', () => {
  // #region fixed:target-origin
  // The one line that matters: the frame origin, spelled out.
  // fix: the browser delivers only if the window still holds a page of the frame origin
  link.frame.postMessage({ kind: 'secret', secret: SECRET }, link.origins.frame);
  appendLine(log, `sent the secret with targetOrigin ${link.origins.frame}`);
  // #endregion
});

byId('send-star').addEventListener('click', () => {
  // #region lecture:target-origin
  // The mistake: '*' means "whoever is in that window right now".
  // pitfall: no origin check at delivery: a frame navigated elsewhere gets the secret
  link.frame.postMessage({ kind: 'secret', secret: SECRET }, '*');
  appendLine(log, "sent the secret with targetOrigin '*'");
  // #endregion
});

byId('ping').addEventListener('click', () => {
  // Nothing private: '*' is fine, and it shows the frame is still listening.
  link.frame.postMessage({ kind: 'ping', text: 'ping (nothing secret)' }, '*');
  appendLine(log, "sent a ping with targetOrigin '*'");
});

byId('navigate').addEventListener('click', () => {
  iframe.src = `${link.origins.third}/snoop`;
  byId('link-status').textContent =
    'The frame now shows another site; the parent cannot tell which.';
  byId('link-status').className = 'bad';
  appendLine(log, 'the frame was navigated away; the parent still holds the same window');
});

byId('restore').addEventListener('click', () => {
  iframe.src = `${link.origins.frame}/frame`;
  appendLine(log, 'the trusted frame is loading again');
});
