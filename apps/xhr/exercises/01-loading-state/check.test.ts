// The check for "A loading state that ends": the chapter's real server, your page, a real browser.
import { type CheckBrowser, openBrowser } from '@course/e2e/exercise-browser';
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
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

it('shows 로딩중... while the request is pending', async () => {
  await browser.page.goto(`${server.url}/`);
  await browser.page.click('#load');
  await expect
    .poll(() => text('state'), {
      message: 'While the request is pending, the state line should say 로딩중...',
    })
    .toBe('로딩중...');
});

it('shows the data and 로딩완료 once the answer comes', async () => {
  await expect
    .poll(() => text('des'), { message: 'Once /ajax3_result1 answers, des should show its text' })
    .toContain('get 호출');
  expect(await text('state'), 'Once the answer came, the state line should say 로딩완료').toBe(
    '로딩완료',
  );
});

it('ends the loading state when the request fails', async () => {
  await browser.page.click('#load-missing');
  await expect
    .poll(() => text('state'), {
      message:
        'When the server answers 404, the state line should say 실패 (…) instead of 로딩중...',
    })
    .toMatch(/^실패/);
});
