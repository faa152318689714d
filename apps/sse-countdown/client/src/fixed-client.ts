import { appendLine } from '@course/kit/dom';
import { parseCount, readyStateName } from './countdown-events.ts';
import { t } from './texts.ts';

/** Where a countdown client writes what it sees. Every text goes in with textContent. */
export interface CountdownView {
  state: HTMLElement;
  id: HTMLElement;
  data: HTMLElement;
  /** Every number received, space-separated; ` | ` marks a new connection. */
  counts: HTMLElement;
  log: Element;
  lastEventId?: HTMLElement;
}

/** Clears a view before a new run. */
export function resetView(view: CountdownView): void {
  for (const element of [view.id, view.data, view.counts]) element.textContent = '';
  view.log.replaceChildren();
  if (view.lastEventId) view.lastEventId.textContent = t.noneYet;
}

/** Appends a received number to the view's counts. */
export function showCount(view: CountdownView, data: string, newConnection: boolean): void {
  const count = parseCount(data);
  if (typeof count === 'string') return void appendLine(view.log, count);
  view.id.textContent = count.id;
  view.data.textContent = String(count.cnt);
  const sep = view.counts.textContent === '' ? '' : newConnection ? ' | ' : ' ';
  view.counts.textContent += `${sep}${count.cnt}`;
}

/**
 * The fixed client: it closes on the server's `end` event and decides what an
 * `error` means from `readyState`. Resuming is the browser's job: it sends the
 * last `id:` it saw as `Last-Event-ID` when it reconnects.
 */
export function openCountdown(path: string, view: CountdownView): EventSource {
  resetView(view);
  view.state.textContent = 'Connecting...';
  appendLine(view.log, `new EventSource('${path}')`);
  // #region fixed:countdown-client
  const source = new EventSource(path);
  let fresh = false;

  // message: one number; the page writes it with textContent, never innerHTML.
  source.addEventListener('message', (e) => {
    showCount(view, e.data, fresh);
    fresh = false;
    // fix: lastEventId is this event's id:, the one the browser sends back when it reconnects
    if (view.lastEventId) view.lastEventId.textContent = e.lastEventId;
  });

  // open: headers arrived, on the first connection and on every reconnect.
  source.addEventListener('open', () => {
    view.state.textContent = 'Connected';
    appendLine(view.log, 'open');
    fresh = true;
  });

  // end: the server says the countdown is over.
  // fix: close() on the server's end event, or the browser reconnects once the response ends
  source.addEventListener('end', () => {
    source.close();
    view.state.textContent = 'Disconnected';
    appendLine(view.log, t.logEndClose);
  });
  // #endregion

  // #region fixed:error-handler
  // error: decide by readyState, not by eventPhase (which is always 2 here).
  source.addEventListener('error', () => {
    // fix: CONNECTING means the browser is already reconnecting: leave it to it
    if (source.readyState === EventSource.CONNECTING) {
      view.state.textContent = 'Connecting...';
      appendLine(view.log, t.logErrorConnecting);
    } else {
      // fix: CLOSED means it gave up (a 204, a 429): only then is the page disconnected
      view.state.textContent = 'Disconnected';
      appendLine(view.log, t.logErrorGaveUp(readyStateName(source.readyState)));
    }
  });
  // #endregion
  return source;
}
