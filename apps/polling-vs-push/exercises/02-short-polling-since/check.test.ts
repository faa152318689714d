// The check for "Ask only for what is new": the chapter's real server, your page, a real
// browser, and the server's own count of what went over the wire.
import { type CheckBrowser, openBrowser } from '@course/e2e/exercise-browser';
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunStats, TechniqueStats } from '../../server/protocol.ts';

/** What the page asks for: 10 messages, polled every 200 ms. */
const MESSAGES = 10;
const INTERVAL_MS = 200;
const ALL = Array.from({ length: MESSAGES }, (_, i) => `message ${i + 1} of ${MESSAGES}`);

let server: RunningChapter;
let browser: CheckBrowser;

beforeAll(async () => {
  server = await startUnderCheck(import.meta.dirname);
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The lines the page lists, in order. */
const lines = () => browser.page.locator('#received li').allTextContents();

/** What the server measured for the page's short polling, in the run the page started. */
async function measured(): Promise<TechniqueStats> {
  const id = (await browser.page.locator('#run-id').textContent()) ?? '';
  const res = await fetch(`${server.url}/api/runs/${encodeURIComponent(id)}`);
  expect(res.status, `GET /api/runs/${id} should find the run the page started`).toBe(200);
  const stats = (await res.json()) as RunStats;
  return stats.techniques.find((t) => t.technique === 'short-poll') as TechniqueStats;
}

it("shows the run's messages as they are published", async () => {
  await browser.page.goto(`${server.url}/`);
  await browser.page.click('#start');
  await expect
    .poll(lines, {
      message: `After "Start a run", the page should list the last message, "${ALL.at(-1)}"`,
    })
    .toContain(ALL.at(-1));
});

it('shows each message once, in order', async () => {
  const shown = await lines();
  expect(
    shown,
    `The page should list the ${MESSAGES} messages once each, in order; it lists ${shown.length} lines. Each poll brings everything again: ask only for what is newer than the last seq you have.`,
  ).toEqual(ALL);
});

it('asks only for what is new: each message crosses the wire once', async () => {
  const { sent, requests } = await measured();
  expect(
    sent,
    `Over ${requests} polls, the server sent ${sent} messages for a run of ${MESSAGES}. Send the last seq you have as after=<seq>, so each poll brings only what is new.`,
  ).toBe(MESSAGES);
});

it('stops polling once the feed is done', async () => {
  await expect
    .poll(() => browser.page.locator('#state').textContent(), {
      message: 'Once the last answer says done, the state line should say done',
    })
    .toBe('done');
  const before = (await measured()).requests;
  // Five intervals: a page that still polls asks about five more times.
  await new Promise((resolve) => setTimeout(resolve, 5 * INTERVAL_MS));
  const after = (await measured()).requests;
  expect(
    after - before,
    `The feed is over, yet the page polled ${after - before} more times in ${5 * INTERVAL_MS} ms. Once an answer says done, ask no more.`,
  ).toBe(0);
});
