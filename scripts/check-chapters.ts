// `pnpm check:chapters`: every chapter has valid metadata with unique ports, a
// README with the standard sections, a server factory, integration tests and
// an e2e spec. Prints what is missing, naming the chapter, and exits 1 if anything is.
import { checkChapters } from '@course/chapters/check';

const problems = checkChapters();
if (problems.length > 0) {
  console.error(`Chapter check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  'Chapter check passed: every chapter has metadata, README sections, a server factory and tests.',
);
