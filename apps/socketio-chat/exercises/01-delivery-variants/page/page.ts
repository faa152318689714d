// The exercise's page: three clients, A, B and C, that log what reaches each of them.
import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ChatMessage,
  ClientToServerEvents,
  ServerToClientEvents,
  Variant,
} from '../../../events.ts';

type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

const NAMES = ['A', 'B', 'C'] as const;
const viaSelect = byId<HTMLSelectElement>('via');
const toSelect = byId<HTMLSelectElement>('to');
const clients = new Map<string, ChatClient>();
let sent = 0;

/** What an ack, or its absence, says. */
const describeAck = (error: Error | null, ack?: Ack) =>
  error ? 'no ack after 5000 ms' : ack?.ok ? 'acked ok' : `refused: ${ack?.error}`;

for (const name of NAMES) {
  const box = byId(`client-${name}`);
  const log = box.querySelector('.log') as HTMLOListElement;
  const state = box.querySelector('.state') as HTMLElement;
  // forceNew: a connection of its own, as a separate tab would have.
  const socket: ChatClient = io({ forceNew: true });
  clients.set(name, socket);

  // connect: a fresh session after every server restart, so log in again.
  socket.on('connect', () => {
    state.textContent = `connected, id ${socket.id}`;
    socket
      .timeout(5000)
      .emit('login', { name, userid: `${name.toLowerCase()}@example.com` }, (error, ack) => {
        if (error || !ack.ok) appendLine(log, `login ${describeAck(error, ack)}`);
      });
  });
  // disconnect: the server went away (a restart after a save) or dropped us.
  socket.on('disconnect', (reason) => {
    state.textContent = `disconnected (${reason})`;
  });
  /** One received message as a line: the event, who sent it and how. */
  const show = (event: string) => (message: ChatMessage) =>
    appendLine(log, `${event}: ${message.from.name}: ${message.msg} (${message.via})`);
  socket.on('chat', show('chat'));
  socket.on('s2c chat', show('s2c chat'));

  // click: send one numbered message the way the picker says.
  box.querySelector('.send')?.addEventListener('click', () => {
    sent += 1;
    const via = viaSelect.value as Variant;
    const to = clients.get(toSelect.value)?.id;
    const msg = `message ${sent} from ${name}`;
    socket.timeout(5000).emit('chat', { msg, via, ...(to ? { to } : {}) }, (error, ack) => {
      appendLine(log, `sent '${msg}' with ${via}: ${describeAck(error, ack)}`);
    });
  });
}
