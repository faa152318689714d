// The check for "A secret for the frame only": the chapter's three origins, your parent page,
// the chapter's trusted frame and "another site" in the same iframe, in a real browser.
import { type CheckBrowser, openBrowser } from '@course/e2e/exercise-browser';
import type { RunningChapter } from '@course/kit';
import { checkLang, say, startUnderCheck } from '@course/kit/exercise-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import messages from '../../client/src/messages.ts';

// The pages' texts in the learner's language (the terminal's), which the check opens them in.
const t = messages[checkLang];

const SECRET = 'session-token-4242';

let server: RunningChapter;
let browser: CheckBrowser;
let frameOrigin: string;
let parentOrigin: string;

beforeAll(async () => {
  server = await startUnderCheck(import.meta.dirname);
  frameOrigin = `http://localhost:${server.ports.FRAME_PORT}`;
  parentOrigin = `http://localhost:${server.ports.PORT}`;
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Whatever page the iframe holds now. */
const inFrame = () => browser.page.frameLocator('#frame');
/** The lines of a log list inside the iframe, one per line. */
const frameLog = async (id: string) =>
  (await inFrame().locator(`#${id} li`).allTextContents()).join('\n');

it(
  say({ en: 'hands the secret to the trusted frame', ko: '신뢰하는 프레임에 비밀을 건넨다' }),
  async () => {
    await browser.page.goto(`${server.url}/?lang=${checkLang}`);
    await browser.page.click('#send-secret');
    await expect
      .poll(() => frameLog('frame-log'), {
        message: say({
          en: `After "Send the secret to the frame", the frame (${frameOrigin}) should log "received the secret: ${SECRET}"`,
          ko: `"프레임에 비밀 보내기"를 누르면 프레임(${frameOrigin})이 "${t.frameSecret(SECRET)}"를 기록해야 합니다`,
        }),
      })
      .toContain(t.frameSecret(SECRET));
  },
);

it(
  say({
    en: 'keeps the secret from the site the frame was navigated to',
    ko: '프레임이 이동해 간 사이트에는 비밀을 주지 않는다',
  }),
  async () => {
    await browser.page.click('#navigate');
    await expect
      .poll(() => inFrame().locator('#snoop-status').textContent(), {
        message: say({
          en: 'After "Navigate the frame to another site", the iframe should show the other site',
          ko: '"프레임을 다른 사이트로 이동"을 누르면 iframe에 다른 사이트가 보여야 합니다',
        }),
      })
      .toBe(t.snoopStatus);
    await browser.page.click('#send-secret');
    // A harmless message after the secret, from the same window to the same one: once the
    // other site has logged it, the secret, sent before it, would have arrived too.
    await browser.page.evaluate(() =>
      document
        .querySelector('iframe')
        ?.contentWindow?.postMessage({ kind: 'after-the-secret' }, '*'),
    );
    await expect
      .poll(() => frameLog('snoop-log'), {
        message: say({
          en: 'The other site should receive a harmless message posted after the secret',
          ko: '다른 사이트는 비밀 다음에 보낸 무해한 메시지를 받아야 합니다',
        }),
      })
      .toContain('after-the-secret');
    expect(
      await frameLog('snoop-log'),
      say({
        en: `The other site now in the iframe read the secret. Post it with targetOrigin set to the frame origin (${frameOrigin}, link.origins.frame), not '*': then the browser drops it.`,
        ko: `지금 iframe에 있는 다른 사이트가 비밀을 읽었습니다. targetOrigin을 '*'가 아니라 프레임 출처(${frameOrigin}, link.origins.frame)로 정해 보내세요. 그러면 브라우저가 메시지를 버립니다.`,
      }),
    ).not.toContain(SECRET);
  },
);

it(
  say({
    en: 'hands the secret to the trusted frame again once it is back',
    ko: '신뢰하는 프레임이 돌아오면 다시 비밀을 건넨다',
  }),
  async () => {
    await browser.page.click('#restore');
    await expect
      .poll(() => inFrame().locator('#frame-status').textContent(), {
        message: say({
          en: `After "Load the trusted frame again", the iframe should show the frame from ${frameOrigin} again`,
          ko: `"신뢰하는 프레임 다시 불러오기"를 누르면 iframe에 ${frameOrigin}의 프레임이 다시 보여야 합니다`,
        }),
      })
      .toBe(t.frameStatus(parentOrigin));
    await browser.page.click('#send-secret');
    await expect
      .poll(() => frameLog('frame-log'), {
        message: say({
          en: `The trusted frame, back in the iframe, should get the secret again ("received the secret: ${SECRET}")`,
          ko: `iframe에 돌아온 신뢰하는 프레임이 비밀을 다시 받아야 합니다("${t.frameSecret(SECRET)}")`,
        }),
      })
      .toContain(t.frameSecret(SECRET));
  },
);
