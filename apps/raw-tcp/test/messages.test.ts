// The chapter's texts in both languages. (The kit's test checks the keys the pages name:
// data-t, data-t-attr and data-t-slots, each slot put once.)
import { emptyMessages, LANGS, slotMark } from '@course/kit/i18n';
import { describe, expect, it } from 'vitest';
import messages from '../client/src/messages.ts';

describe('client/src/messages.ts', () => {
  it('has every text in English and Korean, none empty', () => {
    expect(emptyMessages(messages)).toEqual([]);
  });

  it('the request-bytes line, filled by the page script, puts its CRLF badge once', () => {
    for (const lang of LANGS) {
      const sentence = messages[lang].directRequestBytes(1, slotMark(0));
      expect(sentence.split(slotMark(0)), sentence).toHaveLength(2);
    }
  });
});
