import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chapterExercises, exerciseProblems } from './exercises.ts';
import { type Chapter, findRepoRoot, listChapters } from './index.ts';

/** The `##` sections every chapter README (its lesson text) has, in this order. */
export const README_SECTIONS = [
  "What you'll see",
  'Try it',
  "The lecture's examples",
  'Pitfalls',
  'Beyond the lecture',
  'How it works',
  'Learn more',
] as const;

/** The same sections in the Korean lesson text, README.ko.md, in the same order. */
export const README_SECTIONS_KO = [
  '무엇을 보게 되나요',
  '해 보기',
  '강의의 예제',
  '함정',
  '강의 너머',
  '동작 원리',
  '더 알아보기',
] as const satisfies { length: (typeof README_SECTIONS)['length'] };

/** What the lesson's opening (before its first `##`) tells a learner up front. */
export const README_INTRO_FIELDS = ['**Prerequisites:**', '**Time:**'] as const;
/** The same fields in README.ko.md. */
export const README_INTRO_FIELDS_KO = ['**선수 지식:**', '**소요 시간:**'] as const;

/** A lesson text's language: README.md is English, README.ko.md Korean. */
export type ReadmeLang = 'en' | 'ko';
/** The file each language's lesson text lives in. */
export const README_FILES: Record<ReadmeLang, string> = { en: 'README.md', ko: 'README.ko.md' };
const SECTIONS: Record<ReadmeLang, readonly string[]> = {
  en: README_SECTIONS,
  ko: README_SECTIONS_KO,
};
const INTRO_FIELDS: Record<ReadmeLang, readonly string[]> = {
  en: README_INTRO_FIELDS,
  ko: README_INTRO_FIELDS_KO,
};

/**
 * Words that belong to the course's workshop, not to a lesson: a learner reads
 * the README in the hub, so it speaks of the lesson, never of tracker items or test files.
 */
const WORKSHOP_WORDS: { pattern: RegExp; what: string }[] = [
  { pattern: /\b(issue|ticket)s?\b/i, what: 'speaks of issues or tickets' },
  { pattern: /이슈|티켓/, what: 'speaks of issues or tickets' },
  { pattern: /\.(spec|test)\.ts\b/, what: 'names a test file' },
];

/** Problems with a lesson text (a chapter README, README.ko.md when `lang` is ko), as sentences. */
export function readmeProblems(text: string, lang: ReadmeLang = 'en'): string[] {
  const file = README_FILES[lang];
  const sections = SECTIONS[lang];
  const problems: string[] = [];
  const lines = text.split('\n');
  const headings = lines
    .filter((line) => line.startsWith('## '))
    .map((line) => line.slice(3).trim());
  for (const section of sections) {
    if (!headings.includes(section)) problems.push(`${file} has no "## ${section}" section`);
  }
  const present = headings.filter((heading) => sections.includes(heading));
  const expected = sections.filter((section) => present.includes(section));
  if (present.join('|') !== expected.join('|'))
    problems.push(`${file}'s sections are out of order: want ${sections.join(', ')}`);
  const firstSection = lines.findIndex((line) => line.startsWith('## '));
  const intro = lines.slice(0, firstSection === -1 ? undefined : firstSection).join('\n');
  for (const field of INTRO_FIELDS[lang]) {
    if (!intro.includes(field))
      problems.push(`${file}'s opening (before the first ##) has no ${field} line`);
  }
  lines.forEach((line, index) => {
    for (const { pattern, what } of WORKSHOP_WORDS) {
      if (pattern.test(line)) problems.push(`${file}:${index + 1} ${what}: "${line.trim()}"`);
    }
  });
  return problems;
}

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

  // The lesson text, in English and in Korean.
  for (const lang of ['en', 'ko'] as const) {
    const readme = join(chapter.dir, README_FILES[lang]);
    if (!existsSync(readme)) problems.push(`${README_FILES[lang]} is missing`);
    else problems.push(...readmeProblems(readFileSync(readme, 'utf8'), lang));
  }

  // What server/app.ts exports is checked by type: see scripts/check-chapters.ts.
  if (!existsSync(join(chapter.dir, 'server', 'app.ts')))
    problems.push('server/app.ts (the chapter: export default defineChapter(…)) is missing');

  if (filesEndingWith(join(chapter.dir, 'test'), '.test.ts').length === 0)
    problems.push('no integration tests (test/*.test.ts)');
  if (filesEndingWith(join(chapter.dir, 'e2e'), '.spec.ts').length === 0)
    problems.push('no e2e spec (e2e/*.spec.ts)');
  for (const exercise of chapterExercises(chapter)) {
    for (const problem of exerciseProblems(exercise))
      problems.push(
        `exercises/${exercise.number.toString().padStart(2, '0')}-${exercise.slug}: ${problem}`,
      );
  }
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
