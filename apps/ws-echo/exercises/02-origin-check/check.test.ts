// The check for "Only the allowed origins get a socket": your server, and ws clients that send
// the Origin header a browser would.
import type { RunningChapter } from '@course/kit';
import { say, startUnderCheck } from '@course/kit/exercise-check';
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
      reject(
        new Error(
          say({
            en: `the handshake with Origin ${origin} got no answer within 3 s`,
            ko: `Origin ${origin}인 핸드셰이크가 3초 안에 답을 받지 못했습니다`,
          }),
        ),
      );
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
/** How a greeted handshake reads, in the learner's language. */
const GREETED = say({ en: 'accepted (101) and greeted', ko: '받아들여져(101) 인사를 받음' });
const described = (outcome: Outcome) =>
  outcome.status === 101
    ? GREETED
    : `HTTP ${outcome.status}: ${'body' in outcome ? outcome.body : ''}`;

it(
  say({
    en: 'greets the page’s own origin, and a client that sends no Origin',
    ko: '페이지 자신의 출처와, Origin을 보내지 않는 클라이언트에게 인사한다',
  }),
  async () => {
    const fromPage = await handshake(own);
    expect(
      described(fromPage),
      say({
        en: `A handshake from the page's own origin ${own} should be greeted`,
        ko: `페이지 자신의 출처 ${own}에서 온 핸드셰이크는 인사를 받아야 합니다`,
      }),
    ).toBe(GREETED);
    const noOrigin = await handshake(undefined);
    expect(
      described(noOrigin),
      say({
        en: 'A client that sends no Origin (a CLI tool, not a browser) should be greeted',
        ko: 'Origin을 보내지 않는 클라이언트(브라우저가 아닌 CLI 도구)는 인사를 받아야 합니다',
      }),
    ).toBe(GREETED);
  },
);

it(
  say({
    en: 'greets an origin on WS_ALLOWED_ORIGINS',
    ko: 'WS_ALLOWED_ORIGINS에 있는 출처에게 인사한다',
  }),
  async () => {
    const outcome = await handshake(ALLOWED);
    expect(
      described(outcome),
      say({
        en: `With WS_ALLOWED_ORIGINS=${ALLOWED}, a handshake from ${ALLOWED} should be greeted`,
        ko: `WS_ALLOWED_ORIGINS=${ALLOWED}이면 ${ALLOWED}에서 온 핸드셰이크는 인사를 받아야 합니다`,
      }),
    ).toBe(GREETED);
  },
);

it(
  say({
    en: 'refuses another site’s Origin with HTTP 403, saying which Origin',
    ko: '다른 사이트의 Origin을 HTTP 403으로 거절하고, 어느 Origin인지 밝힌다',
  }),
  async () => {
    const outcome = await handshake('https://evil.example');
    expect(
      outcome.status,
      say({
        en: `A handshake from https://evil.example should get HTTP 403; it was ${described(outcome)}`,
        ko: `https://evil.example에서 온 핸드셰이크는 HTTP 403을 받아야 합니다. 실제 결과: ${described(outcome)}`,
      }),
    ).toBe(403);
    expect(
      'body' in outcome ? outcome.body : '',
      say({
        en: 'The 403 should say which Origin was refused, so whoever reads it knows why',
        ko: '403은 어느 Origin을 거절했는지 밝혀야 읽는 사람이 이유를 압니다',
      }),
    ).toContain('https://evil.example');
  },
);

it(
  say({
    en: 'refuses look-alikes: another port, a longer host name, a prefix, and Origin null',
    ko: '비슷해 보이는 것을 거절한다: 다른 포트, 더 긴 호스트 이름, 앞부분, Origin null',
  }),
  async () => {
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
        say({
          en: `Origin ${origin} is neither the page's own (${own}) nor ${ALLOWED}: compare whole origins, not parts. It was ${described(outcome)}`,
          ko: `Origin ${origin}은 페이지 자신의 출처(${own})도 ${ALLOWED}도 아닙니다. 일부가 아니라 출처 전체를 비교하세요. 실제 결과: ${described(outcome)}`,
        }),
      ).toBe(403);
    }
  },
);

it(
  say({
    en: 'still greets allowed clients after refusing others',
    ko: '다른 클라이언트를 거절한 뒤에도 허용된 클라이언트에게 계속 인사한다',
  }),
  async () => {
    await handshake('https://evil.example').catch(() => undefined);
    const outcome = await handshake(own);
    expect(
      described(outcome),
      say({
        en: 'After a refusal, the page’s own origin should still be greeted',
        ko: '거절한 뒤에도 페이지 자신의 출처는 인사를 받아야 합니다',
      }),
    ).toBe(GREETED);
    expect(
      'greeting' in outcome ? outcome.greeting : '',
      say({ en: 'The greeting', ko: '인사말' }),
    ).toBe(GREETING);
  },
);
