import './nav.ts';
import { appendLine, byId } from '@course/kit/dom';
import { ACK_TIMEOUT_MS, ask, connectChat, showError } from './connect.ts';

// The lecture's page: connect to /chat in "lecture" mode, where the server joins
// every room this socket posts to and never leaves one.
const chat = connectChat('lecture');
const field = (id: string) => byId<HTMLInputElement>(id);

byId('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  // Send our details and the message, as the lecture does; the ack reports bad input.
  const msg = field('msg').value;
  const answer = await ask(() =>
    chat.timeout(ACK_TIMEOUT_MS).emitWithAck('chat message', {
      name: field('name').value,
      room: field('room').value,
      msg,
    }),
  );
  showError(answer);
  // Clear the field only if it still holds what we sent: the next message may be typed already.
  if (answer.ok && field('msg').value === msg) field('msg').value = '';
});

// A message from any room this socket is in, shown as the lecture does: "name:msg", as text.
chat.on('chat message', (data) => {
  appendLine(byId('chat'), `${data.name}:${data.msg}`);
});

// Not in the lecture: the server reports this socket's rooms, so the pitfall is visible.
chat.on('membership', ({ rooms }) => {
  byId('my-rooms').textContent = rooms.length > 0 ? rooms.join(', ') : 'no room';
});
