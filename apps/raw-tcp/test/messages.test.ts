// The pages' texts: every key a page names is in the dictionary, in both languages, of the right kind.
// (The kit's own test checks data-t and data-t-attr; data-t-slots is this chapter's, so it is checked here.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyMessages, LANGS } from '@course/kit/i18n';
import { describe, expect, it } from 'vitest';
import messages from '../client/src/messages.ts';

const client = join(import.meta.dirname, '..', 'client');
const pages = readdirSync(client).filter((file) => file.endsWith('.html'));

describe('client/src/messages.ts', () => {
  it('has every text in English and Korean, none empty', () => {
    expect(emptyMessages(messages)).toEqual([]);
  });

  it.each(pages)(
    '%s: every data-t key is a text, every data-t-slots key a function of its slots',
    (page) => {
      const html = readFileSync(join(client, page), 'utf8');
      const texts = [...html.matchAll(/\sdata-t="([^"]+)"/g)].map((match) => match[1] ?? '');
      const slotted = [...html.matchAll(/\sdata-t-slots="([^"]+)"/g)].map(
        (match) => match[1] ?? '',
      );
      expect(texts.length + slotted.length).toBeGreaterThan(0);
      for (const lang of LANGS) {
        const dictionary = messages[lang] as Record<string, unknown>;
        for (const key of texts) expect(typeof dictionary[key], `${lang}.${key}`).toBe('string');
        for (const key of slotted)
          expect(typeof dictionary[key], `${lang}.${key}`).toBe('function');
      }
    },
  );

  it('puts each slot once in every sentence that has one', () => {
    const mark = '\uE000';
    for (const lang of LANGS) {
      const t = messages[lang];
      const sentences = [
        t.exRunText(mark),
        t.framingFixText(mark),
        t.badLead(mark),
        t.badOversizeText(mark),
        t.badIdleText(mark),
        t.directRequestBytes(1, mark),
      ];
      for (const sentence of sentences) expect(sentence.split(mark), sentence).toHaveLength(2);
      expect(t.framingSplitSummary(mark, mark).split(mark)).toHaveLength(3);
    }
  });
});
