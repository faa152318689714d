// Exercise: notices for the room only. See README.md beside this folder.
import { check, defineChapter, pageServer } from '@course/kit';
import { Server } from 'socket.io';
import { CHAT_NAMESPACE } from '../../../events.ts';
import type { RoomsIo } from '../../../server/app.ts';
import { payloadSchemas } from '../../../server/hardening.ts';

/** The room chat on /chat, one room per socket, with "joined" and "left" notices. */
export default defineChapter({
  create: ({ client, log }) => {
    const http = pageServer(client);
    const io: RoomsIo = new Server(http, { serveClient: false });
    const chat = io.of(CHAT_NAMESPACE);
    // What `chat message` and `join` must carry: the chapter's checks (server/hardening.ts).
    const payloads = payloadSchemas((room) => chat.adapter.sids.has(room));

    chat.on('connection', (socket) => {
      /** Moves the socket to `room` as `name`; returns the room it left, or null. */
      const moveTo = (name: string, room: string): string | null => {
        socket.data.name = name;
        if (socket.rooms.has(room)) return null;
        let left: string | null = null;
        for (const joined of [...socket.rooms]) {
          if (joined === socket.id) continue;
          socket.leave(joined);
          left = joined;
          // TODO: tell the people still in `joined` that `name` left.
        }
        socket.join(room);
        // Tell everyone that `name` joined `room`.
        chat.emit('notice', { room, name, action: 'joined' });
        return left;
      };

      // TODO: when the socket disconnects, nobody hears that it left its room.

      // `join` {name, room}: move to a room without posting.
      socket.on('join', (data, ack) => {
        const reply = typeof ack === 'function' ? ack : () => {};
        const input = check(payloads.join, data);
        if (!input.ok) return reply(input);
        const { name, room } = input.value;
        reply({ ok: true, room, left: moveTo(name, room) });
      });

      // The lecture's `chat message` {name, room, msg}: move to its room, then post there.
      socket.on('chat message', (data, ack) => {
        const reply = typeof ack === 'function' ? ack : () => {};
        const input = check(payloads.chatMessage, data);
        if (!input.ok) return reply(input);
        const { name, room, msg } = input.value;
        log(`message from client: ${JSON.stringify({ name, room, msg })}`);
        moveTo(name, room);
        chat.to(room).emit('chat message', { name, msg });
        reply({ ok: true, room });
      });
    });

    return { PORT: http };
  },
});
