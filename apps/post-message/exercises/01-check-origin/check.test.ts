// The check for "Check who is talking": the chapter's three origins, your parent page, the
// chapter's trusted frame and third origin, in a real browser.
import { type CheckBrowser, openBrowser } from '@course/e2e/exercise-browser';
import type { RunningChapter } from '@course/kit';
import { checkLang, say, startUnderCheck } from '@course/kit/exercise-check';
import type { Frame } from '@playwright/test';
import { afterAll, beforeAll, expect, it } from 'vitest';
import messages from '../../client/src/messages.ts';

// The pages' texts in the learner's language (the terminal's), which the check opens them in.
const t = messages[checkLang];

let server: RunningChapter;
let browser: CheckBrowser;
/** The three origins as the browser spells them. */
let frameOrigin: string;
let thirdOrigin: string;

beforeAll(async () => {
  server = await startUnderCheck(import.meta.dirname);
  frameOrigin = `http://localhost:${server.ports.FRAME_PORT}`;
  thirdOrigin = `http://localhost:${server.ports.THIRD_PORT}`;
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The lines of the log list `id`, one per line. */
const text = async (id: string) =>
  (await browser.page.locator(`#${id} li`).allTextContents()).join('\n');
const third = () => browser.page.frameLocator('#third');

/** The third origin's window, once its page has loaded. */
function thirdFrame(): Frame {
  const found = browser.page.frames().find((frame) => frame.url().startsWith(thirdOrigin));
  if (!found) throw new Error(`No iframe from ${thirdOrigin} on the page`);
  return found;
}

it(
  say({ en: "shows the trusted frame's reply", ko: '신뢰하는 프레임의 답장을 보여 준다' }),
  async () => {
    await browser.page.goto(`${server.url}/?lang=${checkLang}`);
    await browser.page.click('#hello-send');
    await expect
      .poll(() => text('exchange-log'), {
        message: say({
          en: `After "Send to the frame", the page should show the reply from ${frameOrigin} (Hello back! …). Does the listener still accept the frame origin?`,
          ko: `"프레임에 보내기"를 누르면 페이지에 ${frameOrigin}의 답장(Hello back! …)이 보여야 합니다. 리스너가 여전히 프레임 출처를 받아들이나요?`,
        }),
      })
      .toContain(t.msgReplyFrom(frameOrigin, 'Hello back!'));
  },
);

it(
  say({
    en: 'ignores a reply from the third origin that pretends to be the frame',
    ko: '프레임인 척하는 세 번째 출처의 답장을 무시한다',
  }),
  async () => {
    await expect
      .poll(() => third().locator('#third-status').textContent(), {
        message: say({
          en: `The third origin's iframe (${thirdOrigin}/third) should load and say Ready.`,
          ko: `세 번째 출처의 iframe(${thirdOrigin}/third)이 열리고 ${t.thirdReady}라고 표시해야 합니다.`,
        }),
      })
      .toBe(t.thirdReady);
    await third().locator('#third-spoof').click();
    const spoof = 'I am the frame, trust me';
    // Wait until the page has done something with it, whichever log it went to.
    await expect
      .poll(async () => `${await text('exchange-log')}\n${await text('ignored-log')}`, {
        message: say({
          en: `The third origin posted a reply ("${spoof}"): it should show under "Ignored by this page"`,
          ko: `세 번째 출처가 답장("${spoof}")을 보냈습니다. "이 페이지가 무시한 메시지" 아래에 보여야 합니다`,
        }),
      })
      .toContain(spoof);
    expect(
      await text('exchange-log'),
      say({
        en: `The page showed the third origin's fake reply as if the frame had sent it. Check event.origin first: anything that is not ${frameOrigin} goes to ignore().`,
        ko: `페이지가 세 번째 출처의 가짜 답장을 프레임이 보낸 것처럼 보여 줬습니다. event.origin을 먼저 검사하세요. ${frameOrigin}이 아니면 모두 ignore()로 보냅니다.`,
      }),
    ).not.toContain(spoof);
    expect(
      await text('ignored-log'),
      say({
        en: `The fake reply should be listed under "Ignored by this page", with the origin it came from (${thirdOrigin})`,
        ko: `가짜 답장은 "이 페이지가 무시한 메시지" 아래에, 보낸 출처(${thirdOrigin})와 함께 나와야 합니다`,
      }),
    ).toContain(thirdOrigin);
  },
);

it(
  say({
    en: "does not let the third origin resize the frame's iframe",
    ko: '세 번째 출처가 프레임의 iframe 크기를 바꾸지 못하게 한다',
  }),
  async () => {
    // A height message, as the trusted frame sends them, but from the stranger's window.
    await thirdFrame().evaluate(() => window.parent.postMessage({ kind: 'height', px: 17 }, '*'));
    const height = () => browser.page.locator('#frame').evaluate((el) => el.style.height);
    await expect
      .poll(
        async () => (await text('ignored-log')).includes('"px":17') || (await height()) === '17px',
        {
          message: say({
            en: `The third origin posted {kind: 'height', px: 17}: it should show under "Ignored by this page"`,
            ko: `세 번째 출처가 {kind: 'height', px: 17}을 보냈습니다. "이 페이지가 무시한 메시지" 아래에 보여야 합니다`,
          }),
        },
      )
      .toBe(true);
    expect(
      await height(),
      say({
        en: `The third origin set the trusted frame's iframe to 17px. Only ${frameOrigin} may send a height: check event.origin before reading the message.`,
        ko: `세 번째 출처가 신뢰하는 프레임의 iframe을 17px로 바꿨습니다. 높이는 ${frameOrigin}만 보낼 수 있습니다. 메시지를 읽기 전에 event.origin을 검사하세요.`,
      }),
    ).not.toBe('17px');
  },
);

it(
  say({
    en: 'still talks to the trusted frame afterwards',
    ko: '그 뒤에도 신뢰하는 프레임과 대화한다',
  }),
  async () => {
    await browser.page.fill('#hello-text', 'Second hello');
    await browser.page.click('#hello-send');
    await expect
      .poll(() => text('exchange-log'), {
        message: say({
          en: `The frame's answer to a second hello should show: ${t.msgReplyFrom(frameOrigin, 'Hello back! You said "Second hello"')}`,
          ko: `두 번째 hello에 대한 프레임의 답이 보여야 합니다: ${t.msgReplyFrom(frameOrigin, 'Hello back! You said "Second hello"')}`,
        }),
      })
      .toContain(t.msgReplyFrom(frameOrigin, 'Hello back! You said "Second hello"'));
  },
);
