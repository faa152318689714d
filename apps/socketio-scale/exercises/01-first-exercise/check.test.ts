// The check for "First exercise": the variant under check on a free port, asked with fetch.
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
import { afterAll, beforeAll, expect, it } from 'vitest';

let server: RunningChapter;

beforeAll(async () => {
  server = await startUnderCheck(import.meta.dirname);
});
afterAll(async () => {
  await server?.close();
});

it('answers GET /api/status', async () => {
  const res = await fetch(`${server.url}/api/status`);
  expect(res.status, 'GET /api/status should get an answer, not a 404').not.toBe(404);
});

it('answers 200 with {"ok": true}', async () => {
  const res = await fetch(`${server.url}/api/status`);
  expect(res.status, 'GET /api/status should answer 200').toBe(200);
  expect(await res.json(), 'Its body should be the JSON {"ok": true}').toEqual({ ok: true });
});
