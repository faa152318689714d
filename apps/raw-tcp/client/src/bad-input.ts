import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import { getConfig, getJson } from './api.ts';
import messages from './messages.ts';
import { chapterNav } from './nav.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);
chapterNav(t);

interface Step {
  t: number;
  text: string;
}

const config = getConfig();
config
  .then(({ framedTcpPort, maxLineBytes, idleTimeoutMs }) => {
    byId('framed-port').textContent = String(framedTcpPort);
    byId('max-line').textContent = String(maxLineBytes);
    byId('idle-ms').textContent = String(idleTimeoutMs);
  })
  .catch(() => {});

/**
 * Counts down in `line`, ten times a second, the seconds left until the server's idle
 * timeout (`timeoutMs`, which the page has from `GET /api/config`). The count starts
 * at the click; the bridge connects a few milliseconds later, so it ends just before
 * the server acts. Returns the function that stops it.
 */
function countDown(line: HTMLElement, timeoutMs: number): () => void {
  const end = performance.now() + timeoutMs;
  const tick = () => {
    const left = end - performance.now();
    line.textContent =
      left > 0 ? t.badCountdown((left / 1000).toFixed(1), timeoutMs) : t.badTimeoutUp;
  };
  tick();
  const timer = setInterval(tick, 100);
  return () => clearInterval(timer);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-case]')) {
  const which = button.dataset.case ?? '';
  const log = byId(`${which}-log`);
  // Runs the case on the bridge and shows its steps; the silent case counts down while it waits.
  button.addEventListener('click', async () => {
    button.disabled = true;
    log.replaceChildren();
    const running = appendLine(log, t.running);
    // The page knows the server's idle timeout from GET /api/config.
    const idleTimeoutMs = await config.then(
      (known) => known.idleTimeoutMs,
      () => undefined,
    );
    const stop =
      which === 'idle' && idleTimeoutMs !== undefined
        ? countDown(running, idleTimeoutMs)
        : () => {};
    try {
      const { steps } = await getJson<{ steps: Step[] }>(`/api/bad-input/${which}`, {
        method: 'POST',
      });
      log.replaceChildren();
      for (const step of steps) appendLine(log, t.badStep(step.t, step.text));
    } catch (err) {
      log.replaceChildren();
      appendLine(log, t.failed((err as Error).message));
    } finally {
      stop();
      button.disabled = false;
    }
  });
}
