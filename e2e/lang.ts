// What a spec needs to run in both languages: the language its project's browser
// asks for, and the page's own messages in it, so a spec never spells a text twice.
import type { Dictionary, Lang, Message } from '@course/kit/i18n';
import { pickLang, plainText } from '@course/kit/i18n';
import { test } from '@playwright/test';

/**
 * The language of the running spec's browser: `ko` in the `<chapter>:ko` projects (locale ko-KR),
 * else `en`. Call it inside a test or a hook (it reads `test.info()`), not at the top of a file.
 */
export function specLang(): Lang {
  return pickLang([test.info().project.use.locale]);
}

/** The messages the page under test shows, in the spec's language (inside a test or a hook). */
export function specMessages<T extends Record<string, Message>>(dictionary: Dictionary<T>): T {
  return dictionary[specLang()] as T;
}

/** A message as the page's text reads once rendered: `code`, **strong** and [links](…) without their marks. */
export const plain = plainText;
