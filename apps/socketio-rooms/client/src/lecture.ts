import { appendLine, byId } from '@course/kit/dom';
import { connectChat, sendChatMessage } from './connect.ts';
import { t } from './nav.ts';

// The lecture's page: connect to /chat in "lecture" mode, where the server joins
// every room this socket posts to and never leaves one.
const chat = connectChat('lecture');
byId('my-rooms').textContent = t.noRoom;

byId('form').addEventListener('submit', (event) => {
  event.preventDefault();
  // Send our details and the message, as the lecture does; the ack reports bad input.
  void sendChatMessage(chat);
});

// A message from any room this socket is in, shown as the lecture does: "name:msg", as text.
chat.on('chat message', (data) => {
  appendLine(byId('chat'), `${data.name}:${data.msg}`);
});

// Not in the lecture: the server reports this socket's rooms, so the pitfall is visible.
chat.on('membership', ({ rooms }) => {
  byId('my-rooms').textContent = rooms.length > 0 ? rooms.join(', ') : t.noRoom;
});
