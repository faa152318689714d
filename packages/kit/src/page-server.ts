// The HTTP server of a chapter whose only HTTP route is its page (its lesson
// rides on upgrades: WebSocket, Socket.IO).
import { createServer, type Server } from 'node:http';
import type { ClientHandler } from './chapter.ts';

/**
 * An HTTP server that serves `client` (the kit's page handler), and answers
 * anything it passes on, or everything when there is no page (tests), with a
 * JSON 404 naming the request. Attach the chapter's upgrade handling to it.
 */
export function pageServer(client?: ClientHandler): Server {
  return createServer((req, res) => {
    const answer = (status: number, error: string) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error }));
    };
    const notFound = () => answer(404, `no route for ${req.method} ${req.url}`);
    if (!client) return notFound();
    client(req, res, (err) => {
      if (!err) return notFound();
      console.error(err);
      answer(500, 'internal error');
    });
  });
}
