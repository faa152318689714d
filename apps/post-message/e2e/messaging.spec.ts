import { expect, type Locator, test } from '@playwright/test';
import { FRAME, PARENT, THIRD } from './origins.ts';

// Two origins exchange messages; a third origin's messages are ignored by both.

test('chapter home lists the three origins and links every demo', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#origin-parent')).toHaveText(PARENT);
  await expect(page.locator('#origin-frame')).toHaveText(FRAME);
  await expect(page.locator('#origin-third')).toHaveText(THIRD);
  for (const path of ['/messaging', '/target-origin', '/channel', '/clone', '/transfer'])
    await expect(page.locator(`#pages a[href="${path}"]`)).toHaveCount(1);
});

/** Whether `line`, inside the document of `iframe`, lies wholly within the iframe's box on the page. */
async function wholeInside(iframe: Locator, line: Locator): Promise<boolean> {
  const [outer, inner] = await Promise.all([iframe.boundingBox(), line.boundingBox()]);
  if (!outer || !inner) return false;
  return inner.y >= outer.y && inner.y + inner.height <= outer.y + outer.height;
}

test.describe('/messaging', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/messaging');
    await expect(page.locator('#link-status')).toHaveText(`The frame at ${FRAME} is ready.`);
    await expect(page.locator('#allow-list')).toHaveText(`[${FRAME}]`);
  });

  test('the iframe is another origin: its document is out of reach', async ({ page }) => {
    const readable = await page.evaluate(
      () => (document.getElementById('frame') as HTMLIFrameElement).contentDocument !== null,
    );
    expect(readable).toBe(false);
  });

  test('parent and frame exchange messages, each checking the other origin', async ({ page }) => {
    await page.getByLabel('Message').fill('<b>hi</b> frame');
    await page.getByRole('button', { name: 'Send to the frame' }).click();
    await expect(page.locator('#exchange-log li')).toHaveText([
      `sent to ${FRAME}: hello "<b>hi</b> frame"`,
      `reply from ${FRAME}: Hello back! You said "<b>hi</b> frame"`,
    ]);
    // Shown as text, never parsed as markup.
    await expect(page.locator('#exchange-log b')).toHaveCount(0);
    const frameLog = page.frameLocator('#frame').locator('#frame-log li');
    await expect(frameLog).toHaveText([`accepted from ${PARENT}: hello "<b>hi</b> frame"`]);
    await expect(page.locator('#ignored-log li')).toHaveCount(0);
  });

  test("the third origin's messages are ignored by the parent and by the frame", async ({
    page,
  }) => {
    const third = page.frameLocator('#third');
    await expect(third.locator('#third-status')).toHaveText('Ready.');
    const ignored = page.locator('#ignored-log li');

    await third.getByRole('button', { name: 'Post to the parent' }).click();
    await expect(ignored).toHaveText([
      `ignored a message from ${THIRD} (not in the allow-list): {"kind":"hello","text":"Hi, I am the third origin"}`,
    ]);

    await third.getByRole('button', { name: 'Pretend to be the frame' }).click();
    await expect(ignored.nth(1)).toHaveText(
      `ignored a message from ${THIRD} (not in the allow-list); it claims to be ${FRAME}, event.origin says otherwise: {"kind":"reply","from":"${FRAME}","text":"I am the frame, trust me"}`,
    );
    // Neither made it into the conversation.
    await expect(page.locator('#exchange-log')).not.toContainText('third origin');
    await expect(page.locator('#exchange-log')).not.toContainText('trust me');

    await third.getByRole('button', { name: 'Post to the frame' }).click();
    await expect(third.locator('#third-log li')).toHaveCount(3);
    const frameLog = page.frameLocator('#frame').locator('#frame-log li');
    await expect(frameLog).toHaveText([
      `ignored: from ${THIRD}: {"kind":"hello","text":"Hi frame, it is me"}`,
    ]);

    // The frame still talks to the parent afterwards, and only the parent's message was accepted.
    await page.getByRole('button', { name: 'Send to the frame' }).click();
    await expect(page.locator('#exchange-log li').last()).toHaveText(
      `reply from ${FRAME}: Hello back! You said "Hello from the parent"`,
    );
    await expect(frameLog.last()).toHaveText(
      `accepted from ${PARENT}: hello "Hello from the parent"`,
    );
    await expect(ignored).toHaveCount(2);
  });

  test("the frame's newest log line is in sight: the iframe grows with the frame's log", async ({
    page,
  }) => {
    const iframe = page.locator('#frame');
    const lines = page.frameLocator('#frame').locator('#frame-log li');
    for (let n = 1; n <= 6; n++) {
      await page.getByLabel('Message').fill(`message ${n}`);
      await page.getByRole('button', { name: 'Send to the frame' }).click();
      await expect(lines).toHaveCount(n);
    }
    await expect(lines.last()).toHaveText(`accepted from ${PARENT}: hello "message 6"`);
    // Look at it, as a learner would: Chromium does not render a cross-origin frame that is
    // out of sight, so its ResizeObserver, and the height it reports, wait until then.
    await iframe.scrollIntoViewIfNeeded();
    await expect.poll(() => wholeInside(iframe, lines.last())).toBe(true);
    // Sized to its content: nothing inside the frame is left to scroll to.
    const overflow = () =>
      page
        .frameLocator('#frame')
        .locator('html')
        .evaluate((html) => html.scrollHeight - html.clientHeight);
    await expect.poll(overflow).toBeLessThanOrEqual(0);
  });

  test('past its cap, the iframe stops growing and the frame scrolls to its newest line', async ({
    page,
  }) => {
    const iframe = page.locator('#frame');
    const lines = page.frameLocator('#frame').locator('#frame-log li');
    const send = page.getByRole('button', { name: 'Send to the frame' });
    for (let n = 1; n <= 25; n++) {
      await send.click();
      await expect(lines).toHaveCount(n);
    }
    await iframe.scrollIntoViewIfNeeded();
    await expect.poll(() => wholeInside(iframe, lines.last())).toBe(true);
    // 600 px of content, plus the iframe's 1 px border on each side.
    await expect.poll(async () => (await iframe.boundingBox())?.height).toBe(602);
  });

  test("the third origin's newest log line is in sight too", async ({ page }) => {
    const third = page.frameLocator('#third');
    await expect(third.locator('#third-status')).toHaveText('Ready.');
    const lines = third.locator('#third-log li');
    for (let n = 1; n <= 6; n++) {
      await third.getByRole('button', { name: 'Post to the parent' }).click();
      await expect(lines).toHaveCount(n);
    }
    await expect.poll(() => wholeInside(page.locator('#third'), lines.last())).toBe(true);
  });

  test('a height posted by the third origin is ignored: only the trusted frame sizes its iframe', async ({
    page,
  }) => {
    const height = async (id: string) => (await page.locator(id).boundingBox())?.height;
    const [frameBefore, thirdBefore] = [await height('#frame'), await height('#third')];
    await page
      .frameLocator('#third')
      .locator('body')
      .evaluate(() => window.parent.postMessage({ kind: 'height', px: 2000 }, '*'));
    await expect(page.locator('#ignored-log li')).toHaveText([
      `ignored a message from ${THIRD} (not in the allow-list): {"kind":"height","px":2000}`,
    ]);
    expect([await height('#frame'), await height('#third')]).toEqual([frameBefore, thirdBefore]);
  });

  test('the frame shows no port button: this page gives it no port', async ({ page }) => {
    const frame = page.frameLocator('#frame');
    await expect(frame.locator('#frame-status')).toHaveText(/^Listening/);
    await expect(
      frame.getByRole('button', { name: 'Send to the parent over the port' }),
    ).toBeHidden();
  });
});
