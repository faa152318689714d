// The check for "The header after open()": the chapter's real server, your page, a real browser.
import { type CheckBrowser, openBrowser } from '@course/e2e/exercise-browser';
import type { RunningChapter } from '@course/kit';
import { say, startUnderCheck } from '@course/kit/exercise-check';
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

it(
  say({
    en: 'opens the page with the form and its 전송 button',
    ko: '폼과 전송 버튼이 있는 페이지를 연다',
  }),
  async () => {
    await browser.page.goto(`${server.url}/`);
    expect(
      await browser.page.inputValue('#id'),
      say({ en: 'The id field should start as abcd', ko: 'id 필드는 abcd로 시작해야 합니다' }),
    ).toBe('abcd');
    expect(
      await text('send'),
      say({ en: 'The form should have a 전송 button', ko: '폼에 전송 버튼이 있어야 합니다' }),
    ).toBe('전송');
  },
);

it(
  say({
    en: 'sends POST /ajax4_result1 when 전송 is clicked, without an error',
    ko: '전송을 누르면 오류 없이 POST /ajax4_result1을 보낸다',
  }),
  async () => {
    pageErrors.length = 0;
    sent = await submit();
    const errors = pageErrors.join('; ');
    const threw =
      pageErrors.length > 0
        ? say({
            en: ` The page threw: ${errors}`,
            ko: ` 페이지에서 예외가 발생했습니다: ${errors}`,
          })
        : '';
    expect(
      sent,
      say({
        en: `Clicking 전송 should send POST /ajax4_result1, but nothing was sent.${threw}`,
        ko: `전송을 누르면 POST /ajax4_result1을 보내야 하는데, 아무것도 보내지 않았습니다.${threw}`,
      }),
    ).not.toBe(null);
    expect(
      pageErrors,
      say({
        en: `Clicking 전송 should not throw.${threw}`,
        ko: `전송을 눌러도 예외가 발생하면 안 됩니다.${threw}`,
      }),
    ).toEqual([]);
  },
);

it(
  say({
    en: 'labels the body as JSON (Content-Type: application/json)',
    ko: '본문을 JSON으로 표시한다(Content-Type: application/json)',
  }),
  async () => {
    expect(
      sent,
      say({
        en: 'No request was sent (see the step before)',
        ko: '요청을 보내지 않았습니다(앞 단계를 보세요)',
      }),
    ).not.toBe(null);
    const contentType = (await sent?.allHeaders())?.['content-type'] ?? 'none';
    expect(
      contentType,
      say({
        en: `The request should carry Content-Type: application/json, set between open() and send(); it carried ${contentType}, and the server answers that with 415`,
        ko: `요청에는 open()과 send() 사이에서 설정한 Content-Type: application/json이 있어야 합니다. 실제로는 ${contentType}였고, 서버는 이것에 415로 응답합니다`,
      }),
    ).toMatch(/^application\/json/);
    expect(
      sent?.postDataJSON(),
      say({
        en: 'The body should be the two fields as JSON',
        ko: '본문은 두 필드를 담은 JSON이어야 합니다',
      }),
    ).toEqual({
      id: 'abcd',
      content: '이것은 컨텐츠',
    });
  },
);

it(
  say({
    en: 'shows 로딩완료 and the id and content the server echoed',
    ko: '로딩완료와 서버가 돌려준 id, content를 보여 준다',
  }),
  async () => {
    const id = 'learner-42';
    const content = '<b>안녕하세요</b> & bye';
    await browser.page.fill('#id', id);
    await browser.page.fill('#content', content);
    const request = await submit();
    expect(
      request,
      say({
        en: 'Clicking 전송 should send POST /ajax4_result1 (see the steps before)',
        ko: '전송을 누르면 POST /ajax4_result1을 보내야 합니다(앞 단계들을 보세요)',
      }),
    ).not.toBe(null);
    await expect
      .poll(() => text('state'), {
        message: say({
          en: 'Once /ajax4_result1 answers, the state line should say 로딩완료 (or 실패 … if it refused)',
          ko: '/ajax4_result1이 응답하면 상태 줄에 로딩완료(거부했다면 실패 …)가 보여야 합니다',
        }),
      })
      .toMatch(/^(로딩완료|실패)/);
    const state = await text('state');
    expect(
      state,
      say({
        en: `The server should accept the request and the page say 로딩완료; it says ${state}`,
        ko: `서버가 요청을 받아들이고 페이지에 로딩완료가 보여야 합니다. 지금은 ${state}입니다`,
      }),
    ).toBe('로딩완료');
    expect(
      await text('outid'),
      say({
        en: `id should show the echoed id, ${id}`,
        ko: `id에는 돌려받은 id ${id}가 보여야 합니다`,
      }),
    ).toBe(id);
    expect(
      await text('outcontent'),
      say({
        en: 'content should show the echoed content as text',
        ko: 'content에는 돌려받은 content가 텍스트로 보여야 합니다',
      }),
    ).toBe(content);
  },
);
