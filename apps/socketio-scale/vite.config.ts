import { chapterViteConfig } from '@course/kit/vite-config';
import { defineConfig } from 'vite';

export default defineConfig(chapterViteConfig(import.meta.dirname));
