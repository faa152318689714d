import { appendLine, byId } from '@course/kit/dom';
import { preview } from './origins.ts';
import { openFrame } from './parent.ts';

// The parent of /messaging: talks to the frame, ignores the third origin.

const exchangeLog = byId('exchange-log');
const ignoredLog = byId('ignored-log');
byId('parent-origin').textContent = location.origin;

const link = await openFrame(byId<HTMLIFrameElement>('frame'), {
  accepted(kind, data, event) {
    if (kind === 'reply')
      appendLine(exchangeLog, `reply from ${event.origin}: ${String(data.text)}`).className = 'ok';
    else appendLine(exchangeLog, `from ${event.origin}, unexpected: ${preview(data)}`);
  },
  ignored(event, reason) {
    const claims = (event.data as { from?: unknown } | null)?.from;
    const spoof =
      typeof claims === 'string' ? `; it claims to be ${claims}, event.origin says otherwise` : '';
    appendLine(
      ignoredLog,
      `ignored a message from ${event.origin} (${reason})${spoof}: ${preview(event.data)}`,
    ).className = 'bad';
  },
});
byId('allow-list').textContent = `[${link.origins.frame}]`;
// The third origin's iframe comes second: it is window.frames[1], the frame is frames[0].
byId<HTMLIFrameElement>('third').src = `${link.origins.third}/third`;

byId('hello-send').addEventListener('click', () => {
  const text = byId<HTMLInputElement>('hello-text').value;
  link.send({ kind: 'hello', text });
  appendLine(exchangeLog, `sent to ${link.origins.frame}: hello "${text}"`);
});
