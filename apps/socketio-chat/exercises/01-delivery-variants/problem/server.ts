// Exercise: the four ways to deliver a chat message. See README.md beside this folder.
import { check, defineChapter, pageServer } from '@course/kit';
import { Server } from 'socket.io';
import type { ChatMessage } from '../../../events.ts';
import type { ChatIo, ChatSocket } from '../../../server/app.ts';
import { fail, inputSchemas, limitsOf, split } from '../../../server/hardening.ts';

/** The chapter's payload checks (login, chat), with its default limits. */
const schemas = inputSchemas(limitsOf({}));

/** The lecture's chat: `login`, then `chat` with `{msg, via, to}`. */
export default defineChapter({
  create: ({ client, log }) => {
    const http = pageServer(client);
    const io: ChatIo = new Server(http, { serveClient: false });

    // connection: one client, until it disconnects.
    io.on('connection', (socket: ChatSocket) => {
      // login: keep the name and userid on the socket, and tell everyone.
      socket.on('login', (...args: unknown[]) => {
        const { data, reply } = split(args);
        const input = check(schemas.login, data);
        if (!input.ok) return reply(fail(input.error));
        socket.data.name = input.value.name;
        socket.data.userid = input.value.userid;
        log(`Client logged-in: ${input.value.name} (${socket.id})`);
        reply({ ok: true });
        io.emit('login', input.value.name);
      });

      // chat: deliver {from, msg} the way `via` says.
      socket.on('chat', (...args: unknown[]) => {
        const { data, reply } = split(args);
        const { name, userid } = socket.data;
        if (name === undefined || userid === undefined) return reply(fail('log in first'));
        const input = check(schemas.chat, data);
        if (!input.ok) return reply(fail(input.error));
        const { msg, via, to } = input.value;
        // io.to needs someone online: io.to(id) alone would send to nobody, and say nothing.
        const target = via === 'io.to' ? io.of('/').sockets.get(to ?? '') : undefined;
        if (via === 'io.to' && target?.data.name === undefined)
          return reply(fail(`no user online with socket id "${to}"`));
        log(`Message from ${name} with ${via}: ${msg}`);
        const message: ChatMessage = { from: { name, userid }, msg, via };

        // The lecture's one active line: every socket, the sender included.
        // TODO: the lecture's three commented-out lines, one for each other value of `via`:
        // 'socket.broadcast.emit', 'socket.emit' and 'io.to'. Until then all four do this.
        io.emit('chat', message);
        reply({ ok: true });
      });
    });

    return { PORT: http };
  },
});
