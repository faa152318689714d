import './nav.ts';
import { appendLine, byId } from '@course/kit/dom';
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

// close: not in the lecture, but a learner wants to know when the server is gone.
ws.onclose = (event) => {
  say(`Connection closed (code ${event.code})`);
};
