import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** System Chromium builds we know how to drive, most likely first. */
const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export interface BrowserChoice {
  /** Passed to `launchOptions.executablePath`; undefined means Playwright's own Chromium. */
  executablePath: string | undefined;
  /** Where it came from, for the log line. */
  source: 'CHROMIUM_PATH' | 'playwright' | 'system';
}

/** Whether Playwright's own Chromium is downloaded on this machine. */
export function hasPlaywrightChromium(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

/**
 * The Chromium to test with: `CHROMIUM_PATH` if set, else Playwright's own
 * if it is installed, else a system Chromium. Undefined when there is none.
 */
export function chooseBrowser(env: NodeJS.ProcessEnv = process.env): BrowserChoice | undefined {
  if (env.CHROMIUM_PATH) return { executablePath: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  if (hasPlaywrightChromium()) return { executablePath: undefined, source: 'playwright' };
  const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
  return system ? { executablePath: system, source: 'system' } : undefined;
}

/**
 * The chosen browser's name and version, e.g. `Chromium 156.0.8078.108`, as
 * it reports it with `--version` (the log and the e2e report record it, since
 * browser behaviour differs between versions). Undefined when it cannot say.
 */
export function browserVersion(
  choice: BrowserChoice | undefined = chooseBrowser(),
): string | undefined {
  if (!choice) return undefined;
  const path = choice.executablePath ?? chromium.executablePath();
  try {
    const out = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    return out.match(/^\S+(?: \S+)*? \d+(?:\.\d+)+/)?.[0] ?? out.trim();
  } catch {
    return undefined;
  }
}

/** Runs a command, inheriting the terminal; true when it exits 0. */
export function tryRun(command: string, args: string[], timeoutMs = 300_000): boolean {
  try {
    execFileSync(command, args, { stdio: 'inherit', timeout: timeoutMs });
    return true;
  } catch {
    return false;
  }
}
