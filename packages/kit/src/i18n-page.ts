// The page's language: chosen from the browser's languages, switched from the nav,
// remembered in localStorage, and applied to the page's texts (`data-t` keys).
import {
  type Dictionary,
  isLang,
  LANG_NAMES,
  LANGS,
  type Lang,
  type Message,
  pickLang,
  plainText,
  slotMarks,
} from './i18n.ts';

export { slotMark } from './i18n.ts';

/** Where the learner's choice is kept (localStorage is per origin: each chapter's port keeps its own copy too). */
export const LANG_STORAGE_KEY = 'course.lang';

/** A choice stored by this origin, if any and if readable. */
function storedLang(): Lang | undefined {
  try {
    const stored = localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : undefined;
  } catch {
    // Storage can be off (a privacy setting): the browser's languages decide.
    return undefined;
  }
}

/**
 * The page's language: `?lang=ko` in the URL (what the hub's links pass on; it is
 * remembered, so the chapter's other pages keep it), then the learner's stored choice,
 * then the browser's languages (`navigator.languages`), then English.
 */
export function pageLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (isLang(asked)) {
    if (storedLang() !== asked) remember(asked);
    return asked;
  }
  return storedLang() ?? pickLang(navigator.languages ?? [navigator.language]);
}

/**
 * The language the learner chose, if they did (`?lang=` or a choice stored by this
 * origin); undefined when the page follows the browser's languages.
 */
export function chosenLang(): Lang | undefined {
  const asked = new URLSearchParams(location.search).get('lang');
  return isLang(asked) ? asked : storedLang();
}

/** Keeps `lang` as this origin's choice, where storage allows it. */
function remember(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage is off: the choice lasts as long as the URL carries it.
  }
}

/** Remembers `lang` and reloads the page in it. */
export function switchLang(lang: Lang): void {
  remember(lang);
  const url = new URL(location.href);
  // A ?lang= in the URL would outrank the choice just made.
  if (url.searchParams.has('lang')) url.searchParams.set('lang', lang);
  location.replace(url);
}

/**
 * The page's messages in its language; also sets `<html lang>`, so screen readers
 * and fonts follow. Call it once, at the top of a page's script.
 */
export function pageMessages<T extends Record<string, Message>>(dictionary: Dictionary<T>): T {
  const lang = pageLang();
  document.documentElement.lang = lang;
  return dictionary[lang] as T;
}

// Hangul syllables and jamo, with the spaces and punctuation between two of them.
const HANGUL_RUN =
  /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+(?:[\s.,!?…~:()]*[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+)*[.…!?~]*/g;
// An English term in parentheses inside Korean text: 웹소켓(WebSocket).
const LATIN_TERM = /\(([A-Za-z][A-Za-z0-9 .\-/]*)\)/g;

/** `text` as text nodes, with every run in the other language in a `<span lang>`. */
function marked(text: string, lang: Lang): Node[] {
  const pattern = lang === 'ko' ? LATIN_TERM : HANGUL_RUN;
  const other: Lang = lang === 'ko' ? 'en' : 'ko';
  const nodes: Node[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    // In Korean text, only the term inside the parentheses is English.
    const inner = lang === 'ko' ? (match[1] ?? '') : match[0];
    const start = lang === 'ko' ? index + 1 : index;
    if (start > last) nodes.push(document.createTextNode(text.slice(last, start)));
    const span = document.createElement('span');
    span.lang = other;
    span.textContent = inner;
    nodes.push(span);
    last = start + inner.length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

const RICH = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/**
 * A message's text as DOM nodes, with a little markup: `` `code` ``, `**strong**`
 * and `[text](url)`. Built with text nodes and elements, never `innerHTML`. Text in
 * the page's other language (the lecture's Korean strings on an English page, an
 * English term in parentheses on a Korean one) gets its own `lang`.
 */
export function rich(text: string, lang: Lang = pageLang()): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(RICH)) {
    const index = match.index ?? 0;
    fragment.append(...marked(text.slice(last, index), lang));
    const [, code, strong, label, href] = match;
    if (code !== undefined) {
      const element = document.createElement('code');
      element.textContent = code;
      fragment.append(element);
    } else if (strong !== undefined) {
      const element = document.createElement('strong');
      element.append(...marked(strong, lang));
      fragment.append(element);
    } else if (label !== undefined && href !== undefined) {
      const element = document.createElement('a');
      element.href = href;
      element.append(...marked(label, lang));
      fragment.append(element);
    }
    last = index + match[0].length;
  }
  fragment.append(...marked(text.slice(last), lang));
  return fragment;
}

/**
 * Fills `target` with `text` (markup as `rich()` reads it, made with `slotMark()`),
 * each mark replaced by its slot: `slots[i]` where the text has mark `i`. A slot is a
 * node the page keeps (a port, a limit, a badge), so a sentence that holds a live
 * value is still one message, with its words, and its values, in each language's order.
 */
export function fillWithSlots(
  target: HTMLElement,
  text: string,
  slots: Node[],
  lang: Lang = pageLang(),
): void {
  const marks = slotMarks(slots.length);
  const fragment = rich(text, lang);
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  const split = new RegExp(`([${marks.join('')}])`);
  for (const node of textNodes) {
    const parts = node.data.split(split);
    if (parts.length === 1) continue;
    node.replaceWith(
      ...parts.map((part, index) => {
        const slot = index % 2 === 1 ? slots[marks.indexOf(part)] : undefined;
        return slot ?? document.createTextNode(part);
      }),
    );
  }
  target.replaceChildren(fragment);
}

/**
 * Fills every element under `root` that names a message:
 * - `data-t="key"` replaces its content with the message (markup as `rich()` reads it);
 * - `data-t-attr="placeholder:key aria-label:key2"` sets attributes;
 * - `data-t-slots="key"` keeps its child elements (its slots, ids and all) and puts
 *   them into the message, a function of them in order: `(port) => \`runs on ${port}\``.
 * A key the dictionary lacks, or of the wrong kind, throws, naming it.
 */
export function applyMessages(
  messages: Record<string, Message>,
  root: ParentNode = document,
  lang: Lang = pageLang(),
): void {
  const text = (key: string): string => {
    const message = messages[key];
    if (typeof message !== 'string')
      throw new Error(`no text message "${key}" in this page's dictionary (${lang})`);
    return message;
  };
  for (const element of root.querySelectorAll<HTMLElement>('[data-t]')) {
    const message = text(element.dataset.t ?? '');
    // <title> shows only its own text nodes (document.title drops any element in it): plain text there.
    if (element instanceof HTMLTitleElement) element.textContent = plainText(message);
    else element.replaceChildren(rich(message, lang));
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-t-attr]'))
    for (const pair of (element.dataset.tAttr ?? '').split(/\s+/).filter(Boolean)) {
      const [name, key] = pair.split(':');
      if (name && key) element.setAttribute(name, text(key));
    }
  for (const element of root.querySelectorAll<HTMLElement>('[data-t-slots]')) {
    const key = element.dataset.tSlots ?? '';
    const message = messages[key];
    if (typeof message !== 'function')
      throw new Error(`no message "${key}" with values in this page's dictionary (${lang})`);
    const slots = [...element.children];
    fillWithSlots(element, message(...slotMarks(slots.length)), slots, lang);
  }
}

/**
 * The language switch every page's nav ends with: one button per language, the
 * current one pressed. A click remembers the choice and reloads the page in it.
 */
export function langSwitch(current: Lang = pageLang()): HTMLElement {
  const group = document.createElement('span');
  group.className = 'lang-switch';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Language / 언어');
  for (const lang of LANGS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.lang = lang;
    button.textContent = LANG_NAMES[lang];
    button.setAttribute('aria-pressed', String(lang === current));
    button.addEventListener('click', () => {
      if (lang !== current) switchLang(lang);
    });
    group.append(button);
  }
  return group;
}
