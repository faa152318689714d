import { findChapter } from '@course/chapters';
import { e2ePorts } from '@course/e2e/ports';

// The chapter's three origins during e2e runs (metadata ports + 10000), as the pages spell them.
const ports = e2ePorts(findChapter('post-message'));
export const PARENT = `http://localhost:${ports.PORT}`;
export const FRAME = `http://localhost:${ports.FRAME_PORT}`;
export const THIRD = `http://localhost:${ports.THIRD_PORT}`;
