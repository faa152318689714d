import './nav.ts';
import { appendLine, byId } from '@course/kit/dom';
import { readyStateName } from './countdown-events.ts';
import { type CountdownView, openCountdown, resetView, showCount } from './fixed-client.ts';

/** The ids of a section's state, id, data, counts and log elements share a prefix. */
function viewOf(prefix: string): CountdownView {
  return {
    state: byId(`${prefix}-state`),
    id: byId(`${prefix}-id`),
    data: byId(`${prefix}-data`),
    counts: byId(`${prefix}-counts`),
    log: byId(`${prefix}-log`),
  };
}

/**
 * The lecture's client, in TypeScript. With `eventPhaseCheck` it keeps the
 * lecture's `if (e.eventPhase == EventSource.CLOSED) source.close()`.
 */
function lectureClient(path: string, view: CountdownView, eventPhaseCheck: boolean): EventSource {
  resetView(view);
  // #region lecture:countdown-client
  const source = new EventSource(path);
  let fresh = false;

  // message: one number; the page writes it with textContent, never innerHTML.
  source.addEventListener('message', (e) => {
    showCount(view, e.data, fresh);
    fresh = false;
  });

  // open: headers arrived, on the first connection and on every reconnect.
  source.addEventListener('open', () => {
    view.state.textContent = 'Connected';
    appendLine(view.log, 'open');
    fresh = true;
  });
  // #endregion

  // #region lecture:error-handler
  // error: the lecture's handler.
  source.addEventListener('error', (e) => {
    appendLine(
      view.log,
      `error: e.eventPhase = ${e.eventPhase}, EventSource.CLOSED = ${EventSource.CLOSED}, ` +
        `readyState = ${readyStateName(source.readyState)}`,
    );
    // pitfall: eventPhase is the DOM phase, AT_TARGET (2) here, and EventSource.CLOSED is 2 too: every error closes
    if (eventPhaseCheck && e.eventPhase === EventSource.CLOSED) {
      source.close();
      appendLine(view.log, 'eventPhase == EventSource.CLOSED → close()');
    }
    // pitfall: the right test, read too late: after that close(), readyState is always CLOSED
    if (source.readyState === EventSource.CLOSED) view.state.textContent = 'Disconnected';
    else if (source.readyState === EventSource.CONNECTING) view.state.textContent = 'Connecting...';
  });
  // #endregion
  return source;
}

// --- As written ---------------------------------------------------------------
const asWritten = viewOf('lecture');
let lectureSource = lectureClient('/lecture-countdown', asWritten, true);
byId('lecture-run').addEventListener('click', () => {
  lectureSource.close();
  lectureSource = lectureClient('/lecture-countdown', asWritten, true);
});

// --- Pitfall 1: the restart loop ----------------------------------------------
const loopView: CountdownView = {
  state: byId('loop-state'),
  id: document.createElement('span'),
  data: byId('loop-data'),
  counts: byId('loop-counts'),
  log: document.createElement('ol'),
};
const loopRuns = byId('loop-runs');
let loopSource: EventSource | undefined;
byId('loop-start').addEventListener('click', () => {
  loopSource?.close();
  let runs = 0;
  loopRuns.textContent = '0';
  loopSource = lectureClient('/lecture-countdown', loopView, false);
  // Each open is a fresh connection, and the lecture's server starts it at 10.
  loopSource.addEventListener('open', () => {
    runs++;
    loopRuns.textContent = String(runs);
  });
});
byId('loop-stop').addEventListener('click', () => {
  if (!loopSource) return;
  loopSource.close();
  loopView.state.textContent = 'Disconnected';
});

// --- Pitfall 2: a dropped connection ------------------------------------------
const dropView = viewOf('drop');
let dropSource: EventSource | undefined;
byId('drop-lecture').addEventListener('click', () => {
  dropSource?.close();
  dropSource = lectureClient('/lecture-countdown?dropAfter=5', dropView, true);
});

const fixedView = viewOf('fixed');
let fixedSource: EventSource | undefined;
byId('drop-fixed').addEventListener('click', () => {
  fixedSource?.close();
  fixedSource = openCountdown('/countdown?dropAfter=5', fixedView);
});
