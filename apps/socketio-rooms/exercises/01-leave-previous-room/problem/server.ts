// Exercise: leave the previous room. See README.md beside this folder.
import { check, defineChapter, pageServer } from '@course/kit';
import { Server } from 'socket.io';
import { CHAT_NAMESPACE } from '../../../events.ts';
import type { RoomsIo } from '../../../server/app.ts';
import { payloadSchemas } from '../../../server/hardening.ts';

/** The lecture's room chat on /chat: each message joins its room and goes to everyone in it. */
export default defineChapter({
  create: ({ client, log }) => {
    const http = pageServer(client);
    const io: RoomsIo = new Server(http, { serveClient: false });
    const chat = io.of(CHAT_NAMESPACE);
    // What `chat message` must carry: the chapter's checks (server/hardening.ts).
    const payloads = payloadSchemas((room) => chat.adapter.sids.has(room));

    chat.on('connection', (socket) => {
      // The lecture's event, {name, room, msg}. Its page sends no ack; one that does is answered.
      socket.on('chat message', (data, ack) => {
        const reply = typeof ack === 'function' ? ack : () => {};
        const input = check(payloads.chatMessage, data);
        if (!input.ok) return reply(input);
        const { name, room, msg } = input.value;
        log(`message from client: ${JSON.stringify({ name, room, msg })}`);

        // TODO: the socket is still in every room it posted to before. Leave them first.
        socket.join(room);
        // Everyone in the room gets it, the sender too.
        chat.to(room).emit('chat message', { name, msg });
        reply({ ok: true, room });
      });
    });

    return { PORT: http };
  },
});
