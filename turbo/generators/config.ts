// `pnpm new-chapter <name>` runs `turbo gen chapter --args <name>` (scripts/new-chapter.ts): this file.
// It writes apps/<name> (server, page, integration and e2e tests, README),
// with the next free order and port. Nothing else needs editing: the launcher,
// the hub, the README table and the e2e matrix all read the new metadata.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlopTypes } from '@turbo/gen';
import { chapterExercises } from '../../packages/chapters/src/exercises.ts';
import {
  listChapters,
  listWorkspaces,
  withChapterTable,
} from '../../packages/chapters/src/index.ts';
import { nextChapterSlot } from './next-slot.ts';

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** "demo-chapter" → "Demo chapter". */
const toTitle = (name: string) => {
  const words = name.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The actions that write exercise `number` (`slug`) of the chapter in apps/`chapter`. */
function exerciseActions(
  root: string,
  chapter: { name: string; title: string },
  number: number,
  slug: string,
): PlopTypes.ActionType[] {
  const folder = `${String(number).padStart(2, '0')}-${slug}`;
  const destination = join(root, 'apps', chapter.name, 'exercises', folder);
  return [
    {
      type: 'addMany',
      destination,
      base: 'templates/exercise',
      templateFiles: 'templates/exercise/**/*',
      globOptions: { dot: true },
      stripExtensions: ['hbs'],
      data: { chapter: chapter.name, chapterTitle: chapter.title, number, slug },
    },
    () =>
      `apps/${chapter.name}/exercises/${folder}: start it with pnpm practice ${chapter.name} ${number}`,
  ];
}

export default function generator(plop: PlopTypes.NodePlopAPI): void {
  plop.setHelper('title', toTitle);

  plop.setGenerator('chapter', {
    description:
      'A new course chapter: server/app.ts (defineChapter), page, integration tests, e2e spec, README',
    prompts: [
      {
        type: 'input',
        name: 'name',
        message: 'Chapter folder name (kebab-case, e.g. "web-workers")',
        validate: (input: string) =>
          NAME.test(input) ||
          'use lower-case letters, digits and single dashes, e.g. "web-workers"',
      },
    ],
    actions: (answers) => {
      const { name } = answers as { name: string };
      const root = plop.getDestBasePath();
      if (existsSync(join(root, 'apps', name))) throw new Error(`apps/${name} exists already`);
      const { order, port } = nextChapterSlot(listWorkspaces(root));
      const data = { order, port };
      return [
        {
          type: 'addMany',
          destination: join(root, 'apps', name),
          base: 'templates/chapter',
          templateFiles: 'templates/chapter/**/*',
          globOptions: { dot: true },
          stripExtensions: ['hbs'],
          data,
        },
        // Every chapter has at least two exercises: two skeletons to make the chapter's own.
        ...exerciseActions(root, { name, title: toTitle(name) }, 1, 'first-exercise'),
        ...exerciseActions(root, { name, title: toTitle(name) }, 2, 'second-exercise'),
        // The READMEs' chapter tables are generated from the metadata: regenerate them.
        () => {
          for (const [file, lang] of [
            ['README.md', 'en'],
            ['README.ko.md', 'ko'],
          ] as const) {
            const readme = join(root, file);
            writeFileSync(
              readme,
              withChapterTable(readFileSync(readme, 'utf8'), listChapters(root), lang),
            );
          }
          return 'README.md and README.ko.md chapter tables';
        },
        // Format what we wrote the way `pnpm lint` expects (titles change line lengths).
        () => {
          const written = [join('apps', name)];
          execFileSync('pnpm', ['exec', 'biome', 'check', '--write', ...written], { cwd: root });
          return 'formatted with Biome';
        },
        () => `apps/${name}: order ${order}, PORT ${port}`,
      ];
    },
  });

  plop.setGenerator('exercise', {
    description:
      'A new exercise of a chapter: README with hints, problem/, solution/ and a check that passes on the solution and fails on the problem',
    prompts: [
      {
        type: 'input',
        name: 'chapter',
        message: 'Chapter folder name (e.g. "ws-echo")',
      },
      {
        type: 'input',
        name: 'slug',
        message: 'Exercise slug (kebab-case, e.g. "origin-check")',
        validate: (input: string) =>
          NAME.test(input) ||
          'use lower-case letters, digits and single dashes, e.g. "origin-check"',
      },
    ],
    actions: (answers) => {
      const { chapter: name, slug } = answers as { chapter: string; slug: string };
      const root = plop.getDestBasePath();
      const chapter = listChapters(root).find((found) => found.name === name);
      if (!chapter)
        throw new Error(
          `no chapter "${name}". Chapters: ${listChapters(root)
            .map((found) => found.name)
            .join(', ')}`,
        );
      const exercises = chapterExercises(chapter);
      if (exercises.some((exercise) => exercise.slug === slug))
        throw new Error(`${name} has an exercise "${slug}" already`);
      const number = Math.max(0, ...exercises.map((exercise) => exercise.number)) + 1;
      const proof = join(chapter.dir, 'test', 'exercises.test.ts');
      return [
        ...exerciseActions(root, { name, title: chapter.course.title }, number, slug),
        // The chapter's proof that every check can fail, if it has none yet.
        ...(existsSync(proof)
          ? []
          : [
              {
                type: 'add',
                path: proof,
                templateFile: 'templates/chapter/test/exercises.test.ts.hbs',
              } satisfies PlopTypes.ActionType,
            ]),
        () => {
          execFileSync('pnpm', ['exec', 'biome', 'check', '--write', join('apps', name)], {
            cwd: root,
          });
          return 'formatted with Biome';
        },
      ];
    },
  });
}
