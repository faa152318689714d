import './nav.ts';
import { appendLine, byId } from '@course/kit/dom';
import { backoffDelay } from './backoff.ts';
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
  // close: if we did not ask for it, schedule the next attempt.
  socket.addEventListener('close', (event) => {
    if (socket !== ws || !wanted) return;
    attempt += 1;
    const { delay, ceiling } = backoffDelay(attempt);
    appendLine(
      attempts,
      `closed (code ${event.code}); attempt ${attempt} in ${delay} ms (ceiling ${ceiling} ms)`,
    );
    retryTimer = setTimeout(connect, delay);
  });
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

// pagehide: leaving (or going into the bfcache). An open socket would keep the page out of it.
addEventListener('pagehide', (event) => {
  appendLine(lifecycle, `pagehide (persisted: ${event.persisted}): closing the socket`);
  stop('page hidden');
});
// pageshow: also fires on a normal load; `persisted` is true only when restored from the bfcache.
addEventListener('pageshow', (event) => {
  if (!event.persisted) {
    appendLine(lifecycle, 'pageshow (persisted: false): first load');
    return;
  }
  appendLine(lifecycle, 'pageshow (persisted: true): back from the bfcache, reconnecting');
  start();
});

start();
