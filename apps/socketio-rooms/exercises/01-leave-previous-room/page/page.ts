// Exercise: leave the previous room. The page stays as it is: the work is in server.ts.
import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { io } from 'socket.io-client';
import { type ChatSocket, sendChatMessage } from '../../../client/src/connect.ts';
import { CHAT_NAMESPACE } from '../../../events.ts';

const chat: ChatSocket = io(CHAT_NAMESPACE);
const status = byId('status');

// The connection's state, as text.
chat.on('connect', () => {
  status.textContent = 'connected';
  status.className = 'ok';
});
chat.on('disconnect', (reason) => {
  status.textContent = `disconnected: ${reason}`;
  status.className = 'bad';
});

// Send the form as the lecture's `chat message`; an error ack shows under the form.
byId('form').addEventListener('submit', (event) => {
  event.preventDefault();
  void sendChatMessage(chat);
});

// A message from any room this socket is in, as the lecture shows it: "name:msg", as text.
chat.on('chat message', ({ name, msg }) => {
  appendLine(byId('chat'), `${name}:${msg}`);
});
