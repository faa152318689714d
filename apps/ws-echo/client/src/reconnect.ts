import './nav.ts';
import { appendLine, byId } from '@course/kit/dom';
import { backoffDelay } from './backoff.ts';
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
  byId('status').textContent = ws ? stateName(ws.readyState) : 'no socket';
}, 100);

function connect(): void {
  clearTimeout(retryTimer);
  const socket = new WebSocket(wsUrl('/'));
  ws = socket;
  // open: we are back; the next failure starts the backoff from the beginning.
  socket.addEventListener('open', () => {
    appendLine(attempts, attempt > 0 ? `connected after ${attempt} attempt(s)` : 'connected');
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
    appendLine(
      attempts,
      `closed (code ${event.code}); attempt ${attempt} in ${delay} ms (ceiling ${ceiling} ms)`,
    );
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
  appendLine(attempts, 'closed on purpose: not retrying');
});
byId('connect-now').addEventListener('click', start);

/** What this page does about its socket after each kind of showing. */
const afterwards: Record<Arrival['kind'], string> = {
  loaded:
    'Follow a link (Chapter home, say), then press Back to see what your browser does with this page.',
  restored:
    'This page closed its socket on pagehide, so nothing was left open while it was frozen, and it has just opened a new one: see the second "connected" above.',
  reloaded: 'Nothing to reopen: a fresh page connects on load, as it did the first time.',
};

// #region fixed:page-lifecycle
// pagehide: leaving (or going into the bfcache). An open socket would keep the page out of it.
// fix: close the socket on the way out, on purpose, so no retry is scheduled and nothing stays open
addEventListener('pagehide', (event) => {
  appendLine(lifecycle, `pagehide (persisted: ${event.persisted}): closing the socket`);
  stop('page hidden');
});

// pageshow: also fires on a normal load; `persisted` is true only when restored from the bfcache.
addEventListener('pageshow', (event) => {
  const arrival = arrivalOf(event);
  byId('navigation').textContent = `${describeArrival(arrival)} ${afterwards[arrival.kind]}`;
  if (arrival.kind === 'loaded') {
    appendLine(lifecycle, 'pageshow (persisted: false): first load');
  } else if (arrival.kind === 'reloaded') {
    appendLine(
      lifecycle,
      'pageshow (persisted: false): loaded again by Back, not from the bfcache',
    );
  } else {
    appendLine(lifecycle, 'pageshow (persisted: true): back from the bfcache, reconnecting');
    // fix: restored from the cache with its socket closed, so open a new one
    start();
  }
});
// #endregion

start();
