import { expect, test } from '@playwright/test';

// Structured clone: what the frame finds in its copy, and what postMessage refuses.

test.beforeEach(async ({ page }) => {
  await page.goto('/clone');
  await expect(page.locator('#link-status')).toHaveText(/is ready\.$/);
});

/** The row of the clone table for `key`: [verdict, what the frame got, JSON.stringify]. */
async function row(page: import('@playwright/test').Page, key: string): Promise<string[]> {
  const cells = page.locator(`#clone-table tr[data-key="${key}"] td`);
  const texts = await cells.allTextContents();
  return texts.slice(2);
}

test('Date, Map, Set, typed arrays, nested objects and cycles survive', async ({ page }) => {
  await page.getByRole('button', { name: 'Send the object to the frame' }).click();
  await expect(page.locator('#clone-table tr')).toHaveCount(12);
  expect(await row(page, 'date')).toEqual([
    'survives',
    'Date 2026-01-02T03:04:05.000Z',
    '"2026-01-02T03:04:05.000Z"',
  ]);
  expect(await row(page, 'map')).toEqual(['survives', 'Map(2) a→1, b→2', '{}']);
  expect(await row(page, 'set')).toEqual(['survives', 'Set(3) x, y, z', '{}']);
  expect(await row(page, 'bytes')).toEqual([
    'survives',
    'Uint8Array [1, 2, 3, 255]',
    '{"0":1,"1":2,"2":3,"3":255}',
  ]);
  expect(await row(page, 'nested')).toEqual([
    'survives',
    'nested.level1.level2.level3 === "deep"',
    '{"level1":{"level2":{"level3":"deep"}}}',
  ]);
  const cycle = await row(page, 'self');
  expect(cycle.slice(0, 2)).toEqual([
    'survives',
    'received.self === received: the cycle is rebuilt',
  ]);
  expect(cycle[2]).toMatch(/^throws TypeError: Converting circular structure to JSON/);
  expect(await row(page, 'regexp')).toEqual(['survives', 'RegExp /ab+c/gi', '{}']);
  const bigint = await row(page, 'bigint');
  expect(bigint.slice(0, 2)).toEqual(['survives', 'bigint 12345678901234567890']);
  expect(bigint[2]).toMatch(/^throws TypeError/);
  expect((await row(page, 'error'))[1]).toBe(
    'RangeError: out of range (instanceof RangeError: true)',
  );
  expect(await row(page, 'undef')).toEqual([
    'survives',
    'the key is there, its value undefined',
    'undefined: the key is dropped',
  ]);
});

test('class prototypes and getters are lost', async ({ page }) => {
  await page.getByRole('button', { name: 'Send the object to the frame' }).click();
  await expect(page.locator('#clone-table tr')).toHaveCount(12);
  expect(await row(page, 'point')).toEqual([
    'lost',
    'a plain Object {x: 3, y: 4}: instanceof Point is impossible, norm is undefined',
    '{"x":3,"y":4}',
  ]);
  expect(await row(page, 'withGetter')).toEqual([
    'lost',
    'no getter: a plain data property now = "computed at send time", read once at send time',
    '{"now":"computed at send time"}',
  ]);
});

test('functions, methods, DOM nodes and symbols throw DataCloneError', async ({ page }) => {
  await page.getByRole('button', { name: 'Try to send them' }).click();
  const log = page.locator('#throws-log li');
  await expect(log).toHaveCount(4);
  for (const label of ['a function', 'an object with a method', 'a DOM node', 'a symbol'])
    await expect(
      log.filter({ hasText: new RegExp(`^${label}: threw DataCloneError: `) }),
    ).toHaveCount(1);
  await expect(page.locator('#throws-log')).not.toContainText('sent (unexpected)');
});
