// The exercise's page: it sends text and binary to your server and shows what comes back.
import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages, rich } from '@course/kit/i18n-page';
import messages from '../../../client/src/messages.ts';
import { describeData, wsUrl } from '../../../client/src/socket.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);

const log = byId('log');
const url = wsUrl('/');
byId('intro').replaceChildren(rich(t.ex1Text(url)));

/** Opens a socket, sends `data` after the greeting, and logs what the echo arrived as. */
function echoOnce(data: string | ArrayBuffer, sent: string): void {
  const ws = new WebSocket(url);
  let messages = 0;
  // message: the first is the greeting, the second the echo of `data`.
  ws.onmessage = async (event: MessageEvent) => {
    messages += 1;
    if (messages === 1) {
      ws.send(data);
      return;
    }
    ws.close(1000, 'done');
    appendLine(log, t.ex1Echoed(sent, await describeData(event.data, t)));
  };
  // close: before the echo came, the server refused or went away.
  ws.onclose = (event) => {
    if (messages < 2) appendLine(log, t.ex1ClosedEarly(event.code));
  };
}

// click: one round trip each.
byId('send-text').addEventListener('click', () => echoOnce('hello', t.dataString('hello')));
byId('send-binary').addEventListener('click', () =>
  echoOnce(new Uint8Array([1, 2, 3]).buffer, t.dataBinary('ArrayBuffer', 3, '01 02 03')),
);
