import { appendLine } from '@course/kit/dom';
import { parseCount, readyStateName } from './countdown-events.ts';

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
  if (view.lastEventId) view.lastEventId.textContent = '(none yet)';
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
  const source = new EventSource(path);
  view.state.textContent = 'Connecting...';
  appendLine(view.log, `new EventSource('${path}')`);
  let fresh = false;

  // open: the response headers arrived; fires again after every reconnect.
  source.addEventListener('open', () => {
    view.state.textContent = 'Connected';
    appendLine(view.log, 'open');
    fresh = true;
  });

  // message: one number; lastEventId is the event's id: line.
  source.addEventListener('message', (event) => {
    showCount(view, event.data, fresh);
    fresh = false;
    if (view.lastEventId) view.lastEventId.textContent = event.lastEventId;
  });

  // end: the server says the countdown is over; close() stops the reconnects.
  source.addEventListener('end', () => {
    source.close();
    view.state.textContent = 'Disconnected';
    appendLine(view.log, 'end event → close()');
  });

  // error: decide by readyState, not by eventPhase (which is always 2 here).
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CONNECTING) {
      view.state.textContent = 'Connecting...';
      appendLine(view.log, 'error, readyState CONNECTING: the browser will reconnect');
    } else {
      view.state.textContent = 'Disconnected';
      appendLine(
        view.log,
        `error, readyState ${readyStateName(source.readyState)}: the browser gave up`,
      );
    }
  });
  return source;
}
