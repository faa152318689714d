// `pnpm lesson <chapter>`: run one chapter in dev mode (its server, with Vite
// and live reload beside it), with the course hub beside it so its README and
// the other chapters are one click away. The chapter can be named or numbered
// (`pnpm lesson ws-echo`, `pnpm lesson 3`). `pnpm lesson` alone lists the chapters.
import { type Chapter, findChapter, listChapters } from '@course/chapters';
import { Children, runKit, startHubBeside, waitUntilAnswering } from './launch.ts';
import { lang, t } from './messages.ts';

/** A chapter's title in the terminal's language. */
const titleOf = (chapter: Chapter) =>
  lang === 'ko' ? chapter.course.ko.title : chapter.course.title;

const arg = process.argv[2];

if (!arg) {
  console.log(`${t.chaptersHeading}\n`);
  for (const chapter of listChapters()) {
    const url = `http://localhost:${chapter.course.ports.PORT}/`;
    const order = String(chapter.course.order).padStart(2);
    console.log(`  ${order}. ${chapter.name.padEnd(18)} ${url.padEnd(24)} ${titleOf(chapter)}`);
  }
  console.log('');
  process.exit(0);
}

/** The chapter named `arg`, or the one whose order is `arg`. */
function chapterFor(value: string): Chapter {
  const byOrder = /^\d+$/.test(value)
    ? listChapters().find((chapter) => chapter.course.order === Number(value))
    : undefined;
  return byOrder ?? findChapter(value);
}

let chapter: Chapter;
try {
  chapter = chapterFor(arg);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const children = new Children();

// Ctrl-C reaches the whole process group, and each dev host stops by itself: a normal end.
process.on('SIGINT', () => {
  children.stopping = true;
});
process.on('SIGTERM', () => children.stopAll(0));

const port = Number(process.env.PORT ?? chapter.course.ports.PORT);
console.log(t.startingDev(titleOf(chapter), `http://localhost:${port}/`));
const lesson = runKit(chapter.dir, ['dev'], process.env, true);
children.add(lesson);
lesson.on('exit', (code) => {
  // A taken port or a crash ends the lesson with its code; Ctrl-C ends it with 0.
  children.stopAll(children.stopping ? 0 : (code ?? 0));
});

// The hub starts once the chapter listens: a chapter that cannot start ends the lesson first.
const stopped = () => children.stopping;
await waitUntilAnswering(port, chapter.name, stopped);
children.add(await startHubBeside(chapter, stopped));
console.log(`${t.ctrlCStopsAll}\n`);
