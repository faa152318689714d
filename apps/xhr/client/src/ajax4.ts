import { byId } from '@course/kit/dom';
import { t } from './nav.ts';

const stateOut = byId('state');
const idOut = byId('outid');
const contentOut = byId('outcontent');

// #region fixed:ajax4-submit
// Submit (the 전송 button or Enter): POST the two fields as JSON.
byId<HTMLFormElement>('form').addEventListener('submit', (event) => {
  event.preventDefault();
  const body = {
    id: byId<HTMLInputElement>('id').value,
    content: byId<HTMLInputElement>('content').value,
  };
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  // readystatechange: loading while in flight, then the echo or the server's error.
  xhr.onreadystatechange = () => {
    if (xhr.readyState !== XMLHttpRequest.DONE) {
      stateOut.textContent = '로딩중...';
      return;
    }
    const data = xhr.response as { id?: string; content?: string; error?: string } | null;
    // fix: a refused request shows the server's error, where the lecture's stays at 로딩중...
    if (xhr.status !== 200 || !data) {
      stateOut.textContent = `오류 ${xhr.status}: ${data?.error ?? t.a4NoAnswer}`;
      return;
    }
    stateOut.textContent = '로딩완료';
    // textContent, not innerHTML: a content of <img onerror=…> stays text.
    idOut.textContent = data.id ?? '';
    contentOut.textContent = data.content ?? '';
  };
  xhr.open('POST', 'ajax4_result1');
  // fix: the header between open() and send() (before or after, it throws), not in a state-1 handler
  xhr.setRequestHeader('Content-Type', 'application/json');
  xhr.send(JSON.stringify(body));
});
// #endregion
