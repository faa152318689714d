import '@course/kit/page.css';
import './hub.css';
import type { ChapterCard, ChapterStatus } from '../../server/app.ts';

// One page, three views, chosen by the path: `/` lists the chapters, `/chapters/<name>[/<page>]`
// shows that chapter's lesson beside its running page, anything else says what was not found.
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
const missingView = document.getElementById('missing-view') as HTMLElement;
const missingMessage = document.getElementById('missing-message') as HTMLElement;

/** The latest status of each chapter, from the live stream; none until its first event. */
const states = new Map<string, ChapterStatus>();

/** A `<code>` element holding `text`. */
function code(text: string): HTMLElement {
  const element = document.createElement('code');
  element.textContent = text;
  return element;
}

/** What a status means, in words: "running on :2000", "not running — start it with `pnpm lesson xhr`"… */
function statusWords(card: ChapterCard, state: ChapterStatus | undefined): (string | Node)[] {
  switch (state) {
    case 'up':
      return [`running on :${card.ports.PORT}`];
    case 'down':
      return ['not running — start it with ', code(`pnpm lesson ${card.name}`)];
    case 'taken':
      return ['port taken by something else'];
    default:
      return ['checking…'];
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
  link.textContent = card.title;
  heading.append(link);

  const state = document.createElement('p');
  state.append(stateLine(card));

  const summary = document.createElement('p');
  summary.textContent = card.summary;

  const ports = document.createElement('p');
  ports.className = 'muted ports';
  ports.textContent = Object.entries(card.ports)
    .map(([name, port]) => `${name} ${port}`)
    .join(' · ');

  const open = document.createElement('a');
  open.className = 'open';
  open.href = card.url;
  open.textContent = 'Open the page on its own ↗';
  const links = document.createElement('p');
  links.append(open);

  item.append(heading, state, summary, ports, links);
  return item;
}

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
    frame.title = `${card.title}: the running page`;
    frame.src = new URL(page, card.url).href;
    pageSlot.replaceChildren(frame);
    current.frame = frame;
    return;
  }
  const hint = document.createElement('p');
  hint.id = 'start-hint';
  hint.className = 'start-hint';
  if (state === 'down') {
    hint.append(
      `${card.title} is not running. Start it with `,
      code(`pnpm lesson ${card.name}`),
      ' in a terminal: its page appears here as soon as it answers.',
    );
  } else if (state === 'taken') {
    hint.append(
      `Port ${card.ports.PORT} is taken by something else, not by ${card.title}. Stop that program, then start the chapter with `,
      code(`pnpm lesson ${card.name}`),
      '.',
    );
  } else {
    hint.textContent = `Checking whether ${card.title} is running…`;
  }
  pageSlot.replaceChildren(hint);
}

/** Shows one view and hides the others. */
function showView(view: HTMLElement): void {
  for (const each of [listView, chapterView, missingView]) each.hidden = each !== view;
  document.body.classList.toggle('chapter-open', view === chapterView);
}

/** The chapter view: its lesson text (at the top) beside its running page. */
function showChapter(card: ChapterCard, page: string): void {
  current = { card, page };
  document.title = `${card.title} · Course hub`;
  chapterTitle.textContent = `Chapter ${card.order} · ${card.title}`;
  chapterState.replaceChildren(stateLine(card));
  chapterOpen.href = new URL(page, card.url).href;
  if (card.hasReadme) {
    // A new frame each time: the lesson text opens at its top, and no history entry is added.
    const reader = document.createElement('iframe');
    reader.id = 'reader';
    reader.title = `${card.title}: the lesson`;
    reader.src = `/readme/${encodeURIComponent(card.name)}`;
    lessonSlot.replaceChildren(reader);
  } else {
    const none = document.createElement('p');
    none.className = 'muted';
    none.textContent = `${card.title} has no README yet.`;
    lessonSlot.replaceChildren(none);
  }
  pageSlot.replaceChildren();
  paintPagePane();
  showView(chapterView);
}

/** The list of chapters. */
function showList(): void {
  current = undefined;
  pageSlot.replaceChildren();
  lessonSlot.replaceChildren();
  document.title = "Course hub · The browser's communication APIs";
  showView(listView);
}

/** A path that names no chapter: say so; the list is one link away. */
function showMissing(message: string): void {
  current = undefined;
  pageSlot.replaceChildren();
  lessonSlot.replaceChildren();
  document.title = 'Not found · Course hub';
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
  const [first, name, page = ''] = parts;
  if (parts.length === 0) {
    showList();
  } else if (first === 'chapters' && name !== undefined) {
    const card = cards.find((each) => each.name === name);
    if (card) showChapter(card, page);
    else showMissing(`There is no chapter named "${name}".`);
  } else {
    showMissing(`Nothing here: ${location.pathname}`);
  }
  window.scrollTo(0, scrollY);
}

/** Goes to `href` inside the hub: a new history entry, remembering how far the view we leave was scrolled. */
function navigate(href: string): void {
  history.replaceState({ scrollY: window.scrollY }, '');
  history.pushState({ scrollY: 0 }, '', href);
  route(0);
}

const cards = (await (await fetch('/api/chapters')).json()) as ChapterCard[];
list.replaceChildren(...cards.map(renderCard));

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
  streamState.textContent = 'live';
});
source.addEventListener('status', (event) => {
  applyStatus(JSON.parse((event as MessageEvent<string>).data));
});
source.addEventListener('error', () => {
  streamState.textContent =
    source.readyState === EventSource.CONNECTING ? 'reconnecting…' : 'disconnected';
});
