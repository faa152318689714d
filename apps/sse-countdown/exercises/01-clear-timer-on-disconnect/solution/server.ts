// Exercise: clear the timer when the client goes. One solution.
import { createServer } from 'node:http';
import { defineChapter, intVar } from '@course/kit';
import express from 'express';
import { countData, START } from '../../../server/app.ts';

/** The lecture's countdown on /countdown: START down to 0, one number per interval. */
export default defineChapter({
  env: { COUNTDOWN_INTERVAL_MS: intVar(1000, 10, 60_000) },
  create: ({ client, env, log }) => {
    const app = express();

    app.get('/countdown', (_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
      });

      // This response's next number; one timer per client, never shared.
      let next: NodeJS.Timeout | undefined;
      /** Sends `count`, then schedules the next number, or ends the response after 0. */
      const countdown = (count: number) => {
        res.write(`data: ${countData(count)}\n\n`);
        log(`countdown: sent ${count}`);
        if (count > 0) next = setTimeout(() => countdown(count - 1), env.COUNTDOWN_INTERVAL_MS);
        else res.end();
      };
      // The response closed, whichever side closed it: nothing more to send.
      res.on('close', () => clearTimeout(next));
      countdown(START);
    });

    // The page, then a 404.
    app.use(client);
    return { PORT: createServer(app) };
  },
});
