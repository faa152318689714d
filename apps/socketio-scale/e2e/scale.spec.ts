import { expect, type Page, test } from '@playwright/test';

/** Opens the page in a fresh browser context and waits until it shows its instance. */
async function openTab(browser: import('@playwright/test').Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('#this-instance')).toHaveText(/^[A-Z]$/);
  await page.getByLabel('Name').fill(name);
  return { context, page };
}

const instanceOf = (page: Page) => page.locator('#this-instance').textContent();

test('two tabs on different instances: a message crosses, and the page shows its path', async ({
  browser,
}) => {
  const ann = await openTab(browser, 'Ann');
  // Least-connection sends the next new tab to the other instance; open tabs until one lands there.
  let bob = await openTab(browser, 'Bob');
  for (
    let tries = 0;
    tries < 5 && (await instanceOf(bob.page)) === (await instanceOf(ann.page));
    tries++
  ) {
    await bob.context.close();
    bob = await openTab(browser, 'Bob');
  }
  const annOn = await instanceOf(ann.page);
  const bobOn = await instanceOf(bob.page);
  expect(annOn).not.toBe(bobOn);

  const room = `e2e-${Date.now()}`;
  for (const { page } of [ann, bob]) {
    await page.getByLabel('Room').fill(room);
    await page.getByRole('button', { name: 'Join room' }).click();
    await expect(page.locator('#current-room')).toHaveText(room);
  }
  // Both members are listed on both pages, each with its instance: the list is cluster-wide.
  for (const { page } of [ann, bob]) {
    await expect(page.locator('#members')).toContainText(`Ann on ${annOn}: ${room}`);
    await expect(page.locator('#members')).toContainText(`Bob on ${bobOn}: ${room}`);
  }

  // The room's count covers both instances.
  const counts = [annOn, bobOn]
    .sort()
    .map((name) => `${name} 1`)
    .join(', ');
  await expect(ann.page.locator('#cluster-rooms')).toContainText(`${room}: 2 (${counts})`);

  await ann.page.getByLabel('Message').fill('<b>across</b>');
  await ann.page.getByRole('button', { name: 'Send' }).click();
  await expect(bob.page.locator('#chat')).toContainText('Ann: <b>across</b>');
  await expect(bob.page.locator('#chat b')).toHaveCount(0);
  const path = `Ann: "<b>across</b>" in ${room}: sent to ${annOn} → Redis (streams) → delivered by ${[annOn, bobOn].sort().join(', ')}`;
  await expect(bob.page.locator('#routes')).toContainText(path);
  await expect(ann.page.locator('#routes')).toContainText(path);

  await ann.context.close();
  await bob.context.close();
});

test("stopping this tab's instance: the tab reconnects to another one and is back in its room", async ({
  browser,
}) => {
  const tab = await openTab(browser, 'Cy');
  const before = await instanceOf(tab.page);
  const room = `crash-${Date.now()}`;
  await tab.page.getByLabel('Room').fill(room);
  await tab.page.getByRole('button', { name: 'Join room' }).click();
  await expect(tab.page.locator('#current-room')).toHaveText(room);

  await tab.page.getByRole('button', { name: "Stop this tab's instance" }).click();
  await expect(tab.page.locator('#reconnects')).toContainText(`instance ${before} is stopping…`);
  await expect(tab.page.locator('#reconnects')).toContainText(
    new RegExp(`reconnected: instance ${before} → [A-Z]`),
    { timeout: 15_000 },
  );
  // Its process died without saving the session, so the page joins its room again.
  await expect(tab.page.locator('#reconnects')).toContainText(`back in ${room} (joined again)`);
  await expect(tab.page.locator('#status')).toHaveText('connected');
  // Back in the room for real: the cluster-wide list has it there, on its new instance.
  const after = await instanceOf(tab.page);
  await expect(tab.page.locator('#members')).toContainText(`Cy on ${after}: ${room}`);
  await tab.context.close();
});
