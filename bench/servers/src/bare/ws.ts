// A bare `ws` echo server: what ws-echo's `/` does, and nothing else. BARE_WS_DEFLATE
// is `false` (ws's default: no permessage-deflate) or the JSON of its settings.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const deflate = JSON.parse(process.env.BARE_WS_DEFLATE ?? 'false');
const http = createServer();
const wss = new WebSocketServer({ server: http, perMessageDeflate: deflate });
wss.on('connection', (ws) => {
  ws.on('error', () => {});
  ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
  ws.send('Hi this is WebSocket server!');
});
http.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
