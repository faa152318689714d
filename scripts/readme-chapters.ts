// `pnpm readme`: rewrite the chapter table in README.md and README.ko.md from the chapters'
// metadata (`course` and `course.ko`). A test in packages/chapters fails when either is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, listChapters, withChapterTable } from '@course/chapters';

for (const [name, lang] of [
  ['README.md', 'en'],
  ['README.ko.md', 'ko'],
] as const) {
  const file = join(findRepoRoot(), name);
  const before = readFileSync(file, 'utf8');
  const after = withChapterTable(before, listChapters(), lang);
  if (after === before) console.log(`${name} chapter list is up to date.`);
  else {
    writeFileSync(file, after);
    console.log(`${name} chapter list rewritten from the metadata.`);
  }
}
