import { appendLine, byId } from '@course/kit/dom';
import { backoffDelay } from './backoff.ts';
import { t } from './nav.ts';
import { type Arrival, arrivalOf, describeArrival } from './navigation.ts';
import { stateName, wsUrl } from './socket.ts';

const attempts = byId('attempts');
const messages = byId('messages');
const lifecycle = byId('lifecycle');

let ws: WebSocket | undefined;
let attempt = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
/** False after "Close" or pagehide: a close we asked for is not a reason to retry. */
let wanted = true;

setInterval(() => {
  byId('status').textContent = ws ? stateName(ws.readyState) : t.reconnectNoSocket;
}, 100);

function connect(): void {
  clearTimeout(retryTimer);
  const socket = new WebSocket(wsUrl('/'));
  ws = socket;
  // open: we are back; the next failure starts the backoff from the beginning.
  socket.addEventListener('open', () => {
    appendLine(attempts, attempt > 0 ? t.reconnectConnectedAfter(attempt) : t.reconnectConnected);
    attempt = 0;
  });
  // message: the greeting arrives on every new connection.
  socket.addEventListener('message', (event: MessageEvent) => {
    appendLine(messages, `Received: '${event.data}'`);
  });
  // #region fixed:close-handling
  // close: if we did not ask for it, schedule the next attempt.
  socket.addEventListener('close', (event) => {
    // fix: a close the page asked for (Close, pagehide) is not a reason to retry
    if (socket !== ws || !wanted) return;
    attempt += 1;
    // fix: each retry waits longer, with a random part, so pages that lost the server come back spread out
    const { delay, ceiling } = backoffDelay(attempt);
    appendLine(attempts, t.reconnectRetry(event.code, attempt, delay, ceiling));
    // fix: then a new socket: connect() again, and its open resets the count
    retryTimer = setTimeout(connect, delay);
  });
  // #endregion
}

/** Closes on purpose: no retry until `open()` is asked for again. */
function stop(why: string): void {
  wanted = false;
  clearTimeout(retryTimer);
  ws?.close(1000, why);
}

function start(): void {
  wanted = true;
  attempt = 0;
  connect();
}

byId('close-now').addEventListener('click', () => {
  stop('closed by the user');
  appendLine(attempts, t.reconnectClosedOnPurpose);
});
byId('connect-now').addEventListener('click', start);

/** What this page does about its socket after each kind of showing. */
const afterwards: Record<Arrival['kind'], string> = {
  loaded: t.reconnectAfterLoaded,
  restored: t.reconnectAfterRestored,
  reloaded: t.reconnectAfterReloaded,
};

// #region fixed:page-lifecycle
// pagehide: leaving (or going into the bfcache). An open socket would keep the page out of it.
// fix: close the socket on the way out, on purpose, so no retry is scheduled and nothing stays open
addEventListener('pagehide', (event) => {
  appendLine(lifecycle, t.reconnectPagehide(event.persisted));
  stop('page hidden');
});

// pageshow: also fires on a normal load; `persisted` is true only when restored from the bfcache.
addEventListener('pageshow', (event) => {
  const arrival = arrivalOf(event);
  byId('navigation').textContent = `${describeArrival(arrival, t)} ${afterwards[arrival.kind]}`;
  if (arrival.kind === 'loaded') {
    appendLine(lifecycle, t.reconnectPageshowFirst);
  } else if (arrival.kind === 'reloaded') {
    appendLine(lifecycle, t.reconnectPageshowReloaded);
  } else {
    appendLine(lifecycle, t.reconnectPageshowRestored);
    // fix: restored from the cache with its socket closed, so open a new one
    start();
  }
});
// #endregion

start();
