// Exercise: resume from Last-Event-ID. See README.md beside this folder.
import { createServer } from 'node:http';
import { defineChapter, intVar } from '@course/kit';
import express from 'express';
import { countData, START } from '../../../server/app.ts';

/** The lecture's countdown on /countdown, START to 0; its timer stops when the client goes. */
export default defineChapter({
  env: { COUNTDOWN_INTERVAL_MS: intVar(1000, 10, 60_000) },
  create: ({ client, env, log }) => {
    const app = express();

    app.get('/countdown', (req, res) => {
      // TODO: a reconnect says where it was (Last-Event-ID): carry on after it. Every connection
      // starts at START here, so after 0 the browser reconnects and gets the countdown again.
      const first = START;
      log(`countdown: from ${first} (Last-Event-ID: ${req.get('last-event-id') ?? 'none'})`);

      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
      });
      let next: NodeJS.Timeout | undefined;
      /** Sends `count`, then schedules the next number, or ends the response after 0. */
      const countdown = (count: number) => {
        // TODO: give each event an id:, the id the browser sends back when it reconnects.
        res.write(`data: ${countData(count)}\n\n`);
        if (count > 0) next = setTimeout(() => countdown(count - 1), env.COUNTDOWN_INTERVAL_MS);
        else res.end();
      };
      // The response closed, whichever side closed it: nothing more to send.
      res.on('close', () => clearTimeout(next));
      countdown(first);
    });

    // The page, then a 404.
    app.use(client);
    return { PORT: createServer(app) };
  },
});
