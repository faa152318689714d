// Exercise: notices for the room only. The page stays as it is: the work is in server.ts.
import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import { io } from 'socket.io-client';
import {
  ACK_TIMEOUT_MS,
  ackOrNoAnswer,
  type ChatSocket,
  sendChatMessage,
  showError,
} from '../../../client/src/connect.ts';
import messages from '../../../client/src/messages.ts';
import { CHAT_NAMESPACE } from '../../../events.ts';

// The page's texts in the learner's language (the chapter's dictionary), before anything else.
const t = pageMessages(messages);
applyMessages(t);

const chat: ChatSocket = io(CHAT_NAMESPACE);
const status = byId('status');
status.textContent = t.statusConnecting;
const field = (id: string) => byId<HTMLInputElement>(id);

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

// Move to the room in the form without posting.
byId('join').addEventListener('click', async () => {
  const answer = await ackOrNoAnswer(() =>
    chat
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('join', { name: field('name').value, room: field('room').value }),
  );
  showError(answer);
});

// A message from the room, as the lecture shows it: "name:msg", as text.
chat.on('chat message', ({ name, msg }) => {
  appendLine(byId('chat'), `${name}:${msg}`);
});

// A notice: someone joined or left a room this socket hears from.
chat.on('notice', ({ room, name, action }) => {
  appendLine(byId('chat'), t.ex2Notice(name, action, room)).className = 'muted';
});
