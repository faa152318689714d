// The check for "An echo that keeps text as text": your server, real ws clients, then a real browser.
import { type CheckBrowser, openBrowser } from '@course/e2e/exercise-browser';
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RawData, WebSocket } from 'ws';
import { GREETING } from '../../server/app.ts';

/** One message as the client received it: its bytes and the frame type. */
interface Received {
  text: string;
  bytes: Buffer;
  isBinary: boolean;
}

let server: RunningChapter;
/** Chromium starts while the ws steps run; only the last step waits for it. */
let launching: Promise<CheckBrowser | Error>;
const clients: WebSocket[] = [];

beforeAll(async () => {
  launching = openBrowser().catch((error: Error) => error);
  server = await startUnderCheck(import.meta.dirname);
});
afterAll(async () => {
  for (const client of clients) client.terminate();
  const launched = await launching;
  if (!(launched instanceof Error)) await launched.close();
  await server?.close();
});

const toBuffer = (data: RawData): Buffer =>
  Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);

/** A connected ws client and a way to wait for its next message. */
async function connect(): Promise<{ ws: WebSocket; next: () => Promise<Received> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.ports.PORT}/`);
  clients.push(ws);
  const inbox: Received[] = [];
  const waiting: ((message: Received) => void)[] = [];
  ws.on('message', (data, isBinary) => {
    const bytes = toBuffer(data);
    const message = { text: bytes.toString('utf8'), bytes, isBinary };
    const wake = waiting.shift();
    if (wake) wake(message);
    else inbox.push(message);
  });
  const next = () =>
    new Promise<Received>((resolve, reject) => {
      const early = inbox.shift();
      if (early) return resolve(early);
      const timer = setTimeout(() => reject(new Error('no message came within 3 s')), 3000);
      waiting.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, next };
}

const kind = (message: Received) => (message.isBinary ? 'a binary frame' : 'a text frame');

it('greets each new client with the lecture’s text, as a text frame', async () => {
  const { next } = await connect();
  const greeting = await next();
  expect(greeting.text, 'The first message should be the greeting').toBe(GREETING);
  expect(kind(greeting), 'The greeting is a string, so it should travel as a text frame').toBe(
    'a text frame',
  );
});

it('echoes text as text, non-ASCII included', async () => {
  const { ws, next } = await connect();
  await next();
  for (const sent of ['hello', '안녕하세요 👋']) {
    ws.send(sent);
    const echo = await next();
    expect(echo.text, `The echo of '${sent}' should have the same characters`).toBe(sent);
    expect(
      kind(echo),
      `'${sent}' went out as a text frame, so its echo should too (a binary frame reaches a browser as a Blob, not a string)`,
    ).toBe('a text frame');
  }
});

it('echoes binary as binary, byte for byte', async () => {
  const { ws, next } = await connect();
  await next();
  const sent = Buffer.from([0x00, 0xff, 0x68, 0x69]);
  ws.send(sent);
  const echo = await next();
  expect(kind(echo), 'Bytes went out as a binary frame, so their echo should too').toBe(
    'a binary frame',
  );
  expect(echo.bytes.equals(sent), 'The echo should hold the same 4 bytes: 00 ff 68 69').toBe(true);
});

it('the page gets a string back, not a Blob', async () => {
  const browser = await launching;
  if (browser instanceof Error) throw browser;
  const { page } = browser;
  await page.goto(`${server.url}/`);
  await page.click('#send-text');
  // What the page's log says the echo arrived as: "string 'hello'", or "Blob, 5 bytes: …".
  const arrivedAs = async () =>
    ((await page.locator('#log').textContent()) ?? '').split('the echo arrived as ')[1] ?? '';
  await expect
    .poll(arrivedAs, {
      message:
        "After a click on Send the string 'hello', the page should log that the echo arrived as string 'hello'",
    })
    .toBe("string 'hello'");
});
