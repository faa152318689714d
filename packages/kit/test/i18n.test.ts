// The course in two languages: the language choice, and a test that fails when any
// page's text, lesson text or exercise task is missing in either language, or when
// a Korean text strays from the glossary.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRepoRoot, listWorkspaces } from '@course/chapters';
import { listExercises } from '@course/chapters/exercises';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../src/glossary.ts';
import {
  type Dictionary,
  emptyMessages,
  formatNumber,
  LANGS,
  type Message,
  pickLang,
  plainText,
  plural,
  slotMarks,
  terminalLang,
} from '../src/i18n.ts';

const root = findRepoRoot();

describe('the language', () => {
  it('of a browser: its first language the course has, else English', () => {
    expect(pickLang(['ko-KR', 'en-US'])).toBe('ko');
    expect(pickLang(['fr-FR', 'en-GB'])).toBe('en');
    expect(pickLang(['fr-FR', 'ko'])).toBe('ko');
    expect(pickLang([])).toBe('en');
  });

  it('of a terminal: COURSE_LANG, else the POSIX locale variables in order', () => {
    expect(terminalLang({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(terminalLang({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(terminalLang({})).toBe('en');
    // LC_ALL outranks LANG, as POSIX says.
    expect(terminalLang({ LC_ALL: 'C.UTF-8', LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(terminalLang({ LC_MESSAGES: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ko');
    expect(terminalLang({ COURSE_LANG: 'ko', LANG: 'C' })).toBe('ko');
  });

  it('formats numbers and plurals with Intl', () => {
    expect(formatNumber('en', 12345)).toBe('12,345');
    expect(formatNumber('ko', 12345)).toBe('12,345');
    expect(plural('en', 1, { one: 'step', other: 'steps' })).toBe('step');
    expect(plural('en', 2, { one: 'step', other: 'steps' })).toBe('steps');
    // Korean has one form.
    expect(plural('ko', 1, { one: '단계', other: '단계' })).toBe('단계');
  });

  it('reads a message without its markup, as a page shows it', () => {
    expect(plainText('Run `pnpm lesson` **now**, then [open the hub](/).')).toBe(
      'Run pnpm lesson now, then open the hub.',
    );
  });

  it('finds a key missing or empty in either language', () => {
    const dictionary = {
      en: { a: 'A', b: 'B', c: '' },
      ko: { a: '가', c: '다', d: '라' },
    } as unknown as Dictionary<Record<string, Message>>;
    expect(emptyMessages(dictionary)).toEqual(['en.c', 'ko.b (missing)', 'en.d (missing)']);
  });
});

describe('the terminal', () => {
  /** What `scripts/<script>.ts` prints alone (a list), with the terminal's locale set to `LANG`. */
  const run = (script: string, LANG: string) =>
    execFileSync(process.execPath, ['--import', 'tsx', join('scripts', `${script}.ts`)], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, COURSE_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG },
    });

  it('speaks Korean under a Korean locale, English otherwise', () => {
    const korean = run('lesson', 'ko_KR.UTF-8');
    expect(korean).toContain('챕터 목록 (`pnpm lesson <이름 또는 번호>`로 하나를 실행합니다):');
    expect(korean).toContain('원시 TCP');
    const english = run('lesson', 'en_US.UTF-8');
    expect(english).toContain('Chapters (run one with `pnpm lesson <name or number>`):');
    expect(english).toContain('Raw TCP');
    expect(run('practice', 'ko_KR.UTF-8')).toMatch(/연습 문제 목록[\s\S]*개 중 \d+개 통과\./);
  }, 90_000);
});

/** Every `data-t` key and every key in a `data-t-attr` of `html`. */
function keysOf(html: string): string[] {
  const keys = [...html.matchAll(/\sdata-t="([^"]+)"/g)].map((match) => match[1] ?? '');
  for (const [, pairs] of html.matchAll(/\sdata-t-attr="([^"]+)"/g))
    for (const pair of (pairs ?? '').split(/\s+/).filter(Boolean))
      keys.push(pair.split(':')[1] ?? '');
  return keys;
}

/** Every `data-t-slots` key of `html`. */
function slottedKeysOf(html: string): string[] {
  return [...html.matchAll(/\sdata-t-slots="([^"]+)"/g)].map((match) => match[1] ?? '');
}

/** `dir`'s .html files, not descending into build output or dependencies. */
function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return ['node_modules', 'dist', 'work'].includes(entry.name) ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

const workspaces = listWorkspaces(root);

describe.each(workspaces.map((workspace) => [workspace.name, workspace] as const))(
  '%s in both languages',
  (_name, workspace) => {
    const file = join(workspace.dir, 'client', 'src', 'messages.ts');

    it('has a dictionary with every text in English and in Korean', async () => {
      expect(existsSync(file), `${relative(root, file)} is missing`).toBe(true);
      const { default: dictionary } = (await import(pathToFileURL(file).href)) as {
        default: Dictionary<Record<string, Message>>;
      };
      expect(emptyMessages(dictionary)).toEqual([]);
      // Every key a page names is a text in the dictionary.
      const texts = new Set(
        Object.entries(dictionary.en)
          .filter(([, message]) => typeof message === 'string')
          .map(([key]) => key),
      );
      const missing = htmlFiles(join(workspace.dir, 'client')).flatMap((html) =>
        keysOf(readFileSync(html, 'utf8'))
          .filter((key) => !texts.has(key))
          .map((key) => `${relative(root, html)}: ${key}`),
      );
      expect(missing, 'page keys with no text in the dictionary').toEqual([]);
      // Every data-t-slots key is, in both languages, a function that puts each of its slots once.
      const badSlots = htmlFiles(join(workspace.dir, 'client')).flatMap((html) =>
        slottedKeysOf(readFileSync(html, 'utf8')).flatMap((key) =>
          LANGS.flatMap((lang) => {
            const message = (dictionary[lang] as Record<string, Message>)[key];
            const where = `${relative(root, html)}: ${lang}.${key}`;
            if (typeof message !== 'function') return [`${where} is not a function of its slots`];
            const marks = slotMarks(message.length);
            const text = message(...marks);
            return marks.every((mark) => text.split(mark).length === 2)
              ? []
              : [`${where} does not put each of its ${marks.length} slots once`];
          }),
        ),
      );
      expect(badSlots, 'data-t-slots keys').toEqual([]);
    });
  },
);

/** Every Korean text a learner reads: lesson texts, exercise tasks, dictionaries. */
function koreanTexts(): string[] {
  const files: string[] = [];
  for (const workspace of workspaces) {
    for (const name of ['README.ko.md', join('client', 'src', 'messages.ts')])
      if (existsSync(join(workspace.dir, name))) files.push(join(workspace.dir, name));
  }
  for (const exercise of listExercises(root))
    if (existsSync(join(exercise.dir, 'README.ko.md')))
      files.push(join(exercise.dir, 'README.ko.md'));
  return files;
}

describe('lesson texts', () => {
  it('exist in Korean for every chapter and every exercise', () => {
    const missing = [
      ...workspaces
        .filter((workspace) => workspace.name !== 'hub')
        .map((workspace) => join(workspace.dir, 'README.ko.md')),
      ...listExercises(root).map((exercise) => join(exercise.dir, 'README.ko.md')),
    ]
      .filter((file) => !existsSync(file))
      .map((file) => relative(root, file));
    expect(missing).toEqual([]);
  });

  it('use the glossary’s Korean terms, never a spelling it lists to avoid', () => {
    const strays: string[] = [];
    for (const file of koreanTexts()) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        for (const term of Object.values(GLOSSARY))
          for (const avoid of term.avoid)
            if (line.includes(avoid))
              strays.push(`${relative(root, file)}:${index + 1} "${avoid}": write "${term.ko}"`);
      });
    }
    expect(strays).toEqual([]);
  });
});
