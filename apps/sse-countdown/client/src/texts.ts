import { pageMessages } from '@course/kit/i18n-page';
import messages from './messages.ts';

/**
 * The chapter's texts in the page's language (`?lang=`, the learner's choice, the browser's
 * languages, else English); picking them also sets `<html lang>`. Every page script, and the
 * code it shares (the countdown clients), reads its texts from here.
 */
export const t = pageMessages(messages);
