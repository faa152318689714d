// The check for "An echo that keeps text as text": your server, real ws clients, then a real browser.
import { type CheckBrowser, openBrowser } from '@course/e2e/exercise-browser';
import type { RunningChapter } from '@course/kit';
import { say, startUnderCheck } from '@course/kit/exercise-check';
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
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              say({ en: 'no message came within 3 s', ko: '3초 안에 메시지가 오지 않았습니다' }),
            ),
          ),
        3000,
      );
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

/** The two frame types, as a learner reads them in a failed step. */
const TEXT_FRAME = say({ en: 'a text frame', ko: '텍스트 프레임' });
const BINARY_FRAME = say({ en: 'a binary frame', ko: '바이너리 프레임' });
const kind = (message: Received) => (message.isBinary ? BINARY_FRAME : TEXT_FRAME);

it(
  say({
    en: 'greets each new client with the lecture’s text, as a text frame',
    ko: '새 클라이언트마다 강의의 문구로, 텍스트 프레임으로 인사한다',
  }),
  async () => {
    const { next } = await connect();
    const greeting = await next();
    expect(
      greeting.text,
      say({
        en: 'The first message should be the greeting',
        ko: '첫 메시지는 인사말이어야 합니다',
      }),
    ).toBe(GREETING);
    expect(
      kind(greeting),
      say({
        en: 'The greeting is a string, so it should travel as a text frame',
        ko: '인사말은 문자열이므로 텍스트 프레임으로 가야 합니다',
      }),
    ).toBe(TEXT_FRAME);
  },
);

it(
  say({
    en: 'echoes text as text, non-ASCII included',
    ko: 'ASCII가 아닌 글자까지 텍스트를 텍스트로 에코한다',
  }),
  async () => {
    const { ws, next } = await connect();
    await next();
    for (const sent of ['hello', '안녕하세요 👋']) {
      ws.send(sent);
      const echo = await next();
      expect(
        echo.text,
        say({
          en: `The echo of '${sent}' should have the same characters`,
          ko: `'${sent}'의 에코는 같은 글자여야 합니다`,
        }),
      ).toBe(sent);
      expect(
        kind(echo),
        say({
          en: `'${sent}' went out as a text frame, so its echo should too (a binary frame reaches a browser as a Blob, not a string)`,
          ko: `'${sent}'는 텍스트 프레임으로 나갔으므로 에코도 텍스트 프레임이어야 합니다(바이너리 프레임은 브라우저에 문자열이 아니라 Blob으로 도착합니다)`,
        }),
      ).toBe(TEXT_FRAME);
    }
  },
);

it(
  say({
    en: 'echoes binary as binary, byte for byte',
    ko: '바이너리를 바이너리로, 바이트 하나 다르지 않게 에코한다',
  }),
  async () => {
    const { ws, next } = await connect();
    await next();
    const sent = Buffer.from([0x00, 0xff, 0x68, 0x69]);
    ws.send(sent);
    const echo = await next();
    expect(
      kind(echo),
      say({
        en: 'Bytes went out as a binary frame, so their echo should too',
        ko: '바이트는 바이너리 프레임으로 나갔으므로 에코도 바이너리 프레임이어야 합니다',
      }),
    ).toBe(BINARY_FRAME);
    expect(
      echo.bytes.equals(sent),
      say({
        en: 'The echo should hold the same 4 bytes: 00 ff 68 69',
        ko: '에코는 같은 4바이트 00 ff 68 69를 담아야 합니다',
      }),
    ).toBe(true);
  },
);

it(
  say({
    en: 'the page gets a string back, not a Blob',
    ko: '페이지가 Blob이 아니라 문자열을 돌려받는다',
  }),
  async () => {
    const browser = await launching;
    if (browser instanceof Error) throw browser;
    const { page } = browser;
    // The page in English whatever the machine's language: the step reads its log line.
    await page.goto(`${server.url}/?lang=en`);
    await page.click('#send-text');
    // What the page's log says the echo arrived as: "string 'hello'", or "Blob, 5 bytes: …".
    const arrivedAs = async () =>
      ((await page.locator('#log').textContent()) ?? '').split('the echo arrived as ')[1] ?? '';
    await expect
      .poll(arrivedAs, {
        message: say({
          en: "After a click on Send the string 'hello', the page should log that the echo arrived as string 'hello'",
          ko: "“문자열 'hello' 보내기”를 누른 뒤, 페이지는 에코가 string 'hello'로 도착했다고 기록해야 합니다",
        }),
      })
      .toBe("string 'hello'");
  },
);
