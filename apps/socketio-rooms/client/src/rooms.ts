import { appendLine, byId } from '@course/kit/dom';
import type { RoomInfo } from '../../events.ts';
import {
  ACK_TIMEOUT_MS,
  ackOrNoAnswer,
  connectChat,
  sendChatMessage,
  showError,
} from './connect.ts';
import { t } from './nav.ts';

// Explicit membership (the server's default mode): one room per socket.
const chat = connectChat('explicit');
const field = (id: string) => byId<HTMLInputElement>(id);
const log = byId('chat');
byId('current-room').textContent = t.noRoom;
byId('members-heading').textContent = t.membersHeading(t.yourRoom);

/** The room the server says this socket is in, or null. */
let current: string | null = null;
/** The latest room list, redrawn when `current` changes. */
let roomList: RoomInfo[] = [];

/** Logs a notice line (joins, leaves), styled apart from messages. */
const notice = (text: string) => {
  appendLine(log, text).className = 'muted';
};

/** Joins `room` with the name in the form; the server leaves the previous room first. */
async function join(room: string): Promise<void> {
  const answer = await ackOrNoAnswer(() =>
    chat.timeout(ACK_TIMEOUT_MS).emitWithAck('join', { name: field('name').value, room }),
  );
  showError(answer);
}

byId('form').addEventListener('submit', (event) => {
  event.preventDefault();
  // The lecture's message; in this mode it also moves us to its room if we were elsewhere.
  void sendChatMessage(chat);
});

byId('join').addEventListener('click', () => join(field('room').value));

byId('leave').addEventListener('click', async () => {
  const answer = await ackOrNoAnswer(() => chat.timeout(ACK_TIMEOUT_MS).emitWithAck('leave'));
  showError(answer);
});

// Messages of our room: "name:msg", as in the lecture, always as text.
chat.on('chat message', (data) => {
  appendLine(log, `${data.name}:${data.msg}`);
});

// Joins and leaves of our room, our own included (the server sends us our "left" too).
chat.on('notice', ({ name, room, action }) => notice(t.notice(name, action, room)));

chat.on('membership', ({ rooms }) => {
  current = rooms[0] ?? null;
  byId('current-room').textContent = current ?? t.noRoom;
  // The room's name came over the wire: the heading is set as text.
  byId('members-heading').textContent = t.membersHeading(current ?? t.yourRoom);
  if (!current) byId('members').replaceChildren();
  drawRooms();
});

chat.on('members', ({ room, members }) => {
  if (room !== current) return; // an update that crossed our switch
  byId('members').replaceChildren(
    ...members.map((name) => {
      const item = document.createElement('li');
      item.textContent = name;
      return item;
    }),
  );
});

chat.on('rooms', (list) => {
  roomList = list;
  drawRooms();
});

/** One line per room: its name, its member count, and a button to switch to it. */
function drawRooms(): void {
  byId('no-rooms').hidden = roomList.length > 0;
  byId('room-list').replaceChildren(
    ...roomList.map(({ room, count }) => {
      const item = document.createElement('li');
      const name = document.createElement('strong');
      name.className = 'room-name';
      name.textContent = room;
      const size = document.createElement('span');
      size.className = 'count';
      size.textContent = ` ${t.memberCount(count)} `;
      item.append(name, size);
      if (room === current) {
        item.setAttribute('aria-current', 'true');
        item.append(t.youAreHere);
      } else {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = t.switchHere;
        button.addEventListener('click', () => {
          field('room').value = room;
          void join(room);
        });
        item.append(button);
      }
      return item;
    }),
  );
}
