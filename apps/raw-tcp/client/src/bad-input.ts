import './nav.ts';
import { appendLine, byId } from '@course/kit/dom';
import { getConfig, getJson } from './api.ts';

interface Step {
  t: number;
  text: string;
}

getConfig()
  .then((config) => {
    byId('framed-port').textContent = String(config.framedTcpPort);
    byId('max-line').textContent = String(config.maxLineBytes);
    byId('idle-ms').textContent = String(config.idleTimeoutMs);
  })
  .catch(() => {});

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-case]')) {
  const which = button.dataset.case ?? '';
  const log = byId(`${which}-log`);
  button.addEventListener('click', async () => {
    button.disabled = true;
    log.replaceChildren();
    appendLine(log, 'running…');
    try {
      const { steps } = await getJson<{ steps: Step[] }>(`/api/bad-input/${which}`, {
        method: 'POST',
      });
      log.replaceChildren();
      for (const step of steps) appendLine(log, `${step.t} ms: ${step.text}`);
    } catch (err) {
      log.replaceChildren();
      appendLine(log, `failed: ${(err as Error).message}`);
    } finally {
      button.disabled = false;
    }
  });
}
