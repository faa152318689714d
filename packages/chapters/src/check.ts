import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Chapter, findRepoRoot, listChapters } from './index.ts';

/** The `##` sections every chapter README has, in this order. */
export const README_SECTIONS = [
  'Run it',
  "What you'll see",
  'How it works',
  'Pitfalls',
  'Try it',
] as const;

/** The scripts every chapter has (see the root README). */
export const CHAPTER_SCRIPTS = ['dev', 'build', 'typecheck', 'start', 'test'] as const;

/** Files in `dir` whose names end with `suffix` (none when `dir` is missing). */
function filesEndingWith(dir: string, suffix: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith(suffix)) : [];
}

/** What one chapter is missing, as sentences; empty when it has everything. */
export function chapterProblems(chapter: Chapter): string[] {
  const problems: string[] = [];
  const pkg = JSON.parse(readFileSync(join(chapter.dir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  for (const script of CHAPTER_SCRIPTS) {
    if (!pkg.scripts?.[script]) problems.push(`package.json has no "${script}" script`);
  }

  const readme = join(chapter.dir, 'README.md');
  if (!existsSync(readme)) {
    problems.push('README.md is missing');
  } else {
    const headings = readFileSync(readme, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('## '))
      .map((line) => line.slice(3).trim());
    for (const section of README_SECTIONS) {
      if (!headings.includes(section)) problems.push(`README.md has no "## ${section}" section`);
    }
  }

  // What server/app.ts exports is checked by type: see scripts/check-chapters.ts.
  if (!existsSync(join(chapter.dir, 'server', 'app.ts')))
    problems.push('server/app.ts (the chapter: export default defineChapter(…)) is missing');

  if (filesEndingWith(join(chapter.dir, 'test'), '.test.ts').length === 0)
    problems.push('no integration tests (test/*.test.ts)');
  if (filesEndingWith(join(chapter.dir, 'e2e'), '.spec.ts').length === 0)
    problems.push('no e2e spec (e2e/*.spec.ts)');
  return problems;
}

/**
 * Checks every chapter: valid metadata with unique ports (from `listChapters`),
 * then each chapter's pieces. Returns one line per problem, naming the chapter.
 */
export function checkChapters(root = findRepoRoot()): string[] {
  let chapters: Chapter[];
  try {
    chapters = listChapters(root);
  } catch (error) {
    return [(error as Error).message];
  }
  if (chapters.length === 0) return ['no chapters under apps/'];
  return chapters.flatMap((chapter) =>
    chapterProblems(chapter).map((problem) => `apps/${chapter.name}: ${problem}`),
  );
}
