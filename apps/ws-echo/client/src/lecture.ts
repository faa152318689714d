import { appendLine, byId } from '@course/kit/dom';
import { t } from './nav.ts';
import { type Arrival, arrivalOf, describeArrival } from './navigation.ts';
import { wsUrl } from './socket.ts';

const log = byId('log');
/** The lecture logs to the console; the page shows the same lines. */
function say(line: string): void {
  console.log(line);
  appendLine(log, line);
}

const url = wsUrl('/');
byId('url').textContent = url;
const ws = new WebSocket(url);

// open: the handshake is done, so the page can talk.
ws.onopen = () => {
  say('WebSocket Client Connected');
  ws.send('Hi this is web client.');
};

// message: the greeting first, then the echo of our line.
ws.onmessage = (event: MessageEvent) => {
  say(`Received: '${event.data}'`);
};

// #region lecture:close-handling
// close: not in the lecture, but a learner wants to know when the server is gone.
ws.onclose = (event) => {
  // pitfall: it only says so: nothing opens a new socket, and the page stays dead until reloaded
  say(t.lectureClosed(event.code));
};
// #endregion

// Not in the lecture: browsers differ after Back, so the page says what yours did to its socket.
const afterwards: Record<Arrival['kind'], string> = {
  loaded: t.lectureAfterLoaded,
  restored: t.lectureAfterRestored,
  reloaded: t.lectureAfterReloaded,
};

// #region lecture:page-lifecycle
// pitfall: no pagehide listener: the socket is left open as the page goes, for the browser to kill
// pageshow: fires on every showing, loaded or restored; say which, and what became of the socket.
addEventListener('pageshow', (event) => {
  const arrival = arrivalOf(event);
  byId('navigation').textContent = `${describeArrival(arrival, t)} ${afterwards[arrival.kind]}`;
});
// #endregion
