// The check for "A secret for the frame only": the chapter's three origins, your parent page,
// the chapter's trusted frame and "another site" in the same iframe, in a real browser.
import { type CheckBrowser, openBrowser } from '@course/e2e/exercise-browser';
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
import { afterAll, beforeAll, expect, it } from 'vitest';

const SECRET = 'session-token-4242';

let server: RunningChapter;
let browser: CheckBrowser;
let frameOrigin: string;

beforeAll(async () => {
  server = await startUnderCheck(import.meta.dirname);
  frameOrigin = `http://localhost:${server.ports.FRAME_PORT}`;
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

it('hands the secret to the trusted frame', async () => {
  await browser.page.goto(`${server.url}/`);
  await browser.page.click('#send-secret');
  await expect
    .poll(() => frameLog('frame-log'), {
      message: `After "Send the secret to the frame", the frame (${frameOrigin}) should log "received the secret: ${SECRET}"`,
    })
    .toContain(`received the secret: ${SECRET}`);
});

it('keeps the secret from the site the frame was navigated to', async () => {
  await browser.page.click('#navigate');
  await expect
    .poll(() => inFrame().locator('#snoop-status').textContent(), {
      message: 'After "Navigate the frame to another site", the iframe should show the other site',
    })
    .toBe('Listening to every message, from anyone.');
  await browser.page.click('#send-secret');
  // A harmless message after the secret, from the same window to the same one: once the
  // other site has logged it, the secret, sent before it, would have arrived too.
  await browser.page.evaluate(() =>
    document.querySelector('iframe')?.contentWindow?.postMessage({ kind: 'after-the-secret' }, '*'),
  );
  await expect
    .poll(() => frameLog('snoop-log'), {
      message: 'The other site should receive a harmless message posted after the secret',
    })
    .toContain('after-the-secret');
  expect(
    await frameLog('snoop-log'),
    `The other site now in the iframe read the secret. Post it with targetOrigin set to the frame origin (${frameOrigin}, link.origins.frame), not '*': then the browser drops it.`,
  ).not.toContain(SECRET);
});

it('hands the secret to the trusted frame again once it is back', async () => {
  await browser.page.click('#restore');
  await expect
    .poll(() => inFrame().locator('#frame-status').textContent(), {
      message: `After "Load the trusted frame again", the iframe should show the frame from ${frameOrigin} again`,
    })
    .toContain('Listening');
  await browser.page.click('#send-secret');
  await expect
    .poll(() => frameLog('frame-log'), {
      message: `The trusted frame, back in the iframe, should get the secret again ("received the secret: ${SECRET}")`,
    })
    .toContain(`received the secret: ${SECRET}`);
});
