import './nav.ts';
import { byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import messages from './messages.ts';
import { loadOrigins } from './origins.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);

// The chapter home: shows where the three origins are, as the server reports them.
const origins = await loadOrigins();
byId('origin-parent').textContent = origins.parent;
byId('origin-frame').textContent = origins.frame;
byId('origin-third').textContent = origins.third;
if (origins.role !== 'parent')
  byId('origin-note').textContent = t.indexNote(origins.role, origins.parent);
