// `pnpm new-exercise <chapter> <slug>`: run the turbo generator's `exercise`
// (turbo/generators/config.ts): a README with hints, problem/, solution/ and a
// check, numbered after the chapter's last exercise. turbo gen exits 0 even when
// it refuses, so success is judged by whether the new folder exists.
import { spawnSync } from 'node:child_process';
import { findChapter, findRepoRoot } from '@course/chapters';
import { chapterExercises } from '@course/chapters/exercises';

const [name, slug] = process.argv.slice(2);
if (!name || !slug) {
  console.error(
    'Usage: pnpm new-exercise <chapter> <slug>   (slug in kebab-case, e.g. origin-check)',
  );
  process.exit(1);
}

const root = findRepoRoot();
let before: number;
try {
  before = chapterExercises(findChapter(name, root)).length;
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const gen = spawnSync('pnpm', ['exec', 'turbo', 'gen', 'exercise', '--args', name, slug], {
  cwd: root,
  stdio: 'inherit',
});
const created = chapterExercises(findChapter(name, root)).find(
  (exercise) => exercise.slug === slug,
);
if (gen.status !== 0 || !created || chapterExercises(findChapter(name, root)).length === before) {
  console.error('\nNo exercise was created (see the message above).');
  process.exit(1);
}
const folder = `apps/${name}/exercises/${String(created.number).padStart(2, '0')}-${slug}`;
console.log(`
Created ${folder}. Next:
  1. Write the task and hints in ${folder}/README.md.
  2. Put the starting code in problem/ and the answer in solution/.
  3. Make check.test.ts pass on the solution and fail on the problem:
       pnpm --filter @course/${name} exec vitest run test/exercises.test.ts
  Try it as a learner: pnpm practice ${name} ${created.number}`);
