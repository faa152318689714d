import { expect, test } from '@playwright/test';

// Transferables: a copied buffer stays; a transferred one is detached (byteLength 0).

const SIZE = String(32 * 1024 * 1024);

test('copy keeps the buffer; transfer detaches it; transferring back restores it', async ({
  page,
}) => {
  await page.goto('/transfer');
  await expect(page.locator('#link-status')).toHaveText(/is ready\.$/);
  const log = page.locator('#transfer-log li');
  await expect(page.locator('#local-bytes')).toHaveText(SIZE);

  await page.getByRole('button', { name: 'Copy it (no transfer list)' }).click();
  await expect(log.nth(0)).toHaveText(
    new RegExp(`^copied: postMessage took [\\d.]+ ms; here byteLength is still ${SIZE}$`),
  );
  await expect(log.nth(1)).toHaveText(`the frame got ${SIZE} bytes (a copy), starting ca fe ba be`);
  await expect(page.locator('#local-bytes')).toHaveText(SIZE);

  await page.getByRole('button', { name: 'Transfer it', exact: true }).click();
  await expect(log.nth(2)).toHaveText(
    new RegExp(
      `^transferred: postMessage took [\\d.]+ ms; byteLength ${SIZE} → 0, the Uint8Array view's length → 0$`,
    ),
  );
  await expect(log.nth(3)).toHaveText(
    `the frame got ${SIZE} bytes (the original), starting ca fe ba be`,
  );
  await expect(page.locator('#local-bytes')).toHaveText('0');
  await expect(page.locator('#frame-bytes')).toHaveText(SIZE);

  await page.getByRole('button', { name: 'Transfer it again' }).click();
  await expect(log.nth(4)).toHaveText(/^transfer again threw DataCloneError: .*detached/);

  await page.getByRole('button', { name: 'Ask the frame to transfer it back' }).click();
  await expect(log.nth(6)).toHaveText(
    `the buffer came back: here byteLength is ${SIZE} again, starting ca fe ba be`,
  );
  await expect(log.nth(7)).toHaveText('in the frame, its byteLength is now 0');
  await expect(page.locator('#local-bytes')).toHaveText(SIZE);
  await expect(page.locator('#frame-bytes')).toHaveText('0');
});
