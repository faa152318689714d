// The exercise's page: it sends good and bad chat payloads and shows what the server answers.
import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../events.ts';
import messages from './messages.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);

const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io();
/** The same socket without the event map: this page sends what the types forbid, on purpose. */
const raw = socket as unknown as Socket;
const state = byId('state');
const acks = byId('acks');

/** The payloads, as a label and the arguments that go before the ack. */
const PAYLOADS: [string, unknown[]][] = [
  ['{msg: "hello"}', [{ msg: 'hello' }]],
  ['{}', [{}]],
  ['{msg: 42}', [{ msg: 42 }]],
  ['{msg: "   "}', [{ msg: '   ' }]],
  ['{msg: 2001 × "a"}', [{ msg: 'a'.repeat(2001) }]],
  ['null', [null]],
  ['"hello"', ['hello']],
  [t.nothing, []],
];

// connect: a new session after every server restart, so log in again.
socket.on('connect', () => {
  state.textContent = t.connectedLoggingIn(socket.id ?? '');
  socket.timeout(2000).emit('login', { name: 'kgh', userid: 'kgh@gmail.com' }, (error, ack) => {
    state.textContent = error ? t.noLoginAck : ack.ok ? t.loggedIn : ack.error;
  });
});
// disconnect: the server restarted, or stopped (a handler that throws takes the process down).
socket.on('disconnect', (reason) => {
  state.textContent = t.disconnected(reason);
});
// chat: what the server sent to everyone.
socket.on('chat', (message) =>
  appendLine(byId('delivered'), `${message.from.name}: ${String(message.msg).slice(0, 40)}`),
);

for (const [index, [label, args]] of PAYLOADS.entries()) {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = `payload-${index}`;
  button.textContent = label;
  // click: one chat with exactly these arguments, with or without an ack.
  button.addEventListener('click', () => {
    if (byId<HTMLInputElement>('no-ack').checked) {
      raw.emit('chat', ...args);
      appendLine(acks, t.sentWithoutAck(label));
      return;
    }
    raw.timeout(2000).emit('chat', ...args, (error: Error | null, ack: unknown) => {
      appendLine(acks, t.ackLine(label, error ? t.noAckWithin : JSON.stringify(ack)));
    });
  });
  byId('payloads').append(button);
}
