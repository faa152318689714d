import type { Server } from 'node:net';
import { type Socket, connect as tcpConnect } from 'node:net';
import { type Listening, listening } from '@course/kit/test-server';
import { expect } from 'vitest';
import { type ClientOptions, type RawData, WebSocket } from 'ws';
import { createServers, GREETING, type ServersOptions } from '../server/app.ts';

/** A server listening on a free loopback port, with its WebSocket base URL. */
export interface Served extends Listening {
  /** `ws://127.0.0.1:<port>`: add the endpoint, `${ws}/` or `${ws}/naive`. */
  ws: string;
}

/** Starts `server` on a free port; `close()` ends every open connection, as the kit does. */
export async function serve(server: Server): Promise<Served> {
  const started = await listening(server);
  return { ...started, ws: `ws://127.0.0.1:${started.port}` };
}

/** Starts the chapter's server on a free port, keeping its log lines. */
export async function start(options: ServersOptions = {}) {
  const lines: string[] = [];
  const { http } = createServers({ log: (line) => lines.push(line), ...options });
  return { http, lines, ...(await serve(http)) };
}

/** A fresh client on `ws` is greeted and gets an echo: the server is still serving. */
export async function stillServing(ws: string): Promise<void> {
  const client = await openClient(`${ws}/`);
  const [greeting] = await client.received(1);
  expect(greeting?.data.toString()).toBe(GREETING);
  expect((await echoOf(client, 'still there?')).data.toString()).toBe('still there?');
  client.ws.close();
}

/** One message as a client received it. */
export interface Received {
  data: Buffer;
  isBinary: boolean;
}

/** A real `ws` client plus everything it received, in order. */
export interface Client {
  ws: WebSocket;
  inbox: Received[];
  /** Resolves once `count` messages have arrived in total. */
  received(count: number): Promise<Received[]>;
  /** Resolves with the close event's code and reason. */
  closed: Promise<{ code: number; reason: string }>;
}

const toBuffer = (data: RawData): Buffer =>
  Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);

/** Opens a `ws` client and resolves once it is open (rejects on a refused handshake). */
export function openClient(
  url: string,
  protocols: string[] = [],
  options: ClientOptions = {},
): Promise<Client> {
  const ws = new WebSocket(url, protocols, options);
  const inbox: Received[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data, isBinary) => {
    inbox.push({ data: toBuffer(data), isBinary });
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const received = (count: number) =>
    new Promise<Received[]>((resolve) => {
      const check = () => (inbox.length >= count ? resolve(inbox) : waiters.push(check));
      check();
    });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, inbox, received, closed }));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (piece: Buffer) => {
        body += piece.toString();
      });
      res.on('end', () =>
        reject(
          Object.assign(new Error(`HTTP ${res.statusCode}`), {
            status: res.statusCode,
            headers: res.headers,
            body,
          }),
        ),
      );
    });
  });
}

/** The client's greeting plus one echo: sends `data` and returns what came back. */
export async function echoOf(client: Client, data: string | Buffer, binary?: boolean) {
  const before = client.inbox.length;
  client.ws.send(data, binary === undefined ? {} : { binary });
  const inbox = await client.received(before + 1);
  return inbox[before] as Received;
}

/** A hand-written client frame: FIN set, masked (as RFC 6455 requires of clients) unless told not. */
export function frame(opcode: number, payload: Buffer, { masked = true, fin = true } = {}): Buffer {
  const head = [(fin ? 0x80 : 0) | opcode];
  const maskBit = masked ? 0x80 : 0;
  if (payload.length < 126) head.push(maskBit | payload.length);
  else head.push(maskBit | 126, payload.length >> 8, payload.length & 0xff);
  if (!masked) return Buffer.concat([Buffer.from(head), payload]);
  const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const body = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] as number)));
  return Buffer.concat([Buffer.from(head), mask, body]);
}

/** A raw TCP connection that has done the WebSocket handshake by hand. */
export interface RawClient {
  socket: Socket;
  /** Every byte received after the 101 response. */
  bytes(): Buffer;
  /** Resolves when the server has closed the TCP connection. */
  ended: Promise<void>;
}

/** Opens `node:net` to `port`, sends an upgrade request by hand and waits for the 101. */
export function rawHandshake(port: number, path = '/'): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    const ended = new Promise<void>((done) => socket.on('close', () => done()));
    socket.on('error', reject);
    socket.on('data', (piece: Buffer) => {
      buffer = Buffer.concat([buffer, piece]);
      if (upgraded) return;
      const end = buffer.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = buffer.subarray(0, end).toString();
      if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(head));
      upgraded = true;
      buffer = buffer.subarray(end + 4);
      resolve({ socket, bytes: () => buffer, ended });
    });
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
        'Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
  });
}

/** The close code in the server's close frame (opcode 8) among `bytes`, skipping the greeting. */
export function closeCodeIn(bytes: Buffer): number | undefined {
  let at = 0;
  while (at + 2 <= bytes.length) {
    const opcode = (bytes[at] as number) & 0x0f;
    let length = (bytes[at + 1] as number) & 0x7f;
    let start = at + 2;
    if (length === 126) {
      length = bytes.readUInt16BE(at + 2);
      start += 2;
    }
    if (opcode === 0x8) return bytes.readUInt16BE(start);
    at = start + length;
  }
  return undefined;
}
