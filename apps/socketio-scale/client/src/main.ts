import { courseNav } from '@course/kit/course-nav';
import { appendLine, byId } from '@course/kit/dom';
import {
  CHAT_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@course/socketio-rooms/events';
import { io, type Socket } from 'socket.io-client';
import {
  TOPOLOGY_NAMESPACE,
  type Topology,
  type TopologyClientToServer,
  type TopologyServerToClient,
} from '../../events.ts';

courseNav([{ href: '/', label: 'Chapter home' }]);

const ACK_TIMEOUT_MS = 5000;
const field = (id: string) => byId<HTMLInputElement>(id);
const status = byId('status');

// Both namespaces share one connection (one Manager), so they are always on the same instance.
const chat: Socket<ServerToClientEvents, ClientToServerEvents> = io(CHAT_NAMESPACE, {
  auth: { mode: 'explicit' },
});
const topology: Socket<TopologyServerToClient, TopologyClientToServer> = io(TOPOLOGY_NAMESPACE);

/** The room this tab is in, kept by the page so it can join it again after a reconnect. */
let myRoom: string | null = null;
let instance = '?';

// The connection state, as text.
chat.on('connect', () => {
  status.textContent = chat.recovered ? 'connected (session recovered)' : 'connected';
  status.className = 'ok';
});
chat.on('disconnect', (reason) => {
  status.textContent = `disconnected: ${reason}`;
  status.className = 'bad';
});
chat.on('connect_error', (error) => {
  status.textContent = `cannot connect: ${error.message}`;
  status.className = 'bad';
});

// The instance this tab landed on; after a reconnect, say where it went and how it got its room back.
topology.on('hello', ({ instance: name, adapter }) => {
  const before = instance;
  instance = name;
  byId('this-instance').textContent = name;
  byId('this-adapter').textContent = adapter;
  if (before !== '?')
    appendLine(
      byId('reconnects'),
      `reconnected: instance ${before} → ${name}${myRoom ? `, back in ${myRoom}` : ''}`,
    );
});

// A new connection that was not recovered is in no room: join the one this tab was in.
chat.on('connect', () => {
  if (myRoom && !chat.recovered) void join(myRoom);
});

// What the rooms chapter says about this socket's rooms.
chat.on('membership', ({ rooms }) => {
  myRoom = rooms[0] ?? (chat.connected ? null : myRoom);
  byId('current-room').textContent = myRoom ?? 'no room';
});

// A message in this tab's room.
chat.on('chat message', ({ name, msg }) => {
  appendLine(byId('chat'), `${name}: ${msg}`);
});

// Every message's path, cluster-wide.
topology.on('route', ({ name, room, msg, from, adapter, deliveredBy }) => {
  appendLine(
    byId('routes'),
    `${name}: "${msg}" in ${room}: sent to ${from} → Redis (${adapter}) → delivered by ${deliveredBy.join(', ')}`,
  );
});

/** Joins `room` with the form's name; shows the error ack, if any. */
async function join(room: string): Promise<void> {
  const answer = await chat
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck('join', { name: field('name').value || 'guest', room })
    .catch((error: Error) => ({ ok: false as const, error: `no answer: ${error.message}` }));
  byId('error').textContent = answer.ok ? '' : `Error: ${answer.error}`;
}

// Send: the rooms chapter's chat message, which joins the room too.
byId('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const msg = field('msg').value;
  const answer = await chat
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck('chat message', {
      name: field('name').value,
      room: field('room').value,
      msg,
    })
    .catch((error: Error) => ({ ok: false as const, error: `no answer: ${error.message}` }));
  byId('error').textContent = answer.ok ? '' : `Error: ${answer.error}`;
  if (answer.ok && field('msg').value === msg) field('msg').value = '';
});

// Join: move to the room without posting.
byId('join').addEventListener('click', () => void join(field('room').value));

// Stop this tab's instance (a cluster worker).
byId('crash').addEventListener('click', async () => {
  const answer = await topology
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck('crash')
    .catch((error: Error) => ({ ok: false, error: error.message }));
  if (!answer.ok) appendLine(byId('reconnects'), `Error: ${answer.error}`);
  else appendLine(byId('reconnects'), `instance ${instance} is stopping…`);
});

/** Shows the cluster: instances and members, as one instance sees them through the adapter. */
function render({ instances, members }: Topology): void {
  const list = byId('instances');
  list.replaceChildren();
  for (const one of instances)
    appendLine(
      list,
      `${one.instance} (pid ${one.pid}): ${one.sockets} socket${one.sockets === 1 ? '' : 's'}${one.instance === instance ? ' ← this tab' : ''}`,
    );
  const people = byId('members');
  people.replaceChildren();
  for (const member of members)
    appendLine(
      people,
      `${member.name || '(no name yet)'} on ${member.instance}: ${member.rooms.join(', ') || 'no room'}${member.id === chat.id ? ' (this tab)' : ''}`,
    );
}

// Ask for the topology once a second while connected.
setInterval(async () => {
  if (!topology.connected) return;
  try {
    render(await topology.timeout(ACK_TIMEOUT_MS).emitWithAck('topology'));
  } catch {
    // no answer this time: the next tick asks again
  }
}, 1000);
