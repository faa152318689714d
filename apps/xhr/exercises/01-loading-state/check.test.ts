// The check for "A loading state that ends": the chapter's real server, your page, a real browser.
import { type CheckBrowser, openBrowser } from '@course/e2e/exercise-browser';
import type { RunningChapter } from '@course/kit';
import { say, startUnderCheck } from '@course/kit/exercise-check';
import { afterAll, beforeAll, expect, it } from 'vitest';

let server: RunningChapter;
let browser: CheckBrowser;

beforeAll(async () => {
  // A short wait keeps the check quick, and still long enough to see the loading state.
  server = await startUnderCheck(import.meta.dirname, { AJAX3_DELAY_MS: '1500' });
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const text = (id: string) => browser.page.locator(`#${id}`).textContent();

it(
  say({
    en: 'shows 로딩중... while the request is pending',
    ko: '요청이 진행 중인 동안 로딩중...을 보여 준다',
  }),
  async () => {
    await browser.page.goto(`${server.url}/`);
    await browser.page.click('#load');
    await expect
      .poll(() => text('state'), {
        message: say({
          en: 'While the request is pending, the state line should say 로딩중...',
          ko: '요청이 진행 중인 동안 상태 줄에 로딩중...이 보여야 합니다',
        }),
      })
      .toBe('로딩중...');
  },
);

it(
  say({
    en: 'shows the data and 로딩완료 once the answer comes',
    ko: '응답이 오면 데이터와 로딩완료를 보여 준다',
  }),
  async () => {
    await expect
      .poll(() => text('des'), {
        message: say({
          en: 'Once /ajax3_result1 answers, des should show its text',
          ko: '/ajax3_result1이 응답하면 des에 그 텍스트가 보여야 합니다',
        }),
      })
      .toContain('get 호출');
    expect(
      await text('state'),
      say({
        en: 'Once the answer came, the state line should say 로딩완료',
        ko: '응답이 온 뒤에는 상태 줄에 로딩완료가 보여야 합니다',
      }),
    ).toBe('로딩완료');
  },
);

it(
  say({
    en: 'ends the loading state when the request fails',
    ko: '요청이 실패하면 로딩 상태를 끝낸다',
  }),
  async () => {
    await browser.page.click('#load-missing');
    await expect
      .poll(() => text('state'), {
        message: say({
          en: 'When the server answers 404, the state line should say 실패 (…) instead of 로딩중...',
          ko: '서버가 404로 응답하면 상태 줄에 로딩중... 대신 실패 (…)가 보여야 합니다',
        }),
      })
      .toMatch(/^실패/);
  },
);
