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

/** `export function createApp(`, `createServer(`, `createEchoServer(`, `createServers(`, or the `const` forms. */
const FACTORY = /export\s+(?:(?:async\s+)?function|const)\s+create\w*(?:App|Servers?)\b/;

/** Files in `dir` whose names end with `suffix` (none when `dir` is missing). */
function filesEndingWith(dir: string, suffix: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith(suffix)) : [];
}

/** What one chapter is missing, as sentences; empty when it has everything. */
export function chapterProblems(chapter: Chapter, root: string): string[] {
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

  const serverDir = join(chapter.dir, 'server');
  if (!existsSync(join(serverDir, 'main.ts')))
    problems.push('server/main.ts (the entry) is missing');
  const modules = filesEndingWith(serverDir, '.ts').filter((file) => file !== 'main.ts');
  const hasFactory = modules.some((file) =>
    FACTORY.test(readFileSync(join(serverDir, file), 'utf8')),
  );
  if (!hasFactory)
    problems.push(
      'no server factory: export createApp() or create…Server() from a module in server/',
    );

  if (filesEndingWith(join(chapter.dir, 'test'), '.test.ts').length === 0)
    problems.push('no integration tests (test/*.test.ts)');
  if (filesEndingWith(join(root, 'e2e', 'tests', chapter.name), '.spec.ts').length === 0)
    problems.push(`no e2e spec (e2e/tests/${chapter.name}/*.spec.ts)`);
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
    chapterProblems(chapter, root).map((problem) => `apps/${chapter.name}: ${problem}`),
  );
}
