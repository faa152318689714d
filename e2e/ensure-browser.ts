// Makes sure a Chromium is there before the e2e tests: Playwright's own if it
// can be downloaded, else Debian's package (as root), else a one-line instruction.
// It prints the browser it found and its version: page behaviour differs between versions.
import { browserVersion, chooseBrowser, tryRun } from './browser.ts';

function report(): boolean {
  const choice = chooseBrowser();
  if (!choice) return false;
  const where = choice.executablePath ?? "Playwright's Chromium";
  console.log(
    `e2e browser: ${browserVersion(choice) ?? 'unknown version'} at ${where} (${choice.source})`,
  );
  return true;
}

if (!report()) {
  console.log('No Chromium found: trying `playwright install chromium`…');
  const downloaded = tryRun('pnpm', ['exec', 'playwright', 'install', 'chromium'], 180_000);
  const isRoot = process.getuid?.() === 0;
  if (!downloaded && isRoot && tryRun('sh', ['-c', 'command -v apt-get'])) {
    // Refresh the package lists first: an old list installs an old Chromium.
    console.log("Playwright's download failed: installing Debian's chromium package…");
    tryRun('sh', ['-c', 'apt-get update && apt-get install -y chromium']);
  }
  if (!report()) {
    console.error(
      'No Chromium for the e2e tests: run `pnpm --filter @course/e2e exec playwright install chromium`, or install a system Chromium and set CHROMIUM_PATH to it.',
    );
    process.exit(1);
  }
}
