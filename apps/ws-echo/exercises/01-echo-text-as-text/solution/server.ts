// Exercise: an echo that keeps text as text. One solution.
import { defineChapter, pageServer } from '@course/kit';
import { WebSocketServer } from 'ws';
import { GREETING } from '../../../server/app.ts';

/** The lecture's ws server on the page's HTTP server, with the echo it leaves out. */
export default defineChapter({
  create: ({ client, log }) => {
    const http = pageServer(client);
    const wss = new WebSocketServer({ server: http });

    // connection: greet the new client, then echo whatever it sends.
    wss.on('connection', (ws) => {
      // message: log it, then send it back as the same kind of frame.
      ws.on('message', (data, isBinary) => {
        // A text message arrives as a Buffer too: isBinary is what tells the two apart.
        log(isBinary ? 'received: <binary>' : `received: ${data}`);
        ws.send(data, { binary: isBinary });
      });
      // error: a bad frame from this client; ws closes the connection itself.
      ws.on('error', (error) => log(`error: ${error.message}`));
      ws.send(GREETING);
    });

    // close: the kit has stopped the HTTP server; stop the WebSocket server with it.
    http.on('close', () => wss.close());
    return { PORT: http };
  },
});
