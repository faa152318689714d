// Exercise: leave the previous room. The page stays as it is: the work is in server.ts.
import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import { io } from 'socket.io-client';
import { type ChatSocket, sendChatMessage } from '../../../client/src/connect.ts';
import messages from '../../../client/src/messages.ts';
import { CHAT_NAMESPACE } from '../../../events.ts';

// The page's texts in the learner's language (the chapter's dictionary), before anything else.
const t = pageMessages(messages);
applyMessages(t);

const chat: ChatSocket = io(CHAT_NAMESPACE);
const status = byId('status');
status.textContent = t.statusConnecting;

// The connection's state, as text.
chat.on('connect', () => {
  status.textContent = t.statusConnectedPlain;
  status.className = 'ok';
});
chat.on('disconnect', (reason) => {
  status.textContent = t.statusDisconnected(reason);
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
