#!/usr/bin/env node
// `course-chapter start|dev`: a chapter's `start` and `dev` scripts. The kit is
// TypeScript; tsx loads it (and the chapter's server/app.ts) without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
