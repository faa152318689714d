// The check for "Ask only for what is new": the chapter's real server, your page, a real
// browser, and the server's own count of what went over the wire.
import { type CheckBrowser, openBrowser } from '@course/e2e/exercise-browser';
import type { RunningChapter } from '@course/kit';
import { say, startUnderCheck } from '@course/kit/exercise-check';
import { isLang } from '@course/kit/i18n';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunStats, TechniqueStats } from '../../server/protocol.ts';
import messages from './messages.ts';

/** What the page asks for: 10 messages, polled every 200 ms. */
const MESSAGES = 10;
const INTERVAL_MS = 200;
const ALL = Array.from({ length: MESSAGES }, (_, i) => `message ${i + 1} of ${MESSAGES}`);

let server: RunningChapter;
let browser: CheckBrowser;

beforeAll(async () => {
  server = await startUnderCheck(import.meta.dirname);
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The lines the page lists, in order. */
const lines = () => browser.page.locator('#received li').allTextContents();

/** What the server measured for the page's short polling, in the run the page started. */
async function measured(): Promise<TechniqueStats> {
  const id = (await browser.page.locator('#run-id').textContent()) ?? '';
  const res = await fetch(`${server.url}/api/runs/${encodeURIComponent(id)}`);
  expect(
    res.status,
    say({
      en: `GET /api/runs/${id} should find the run the page started`,
      ko: `GET /api/runs/${id}는 페이지가 시작한 실행을 찾아야 합니다`,
    }),
  ).toBe(200);
  const stats = (await res.json()) as RunStats;
  return stats.techniques.find((t) => t.technique === 'short-poll') as TechniqueStats;
}

/** The page's own word for "done", in the language it shows (the browser's). */
async function doneText(): Promise<string> {
  const lang = await browser.page.locator('html').getAttribute('lang');
  return messages[isLang(lang) ? lang : 'en'].stateDone;
}

it(
  say({
    en: "shows the run's messages as they are published",
    ko: '발행되는 대로 실행의 메시지를 보여 준다',
  }),
  async () => {
    await browser.page.goto(`${server.url}/`);
    await browser.page.click('#start');
    await expect
      .poll(lines, {
        message: say({
          en: `After "Start a run", the page should list the last message, "${ALL.at(-1)}"`,
          ko: `"실행 시작"을 누른 뒤 페이지는 마지막 메시지 "${ALL.at(-1)}"을 목록에 보여 줘야 합니다`,
        }),
      })
      .toContain(ALL.at(-1));
  },
);

it(
  say({ en: 'shows each message once, in order', ko: '메시지마다 한 번씩, 순서대로 보여 준다' }),
  async () => {
    const shown = await lines();
    expect(
      shown,
      say({
        en: `The page should list the ${MESSAGES} messages once each, in order; it lists ${shown.length} lines. Each poll brings everything again: ask only for what is newer than the last seq you have.`,
        ko: `페이지는 메시지 ${MESSAGES}개를 한 번씩 순서대로 보여 줘야 하는데, ${shown.length}줄을 보여 줍니다. 폴링할 때마다 전부를 다시 가져옵니다. 가진 마지막 seq보다 새로운 것만 물으세요.`,
      }),
    ).toEqual(ALL);
  },
);

it(
  say({
    en: 'asks only for what is new: each message crosses the wire once',
    ko: '새로운 것만 묻는다: 메시지마다 한 번만 전송된다',
  }),
  async () => {
    const { sent, requests } = await measured();
    expect(
      sent,
      say({
        en: `Over ${requests} polls, the server sent ${sent} messages for a run of ${MESSAGES}. Send the last seq you have as after=<seq>, so each poll brings only what is new.`,
        ko: `폴링 ${requests}번 동안 서버는 메시지 ${MESSAGES}개짜리 실행에서 메시지 ${sent}개를 보냈습니다. 가진 마지막 seq를 after=<seq>로 보내서, 폴링마다 새로운 것만 가져오게 하세요.`,
      }),
    ).toBe(MESSAGES);
  },
);

it(
  say({ en: 'stops polling once the feed is done', ko: '피드가 끝나면 폴링을 멈춘다' }),
  async () => {
    const done = await doneText();
    await expect
      .poll(() => browser.page.locator('#state').textContent(), {
        message: say({
          en: `Once the last answer says done, the state line should say ${done}`,
          ko: `마지막 응답이 done이면 상태 줄에 "${done}" 표시가 나와야 합니다`,
        }),
      })
      .toBe(done);
    const before = (await measured()).requests;
    // Five intervals: a page that still polls asks about five more times.
    await new Promise((resolve) => setTimeout(resolve, 5 * INTERVAL_MS));
    const after = (await measured()).requests;
    expect(
      after - before,
      say({
        en: `The feed is over, yet the page polled ${after - before} more times in ${5 * INTERVAL_MS} ms. Once an answer says done, ask no more.`,
        ko: `피드가 끝났는데도 페이지가 ${5 * INTERVAL_MS} ms 동안 ${after - before}번 더 폴링했습니다. 응답이 done이라고 하면 더 묻지 마세요.`,
      }),
    ).toBe(0);
  },
);
