import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `"course"` field of a chapter's package.json. */
export interface CourseMeta {
  /** Position in the course, 1-based (0 for the hub). */
  order: number;
  /** `"hub"` for the course's home page; chapters leave it out. */
  kind?: 'hub';
  title: string;
  summary: string;
  /** The title and summary in Korean, as the hub shows them to a learner reading in Korean. */
  ko: { title: string; summary: string };
  /** Env var name → default port. `PORT` serves the page and the API. */
  ports: { PORT: number } & Record<string, number>;
  /** Extra env vars for the chapter's server under e2e tests, e.g. a shorter delay. */
  testEnv?: Record<string, string>;
}

/** One chapter (or the hub): a workspace under apps/ with a `"course"` field. */
export interface Chapter {
  /** Folder name under apps/, e.g. `xhr`. */
  name: string;
  /** Workspace name, e.g. `@course/xhr`. */
  packageName: string;
  /** Absolute path of the chapter folder. */
  dir: string;
  course: CourseMeta;
}

/** The monorepo root: the nearest folder above this file holding pnpm-workspace.yaml. */
export function findRepoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

/** Problems with one chapter's metadata, as sentences; empty when it is valid. */
export function metadataProblems(course: unknown): string[] {
  if (typeof course !== 'object' || course === null) return ['"course" must be an object'];
  const c = course as Record<string, unknown>;
  const problems: string[] = [];
  if (c.kind !== undefined && c.kind !== 'hub') problems.push('"course.kind" can only be "hub"');
  if (c.kind === 'hub' ? c.order !== 0 : !Number.isInteger(c.order) || (c.order as number) < 1)
    problems.push(
      c.kind === 'hub'
        ? '"course.order" of the hub must be 0'
        : '"course.order" must be a positive integer',
    );
  for (const key of ['title', 'summary'] as const) {
    if (typeof c[key] !== 'string' || (c[key] as string).trim() === '')
      problems.push(`"course.${key}" must be a non-empty string`);
    const ko = c.ko as Record<string, unknown> | undefined;
    if (typeof ko?.[key] !== 'string' || (ko[key] as string).trim() === '')
      problems.push(`"course.ko.${key}" must be a non-empty string (the ${key} in Korean)`);
  }
  if (typeof c.ports !== 'object' || c.ports === null) {
    problems.push('"course.ports" must be an object of env var → port');
  } else {
    const ports = c.ports as Record<string, unknown>;
    if (!('PORT' in ports)) problems.push('"course.ports" must have PORT');
    for (const [name, port] of Object.entries(ports)) {
      if (!/^([A-Z][A-Z0-9_]*_)?PORT$/.test(name))
        problems.push(`"course.ports.${name}" must be an env var name ending in PORT`);
      if (!Number.isInteger(port) || (port as number) < 1024 || (port as number) > 65535)
        problems.push(`"course.ports.${name}" must be a port from 1024 to 65535`);
    }
  }
  if (c.testEnv !== undefined) {
    const env = c.testEnv as Record<string, unknown>;
    if (
      typeof env !== 'object' ||
      env === null ||
      Object.values(env).some((v) => typeof v !== 'string')
    )
      problems.push('"course.testEnv" must be an object of env var → string');
  }
  return problems;
}

/** Ports claimed by more than one chapter, as sentences. */
export function portClashes(chapters: Chapter[]): string[] {
  const owners = new Map<number, string>();
  const clashes: string[] = [];
  for (const chapter of chapters) {
    for (const [name, port] of Object.entries(chapter.course.ports)) {
      const owner = owners.get(port);
      if (owner) clashes.push(`${chapter.name}: ${name}=${port} is already used by ${owner}`);
      else owners.set(port, `${chapter.name} (${name})`);
    }
  }
  return clashes;
}

/**
 * Every workspace under `apps/` with course metadata (the hub first, then the
 * chapters in course order). Throws, naming the chapter, when metadata is
 * invalid or two of them share a port or an order.
 */
export function listWorkspaces(root = findRepoRoot()): Chapter[] {
  const appsDir = join(root, 'apps');
  if (!existsSync(appsDir)) return [];
  const chapters: Chapter[] = [];
  const problems: string[] = [];
  for (const entry of readdirSync(appsDir, { withFileTypes: true })) {
    const manifest = join(appsDir, entry.name, 'package.json');
    if (!entry.isDirectory() || !existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; course?: unknown };
    if (pkg.course === undefined) continue;
    const found = metadataProblems(pkg.course);
    if (found.length > 0) {
      problems.push(...found.map((p) => `apps/${entry.name}: ${p}`));
      continue;
    }
    chapters.push({
      name: entry.name,
      packageName: pkg.name,
      dir: join(appsDir, entry.name),
      course: pkg.course as CourseMeta,
    });
  }
  chapters.sort((a, b) => a.course.order - b.course.order || a.name.localeCompare(b.name));
  problems.push(...portClashes(chapters));
  for (let i = 1; i < chapters.length; i++) {
    const [prev, cur] = [chapters[i - 1], chapters[i]] as [Chapter, Chapter];
    if (prev.course.order === cur.course.order)
      problems.push(`${cur.name}: order ${cur.course.order} is already used by ${prev.name}`);
  }
  if (problems.length > 0) throw new Error(`invalid chapter metadata:\n  ${problems.join('\n  ')}`);
  return chapters;
}

/** Every chapter under `apps/`, in course order (the hub is not a chapter). */
export function listChapters(root = findRepoRoot()): Chapter[] {
  return listWorkspaces(root).filter((chapter) => chapter.course.kind !== 'hub');
}

/** The course hub, when there is one. */
export function findHub(root = findRepoRoot()): Chapter | undefined {
  return listWorkspaces(root).find((chapter) => chapter.course.kind === 'hub');
}

/** The chapter (or the hub) called `name`, or an error that lists the chapters there are. */
export function findChapter(name: string, root = findRepoRoot()): Chapter {
  const chapter = listWorkspaces(root).find((c) => c.name === name || c.packageName === name);
  if (!chapter) {
    const known =
      listChapters(root)
        .map((c) => c.name)
        .join(', ') || '(none)';
    throw new Error(`no chapter "${name}". Chapters: ${known}`);
  }
  return chapter;
}

/** Markers around the generated chapter list in README.md. */
export const README_MARKERS = ['<!-- chapters:start -->', '<!-- chapters:end -->'] as const;

/** The README's chapter table, rendered from the metadata: README.md's in English, README.ko.md's in Korean. */
export function renderChapterTable(chapters: Chapter[], lang: 'en' | 'ko' = 'en'): string {
  const rows = chapters.map((chapter) => {
    const { PORT, ...others } = chapter.course.ports;
    const extra = Object.entries(others)
      .map(([name, port]) => `, ${name} ${port}`)
      .join('');
    const { title, summary } = lang === 'ko' ? chapter.course.ko : chapter.course;
    const readme = lang === 'ko' ? 'README.ko.md' : 'README.md';
    return `| ${chapter.course.order} | [${title}](apps/${chapter.name}/${readme}) | \`pnpm lesson ${chapter.name}\` | ${PORT}${extra} | ${summary} |`;
  });
  return [
    lang === 'ko'
      ? '| # | 챕터 | 실행 | 포트 | 다루는 내용 |'
      : '| # | Chapter | Run it | Ports | What it covers |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** `readme` with the text between the chapter markers replaced by the current table. */
export function withChapterTable(
  readme: string,
  chapters: Chapter[],
  lang: 'en' | 'ko' = 'en',
): string {
  const [start, end] = README_MARKERS;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to < from)
    throw new Error(`README.md needs ${start} … ${end} around the chapter list`);
  return `${readme.slice(0, from + start.length)}\n${renderChapterTable(chapters, lang)}\n${readme.slice(to)}`;
}
export { isListening, waitForPort } from './ports.ts';
