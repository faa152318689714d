// The course in two languages, English and Korean: typed dictionaries, no library.
//
// Why a typed dictionary and not i18next or FormatJS: every message a page or the
// terminal shows is an entry of an object. A text is a string; a text with values is
// a function of those values, so each language puts the words in its own order
// (`(name) => `${name} joined`` / `(name) => `${name}님이 입장하셨습니다``). The
// Korean side must have every key of the English side, each of the same kind, with
// the same parameters, or `pnpm typecheck` fails: no runtime lookup by string key,
// no message parser. Plurals and numbers go through `Intl`, which already knows
// that Korean has one plural form and English two.

/** The languages of the course, English first: it is the fallback. */
export const LANGS = ['en', 'ko'] as const;
/** One language of the course. */
export type Lang = (typeof LANGS)[number];
/** What every learner gets when nothing says otherwise. */
export const DEFAULT_LANG: Lang = 'en';
/** Each language by its own name, as a language switch shows it. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', ko: '한국어' };

/** One message: a fixed text, or a function of its values that returns the text. */
// biome-ignore lint/suspicious/noExplicitAny: a message may take any values; its dictionary types them
export type Message = string | ((...args: any[]) => string);

/**
 * The other language's side of a dictionary: the same keys, each a string where
 * English has a string and a function of the same values where English has one.
 */
export type Translation<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/** A dictionary in every language of the course. */
export interface Dictionary<T> {
  en: T;
  ko: Translation<T>;
}

/**
 * Declares a dictionary. English is the source; Korean must have every key of it,
 * each of the same kind, or the type-check fails.
 */
export function defineMessages<T extends Record<string, Message>>(
  dictionary: Dictionary<T>,
): Dictionary<T> {
  return dictionary;
}

/** Both languages of one text, for a text that appears once and needs no key. */
export type Both = Record<Lang, string>;

/** Whether `value` names a language of the course. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The first language of the course among `preferred` (BCP 47 tags like `ko-KR`,
 * or locales like `ko_KR.UTF-8`), matched by their language part; English when none is.
 */
export function pickLang(preferred: readonly (string | undefined)[]): Lang {
  for (const tag of preferred) {
    const language = tag?.toLowerCase().split(/[-_.@]/)[0];
    if (isLang(language)) return language;
  }
  return DEFAULT_LANG;
}

/**
 * The terminal's language: `COURSE_LANG` when set, else the locale variables in the
 * order POSIX reads them (`LC_ALL`, `LC_MESSAGES`, `LANG`); English when none names one.
 */
export function terminalLang(env: Record<string, string | undefined> = process.env): Lang {
  const set = (name: string) => (env[name] ? env[name] : undefined);
  // POSIX: the first of these that is set decides, even if it names a language we lack.
  const locale = set('LC_ALL') ?? set('LC_MESSAGES') ?? set('LANG');
  return pickLang([set('COURSE_LANG'), locale]);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** `n` written the way `lang` writes numbers (`12,345`), through `Intl.NumberFormat`. */
export function formatNumber(
  lang: Lang,
  n: number,
  options: Intl.NumberFormatOptions = {},
): string {
  const key = `${lang}${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, options);
    numberFormats.set(key, format);
  }
  return format.format(n);
}

/** A duration in `unit`, written by `Intl` (`3 seconds`, `3초`). */
export function formatUnit(
  lang: Lang,
  n: number,
  unit: 'millisecond' | 'second' | 'minute' | 'byte' | 'kilobyte' | 'megabyte',
  display: 'long' | 'short' | 'narrow' = 'long',
): string {
  return formatNumber(lang, n, { style: 'unit', unit, unitDisplay: display });
}

/**
 * The form of a countable word for `n`, chosen by `Intl.PluralRules` (English: `one`
 * or `other`; Korean has only `other`). `forms.other` is the fallback.
 */
export function plural(lang: Lang, n: number, forms: { one?: string; other: string }): string {
  const rule = new Intl.PluralRules(lang).select(n);
  return rule === 'one' && forms.one !== undefined ? forms.one : forms.other;
}

/**
 * A message's text without its markup (`` `code` ``, `**strong**`, `[text](url)`), as it
 * reads once a page renders it: for `<title>`, and for specs that compare text.
 */
export function plainText(text: string): string {
  return text
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\([^)\s]+\)/g, '$1');
}

/** Every key of `dictionary` whose text is empty in some language: a test fails on any. */
export function emptyMessages<T extends Record<string, Message>>(
  dictionary: Dictionary<T>,
): string[] {
  const empty: string[] = [];
  for (const lang of LANGS) {
    const messages = dictionary[lang] as Record<string, Message>;
    for (const [key, message] of Object.entries(messages))
      if (typeof message === 'string' && message.trim() === '') empty.push(`${lang}.${key}`);
  }
  const en = Object.keys(dictionary.en);
  const ko = new Set(Object.keys(dictionary.ko));
  for (const key of en) if (!ko.has(key)) empty.push(`ko.${key} (missing)`);
  for (const key of ko) if (!en.includes(key)) empty.push(`en.${key} (missing)`);
  return empty;
}

/**
 * The stand-in for slot `index`, to call a message with in place of that value
 * (`t.requestBytes(n, slotMark(0))`); `fillWithSlots()` of `@course/kit/i18n-page`
 * puts the slot there. A private-use character: no message contains one, and
 * `rich()` leaves it alone.
 */
export function slotMark(index: number): string {
  return String.fromCharCode(0xe000 + index);
}

/** The stand-ins for `count` slots, in order. */
export function slotMarks(count: number): string[] {
  return Array.from({ length: count }, (_, index) => slotMark(index));
}
