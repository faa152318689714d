import { courseNav } from '@course/kit/course-nav';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
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
import messages from './messages.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);
courseNav([{ href: '/', label: t.navHome }]);

/**
 * Fills `element` with `text`, putting each `{slot}` it names as the given element
 * (so each language places the values where its sentence needs them).
 */
function slots(element: HTMLElement, text: string, fill: Record<string, HTMLElement>): void {
  element.replaceChildren(
    ...text
      .split(/(\{\w+\})/)
      .map((part) => fill[part.slice(1, -1)] ?? document.createTextNode(part)),
  );
}
slots(byId('this-tab'), t.thisTab, {
  instance: byId('this-instance'),
  adapter: byId('this-adapter'),
});
byId('current-room').textContent = t.noRoom;

const ACK_TIMEOUT_MS = 5000;
const field = (id: string) => byId<HTMLInputElement>(id);
const status = byId('status');
status.textContent = t.statusConnecting;
status.className = 'muted';

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
  status.textContent = chat.recovered ? t.statusRecovered : t.statusConnected;
  status.className = 'ok';
});
chat.on('disconnect', (reason) => {
  status.textContent = t.statusDisconnected(reason);
  status.className = 'bad';
});
chat.on('connect_error', (error) => {
  status.textContent = t.statusCannotConnect(error.message);
  status.className = 'bad';
});

// The instance this tab landed on; after a reconnect, say where it went and how it got its room back.
topology.on('hello', ({ instance: name, adapter }) => {
  const before = instance;
  instance = name;
  byId('this-instance').textContent = name;
  byId('this-adapter').textContent = adapter;
  if (before !== '?') appendLine(byId('reconnects'), t.reconnected(before, name));
});

// A reconnect: a recovered session is still in its room; a new one is in none, so join it again.
chat.on('connect', async () => {
  const again = connectedBefore;
  connectedBefore = true;
  if (!again || !myRoom) return;
  const room = myRoom;
  if (chat.recovered) return appendLine(byId('reconnects'), t.backRecovered(room));
  if (await join(room)) appendLine(byId('reconnects'), t.backJoined(room));
});

// What the rooms chapter says about this socket's rooms.
chat.on('membership', ({ rooms }) => {
  byId('current-room').textContent = rooms[0] ?? t.noRoom;
});

// A message in this tab's room.
chat.on('chat message', ({ name, msg }) => {
  appendLine(byId('chat'), `${name}: ${msg}`);
});

// Every message's path, cluster-wide.
topology.on('route', ({ name, room, msg, from, adapter, deliveredBy }) => {
  appendLine(byId('routes'), t.route(name, msg, room, from, adapter, deliveredBy.join(', ')));
});

/** Joins `room` with the form's name; shows the error ack, if any. Resolves with whether it joined. */
async function join(room: string): Promise<boolean> {
  const answer = await chat
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck('join', { name: field('name').value || 'guest', room })
    .catch((error: Error) => ({ ok: false as const, error: t.noAnswer(error.message) }));
  byId('error').textContent = answer.ok ? '' : t.error(answer.error);
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
    .catch((error: Error) => ({ ok: false as const, error: t.noAnswer(error.message) }));
  byId('error').textContent = answer.ok ? '' : t.error(answer.error);
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
  if (!answer.ok) appendLine(byId('reconnects'), t.error(answer.error));
  else appendLine(byId('reconnects'), t.stopping(instance));
});

/** Shows the cluster: instances and members, as one instance sees them through the adapter. */
function render({ instances, members }: Topology): void {
  const list = byId('instances');
  list.replaceChildren();
  for (const one of instances)
    appendLine(list, t.instanceLine(one.instance, one.pid, one.sockets, one.instance === instance));
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
    appendLine(roomList, t.roomLine(room, total, where));
  }
  const people = byId('members');
  people.replaceChildren();
  for (const member of members)
    appendLine(
      people,
      t.memberLine(member.name, member.instance, member.rooms.join(', '), member.id === chat.id),
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
