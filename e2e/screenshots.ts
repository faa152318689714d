// `pnpm screenshots`: the README's pictures of the course, taken anew from the
// built hub and a built chapter, in English and in Korean (a browser whose language
// is Korean): docs/hub.png, docs/chapter-code-panel.png, and the same with .ko.png.
// Korean text must render, so it refuses to run without a CJK font (fonts-noto-cjk).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findChapter, findRepoRoot, isListening } from '@course/chapters';
import { chromium } from '@playwright/test';
import hubMessages from '../apps/hub/client/src/messages.ts';
import { chooseBrowser } from './browser.ts';
import { startChapterServer } from './server-process.ts';

/** The chapters' own ports, so the pictures show what a learner sees: stop running lessons first. */
const OFFSET = 0;
/** The chapter whose page shows an open code panel, and where. */
const CHAPTER = 'socketio-rooms';
const PAGE = '/lecture';
const PANEL = 'chat-message';

function hasCjkFont(): boolean {
  try {
    return /CJK/i.test(execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

if (!hasCjkFont()) {
  console.error(
    'No Korean font found (fc-list :lang=ko). Install one first, e.g. `sudo apt-get install fonts-noto-cjk`, so the pictures show Korean text.',
  );
  process.exit(1);
}

for (const name of ['hub', CHAPTER]) {
  const port = findChapter(name).course.ports.PORT;
  if (await isListening(port)) {
    console.error(
      `Port ${port} (${name}) is in use. Stop the running lessons, then run this again.`,
    );
    process.exit(1);
  }
}

const docs = join(findRepoRoot(), 'docs');
mkdirSync(docs, { recursive: true });
const portsOf = (name: string) =>
  Object.fromEntries(
    Object.entries(findChapter(name).course.ports).map(([key, port]) => [
      key,
      String(port + OFFSET),
    ]),
  );
const chapterPorts = portsOf(CHAPTER);
const servers = await Promise.all([
  startChapterServer('hub', { ...portsOf('hub'), CHAPTER_PORT_OFFSET: String(OFFSET) }),
  startChapterServer(CHAPTER, chapterPorts),
]);
const browser = await chromium.launch({ executablePath: chooseBrowser()?.executablePath });
try {
  const written: string[] = [];
  for (const [locale, lang, suffix] of [
    ['en-US', 'en', ''],
    ['ko-KR', 'ko', '.ko'],
  ] as const) {
    const t = hubMessages[lang];
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale });

    // The hub's page for the chapter: its lesson beside its running page.
    await page.goto(`http://localhost:${portsOf('hub').PORT}/chapters/${CHAPTER}${PAGE}`);
    await page
      .locator('#chapter-state')
      .getByText(t.runningOn(Number(chapterPorts.PORT)))
      .waitFor();
    await page.frameLocator('#page-slot iframe').locator('h1').waitFor();
    await page.screenshot({ path: join(docs, `hub${suffix}.png`) });

    await page.goto(`http://localhost:${chapterPorts.PORT}${PAGE}`);
    // A message in Korean, as the lecture's students would send it (the form keeps the lecture's English labels).
    await page.getByLabel('Name').fill('김민지');
    await page.getByLabel('Room').fill('A');
    await page.getByLabel('Message').fill('안녕하세요, 방 A입니다');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('안녕하세요, 방 A입니다').first().waitFor();
    const panel = page.locator(`details.code-panel[data-code-panel="${PANEL}"]`);
    await panel.locator('summary').click();
    await panel.getByRole('radio', { name: lang === 'ko' ? '바뀐 점' : 'What changed' }).check();
    await panel.evaluate((element) => element.closest('section')?.scrollIntoView());
    await page.screenshot({ path: join(docs, `chapter-code-panel${suffix}.png`) });
    await page.close();
    written.push(join('docs', `hub${suffix}.png`), join('docs', `chapter-code-panel${suffix}.png`));
  }
  console.log(`Wrote ${written.join(', ')}.`);
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.stop()));
}
