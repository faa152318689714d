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

/** The room this tab chose (by joining or posting), kept by the page so it can join it again after a reconnect. */
let myRoom: string | null = null;
let connectedBefore = false;
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
  if (before !== '?') appendLine(byId('reconnects'), `reconnected: instance ${before} → ${name}`);
});

// A reconnect: a recovered session is still in its room; a new one is in none, so join it again.
chat.on('connect', async () => {
  const again = connectedBefore;
  connectedBefore = true;
  if (!again || !myRoom) return;
  const room = myRoom;
  if (chat.recovered) return appendLine(byId('reconnects'), `back in ${room} (session recovered)`);
  if (await join(room)) appendLine(byId('reconnects'), `back in ${room} (joined again)`);
});

// What the rooms chapter says about this socket's rooms.
chat.on('membership', ({ rooms }) => {
  byId('current-room').textContent = rooms[0] ?? 'no room';
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

/** Joins `room` with the form's name; shows the error ack, if any. Resolves with whether it joined. */
async function join(room: string): Promise<boolean> {
  const answer = await chat
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck('join', { name: field('name').value || 'guest', room })
    .catch((error: Error) => ({ ok: false as const, error: `no answer: ${error.message}` }));
  byId('error').textContent = answer.ok ? '' : `Error: ${answer.error}`;
  if (answer.ok) myRoom = answer.room;
  return answer.ok;
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
  if (answer.ok) myRoom = answer.room;
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
  // Rooms and counts over the whole cluster, from the same member list.
  const rooms = new Map<string, Map<string, number>>();
  for (const member of members)
    for (const room of member.rooms) {
      const perInstance = rooms.get(room) ?? new Map<string, number>();
      perInstance.set(member.instance, (perInstance.get(member.instance) ?? 0) + 1);
      rooms.set(room, perInstance);
    }
  const roomList = byId('cluster-rooms');
  roomList.replaceChildren();
  for (const [room, perInstance] of [...rooms].sort(([a], [b]) => a.localeCompare(b))) {
    const total = [...perInstance.values()].reduce((sum, count) => sum + count, 0);
    const where = [...perInstance]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
    appendLine(roomList, `${room}: ${total} (${where})`);
  }
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
