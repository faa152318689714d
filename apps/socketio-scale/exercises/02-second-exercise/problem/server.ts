// Exercise: Second exercise. See README.md beside this folder.
import { createServer } from 'node:http';
import { defineChapter } from '@course/kit';

/** One route to finish; everything else is the page. */
export default defineChapter({
  create: ({ client }) => ({
    PORT: createServer((req, res) => {
      if (req.url === '/api/status') {
        // TODO: answer 200 with {"ok": true}
        res.writeHead(501, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'not done yet' }));
        return;
      }
      client(req, res, () => res.writeHead(404).end());
    }),
  }),
});
