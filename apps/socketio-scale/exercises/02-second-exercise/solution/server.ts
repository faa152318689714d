// Exercise: Second exercise. One solution.
import { createServer } from 'node:http';
import { defineChapter } from '@course/kit';

/** One route to finish; everything else is the page. */
export default defineChapter({
  create: ({ client }) => ({
    PORT: createServer((req, res) => {
      if (req.url === '/api/status') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ ok: true }));
        return;
      }
      client(req, res, () => res.writeHead(404).end());
    }),
  }),
});
