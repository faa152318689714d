import { expect, test } from '@playwright/test';

// A MessageChannel: port2 handed to the frame, then a private two-way conversation.

test.beforeEach(async ({ page }) => {
  await page.goto('/channel');
  await expect(page.locator('#link-status')).toHaveText(/is ready\.$/);
});

test('the frame answers over the port; both ends can start a message', async ({ page }) => {
  const log = page.locator('#channel-log li');
  await expect(page.getByRole('button', { name: 'Send over the port' })).toBeDisabled();
  const frame = page.frameLocator('#frame');
  // The frame's own button shows up once it holds a port, not before.
  const frameSend = frame.getByRole('button', { name: 'Send to the parent over the port' });
  await expect(frameSend).toBeHidden();
  await page.getByRole('button', { name: 'Open a channel', exact: true }).click();
  await expect(frameSend).toBeVisible();
  await expect(log).toHaveText([
    'sent port2 to the frame (transferred: it is unusable here now)',
    'over the port (event.origin is ""): {"kind":"port-ready","label":"channel"}',
  ]);

  await page.getByLabel('Text').fill('hello over the port');
  await page.getByRole('button', { name: 'Send over the port' }).click();
  await expect(log.nth(3)).toHaveText(
    'reply over the port (event.origin is ""): pong 1: HELLO OVER THE PORT',
  );
  await expect(frame.locator('#frame-log li').last()).toHaveText(
    'over the port (event.origin is ""): {"kind":"ping","n":1,"text":"hello over the port"}',
  );

  await frameSend.click();
  await expect(log.last()).toHaveText(
    'over the port (event.origin is ""): {"kind":"note","text":"Note 1 from inside the frame"}',
  );

  await page.getByRole('button', { name: 'Close port1' }).click();
  await expect(log.last()).toHaveText(
    'closed port1: nothing more is sent or received on this channel',
  );
  await expect(page.getByRole('button', { name: 'Send over the port' })).toBeDisabled();
});

test('a port listened to with addEventListener delivers nothing until start()', async ({
  page,
}) => {
  const log = page.locator('#unstarted-log li');
  await page
    .getByRole('button', { name: 'Open a channel, listen with addEventListener only' })
    .click();
  await expect(log).toHaveText([
    'sent port2; listening on port1 with addEventListener only',
    'the frame says it has answered on the port, yet nothing has arrived: port1 is not started',
  ]);
  await page.getByRole('button', { name: 'Now call port1.start()' }).click();
  await expect(log.nth(2)).toHaveText('called port1.start()');
  await expect(log.nth(3)).toHaveText(
    'arrived after start(): {"kind":"port-ready","label":"unstarted"}',
  );
});
