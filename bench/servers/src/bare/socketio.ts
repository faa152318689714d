// A bare Socket.IO server doing the same emits and acks as the two Socket.IO chapters:
// socketio-chat's `login` and `chat` (via socket.emit) on `/`, and socketio-rooms'
// `join` and `chat message` (to the room) on `/chat`. No checks, no log, no lists.
// BARE_IO_RECOVERY_MS turns on connection state recovery, kept that many ms, as socketio-chat has it.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const recoveryMs = process.env.BARE_IO_RECOVERY_MS;
const http = createServer();
const io = new Server(http, {
  serveClient: false,
  ...(recoveryMs
    ? {
        connectionStateRecovery: {
          maxDisconnectionDuration: Number(recoveryMs),
          skipMiddlewares: true,
        },
      }
    : {}),
});

type Ack = (answer: unknown) => void;
io.on('connection', (socket) => {
  socket.on('login', (data: { name: string; userid: string }, ack: Ack) => {
    socket.data.name = data.name;
    socket.data.userid = data.userid;
    ack({ ok: true });
    io.emit('login', data.name);
  });
  socket.on('chat', (data: { msg: string; via: string }, ack: Ack) => {
    const from = { name: socket.data.name, userid: socket.data.userid };
    socket.emit('s2c chat', { from, msg: data.msg, via: data.via });
    ack({ ok: true });
  });
});

const chat = io.of('/chat');
chat.on('connection', (socket) => {
  socket.on('join', (data: { name: string; room: string }, ack: Ack) => {
    socket.join(data.room);
    ack({ ok: true, room: data.room, left: null });
  });
  socket.on('chat message', (data: { name: string; room: string; msg: string }, ack: Ack) => {
    socket.join(data.room);
    chat.to(data.room).emit('chat message', { name: data.name, msg: data.msg });
    ack({ ok: true, room: data.room });
  });
});

http.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
