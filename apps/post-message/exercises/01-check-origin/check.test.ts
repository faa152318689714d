// The check for "Check who is talking": the chapter's three origins, your parent page, the
// chapter's trusted frame and third origin, in a real browser.
import { type CheckBrowser, openBrowser } from '@course/e2e/exercise-browser';
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
import type { Frame } from '@playwright/test';
import { afterAll, beforeAll, expect, it } from 'vitest';

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

it("shows the trusted frame's reply", async () => {
  await browser.page.goto(`${server.url}/`);
  await browser.page.click('#hello-send');
  await expect
    .poll(() => text('exchange-log'), {
      message: `After "Send to the frame", the page should show the reply from ${frameOrigin} (Hello back! …). Does the listener still accept the frame origin?`,
    })
    .toContain(`reply from ${frameOrigin}: Hello back!`);
});

it('ignores a reply from the third origin that pretends to be the frame', async () => {
  await expect
    .poll(() => third().locator('#third-status').textContent(), {
      message: `The third origin's iframe (${thirdOrigin}/third) should load and say Ready.`,
    })
    .toBe('Ready.');
  await third().locator('#third-spoof').click();
  const spoof = 'I am the frame, trust me';
  // Wait until the page has done something with it, whichever log it went to.
  await expect
    .poll(async () => `${await text('exchange-log')}\n${await text('ignored-log')}`, {
      message: `The third origin posted a reply ("${spoof}"): it should show under "Ignored by this page"`,
    })
    .toContain(spoof);
  expect(
    await text('exchange-log'),
    `The page showed the third origin's fake reply as if the frame had sent it. Check event.origin first: anything that is not ${frameOrigin} goes to ignore().`,
  ).not.toContain(spoof);
  expect(
    await text('ignored-log'),
    `The fake reply should be listed under "Ignored by this page", with the origin it came from (${thirdOrigin})`,
  ).toContain(`from ${thirdOrigin}`);
});

it("does not let the third origin resize the frame's iframe", async () => {
  // A height message, as the trusted frame sends them, but from the stranger's window.
  await thirdFrame().evaluate(() => window.parent.postMessage({ kind: 'height', px: 17 }, '*'));
  const height = () => browser.page.locator('#frame').evaluate((el) => el.style.height);
  await expect
    .poll(
      async () => (await text('ignored-log')).includes('"px":17') || (await height()) === '17px',
      {
        message: `The third origin posted {kind: 'height', px: 17}: it should show under "Ignored by this page"`,
      },
    )
    .toBe(true);
  expect(
    await height(),
    `The third origin set the trusted frame's iframe to 17px. Only ${frameOrigin} may send a height: check event.origin before reading the message.`,
  ).not.toBe('17px');
});

it('still talks to the trusted frame afterwards', async () => {
  await browser.page.fill('#hello-text', 'Second hello');
  await browser.page.click('#hello-send');
  await expect
    .poll(() => text('exchange-log'), {
      message: `The frame's answer to a second hello should show: reply from ${frameOrigin}: Hello back! You said "Second hello"`,
    })
    .toContain(`reply from ${frameOrigin}: Hello back! You said "Second hello"`);
});
