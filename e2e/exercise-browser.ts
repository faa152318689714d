// For exercise checks (vitest): a real Chromium page, the same browser the e2e tests use.
import { type Browser, chromium, type Page } from '@playwright/test';
import { chooseBrowser } from './browser.ts';

/** A browser with one page; `close()` ends both. */
export interface CheckBrowser {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** Launches Chromium (headless) and opens one page, or says how to get a browser. */
export async function openBrowser(): Promise<CheckBrowser> {
  const choice = chooseBrowser();
  if (!choice)
    throw new Error(
      'No Chromium found for the check. Install one (`apt-get install chromium`) or set CHROMIUM_PATH.',
    );
  const browser = await chromium.launch({
    ...(choice.executablePath ? { executablePath: choice.executablePath } : {}),
  });
  const page = await browser.newPage();
  return { browser, page, close: () => browser.close() };
}
