// `pnpm new-chapter <name>` runs `turbo gen chapter --args <name>` (scripts/new-chapter.ts): this file.
// It writes apps/<name> (server, page, integration and e2e tests, README),
// with the next free order and port. Nothing else needs editing: the launcher,
// the hub, the README table and the e2e matrix all read the new metadata.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlopTypes } from '@turbo/gen';
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
        // The README's chapter table is generated from the metadata: regenerate it.
        () => {
          const readme = join(root, 'README.md');
          writeFileSync(readme, withChapterTable(readFileSync(readme, 'utf8'), listChapters(root)));
          return 'README.md chapter table';
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
}
