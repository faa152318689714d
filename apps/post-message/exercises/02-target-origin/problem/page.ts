// Exercise: a secret for the frame only. See README.md beside this folder.
import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { preview } from '../../../client/src/origins.ts';
import { openFrame } from '../../../client/src/parent.ts';

/** What the parent hands the frame: private, for the frame origin alone. */
const SECRET = 'session-token-4242';

const log = byId('target-log');
const iframe = byId<HTMLIFrameElement>('frame');

// The chapter's parent side: a message listener that checks event.origin (exercise 1), then
// the iframe pointed at the frame origin. link.frame is the iframe's window.
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

// Hand the secret to the frame.
byId('send-secret').addEventListener('click', () => {
  // TODO: '*' lets whatever page the iframe holds right now read the secret. Name the one
  // origin that may receive it.
  link.frame.postMessage({ kind: 'secret', secret: SECRET }, '*');
  appendLine(log, "sent the secret with targetOrigin '*'");
});

// What a redirect, an ad script or a link could do: the same iframe now shows another site.
byId('navigate').addEventListener('click', () => {
  iframe.src = `${link.origins.third}/snoop`;
  appendLine(log, 'the frame was navigated to another site; link.frame is the same window');
});

// The trusted frame comes back into the same iframe.
byId('restore').addEventListener('click', () => {
  iframe.src = `${link.origins.frame}/frame`;
  appendLine(log, 'the trusted frame is loading again');
});
