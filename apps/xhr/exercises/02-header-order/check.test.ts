// The check for "The header after open()": the chapter's real server, your page, a real browser.
import { type CheckBrowser, openBrowser } from '@course/e2e/exercise-browser';
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
import type { Request } from '@playwright/test';
import { afterAll, beforeAll, expect, it } from 'vitest';

let server: RunningChapter;
let browser: CheckBrowser;
/** What the page threw, uncaught, since it was opened (what its console shows in red). */
const pageErrors: string[] = [];
/** The POST that 전송 sent, once step 2 has seen it. */
let sent: Request | null = null;

beforeAll(async () => {
  server = await startUnderCheck(import.meta.dirname);
  browser = await openBrowser();
  browser.page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const text = (id: string) => browser.page.locator(`#${id}`).textContent();

/** Clicks 전송 and resolves with the POST to /ajax4_result1 it sends, or null after 3 s. */
async function submit(): Promise<Request | null> {
  const request = browser.page
    .waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/ajax4_result1'), {
      timeout: 3000,
    })
    .catch(() => null);
  await browser.page.click('#send');
  return request;
}

it('opens the page with the form and its 전송 button', async () => {
  await browser.page.goto(`${server.url}/`);
  expect(await browser.page.inputValue('#id'), 'The id field should start as abcd').toBe('abcd');
  expect(await text('send'), 'The form should have a 전송 button').toBe('전송');
});

it('sends POST /ajax4_result1 when 전송 is clicked, without an error', async () => {
  pageErrors.length = 0;
  sent = await submit();
  const threw = pageErrors.length > 0 ? ` The page threw: ${pageErrors.join('; ')}` : '';
  expect(
    sent,
    `Clicking 전송 should send POST /ajax4_result1, but nothing was sent.${threw}`,
  ).not.toBe(null);
  expect(pageErrors, `Clicking 전송 should not throw.${threw}`).toEqual([]);
});

it('labels the body as JSON (Content-Type: application/json)', async () => {
  expect(sent, 'No request was sent (see the step before)').not.toBe(null);
  const contentType = (await sent?.allHeaders())?.['content-type'] ?? 'none';
  expect(
    contentType,
    `The request should carry Content-Type: application/json, set between open() and send(); it carried ${contentType}, and the server answers that with 415`,
  ).toMatch(/^application\/json/);
  expect(sent?.postDataJSON(), 'The body should be the two fields as JSON').toEqual({
    id: 'abcd',
    content: '이것은 컨텐츠',
  });
});

it('shows 로딩완료 and the id and content the server echoed', async () => {
  const id = 'learner-42';
  const content = '<b>안녕하세요</b> & bye';
  await browser.page.fill('#id', id);
  await browser.page.fill('#content', content);
  const request = await submit();
  expect(request, 'Clicking 전송 should send POST /ajax4_result1 (see the steps before)').not.toBe(
    null,
  );
  await expect
    .poll(() => text('state'), {
      message:
        'Once /ajax4_result1 answers, the state line should say 로딩완료 (or 실패 … if it refused)',
    })
    .toMatch(/^(로딩완료|실패)/);
  const state = await text('state');
  expect(
    state,
    `The server should accept the request and the page say 로딩완료; it says ${state}`,
  ).toBe('로딩완료');
  expect(await text('outid'), `id should show the echoed id, ${id}`).toBe(id);
  expect(await text('outcontent'), `content should show the echoed content as text`).toBe(content);
});
