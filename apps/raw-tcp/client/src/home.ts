import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import messages from './messages.ts';
import { chapterNav } from './nav.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);
chapterNav(t);
