import '@course/kit/page.css';
import './hub.css';
import type { ChapterCard, ChapterStatus } from '../../server/app.ts';

const list = document.getElementById('chapters') as HTMLOListElement;
const streamState = document.getElementById('stream-state') as HTMLElement;
const reader = document.getElementById('reader') as HTMLIFrameElement;
const readerTitle = document.getElementById('reader-title') as HTMLElement;
const readerHint = document.getElementById('reader-hint') as HTMLElement;

/** Status dots by chapter name, with the title their label names; updated by the live stream. */
const dots = new Map<string, { dot: HTMLElement; title: string }>();

/** One `<li>` per chapter, built with textContent: titles come from the server. */
function renderCard(card: ChapterCard): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'chapter';
  item.dataset.name = card.name;

  const dot = document.createElement('span');
  dot.className = 'status';
  dot.dataset.status = 'unknown';
  dot.setAttribute('role', 'img');
  dot.setAttribute('aria-label', `${card.title}: checking`);
  dots.set(card.name, { dot, title: card.title });

  const heading = document.createElement('h3');
  const link = document.createElement('a');
  link.href = card.url;
  link.textContent = card.title;
  link.className = 'open';
  heading.append(dot, ' ', link);

  const summary = document.createElement('p');
  summary.textContent = card.summary;

  const ports = document.createElement('p');
  ports.className = 'muted ports';
  ports.textContent = Object.entries(card.ports)
    .map(([name, port]) => `${name} ${port}`)
    .join(' · ');
  ports.prepend(`pnpm lesson ${card.name} · `);

  const read = document.createElement('button');
  read.type = 'button';
  read.textContent = 'Read the lesson';
  read.disabled = !card.hasReadme;
  // Click: show this chapter's README in the reader pane.
  read.addEventListener('click', () => {
    reader.src = `/readme/${encodeURIComponent(card.name)}`;
    reader.hidden = false;
    readerTitle.textContent = `Lesson: ${card.title}`;
    readerHint.hidden = true;
  });

  item.append(heading, summary, ports, read);
  return item;
}

/** What each status means, for the dot's label. */
const STATUS_TEXT: Record<ChapterStatus, string> = {
  up: 'running',
  down: 'not running',
  taken: 'its port is taken by another program',
};

/** Applies one status event: `{ "xhr": "up", ... }`. */
function applyStatus(states: Record<string, ChapterStatus>): void {
  for (const [name, state] of Object.entries(states)) {
    const entry = dots.get(name);
    if (!entry) continue;
    const { dot, title } = entry;
    dot.dataset.status = state;
    dot.setAttribute('aria-label', `${title}: ${STATUS_TEXT[state] ?? state}`);
  }
}

const cards = (await (await fetch('/api/chapters')).json()) as ChapterCard[];
list.replaceChildren(...cards.map(renderCard));

// Live status over Server-Sent Events: no reload, the dots change as chapters start and stop.
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
