import '@course/kit/page.css';
import './hub.css';
import {
  applyMessages,
  chosenLang,
  langSwitch,
  pageLang,
  pageMessages,
  rich,
} from '@course/kit/i18n-page';
import type { ChapterCard, ChapterStatus, ExerciseCard } from '../../server/app.ts';
import messages from './messages.ts';

// The hub's texts in the learner's language, before anything else; the switch sits in the status line.
const t = pageMessages(messages);
const lang = pageLang();
applyMessages(t);
document.getElementById('lang-slot')?.replaceWith(langSwitch(lang));
// A language the learner chose here goes with every link: each chapter's page (another origin,
// which cannot read this one's choice), its lesson and the glossary open in it. Without a choice,
// they follow the browser's languages as the hub does.
const chosen = chosenLang();
const inLang = (url: string) => {
  if (!chosen) return url;
  const withLang = new URL(url, location.href);
  withLang.searchParams.set('lang', chosen);
  return withLang.href;
};
(document.getElementById('glossary-link') as HTMLAnchorElement).href = inLang('/glossary');

// One page, four views, chosen by the path: `/` lists the chapters and their exercises,
// `/chapters/<name>[/<page>]` shows that chapter's lesson beside its running page,
// `/chapters/<name>/exercises/<n>` shows that exercise with the learner's progress on it, and
// anything else says what was not found.
// Links between them change the URL with history.pushState, so Back and Forward work and every
// view has a URL of its own (the server answers each chapter URL with this page).

const streamState = document.getElementById('stream-state') as HTMLElement;
const listView = document.getElementById('list-view') as HTMLElement;
const list = document.getElementById('chapters') as HTMLOListElement;
const chapterView = document.getElementById('chapter-view') as HTMLElement;
const chapterTitle = document.getElementById('chapter-title') as HTMLElement;
const chapterState = document.getElementById('chapter-state') as HTMLElement;
const chapterOpen = document.getElementById('chapter-open') as HTMLAnchorElement;
const lessonSlot = document.getElementById('lesson-slot') as HTMLElement;
const pageSlot = document.getElementById('page-slot') as HTMLElement;
const exerciseView = document.getElementById('exercise-view') as HTMLElement;
const exerciseChapter = document.getElementById('exercise-chapter') as HTMLAnchorElement;
const exerciseTitle = document.getElementById('exercise-title') as HTMLElement;
const exerciseState = document.getElementById('exercise-state') as HTMLElement;
const exerciseCommand = document.getElementById('exercise-command') as HTMLElement;
const exerciseSlot = document.getElementById('exercise-slot') as HTMLElement;
const missingView = document.getElementById('missing-view') as HTMLElement;
const missingMessage = document.getElementById('missing-message') as HTMLElement;

/** The latest status of each chapter, from the live stream; none until its first event. */
const states = new Map<string, ChapterStatus>();

/** Every exercise with the learner's progress: from `/api/exercises`, then from its live stream. */
let exercises: ExerciseCard[] = [];

/** What a status means, in words: "running on :2000", "not running — start it with `pnpm lesson xhr`"… */
function statusWords(card: ChapterCard, state: ChapterStatus | undefined): (string | Node)[] {
  switch (state) {
    case 'up':
      return [t.runningOn(card.ports.PORT ?? 0)];
    case 'down':
      return [rich(t.notRunning(card.name))];
    case 'taken':
      return [t.portTaken];
    default:
      return [t.checking];
  }
}

/** A status dot and its words for `card`, as one element that `paintState` keeps up to date. */
function stateLine(card: ChapterCard): HTMLElement {
  const line = document.createElement('span');
  line.className = 'state';
  line.dataset.name = card.name;
  const dot = document.createElement('span');
  dot.className = 'status';
  dot.setAttribute('aria-hidden', 'true');
  const words = document.createElement('span');
  words.className = 'status-text';
  line.append(dot, ' ', words);
  paintState(line, card);
  return line;
}

/** Shows the latest status of `card` in its state line: the dot's colour and the words beside it. */
function paintState(line: HTMLElement, card: ChapterCard): void {
  const state = states.get(card.name);
  const dot = line.querySelector('.status') as HTMLElement;
  const words = line.querySelector('.status-text') as HTMLElement;
  dot.dataset.status = state ?? 'unknown';
  words.replaceChildren(...statusWords(card, state));
}

/** One `<li>` per chapter, built with textContent: titles come from the server. */
function renderCard(card: ChapterCard): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'chapter';
  item.dataset.name = card.name;

  const heading = document.createElement('h3');
  const link = document.createElement('a');
  link.href = `/chapters/${encodeURIComponent(card.name)}`;
  link.dataset.route = '';
  link.textContent = titleOf(card);
  heading.append(link);

  const state = document.createElement('p');
  state.append(stateLine(card));

  const summary = document.createElement('p');
  summary.textContent = lang === 'ko' ? card.ko.summary : card.summary;

  const ports = document.createElement('p');
  ports.className = 'muted ports';
  ports.textContent = Object.entries(card.ports)
    .map(([name, port]) => `${name} ${port}`)
    .join(' · ');

  const open = document.createElement('a');
  open.className = 'open';
  open.href = inLang(card.url);
  open.textContent = t.openOnItsOwn;
  const links = document.createElement('p');
  links.append(open);

  item.append(heading, state, summary, ports, links);
  return item;
}

/** An exercise's own URL in the hub: `/chapters/xhr/exercises/1`. */
function exerciseHref(exercise: ExerciseCard): string {
  return `/chapters/${encodeURIComponent(exercise.chapter)}/exercises/${exercise.number}`;
}

/** The mark beside each status: an empty circle, a half-full one, a tick. */
const MARKS: Record<ExerciseCard['status'], string> = {
  'not started': '○',
  'in progress': '◐',
  passed: '✓',
};

/** Each status in words. */
const STATUS_WORDS: Record<ExerciseCard['status'], string> = {
  'not started': t.notStarted,
  'in progress': t.inProgress,
  passed: t.passed,
};

/** Where the learner stands, in words: "not started", "in progress — 2 of 3 steps", "passed". */
function progressWords(exercise: ExerciseCard): string {
  const { status, passedSteps, totalSteps } = exercise;
  if (status === 'in progress' && passedSteps !== undefined && totalSteps !== undefined)
    return t.inProgressSteps(passedSteps, totalSteps);
  return STATUS_WORDS[status];
}

/** A chapter's title in the page's language. */
function titleOf(card: ChapterCard): string {
  return lang === 'ko' ? card.ko.title : card.title;
}

/** An exercise's title in the page's language. */
function exerciseTitleOf(exercise: ExerciseCard): string {
  return lang === 'ko' ? exercise.titleKo : exercise.title;
}

/** An exercise's mark, hidden from screen readers since its words say the same. */
function progressMark(exercise: ExerciseCard): HTMLElement {
  const mark = document.createElement('span');
  mark.className = 'mark';
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = MARKS[exercise.status];
  return mark;
}

/** One `<li>` per exercise under its chapter: its mark, a link to its URL, its status in words. */
function renderExercise(exercise: ExerciseCard): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'exercise';
  item.dataset.id = exercise.id;
  item.dataset.status = exercise.status;
  const link = document.createElement('a');
  link.href = exerciseHref(exercise);
  link.dataset.route = '';
  link.textContent = t.exerciseLink(exercise.number, exerciseTitleOf(exercise));
  const words = document.createElement('span');
  words.className = 'exercise-words';
  words.textContent = progressWords(exercise);
  item.append(progressMark(exercise), ' ', link, ' — ', words);
  return item;
}

/**
 * Shows the latest exercises: under each chapter of the list, and in the exercise view when one is
 * on screen. Built again from the whole list each time, which is what the stream sends.
 */
function paintExercises(): void {
  for (const item of list.querySelectorAll<HTMLElement>('li.chapter')) {
    const mine = exercises.filter((exercise) => exercise.chapter === item.dataset.name);
    item.querySelector('ul.exercises')?.remove();
    if (mine.length === 0) continue;
    const title = item.querySelector('h3')?.textContent ?? '';
    const exerciseList = document.createElement('ul');
    exerciseList.className = 'exercises';
    exerciseList.setAttribute('aria-label', t.exercisesOf(title));
    exerciseList.append(...mine.map(renderExercise));
    item.append(exerciseList);
  }
  const shown = exercises.find((exercise) => exercise.id === currentExercise);
  if (shown) paintExerciseState(shown);
}

/** The id of the exercise on screen, if one is. */
let currentExercise: string | undefined;

/** The chapter on screen and the page of it that the URL names ('' for its home page). */
let current: { card: ChapterCard; page: string; frame?: HTMLIFrameElement } | undefined;

/**
 * Fills the running-page pane of the chapter on screen: the chapter's page in a frame once it
 * runs, until then what to do instead (start it, or free its port). A frame, once shown, stays
 * while the learner is on this chapter: when its server stops, the page inside shows what a page
 * does when its server goes away, which some lessons are about.
 */
function paintPagePane(): void {
  if (!current || current.frame) return;
  const { card, page } = current;
  const state = states.get(card.name);
  if (state === 'up') {
    // A new frame, with its src set before it is attached, loads without adding a history entry.
    const frame = document.createElement('iframe');
    frame.id = 'chapter-frame';
    frame.title = t.runningPageFrame(titleOf(card));
    frame.src = inLang(new URL(page, card.url).href);
    pageSlot.replaceChildren(frame);
    current.frame = frame;
    return;
  }
  const hint = document.createElement('p');
  hint.id = 'start-hint';
  hint.className = 'start-hint';
  if (state === 'down') {
    hint.append(rich(t.startHintDown(titleOf(card), card.name)));
  } else if (state === 'taken') {
    hint.append(rich(t.startHintTaken(card.ports.PORT ?? 0, titleOf(card), card.name)));
  } else {
    hint.textContent = t.startHintChecking(titleOf(card));
  }
  pageSlot.replaceChildren(hint);
}

/** Shows one view and hides the others. */
function showView(view: HTMLElement): void {
  for (const each of [listView, chapterView, exerciseView, missingView])
    each.hidden = each !== view;
  // Leaving a view with a frame: the frame goes (a view shown again gets a new one, at its top).
  if (view !== chapterView) {
    current = undefined;
    pageSlot.replaceChildren();
    lessonSlot.replaceChildren();
  }
  if (view !== exerciseView) {
    currentExercise = undefined;
    exerciseSlot.replaceChildren();
  }
  document.body.classList.toggle('chapter-open', view === chapterView);
}

/** The chapter view: its lesson text (at the top) beside its running page. */
function showChapter(card: ChapterCard, page: string): void {
  current = { card, page };
  document.title = t.chapterDocTitle(titleOf(card));
  chapterTitle.textContent = t.chapterHeading(card.order, titleOf(card));
  chapterState.replaceChildren(stateLine(card));
  chapterOpen.href = inLang(new URL(page, card.url).href);
  if (card.hasReadme) {
    // A new frame each time: the lesson text opens at its top, and no history entry is added.
    const reader = document.createElement('iframe');
    reader.id = 'reader';
    reader.title = t.lessonFrame(titleOf(card));
    reader.src = inLang(`/readme/${encodeURIComponent(card.name)}`);
    lessonSlot.replaceChildren(reader);
  } else {
    const none = document.createElement('p');
    none.className = 'muted';
    none.textContent = t.noReadme(titleOf(card));
    lessonSlot.replaceChildren(none);
  }
  pageSlot.replaceChildren();
  paintPagePane();
  showView(chapterView);
}

/** The exercise's status beside its mark, in the exercise view. */
function paintExerciseState(exercise: ExerciseCard): void {
  exerciseState.dataset.status = exercise.status;
  const words = document.createElement('span');
  words.className = 'exercise-words';
  words.textContent = progressWords(exercise);
  exerciseState.replaceChildren(progressMark(exercise), ' ', words);
}

/**
 * The exercise view: its title, the learner's progress (kept up to date by the stream), the
 * command that starts it, and its README (task and folded hints) in a frame, as a chapter's lesson is.
 */
function showExercise(exercise: ExerciseCard, card: ChapterCard): void {
  document.title = t.exerciseDocTitle(exerciseTitleOf(exercise), exercise.number);
  exerciseChapter.href = `/chapters/${encodeURIComponent(card.name)}`;
  exerciseChapter.textContent = t.chapterHeading(card.order, titleOf(card));
  exerciseTitle.textContent = t.exerciseLink(exercise.number, exerciseTitleOf(exercise));
  paintExerciseState(exercise);
  exerciseCommand.replaceChildren(rich(t.exerciseCommand(exercise.command)));
  if (currentExercise !== exercise.id) {
    const reader = document.createElement('iframe');
    reader.id = 'exercise-reader';
    reader.title = t.exerciseFrame(exercise.number, exerciseTitleOf(exercise));
    reader.src = inLang(`/readme/${encodeURIComponent(card.name)}/exercises/${exercise.number}`);
    exerciseSlot.replaceChildren(reader);
  }
  currentExercise = exercise.id;
  showView(exerciseView);
}

/** The list of chapters. */
function showList(): void {
  document.title = t.docTitle;
  showView(listView);
}

/** A path that names no chapter: say so; the list is one link away. */
function showMissing(message: string): void {
  document.title = t.notFoundDocTitle;
  missingMessage.textContent = message;
  showView(missingView);
}

/** Shows the view the current path names, then scrolls the window to `scrollY`. */
function route(scrollY: number): void {
  let parts: string[];
  try {
    parts = location.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    parts = ['?'];
  }
  const [first, name, page = '', number] = parts;
  if (parts.length === 0) {
    showList();
  } else if (first === 'chapters' && name !== undefined && page === 'exercises' && number) {
    const card = cards.find((each) => each.name === name);
    const exercise = exercises.find(
      (each) => each.chapter === name && /^\d+$/.test(number) && each.number === Number(number),
    );
    if (card && exercise) showExercise(exercise, card);
    else if (card) showMissing(t.noExercise(titleOf(card), number));
    else showMissing(t.noChapter(name));
  } else if (first === 'chapters' && name !== undefined) {
    const card = cards.find((each) => each.name === name);
    if (card) showChapter(card, page);
    else showMissing(t.noChapter(name));
  } else {
    showMissing(t.nothingHere(location.pathname));
  }
  window.scrollTo(0, scrollY);
}

/** Goes to `href` inside the hub: a new history entry, remembering how far the view we leave was scrolled. */
function navigate(href: string): void {
  history.replaceState({ scrollY: window.scrollY }, '');
  history.pushState({ scrollY: 0 }, '', href);
  route(0);
}

const [cards, firstExercises] = (await Promise.all([
  fetch('/api/chapters').then((res) => res.json()),
  fetch('/api/exercises').then((res) => res.json()),
])) as [ChapterCard[], ExerciseCard[]];
list.replaceChildren(...cards.map(renderCard));
exercises = firstExercises;
paintExercises();

// The hub restores the list's scroll position itself, after the view is back on screen.
history.scrollRestoration = 'manual';
route((history.state as { scrollY?: number } | null)?.scrollY ?? 0);

// A plain click on a hub link (`data-route`): show that view without reloading the page.
// Clicks with a modifier key keep their usual meaning (a new tab gets the URL from the server).
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a[data-route]');
  if (!link || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href') ?? '/');
});

// Back and Forward: show the view of that entry, scrolled as the learner left it (a chapter at its top).
window.addEventListener('popstate', (event) => {
  const saved = (event.state as { scrollY?: number } | null)?.scrollY ?? 0;
  route(location.pathname === '/' ? saved : 0);
});

/** Applies one status event: `{ "xhr": "up", ... }`. */
function applyStatus(update: Record<string, ChapterStatus>): void {
  for (const [name, state] of Object.entries(update)) states.set(name, state);
  for (const line of document.querySelectorAll<HTMLElement>('.state[data-name]')) {
    const card = cards.find((each) => each.name === line.dataset.name);
    if (card) paintState(line, card);
  }
  paintPagePane();
}

// Live status over Server-Sent Events: no reload, the words change as chapters start and stop.
const source = new EventSource('/api/status/stream');
source.addEventListener('open', () => {
  streamState.textContent = t.live;
});
source.addEventListener('status', (event) => {
  applyStatus(JSON.parse((event as MessageEvent<string>).data));
});
source.addEventListener('error', () => {
  streamState.textContent =
    source.readyState === EventSource.CONNECTING ? t.reconnecting : t.disconnected;
});

// The exercises, live: the whole list again each time the progress file changes (a check passed,
// an exercise started), so the marks and words change without a reload.
const exerciseSource = new EventSource('/api/exercises/stream');
exerciseSource.addEventListener('exercises', (event) => {
  exercises = JSON.parse((event as MessageEvent<string>).data);
  paintExercises();
});
