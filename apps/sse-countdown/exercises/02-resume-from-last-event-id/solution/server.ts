// Exercise: resume from Last-Event-ID. One solution.
import { createServer } from 'node:http';
import { defineChapter, intVar } from '@course/kit';
import express from 'express';
import { countData, START } from '../../../server/app.ts';

/**
 * The first count to send for a `Last-Event-ID`: the one after it. START when there is
 * none, or when it is not an id this server sends (`banana`, `42`). -1 once it was 0.
 */
function resumeAfter(lastEventId: string | undefined): number {
  for (let count = START; count >= 0; count--) if (String(count) === lastEventId) return count - 1;
  return START;
}

/** The lecture's countdown on /countdown, START to 0; its timer stops when the client goes. */
export default defineChapter({
  env: { COUNTDOWN_INTERVAL_MS: intVar(1000, 10, 60_000) },
  create: ({ client, env, log }) => {
    const app = express();

    app.get('/countdown', (req, res) => {
      // A reconnect says where it was: carry on after it.
      const first = resumeAfter(req.get('last-event-id'));
      // The client has 0 already. 204 No Content tells EventSource to stop reconnecting.
      if (first < 0) return void res.status(204).end();
      log(`countdown: from ${first} (Last-Event-ID: ${req.get('last-event-id') ?? 'none'})`);

      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
      });
      let next: NodeJS.Timeout | undefined;
      /** Sends `count`, then schedules the next number, or ends the response after 0. */
      const countdown = (count: number) => {
        // The id: is what the browser sends back as Last-Event-ID when it reconnects.
        res.write(`id: ${count}\ndata: ${countData(count)}\n\n`);
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
