// The check for "A chat event that answers bad input": your server and two socket.io-client
// clients, A (who sends) and B (who watches what everyone gets).
import type { RunningChapter } from '@course/kit';
import { say, startUnderCheck } from '@course/kit/exercise-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../events.ts';

type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long to wait for an ack: a server that answers, answers at once. */
const ACK_MS = 2000;

let server: RunningChapter;
let a: ChatClient;
let b: ChatClient;
/** Every `msg` B received, in order. */
const delivered: unknown[] = [];
/** What the server threw: in-process here, but in a real server each one ends the process. */
const thrown: Error[] = [];
const onThrow = (error: Error) => thrown.push(error);

/** A client of the page's server, connected and logged in as `name`. */
async function loggedIn(name: string): Promise<ChatClient> {
  const client: ChatClient = io(`http://127.0.0.1:${server.ports.PORT}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('connect_error', reject);
  });
  const ack = await client
    .timeout(ACK_MS)
    .emitWithAck('login', { name, userid: `${name}@example.com` });
  if (!ack.ok)
    throw new Error(
      say({
        en: `login of ${name} was refused: ${ack.error}`,
        ko: `${name}의 login이 거부되었습니다: ${ack.error}`,
      }),
    );
  return client;
}

beforeAll(async () => {
  process.on('uncaughtException', onThrow);
  server = await startUnderCheck(import.meta.dirname);
  a = await loggedIn('a');
  b = await loggedIn('b');
  b.on('chat', (message) => delivered.push(message.msg));
});
afterAll(async () => {
  a?.disconnect();
  b?.disconnect();
  await server?.close();
  process.off('uncaughtException', onThrow);
});

/** A's `chat` with exactly `args` (which the event map would refuse), and its ack or 'no ack'. */
async function send(...args: unknown[]): Promise<unknown> {
  try {
    return await (a as unknown as Socket).timeout(ACK_MS).emitWithAck('chat', ...args);
  } catch {
    return 'no ack';
  }
}

/** What a learner reads about one ack, with what the server threw meanwhile. */
function describe(ack: unknown, throwsBefore: number): string {
  if (ack !== 'no ack') return JSON.stringify(ack);
  const error = thrown.slice(throwsBefore)[0];
  return error
    ? say({
        en: `no ack within ${ACK_MS} ms: the handler threw ${error} (in a real server, that stops the process)`,
        ko: `${ACK_MS} ms 안에 확인 응답 없음: 핸들러가 ${error}를 던졌습니다 (실제 서버라면 프로세스가 멈춥니다)`,
      })
    : say({ en: `no ack within ${ACK_MS} ms`, ko: `${ACK_MS} ms 안에 확인 응답 없음` });
}

/** An ack as the steps compare it: "an error ack naming …", or what came instead. */
function verdict(ack: unknown, throwsBefore: number, field?: string): string {
  const answered = typeof ack === 'object' && ack !== null ? (ack as Record<string, unknown>) : {};
  if (answered.ok === false && typeof answered.error === 'string' && answered.error !== '') {
    if (field === undefined) return say({ en: 'an error ack', ko: '오류 확인 응답' });
    if (answered.error.includes(field))
      return say({ en: `an error ack naming ${field}`, ko: `${field}를 말하는 오류 확인 응답` });
  }
  return describe(ack, throwsBefore);
}

/** A delivered `msg` as a short line: long strings cut, with their length. */
const shown = (msg: unknown) =>
  typeof msg === 'string' && msg.length > 20
    ? say({
        en: `"${msg.slice(0, 10)}…" (${msg.length} characters)`,
        ko: `"${msg.slice(0, 10)}…" (${msg.length}자)`,
      })
    : (JSON.stringify(msg) ?? 'undefined');

/** Sends a good message from A and waits until B has it: what B got before it had to come earlier. */
async function flush(marker: string): Promise<void> {
  await send({ msg: marker });
  await expect
    .poll(() => delivered.includes(marker), {
      message: say({
        en: `B should get the message '${marker}'`,
        ko: `B가 메시지 '${marker}'를 받아야 합니다`,
      }),
    })
    .toBe(true);
}

it(
  say({
    en: 'delivers a good message to everyone and acks {ok: true}',
    ko: '올바른 메시지를 모두에게 전달하고 {ok: true}로 확인 응답한다',
  }),
  async () => {
    const ack = await send({ msg: 'hello' });
    expect(
      ack,
      say({
        en: 'A chat {msg: "hello"} should be acked {ok: true}',
        ko: 'chat {msg: "hello"}는 확인 응답 {ok: true}를 받아야 합니다',
      }),
    ).toEqual({ ok: true });
    await expect
      .poll(() => delivered, {
        message: say({
          en: "The other client, B, should get 'hello'",
          ko: "다른 클라이언트 B가 'hello'를 받아야 합니다",
        }),
      })
      .toContain('hello');
  },
);

it(
  say({
    en: 'answers a msg that is missing, not a string, blank or over 2000 characters with an error ack naming "msg"',
    ko: 'msg가 없거나, 문자열이 아니거나, 비어 있거나, 2000자를 넘으면 "msg"를 말하는 오류 확인 응답으로 답한다',
  }),
  async () => {
    const bad: [string, unknown][] = [
      ['{}', {}],
      ['{msg: 42}', { msg: 42 }],
      ['{msg: null}', { msg: null }],
      ["{msg: ''}", { msg: '' }],
      ["{msg: '   '}", { msg: '   ' }],
      [say({ en: '{msg: 2001 characters}', ko: '{msg: 2001자}' }), { msg: 'a'.repeat(2001) }],
    ];
    for (const [label, payload] of bad) {
      const before = thrown.length;
      const got = verdict(await send(payload), before, '"msg"');
      expect(
        got,
        say({
          en: `A chat ${label} should get {ok: false, error: "…"} with an error that names "msg"; it got ${got}`,
          ko: `chat ${label}은 "msg"를 말하는 error가 담긴 {ok: false, error: "…"}를 받아야 합니다. 받은 것: ${got}`,
        }),
      ).toBe(say({ en: 'an error ack naming "msg"', ko: '"msg"를 말하는 오류 확인 응답' }));
    }
  },
);

it(
  say({
    en: 'sends nothing to anyone for bad input',
    ko: '잘못된 입력은 아무에게도 보내지 않는다',
  }),
  async () => {
    const from = delivered.length;
    for (const payload of [{}, { msg: 42 }, { msg: '' }, { msg: '   ' }, { msg: 'a'.repeat(2001) }])
      await send(payload);
    await flush('after the bad ones');
    const leaked = delivered.slice(from, -1).map(shown);
    const nothing = say({ en: 'nothing', ko: '없음' });
    const got = leaked.join(', ') || nothing;
    expect(
      got,
      say({
        en: `B should get nothing for the bad payloads, only the good message after them; it got ${got}`,
        ko: `B는 잘못된 페이로드를 하나도 받지 않고, 그 뒤의 올바른 메시지만 받아야 합니다. 받은 것: ${got}`,
      }),
    ).toBe(nothing);
  },
);

it(
  say({
    en: 'answers a payload that is not an object, or none at all, with an error ack, and stays connected',
    ko: '객체가 아닌 페이로드나 페이로드가 없는 경우 오류 확인 응답으로 답하고, 연결을 유지한다',
  }),
  async () => {
    const bad: [string, unknown[]][] = [
      ['null', [null]],
      ["'hello'", ['hello']],
      ['42', [42]],
      [say({ en: 'no payload, just the ack', ko: '페이로드 없이 확인 응답 콜백만' }), []],
    ];
    for (const [label, args] of bad) {
      const before = thrown.length;
      const got = verdict(await send(...args), before);
      expect(
        got,
        say({
          en: `A chat with ${label} should get {ok: false, error: "…"} that says what is wrong; it got ${got}`,
          ko: `${label}을 담은 chat은 무엇이 잘못됐는지 말하는 {ok: false, error: "…"}를 받아야 합니다. 받은 것: ${got}`,
        }),
      ).toBe(say({ en: 'an error ack', ko: '오류 확인 응답' }));
    }
    expect(
      a.connected,
      say({
        en: 'A should still be connected after its bad payloads',
        ko: '잘못된 페이로드를 보낸 뒤에도 A는 연결되어 있어야 합니다',
      }),
    ).toBe(true);
  },
);

it(
  say({
    en: 'handles a chat sent without an ack callback, and nothing throws',
    ko: '확인 응답 콜백 없이 보낸 chat도 처리하고, 아무것도 예외를 던지지 않는다',
  }),
  async () => {
    const before = thrown.length;
    const from = delivered.length;
    (a as unknown as Socket).emit('chat', { msg: 'no ack wanted' });
    (a as unknown as Socket).emit('chat', {});
    (a as unknown as Socket).emit('chat', null);
    await flush('after the ones without an ack');
    const nothing = say({ en: 'nothing', ko: '없음' });
    const threw = thrown.slice(before).map(String).join('; ') || nothing;
    expect(
      threw,
      say({
        en: `A chat without an ack callback (socket.emit with no function) should not make the handler throw; it threw ${threw}`,
        ko: `확인 응답 콜백 없는 chat(함수 없이 socket.emit)이 핸들러에서 예외를 일으키면 안 됩니다. 던진 것: ${threw}`,
      }),
    ).toBe(nothing);
    const got = delivered.slice(from, -1).map(shown);
    expect(
      got.join(', '),
      say({
        en: `Of {msg: 'no ack wanted'}, {} and null sent without an ack, B should get 'no ack wanted' alone; it got ${got.join(', ') || 'nothing'}`,
        ko: `확인 응답 없이 보낸 {msg: 'no ack wanted'}, {}, null 중 B는 'no ack wanted'만 받아야 합니다. 받은 것: ${got.join(', ') || nothing}`,
      }),
    ).toBe('"no ack wanted"');
  },
);
