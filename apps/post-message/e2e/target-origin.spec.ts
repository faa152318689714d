import { expect, test } from '@playwright/test';
import { FRAME, PARENT, THIRD } from './origins.ts';

// targetOrigin '*' hands a secret to whoever is in the window now; an explicit origin does not.

test('a frame navigated to another site gets the secret sent with *, not the one sent with its origin', async ({
  page,
}) => {
  // Chromium reports the dropped message in the sender's console (as a warning).
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  await page.goto('/target-origin');
  await expect(page.locator('#link-status')).toHaveText(`The frame at ${FRAME} is ready.`);
  const frame = page.frameLocator('#frame');
  const log = page.locator('#target-log li');

  // While the trusted frame is there, the explicit origin delivers.
  await page
    .getByRole('button', { name: 'Send the secret with targetOrigin = frame origin' })
    .click();
  await expect(frame.locator('#frame-log li')).toHaveText([
    'received the secret: session-token-4242',
  ]);

  // The frame changes hands.
  await page.getByRole('button', { name: 'Navigate the frame to another site' }).click();
  await expect(frame.locator('#snoop-status')).toHaveText(
    'Listening to every message, from anyone.',
  );
  await expect(frame.locator('#snoop-origin')).toHaveText(THIRD);
  const snoopLog = frame.locator('#snoop-log li');

  // Explicit targetOrigin: the browser drops it. The ping sent after it arrives alone,
  // so the secret, posted first, was never delivered.
  await page
    .getByRole('button', { name: 'Send the secret with targetOrigin = frame origin' })
    .click();
  await page.getByRole('button', { name: "Send a harmless ping with '*'" }).click();
  await expect(snoopLog).toHaveText([
    `received from ${PARENT}: {"kind":"ping","text":"ping (nothing secret)"}`,
  ]);
  await expect
    .poll(() => consoleLines.join('\n'))
    .toContain(
      `The target origin provided ('${FRAME}') does not match the recipient window's origin ('${THIRD}')`,
    );

  // '*': the other site reads it, and boasts to the parent, which ignores it.
  await page.getByRole('button', { name: "Send the secret with targetOrigin '*'" }).click();
  await expect(snoopLog).toHaveText([
    `received from ${PARENT}: {"kind":"ping","text":"ping (nothing secret)"}`,
    `received from ${PARENT}: {"kind":"secret","secret":"session-token-4242"}`,
    'stole the secret: session-token-4242',
  ]);
  await expect(log.last()).toHaveText(
    `ignored a message from ${THIRD} (not in the allow-list): {"kind":"stolen","secret":"session-token-4242"}`,
  );

  // Back to the trusted frame: the explicit origin delivers again.
  await page.getByRole('button', { name: 'Load the trusted frame again' }).click();
  await expect(page.locator('#link-status')).toHaveText(`The frame at ${FRAME} is ready.`);
  await page
    .getByRole('button', { name: 'Send the secret with targetOrigin = frame origin' })
    .click();
  await expect(frame.locator('#frame-log li')).toHaveText([
    'received the secret: session-token-4242',
  ]);
});
