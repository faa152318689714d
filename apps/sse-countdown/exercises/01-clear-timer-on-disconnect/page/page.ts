// Exercise: clear the timer when the client goes. The work is in server.ts, not here.
import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages } from '@course/kit/i18n-page';
import { parseCount } from '../../../client/src/countdown-events.ts';
import { type CountdownView, openCountdown } from '../../../client/src/fixed-client.ts';
import { t } from '../../../client/src/texts.ts';

// The page's texts in the learner's language (the chapter's dictionary), before anything else.
applyMessages(t);

const view: CountdownView = {
  state: byId('state'),
  id: byId('id'),
  data: byId('data'),
  counts: byId('counts'),
  log: byId('log'),
};

let source: EventSource | undefined;

/** Closes the stream, if open: the browser ends its request, and the server sees the close. */
function close(why: string): void {
  if (!source || source.readyState === EventSource.CLOSED) return;
  source.close();
  view.state.textContent = 'Disconnected';
  appendLine(view.log, why);
}

/** Opens a new countdown; the page closes it itself at 0, as this server sends no end event. */
function start(): void {
  source?.close();
  source = openCountdown('/countdown', view);
  // message: 0 is the last number; the page stops there rather than let the browser reconnect.
  source.addEventListener('message', (event) => {
    const count = parseCount(event.data);
    if (typeof count !== 'string' && count.cnt === 0) close(t.ex1ZeroClose);
  });
}

// Start: a new countdown. Close: the client goes away mid-countdown.
byId('start').addEventListener('click', start);
byId('close').addEventListener('click', () => close('close()'));

start();
