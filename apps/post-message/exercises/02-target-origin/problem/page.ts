// Exercise: a secret for the frame only. See README.md beside this folder.
import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageLang, pageMessages } from '@course/kit/i18n-page';
import messages from '../../../client/src/messages.ts';
import { preview } from '../../../client/src/origins.ts';
import { openFrame } from '../../../client/src/parent.ts';
import { withLang } from '../../../client/src/with-lang.ts';

// The page's texts in the learner's language (the chapter's dictionary), before anything else.
const t = pageMessages(messages);
applyMessages(t);

/** What the parent hands the frame: private, for the frame origin alone. */
const SECRET = 'session-token-4242';

const log = byId('target-log');
const iframe = byId<HTMLIFrameElement>('frame');

// The chapter's parent side: a message listener that checks event.origin (exercise 1), then
// the iframe pointed at the frame origin. link.frame is the iframe's window.
const link = await openFrame(iframe, {
  accepted(_kind, data, event) {
    appendLine(log, t.targetFrom(event.origin, preview(data)));
  },
  ignored(event, reason) {
    appendLine(
      log,
      t.ignoredFrom(event.origin, t.ignoredReason(reason), preview(event.data)),
    ).className = 'bad';
  },
});

// Hand the secret to the frame.
byId('send-secret').addEventListener('click', () => {
  // TODO: '*' lets whatever page the iframe holds right now read the secret. Name the one
  // origin that may receive it.
  link.frame.postMessage({ kind: 'secret', secret: SECRET }, '*');
  appendLine(log, t.targetSentStar);
});

// What a redirect, an ad script or a link could do: the same iframe now shows another site.
byId('navigate').addEventListener('click', () => {
  iframe.src = `${link.origins.third}${withLang('/snoop', pageLang())}`;
  appendLine(log, t.ex2NavigatedLog);
});

// The trusted frame comes back into the same iframe.
byId('restore').addEventListener('click', () => {
  iframe.src = `${link.origins.frame}${withLang('/frame', pageLang())}`;
  appendLine(log, t.targetRestoreLog);
});
