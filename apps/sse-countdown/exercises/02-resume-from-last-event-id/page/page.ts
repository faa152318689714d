// Exercise: resume from Last-Event-ID. The work is in server.ts, not here.
import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages } from '@course/kit/i18n-page';
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
  lastEventId: byId('last-event-id'),
};

// The chapter's fixed client: it leaves reconnecting to the browser, which sends Last-Event-ID.
let source = openCountdown('/countdown', view);

// Restart: a new EventSource, which starts with no Last-Event-ID.
byId('restart').addEventListener('click', () => {
  source.close();
  source = openCountdown('/countdown', view);
});

// Close: stop for good, whatever the server does.
byId('close').addEventListener('click', () => {
  if (source.readyState === EventSource.CLOSED) return;
  source.close();
  view.state.textContent = 'Disconnected';
  appendLine(view.log, 'close()');
});
