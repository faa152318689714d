import { chooseBrowser } from '@course/e2e/browser';
import { expect, type Page, test } from '@playwright/test';

// The back/forward cache on /lecture and /reconnect. Playwright launches Chromium with
// --disable-back-forward-cache; this file drops that switch so Back can restore the page.
test.use({
  launchOptions: {
    executablePath: chooseBrowser()?.executablePath,
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
});

// Whether a page with an open WebSocket is kept in the bfcache differs between Chromium versions
// (156 restores it with the socket closed, 150 loads it again), so each test first finds out what
// the browser did, without asking the page, then checks the page's account and the demo against it.

/** What the browser did on Back, as the test saw it. */
interface BackResult {
  restored: boolean;
  /** The reasons in the navigation entry's `notRestoredReasons`, for a page loaded again. */
  reasons: string[];
}

/** The page's own words for each outcome (see client/src/navigation.ts). */
const SAYS_NORMAL_LOAD = /^A normal load \(navigate\): /;
const SAYS_RESTORED = /^Restored from the back\/forward cache: /;
const SAYS_LOADED_AGAIN =
  /^Loaded again by Back\/Forward: your browser did not keep this page in the back\/forward cache/;

/**
 * Leaves the page by its "Chapter home" link and comes back with Back. A marker left on `window`
 * survives only a restore from the bfcache; Chromium's DevTools protocol cross-checks it, since it
 * reports every Back that did not use the bfcache as `Page.backForwardCacheNotUsed`.
 */
async function leaveAndGoBack(page: Page): Promise<BackResult> {
  const cdp = await page.context().newCDPSession(page);
  const notUsed: string[] = [];
  cdp.on('Page.backForwardCacheNotUsed', (event) => {
    notUsed.push(...event.notRestoredExplanations.map((explanation) => explanation.reason));
  });
  await cdp.send('Page.enable');

  await page.evaluate(() => {
    (window as { __e2eMarker?: number }).__e2eMarker = 1;
  });
  await page.getByRole('link', { name: 'Chapter home' }).click();
  await expect(page).toHaveURL(/\/$/);
  // A page restored from the bfcache fires pageshow, not load.
  await page.goBack({ waitUntil: 'commit' });
  const restored = await page.evaluate(
    () => (window as { __e2eMarker?: number }).__e2eMarker === 1,
  );

  if (restored) {
    expect(notUsed, 'CDP reported the bfcache as not used, yet the page kept its state').toEqual(
      [],
    );
  } else {
    await expect
      .poll(() => notUsed.length, { message: 'CDP should say why the bfcache was not used' })
      .toBeGreaterThan(0);
  }
  const reasons = restored
    ? []
    : await page.evaluate(() => {
        type Tree = { reasons?: { reason?: string }[] | null; children?: Tree[] | null };
        const all = (tree: Tree): string[] => [
          ...(tree.reasons ?? []).map((detail) => detail.reason ?? ''),
          ...(tree.children ?? []).flatMap(all),
        ];
        const entry = performance.getEntriesByType('navigation')[0] as unknown as {
          notRestoredReasons?: Tree | null;
        };
        return entry.notRestoredReasons ? all(entry.notRestoredReasons).filter(Boolean) : [];
      });
  await cdp.detach();

  test.info().annotations.push({
    type: 'bfcache',
    description: restored
      ? 'restored from the bfcache'
      : `loaded again; notRestoredReasons: ${reasons.join(', ') || '(none)'}; CDP: ${notUsed.join(', ')}`,
  });
  return { restored, reasons };
}

/** The page's account of a Back that loaded it again: that, and the browser's reasons, if any. */
async function expectLoadedAgainAccount(page: Page, { reasons }: BackResult): Promise<void> {
  const navigation = page.locator('#navigation');
  await expect(navigation).toHaveText(SAYS_LOADED_AGAIN);
  if (reasons.length > 0) {
    for (const reason of reasons) await expect(navigation).toContainText(reason);
  } else {
    await expect(navigation).toContainText('Your browser did not give a reason');
  }
}

test('/reconnect after Back: reopens its socket if restored from the bfcache, connects afresh if loaded again, and says which', async ({
  page,
}) => {
  await page.goto('/reconnect');
  await expect(page.locator('#attempts li')).toHaveText(['connected']);
  await expect(page.locator('#navigation')).toHaveText(SAYS_NORMAL_LOAD);

  const back = await leaveAndGoBack(page);

  const lifecycle = page.locator('#lifecycle li');
  if (back.restored) {
    await expect(page.locator('#navigation')).toHaveText(SAYS_RESTORED);
    await expect(page.locator('#navigation')).toContainText('it has just opened a new one');
    // The same page: its first load, the pagehide that closed the socket, and the reconnect.
    await expect(lifecycle).toHaveText([
      'pageshow (persisted: false): first load',
      'pagehide (persisted: true): closing the socket',
      'pageshow (persisted: true): back from the bfcache, reconnecting',
    ]);
    await expect(page.locator('#attempts li')).toHaveText(['connected', 'connected']);
    await expect(page.locator('#messages li')).toHaveCount(2);
  } else {
    await expectLoadedAgainAccount(page, back);
    await expect(page.locator('#navigation')).toContainText('Nothing to reopen');
    // A new page: one pageshow, one connection, one greeting.
    await expect(lifecycle).toHaveText([
      'pageshow (persisted: false): loaded again by Back, not from the bfcache',
    ]);
    await expect(page.locator('#attempts li')).toHaveText(['connected']);
    await expect(page.locator('#messages li')).toHaveText([
      "Received: 'Hi this is WebSocket server!'",
    ]);
  }
});

test('the lecture’s page, which ignores pagehide, after Back: dead if restored from the bfcache, freshly connected if loaded again, and says which', async ({
  page,
}) => {
  const lecture = [
    'WebSocket Client Connected',
    "Received: 'Hi this is WebSocket server!'",
    "Received: 'Hi this is web client.'",
  ];
  await page.goto('/lecture');
  await expect(page.locator('#log li')).toHaveText(lecture);
  await expect(page.locator('#navigation')).toHaveText(SAYS_NORMAL_LOAD);

  const back = await leaveAndGoBack(page);

  if (back.restored) {
    await expect(page.locator('#navigation')).toHaveText(SAYS_RESTORED);
    await expect(page.locator('#navigation')).toContainText('nothing reopens it');
    // The browser closed the socket when it froze the page; nothing reopens it.
    await expect(page.locator('#log li')).toHaveText([...lecture, 'Connection closed (code 1006)']);
  } else {
    await expectLoadedAgainAccount(page, back);
    await expect(page.locator('#navigation')).toContainText('a fresh connection');
    // A new page with a new socket: the greeting and the echo again, and no close.
    await expect(page.locator('#log li')).toHaveText(lecture);
  }
});
