// `pnpm readme`: rewrite the chapter table in README.md from the chapters' metadata.
// A test in packages/chapters fails when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, listChapters, withChapterTable } from '@course/chapters';

const file = join(findRepoRoot(), 'README.md');
const before = readFileSync(file, 'utf8');
const after = withChapterTable(before, listChapters());
if (after === before) console.log('README.md chapter list is up to date.');
else {
  writeFileSync(file, after);
  console.log('README.md chapter list rewritten from the metadata.');
}
