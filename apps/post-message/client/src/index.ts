import './nav.ts';
import { byId } from '@course/kit/dom';
import { loadOrigins } from './origins.ts';

// The chapter home: shows where the three origins are, as the server reports them.
const origins = await loadOrigins();
byId('origin-parent').textContent = origins.parent;
byId('origin-frame').textContent = origins.frame;
byId('origin-third').textContent = origins.third;
if (origins.role !== 'parent')
  byId('origin-note').textContent =
    `You are on the ${origins.role} origin. The demos are meant to be opened on ${origins.parent}.`;
