// `pnpm new-chapter <name>`: run the turbo generator (turbo/generators/config.ts),
// then install, so the new chapter runs at once with `pnpm lesson <name>`.
// turbo gen exits 0 even when a prompt's validation fails, so success is
// judged by whether the chapter's package.json now exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@course/chapters';

const name = process.argv[2];
if (!name) {
  console.error('Usage: pnpm new-chapter <name>   (kebab-case, e.g. web-workers)');
  process.exit(1);
}

const root = findRepoRoot();
const existed = existsSync(join(root, 'apps', name));
const gen = spawnSync('pnpm', ['exec', 'turbo', 'gen', 'chapter', '--args', name], {
  cwd: root,
  stdio: 'inherit',
});
if (gen.status !== 0 || existed || !existsSync(join(root, 'apps', name, 'package.json'))) {
  console.error(`\nNo chapter was created (see the message above).`);
  process.exit(1);
}

const install = spawnSync('pnpm', ['install'], { cwd: root, stdio: 'inherit' });
if (install.status !== 0) process.exit(install.status ?? 1);
console.log(
  `\nCreated apps/${name}. Run it: pnpm lesson ${name}   Test it: pnpm --filter @course/${name} test`,
);
