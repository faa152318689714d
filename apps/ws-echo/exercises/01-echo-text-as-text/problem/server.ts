// Exercise: an echo that keeps text as text. See README.md beside this folder.
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
      // message: log it, then send it back.
      ws.on('message', (data) => {
        log(`received: ${data}`);
        // TODO: the page sent a string, but the echo reaches it as a Blob.
        ws.send(data);
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
