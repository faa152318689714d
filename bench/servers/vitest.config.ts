import { chapterTestConfig } from '@course/kit/vite-config';
import { defineConfig } from 'vitest/config';

export default defineConfig(chapterTestConfig());
