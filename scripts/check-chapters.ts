// `pnpm check:chapters`: every chapter has valid metadata with unique ports, a
// README with the standard sections, its scripts, integration tests and e2e
// specs, and a server/app.ts whose default export is a chapter made by
// defineChapter() (checked by loading it, not by reading its text). Prints what
// is missing, naming the chapter, and exits 1 if anything is.
import { listChapters } from '@course/chapters';
import { checkChapters } from '@course/chapters/check';
import { loadChapter } from '@course/kit';

const problems = checkChapters();
for (const chapter of listChapters()) {
  try {
    await loadChapter(chapter.dir);
  } catch (error) {
    problems.push(`apps/${chapter.name}: ${(error as Error).message}`);
  }
}
if (problems.length > 0) {
  console.error(`Chapter check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  'Chapter check passed: every chapter has metadata, its lesson sections, its scripts, tests and e2e specs, a server/app.ts made by defineChapter(), and every part of each exercise.',
);
