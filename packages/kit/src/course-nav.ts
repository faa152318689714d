import '../page.css';
import { defineMessages } from './i18n.ts';
import { langSwitch, pageMessages, rich } from './i18n-page.ts';
import type { CourseIdentity } from './page.ts';

/** The nav's own texts. */
const messages = defineMessages({
  en: {
    backToHub: '← Course hub',
    hubMissing:
      'Course hub not running: `pnpm lesson <chapter>` starts a chapter with the hub, `pnpm start` starts every chapter.',
    navLabel: 'Chapter pages',
    showCode: 'Show the code',
    whichVersion: 'Which version',
    codeLecture: 'The lecture’s way',
    codeFixed: 'Fixed',
    codeDiff: 'What changed',
  },
  ko: {
    backToHub: '← 코스 허브',
    hubMissing:
      '코스 허브가 실행 중이 아닙니다. `pnpm lesson <chapter>`는 챕터를 허브와 함께 시작하고, `pnpm start`는 모든 챕터를 시작합니다.',
    navLabel: '챕터 페이지',
    showCode: '코드 보기',
    whichVersion: '어느 버전',
    codeLecture: '강의의 방식',
    codeFixed: '고친 코드',
    codeDiff: '바뀐 점',
  },
});

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

/**
 * The nav's way back to the hub: a link that asks the hub whether it runs when the learner
 * points at it, focuses it or clicks it (not on page load: a hub that is not running would put a
 * failed request in the console of every page, which is where many lessons are read). While the
 * hub does not answer, the link gives way to a line saying how to start it.
 */
function hubLink(t: (typeof messages)['en']): HTMLElement {
  const link = document.createElement('a');
  link.href = HUB_URL;
  link.textContent = t.backToHub;
  link.className = 'hub';
  // Inside the hub's own frame, the hub replaces the whole tab, not the frame.
  link.target = '_top';

  const missing = document.createElement('span');
  missing.className = 'hub missing';
  missing.append(rich(t.hubMissing));

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
 * the hub answers, how to start it when it does not), one link per page of the
 * chapter (the current page marked with `aria-current`), and the language switch.
 * Labels come in the page's language: pass them from the chapter's messages.
 */
export function courseNav(pages: readonly NavPage[]): void {
  const nav = document.querySelector('nav.course');
  if (!nav) return;
  const t = pageMessages(messages);
  nav.setAttribute('aria-label', t.navLabel);
  nav.append(hubLink(t));
  const here = location.pathname.replace(/\.html$/, '').replace(/\/index$/, '/');
  for (const page of pages) {
    const link = document.createElement('a');
    link.href = page.href;
    link.textContent = page.label;
    if (here === page.href) link.setAttribute('aria-current', 'page');
    nav.append(link);
  }
  nav.append(langSwitch());
  // The code panels' labels (rendered in English at build time, see code-panels.js).
  for (const element of document.querySelectorAll<HTMLElement>('[data-kit-t]')) {
    const key = element.dataset.kitT as keyof typeof t;
    if (key in t) element.textContent = t[key];
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-kit-t-attr]')) {
    const [name, key] = (element.dataset.kitTAttr ?? '').split(':') as [string, keyof typeof t];
    if (name && key in t) element.setAttribute(name, t[key]);
  }
}
