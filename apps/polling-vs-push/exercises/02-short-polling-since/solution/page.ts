// Exercise: ask only for what is new. One solution.
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
  // The cursor: the last seq this page has. The server answers with what is newer only.
  let after = 0;
  const poll = async () => {
    const url = `/feed/poll?run=${encodeURIComponent(id)}&after=${after}`;
    const res = await fetch(url, { cache: 'no-store' });
    if (!res.ok) throw new Error(`GET /feed/poll answered ${res.status}`);
    const answer = (await res.json()) as PollAnswer;
    for (const message of answer.messages) {
      appendLine(received, message.text);
      after = message.seq;
    }
    count.textContent = String(received.children.length);
    state.textContent = answer.done ? t.stateDone : t.statePolling;
    // The next poll is timed from this answer, so two polls never overlap; none after done.
    if (!answer.done) setTimeout(next, intervalMs);
  };
  const next = () => void poll().catch(showError);
  next();
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
