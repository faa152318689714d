import type { UserConfig } from 'vite';
import type { ViteUserConfig } from 'vitest/config';

/** Vite config for a chapter: pages in `client/*.html`, bundle in `dist/client`. */
export function chapterViteConfig(chapterDir: string): UserConfig;
/** Vitest config for a chapter's integration tests in `test/`, with a JSON report. */
export function chapterTestConfig(): ViteUserConfig;
