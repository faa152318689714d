import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ChapterDefinition, isChapterDefinition } from './chapter.ts';

/**
 * The chapter defined in `<dir>/server/app.ts`: its default export, made by
 * `defineChapter()`. Throws, naming the file, when it exports anything else.
 */
export async function loadChapter(dir: string): Promise<ChapterDefinition> {
  const file = join(dir, 'server', 'app.ts');
  const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  if (!isChapterDefinition(module.default))
    throw new Error(`${file} must export default defineChapter({ env, create }) from @course/kit`);
  return module.default;
}
