// The chapter's page, in English (project socketio-scale) and in Korean (socketio-scale:ko): the
// rooms chapter's room chat on several instances (the e2e server is `pnpm start`: two cluster
// workers and the Redis the chapter starts), each demo read from the page's own dictionary.
import { plain, specLang, specMessages } from '@course/e2e/lang';
import { LANG_NAMES } from '@course/kit/i18n';
import { type Browser, expect, type Page, test } from '@playwright/test';
import messages from '../client/src/messages.ts';

// specLang() asks the running test for its project: read the texts inside each test.
let t: (typeof messages)['en'];
test.beforeEach(() => {
  t = specMessages(messages);
});

/** Opens the page in a fresh browser context, in the spec's language, and waits until it shows its instance. */
async function openTab(browser: Browser, name: string) {
  const { baseURL, locale } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('#this-instance')).toHaveText(/^[A-Z]$/);
  await page.getByLabel(t.name, { exact: true }).fill(name);
  return { context, page };
}

const instanceOf = (page: Page) => page.locator('#this-instance').textContent();

test('the page is in the browser’s language', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page).toHaveTitle(plain(t.title));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.title));
  await expect(page.locator('#topology-section h2')).toHaveText(t.topologyHeading);
  await expect(page.locator('#status')).toHaveText(t.statusConnected);
  await expect(page.locator('#current-room')).toHaveText(t.noRoom);
  for (const name of [t.send, t.joinRoom, t.crashButton])
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(page.getByLabel(t.room, { exact: true })).toHaveValue('lobby');
  // The sentence around the instance and the adapter is the page's language.
  const instance = (await instanceOf(page)) ?? '';
  await expect(page.locator('#this-tab')).toHaveText(
    t.thisTab.replace('{instance}', instance).replace('{adapter}', 'streams'),
  );
});

test('the language switch reloads the page in the other language and is remembered', async ({
  page,
}) => {
  const other = specLang() === 'ko' ? 'en' : 'ko';
  await page.goto('/');
  const languages = page.locator('nav.course .lang-switch');
  await expect(languages.getByRole('button', { name: LANG_NAMES[specLang()] })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await languages.getByRole('button', { name: LANG_NAMES[other] }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(messages[other].title));
  // The next page load keeps the choice, over the browser's language.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('button', { name: messages[other].crashButton })).toBeVisible();
});

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
  const annOn = (await instanceOf(ann.page)) ?? '';
  const bobOn = (await instanceOf(bob.page)) ?? '';
  expect(annOn).not.toBe(bobOn);

  const room = `e2e-${specLang()}-${Date.now()}`;
  for (const { page } of [ann, bob]) {
    await page.getByLabel(t.room, { exact: true }).fill(room);
    await page.getByRole('button', { name: t.joinRoom }).click();
    await expect(page.locator('#current-room')).toHaveText(room);
  }
  // Both members are listed on both pages, each with its instance: the list is cluster-wide.
  for (const { page } of [ann, bob]) {
    await expect(page.locator('#members')).toContainText(t.memberLine('Ann', annOn, room, false));
    await expect(page.locator('#members')).toContainText(t.memberLine('Bob', bobOn, room, false));
  }

  // The room's count covers both instances.
  const counts = [annOn, bobOn]
    .sort()
    .map((name) => `${name} 1`)
    .join(', ');
  await expect(ann.page.locator('#cluster-rooms')).toContainText(t.roomLine(room, 2, counts));

  await ann.page.getByLabel(t.message, { exact: true }).fill('<b>across</b>');
  await ann.page.getByRole('button', { name: t.send, exact: true }).click();
  await expect(bob.page.locator('#chat')).toContainText('Ann: <b>across</b>');
  await expect(bob.page.locator('#chat b')).toHaveCount(0);
  const path = t.route(
    'Ann',
    '<b>across</b>',
    room,
    annOn,
    'streams',
    [annOn, bobOn].sort().join(', '),
  );
  await expect(bob.page.locator('#routes')).toContainText(path);
  await expect(ann.page.locator('#routes')).toContainText(path);

  await ann.context.close();
  await bob.context.close();
});

test("stopping this tab's instance: the tab reconnects to another one and is back in its room", async ({
  browser,
}) => {
  const tab = await openTab(browser, 'Cy');
  const before = (await instanceOf(tab.page)) ?? '';
  const room = `crash-${specLang()}-${Date.now()}`;
  await tab.page.getByLabel(t.room, { exact: true }).fill(room);
  await tab.page.getByRole('button', { name: t.joinRoom }).click();
  await expect(tab.page.locator('#current-room')).toHaveText(room);

  await tab.page.getByRole('button', { name: t.crashButton }).click();
  await expect(tab.page.locator('#reconnects')).toContainText(t.stopping(before));
  // The instance it lands on is not known in advance: the line up to the arrow.
  await expect(tab.page.locator('#reconnects')).toContainText(t.reconnected(before, '').trimEnd(), {
    timeout: 15_000,
  });
  // Its process died without saving the session, so the page joins its room again.
  await expect(tab.page.locator('#reconnects')).toContainText(t.backJoined(room));
  await expect(tab.page.locator('#status')).toHaveText(t.statusConnected);
  // Back in the room for real: the cluster-wide list has it there, on its new instance.
  const after = (await instanceOf(tab.page)) ?? '';
  await expect(tab.page.locator('#members')).toContainText(t.memberLine('Cy', after, room, false));
  await tab.context.close();
});
