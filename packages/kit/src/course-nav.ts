import '../page.css';
import type { CourseIdentity } from './page.ts';

/** One link of a chapter's page nav. */
export interface NavPage {
  href: string;
  label: string;
}

/** Where the course hub runs (`pnpm start` serves it); a chapter's nav always links back to it. */
export const HUB_URL: string = import.meta.env.VITE_COURSE_HUB_URL ?? 'http://localhost:1900/';

/**
 * Whether the course hub answers at `hubUrl`: its `GET /__course` (the kit's identity
 * route, which every workspace of the course answers) names this course and the workspace `hub`
 * within `timeoutMs`. False when nothing listens there, when another program does, or when it is too slow.
 */
export async function hubAnswers(hubUrl: string = HUB_URL, timeoutMs = 1000): Promise<boolean> {
  try {
    const res = await fetch(new URL('/__course', hubUrl), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) return false;
    const identity = (await res.json()) as Partial<CourseIdentity> | null;
    return identity?.course === 'communication-api-course' && identity.name === 'hub';
  } catch {
    // Nothing listening, not JSON, or no answer in time: no hub there.
    return false;
  }
}

/** A `<code>` element holding `text`. */
function code(text: string): HTMLElement {
  const element = document.createElement('code');
  element.textContent = text;
  return element;
}

/**
 * The nav's way back to the hub: a link that asks the hub whether it runs when the learner
 * points at it, focuses it or clicks it (not on page load: a hub that is not running would put a
 * failed request in the console of every page, which is where many lessons are read). While the
 * hub does not answer, the link gives way to a line saying how to start it.
 */
function hubLink(): HTMLElement {
  const link = document.createElement('a');
  link.href = HUB_URL;
  link.textContent = '← Course hub';
  link.className = 'hub';
  // Inside the hub's own frame, the hub replaces the whole tab, not the frame.
  link.target = '_top';

  const missing = document.createElement('span');
  missing.className = 'hub missing';
  missing.append(
    'Course hub not running: ',
    code('pnpm lesson <chapter>'),
    ' starts a chapter with the hub, ',
    code('pnpm start'),
    ' starts every chapter.',
  );

  let asking: Promise<boolean> | undefined;
  let answers = false;
  let answeredAt = 0;
  /** Asks the hub (once at a time) and shows the link or the line, whichever is true now. */
  const ask = (): Promise<boolean> => {
    asking ??= hubAnswers().then((yes) => {
      answers = yes;
      answeredAt = Date.now();
      asking = undefined;
      (yes ? missing : link).replaceWith(yes ? link : missing);
      return yes;
    });
    return asking;
  };
  // Pointing at or focusing the link: ask ahead of a click.
  link.addEventListener('pointerenter', () => void ask());
  link.addEventListener('focus', () => void ask());
  // Pointing at the line again a little later: the hub may have started since.
  missing.addEventListener('pointerenter', () => {
    if (Date.now() - answeredAt > 3000) void ask();
  });
  // A click before the hub has answered waits for it: then the hub, or the line saying how to start it.
  link.addEventListener('click', (event) => {
    if (answers) return;
    event.preventDefault();
    const newTab = event.ctrlKey || event.metaKey || event.shiftKey;
    void ask().then((yes) => {
      if (yes) window.open(HUB_URL, newTab ? '_blank' : '_top');
    });
  });
  return link;
}

/**
 * Fills `<nav class="course">` with a way back to the course hub (a link while
 * the hub answers, how to start it when it does not) and one link per page of
 * the chapter, marking the current page with `aria-current`.
 */
export function courseNav(pages: readonly NavPage[]): void {
  const nav = document.querySelector('nav.course');
  if (!nav) return;
  nav.append(hubLink());
  const here = location.pathname.replace(/\.html$/, '').replace(/\/index$/, '/');
  for (const page of pages) {
    const link = document.createElement('a');
    link.href = page.href;
    link.textContent = page.label;
    if (here === page.href) link.setAttribute('aria-current', 'page');
    nav.append(link);
  }
}
