// The check for "Only the allowed origins get a socket": your server, and ws clients that send
// the Origin header a browser would.
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { GREETING } from '../../server/app.ts';

/** The one extra origin the check allows, as a dev server on another port would be. */
const ALLOWED = 'http://localhost:5173';

let server: RunningChapter;
let own: string;

beforeAll(async () => {
  server = await startUnderCheck(import.meta.dirname, { WS_ALLOWED_ORIGINS: ALLOWED });
  own = `http://127.0.0.1:${server.ports.PORT}`;
});
afterAll(async () => {
  await server?.close();
});

/** How a handshake ended: greeted (101, then the greeting), or refused with a status and body. */
type Outcome = { status: 101; greeting: string } | { status: number; body: string };

/** Opens a ws client on ws://127.0.0.1:PORT/ with `origin` in the handshake (none when undefined). */
function handshake(origin: string | undefined): Promise<Outcome> {
  const ws = new WebSocket(
    `ws://127.0.0.1:${server.ports.PORT}/`,
    origin === undefined ? {} : { origin },
  );
  return new Promise<Outcome>((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`the handshake with Origin ${origin} got no answer within 3 s`));
    }, 3000);
    const done = (outcome: Outcome) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    // message: the server accepted and greeted; close politely.
    ws.once('message', (data) => {
      ws.close(1000, 'done');
      done({ status: 101, greeting: String(data) });
    });
    // unexpected-response: the server answered the upgrade with plain HTTP; read why.
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (piece: Buffer) => {
        body += piece.toString();
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, body: body.trim() }));
    });
    ws.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** What a learner reads when a handshake ended the wrong way. */
const described = (outcome: Outcome) =>
  outcome.status === 101
    ? `accepted (101) and greeted`
    : `HTTP ${outcome.status}: ${'body' in outcome ? outcome.body : ''}`;

it('greets the page’s own origin, and a client that sends no Origin', async () => {
  const fromPage = await handshake(own);
  expect(
    described(fromPage),
    `A handshake from the page's own origin ${own} should be greeted`,
  ).toBe('accepted (101) and greeted');
  const noOrigin = await handshake(undefined);
  expect(
    described(noOrigin),
    'A client that sends no Origin (a CLI tool, not a browser) should be greeted',
  ).toBe('accepted (101) and greeted');
});

it('greets an origin on WS_ALLOWED_ORIGINS', async () => {
  const outcome = await handshake(ALLOWED);
  expect(
    described(outcome),
    `With WS_ALLOWED_ORIGINS=${ALLOWED}, a handshake from ${ALLOWED} should be greeted`,
  ).toBe('accepted (101) and greeted');
});

it('refuses another site’s Origin with HTTP 403, saying which Origin', async () => {
  const outcome = await handshake('https://evil.example');
  expect(
    outcome.status,
    `A handshake from https://evil.example should get HTTP 403; it was ${described(outcome)}`,
  ).toBe(403);
  expect(
    'body' in outcome ? outcome.body : '',
    'The 403 should say which Origin was refused, so whoever reads it knows why',
  ).toContain('https://evil.example');
});

it('refuses look-alikes: another port, a longer host name, a prefix, and Origin null', async () => {
  const port = server.ports.PORT as number;
  const lookAlikes = [
    `http://127.0.0.1:${port + 1}`,
    `http://127.0.0.1:${port}.evil.example`,
    `${ALLOWED}.evil.example`,
    ALLOWED.slice(0, -1),
    'null',
  ];
  for (const origin of lookAlikes) {
    const outcome = await handshake(origin);
    expect(
      outcome.status,
      `Origin ${origin} is neither the page's own (${own}) nor ${ALLOWED}: compare whole origins, not parts. It was ${described(outcome)}`,
    ).toBe(403);
  }
});

it('still greets allowed clients after refusing others', async () => {
  await handshake('https://evil.example').catch(() => undefined);
  const outcome = await handshake(own);
  expect(described(outcome), 'After a refusal, the page’s own origin should still be greeted').toBe(
    'accepted (101) and greeted',
  );
  expect('greeting' in outcome ? outcome.greeting : '', 'The greeting').toBe(GREETING);
});
