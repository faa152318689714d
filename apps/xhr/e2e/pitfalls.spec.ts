import { expect, test } from '@playwright/test';

// Each of the lecture's pitfalls, shown and then fixed.

test.beforeEach(async ({ page }) => {
  await page.goto('/pitfalls');
});

test('setRequestHeader placement: lecture order works, late handler gets 415, after send throws', async ({
  page,
}) => {
  const log = page.locator('#order-log li');
  await page.getByRole('button', { name: 'Lecture: handler before open()' }).click();
  await expect(log.last()).toHaveText('lecture order → 200 echoed id=abcd');
  await page.getByRole('button', { name: 'Handler after open()' }).click();
  await expect(log.last()).toHaveText(
    'handler after open() → 415 error: Content-Type must be application/json (got text/plain;charset=UTF-8)',
  );
  await page.getByRole('button', { name: 'setRequestHeader after send()' }).click();
  await expect(log.last()).toHaveText('setRequestHeader after send() → threw InvalidStateError');
  await page.getByRole('button', { name: 'Fix: open → setRequestHeader → send' }).click();
  await expect(log.last()).toHaveText('fixed order → 200 echoed id=abcd');
});

test('malformed JSON: response is null; parsing responseText names the problem', async ({
  page,
}) => {
  const log = page.locator('#malformed-log li');
  await page.getByRole('button', { name: "responseType 'json'" }).click();
  await expect(log).toHaveText([
    'status 200, response === null: true',
    'reading data.method threw TypeError',
  ]);
  await page.getByRole('button', { name: 'Fix: parse responseText' }).click();
  await expect(log.nth(2)).toHaveText(/^JSON\.parse failed: /);
  await expect(log.nth(3)).toHaveText('raw body: {"method": "get", "des": ');
});

test('innerHTML pitfall: the payload is analysed, shown as text, never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.locator('#xss-analysis')).toHaveText(
    '<img> element with onerror handler: it would run',
  );
  await expect(page.locator('#xss-safe')).toHaveText('<img src=x onerror=alert(1)>');
  await expect(page.locator('#xss-safe img')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
