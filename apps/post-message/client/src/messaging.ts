import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageLang, pageMessages } from '@course/kit/i18n-page';
import messages from './messages.ts';
import { preview } from './origins.ts';
import { openFrame } from './parent.ts';
import { withLang } from './with-lang.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);

// The parent of /messaging: talks to the frame, ignores the third origin.

const exchangeLog = byId('exchange-log');
const ignoredLog = byId('ignored-log');
byId('parent-origin').textContent = location.origin;

const link = await openFrame(byId<HTMLIFrameElement>('frame'), {
  accepted(kind, data, event) {
    if (kind === 'reply')
      appendLine(exchangeLog, t.msgReplyFrom(event.origin, String(data.text))).className = 'ok';
    else appendLine(exchangeLog, t.msgUnexpected(event.origin, preview(data)));
  },
  ignored(event, reason) {
    const claims = (event.data as { from?: unknown } | null)?.from;
    const why = t.ignoredReason(reason);
    appendLine(
      ignoredLog,
      typeof claims === 'string'
        ? t.ignoredSpoof(event.origin, why, claims, preview(event.data))
        : t.ignoredFrom(event.origin, why, preview(event.data)),
    ).className = 'bad';
  },
});
byId('allow-list').textContent = `[${link.origins.frame}]`;
// The third origin's iframe comes second: it is window.frames[1], the frame is frames[0].
byId<HTMLIFrameElement>('third').src = `${link.origins.third}${withLang('/third', pageLang())}`;

byId('hello-send').addEventListener('click', () => {
  const text = byId<HTMLInputElement>('hello-text').value;
  link.send({ kind: 'hello', text });
  appendLine(exchangeLog, t.msgSentTo(link.origins.frame, text));
});
