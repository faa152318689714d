// The exercise's page: three clients, A, B and C, that log what reaches each of them.
import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ChatMessage,
  ClientToServerEvents,
  ServerToClientEvents,
  Variant,
} from '../../../events.ts';
import messages from './messages.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);

type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

const NAMES = ['A', 'B', 'C'] as const;
const viaSelect = byId<HTMLSelectElement>('via');
const toSelect = byId<HTMLSelectElement>('to');
const clients = new Map<string, ChatClient>();
let sent = 0;

/** What an ack, or its absence, says. */
const describeAck = (error: Error | null, ack?: Ack) =>
  error ? t.noAck : ack?.ok ? t.ackOk : t.refused(ack?.error ?? '');

for (const name of NAMES) {
  const box = byId(`client-${name}`);
  const log = box.querySelector('.log') as HTMLOListElement;
  const state = box.querySelector('.state') as HTMLElement;
  const sendButton = box.querySelector('.send') as HTMLButtonElement;
  sendButton.textContent = t.sendFrom(name);
  // forceNew: a connection of its own, as a separate tab would have.
  const socket: ChatClient = io({ forceNew: true });
  clients.set(name, socket);

  // connect: a fresh session after every server restart, so log in again.
  socket.on('connect', () => {
    state.textContent = t.connected(socket.id ?? '');
    socket
      .timeout(5000)
      .emit('login', { name, userid: `${name.toLowerCase()}@example.com` }, (error, ack) => {
        if (error || !ack.ok) appendLine(log, t.loginResult(describeAck(error, ack)));
      });
  });
  // disconnect: the server went away (a restart after a save) or dropped us.
  socket.on('disconnect', (reason) => {
    state.textContent = t.disconnected(reason);
  });
  /** One received message as a line: the event, who sent it and how. */
  const show = (event: string) => (message: ChatMessage) =>
    appendLine(log, `${event}: ${message.from.name}: ${message.msg} (${message.via})`);
  socket.on('chat', show('chat'));
  socket.on('s2c chat', show('s2c chat'));

  // click: send one numbered message the way the picker says.
  sendButton.addEventListener('click', () => {
    sent += 1;
    const via = viaSelect.value as Variant;
    const to = clients.get(toSelect.value)?.id;
    const msg = t.message(sent, name);
    socket.timeout(5000).emit('chat', { msg, via, ...(to ? { to } : {}) }, (error, ack) => {
      appendLine(log, t.sentWith(msg, via, describeAck(error, ack)));
    });
  });
}
