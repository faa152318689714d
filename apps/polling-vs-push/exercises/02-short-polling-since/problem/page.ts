// Exercise: ask only for what is new. See README.md beside this folder.
import '@course/kit/page.css';
import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import type { PollAnswer, RunRequest, RunStats } from '../../../server/protocol.ts';
import messages from '../messages.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);

/** The run this page asks for: 10 messages, 10 a second, polled every 200 ms, short polling only. */
const RUN: RunRequest = { messages: 10, rate: 10, pollIntervalMs: 200, techniques: ['short-poll'] };

const received = byId('received');
const state = byId('state');
const count = byId('count');

/** Shows why polling stopped. */
function showError(error: Error): void {
  state.textContent = t.stateFailed(error.message);
}

/** Polls the feed of run `id` every `intervalMs` and lists the messages each answer brings. */
function follow(id: string, intervalMs: number): void {
  // TODO: each poll asks for the whole feed, on a fixed clock, and polling never stops.
  // Send the last seq you have as after=<seq>, ask again intervalMs after each answer,
  // and stop once the answer says done.
  const poll = async () => {
    const res = await fetch(`/feed/poll?run=${encodeURIComponent(id)}`, { cache: 'no-store' });
    if (!res.ok) throw new Error(`GET /feed/poll answered ${res.status}`);
    const answer = (await res.json()) as PollAnswer;
    for (const message of answer.messages) appendLine(received, message.text);
    count.textContent = String(received.children.length);
    state.textContent = answer.done ? t.stateDone : t.statePolling;
  };
  setInterval(() => poll().catch(showError), intervalMs);
}

/** POSTs `body` as JSON to `url` and returns the run's stats the server answers with. */
async function post(url: string, body?: unknown): Promise<RunStats> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}`);
  return (await res.json()) as RunStats;
}

// Creates a run, starts it, and follows it.
byId('start').addEventListener('click', async () => {
  try {
    const run = await post('/api/runs', RUN);
    byId('run-id').textContent = run.id;
    await post(`/api/runs/${run.id}/start`);
    follow(run.id, run.pollIntervalMs);
  } catch (error) {
    showError(error as Error);
  }
});
