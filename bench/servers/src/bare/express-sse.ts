// A bare Express server streaming the same countdown as sse-countdown's `/countdown`:
// `retry:`, the numbers 10 to 0 with their ids one interval apart, the `end` event,
// a heartbeat timer, and `/stats`. No quota, no query checks, no resume, no page.
import { createServer } from 'node:http';
import express from 'express';

const intervalMs = Number(process.env.COUNTDOWN_INTERVAL_MS ?? 1000);
const app = express();
let open = 0;

app.get('/countdown', (_req, res) => {
  open++;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  res.write('retry: 1000\n\n');
  let cnt = 10;
  const send = () => res.write(`id: ${cnt}\ndata: {"id":"kgh","cnt":${cnt}}\n\n`);
  send();
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 15_000);
  const countdown = setInterval(() => {
    cnt--;
    if (cnt >= 0) return void send();
    res.end('event: end\nid: end\ndata: {"id":"kgh","done":true}\n\n');
  }, intervalMs);
  res.on('close', () => {
    open--;
    clearInterval(heartbeat);
    clearInterval(countdown);
  });
});
app.get('/stats', (_req, res) => void res.json({ activeStreams: open }));

createServer(app).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
