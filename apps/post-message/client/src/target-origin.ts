import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageLang, pageMessages } from '@course/kit/i18n-page';
import messages from './messages.ts';
import { preview } from './origins.ts';
import { openFrame } from './parent.ts';
import { withLang } from './with-lang.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);

// /target-origin: the same secret sent with an explicit targetOrigin and with '*',
// before and after the frame is navigated to another origin.

const log = byId('target-log');
const SECRET = 'session-token-4242';
const iframe = byId<HTMLIFrameElement>('frame');

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

byId('send-exact').addEventListener('click', () => {
  // #region fixed:target-origin
  // The one line that matters: the frame origin, spelled out.
  // fix: the browser delivers only if the window still holds a page of the frame origin
  link.frame.postMessage({ kind: 'secret', secret: SECRET }, link.origins.frame);
  appendLine(log, t.targetSentExact(link.origins.frame));
  // #endregion
});

byId('send-star').addEventListener('click', () => {
  // #region lecture:target-origin
  // The mistake: '*' means "whoever is in that window right now".
  // pitfall: no origin check at delivery: a frame navigated elsewhere gets the secret
  link.frame.postMessage({ kind: 'secret', secret: SECRET }, '*');
  appendLine(log, t.targetSentStar);
  // #endregion
});

byId('ping').addEventListener('click', () => {
  // Nothing private: '*' is fine, and it shows the frame is still listening.
  link.frame.postMessage({ kind: 'ping', text: 'ping (nothing secret)' }, '*');
  appendLine(log, t.targetSentPing);
});

byId('navigate').addEventListener('click', () => {
  iframe.src = `${link.origins.third}${withLang('/snoop', pageLang())}`;
  byId('link-status').textContent = t.targetNavigatedStatus;
  byId('link-status').className = 'bad';
  appendLine(log, t.targetNavigatedLog);
});

byId('restore').addEventListener('click', () => {
  iframe.src = `${link.origins.frame}${withLang('/frame', pageLang())}`;
  appendLine(log, t.targetRestoreLog);
});
