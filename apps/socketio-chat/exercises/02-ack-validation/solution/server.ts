// Exercise: a chat event that answers bad input. One solution.
import { check, defineChapter, pageServer } from '@course/kit';
import { Server } from 'socket.io';
import * as v from 'valibot';
import type { ChatIo, ChatSocket } from '../../../server/app.ts';
import { fail, inputSchemas, limitsOf, split } from '../../../server/hardening.ts';

/** The chapter's payload checks, with its default limits: `msg` has at most 2000 characters. */
const schemas = inputSchemas(limitsOf({}));

/** What a chat payload must be; each message is the error ack a client gets. */
const ChatPayload = v.object(
  {
    msg: v.pipe(
      v.string('"msg" must be a string'),
      v.check((msg) => msg.trim() !== '', '"msg" is empty'),
      v.maxLength(2000, '"msg" is longer than 2000 characters'),
    ),
  },
  // The object's own issue: a key that is missing (it has a path), or no object at all.
  (issue) => (issue.path ? `${issue.expected} is missing` : 'chat needs an object {msg}'),
);

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
      socket.on('chat', (...args: unknown[]) => {
        // The payload and the ack are whatever the client sent: either may be missing.
        const { data, reply } = split(args);
        const { name, userid } = socket.data;
        if (name === undefined || userid === undefined) return reply(fail('log in first'));
        // Check before reading: bad input gets an error ack, and nothing is sent to anyone.
        const input = check(ChatPayload, data);
        if (!input.ok) return reply(fail(input.error));
        const { msg } = input.value;
        log(`Message from ${name}: ${msg}`);
        io.emit('chat', { from: { name, userid }, msg, via: 'io.emit' });
        reply({ ok: true });
      });
    });

    return { PORT: http };
  },
});
