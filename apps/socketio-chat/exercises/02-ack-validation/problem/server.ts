// Exercise: a chat event that answers bad input. See README.md beside this folder.
import { check, defineChapter, pageServer } from '@course/kit';
import { Server } from 'socket.io';
import type { AckCallback, ChatInput } from '../../../events.ts';
import type { ChatIo, ChatSocket } from '../../../server/app.ts';
import { fail, inputSchemas, limitsOf, split } from '../../../server/hardening.ts';

/** The chapter's payload checks, with its default limits: `msg` has at most 2000 characters. */
const schemas = inputSchemas(limitsOf({}));

/** The lecture's chat: `login`, then `chat` with `{msg}`, each answered with an ack. */
export default defineChapter({
  create: ({ client, log }) => {
    const http = pageServer(client);
    const io: ChatIo = new Server(http, { serveClient: false });

    // connection: one client, until it disconnects.
    io.on('connection', (socket: ChatSocket) => {
      // login: check the payload, keep the name and userid on the socket, tell everyone.
      socket.on('login', (...args: unknown[]) => {
        const { data, reply } = split(args);
        const input = check(schemas.login, data);
        if (!input.ok) return reply(fail(input.error));
        socket.data.name = input.value.name;
        socket.data.userid = input.value.userid;
        log(`Client logged-in: ${input.value.name}`);
        reply({ ok: true });
        io.emit('login', input.value.name);
      });

      // chat: the lecture's handler, with an ack: send {from, msg} to everyone.
      socket.on('chat', (data: ChatInput, ack: AckCallback) => {
        const { name, userid } = socket.data;
        if (name === undefined || userid === undefined) return ack(fail('log in first'));
        // TODO: the types say `data` is {msg: string} and `ack` a function; the client decides.
        log(`Message from ${name}: ${data.msg}`);
        io.emit('chat', { from: { name, userid }, msg: data.msg, via: 'io.emit' });
        ack({ ok: true });
      });
    });

    return { PORT: http };
  },
});
