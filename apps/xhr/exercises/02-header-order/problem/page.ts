// Exercise: the header after open(). See README.md beside this folder.
import '@course/kit/page.css';
import { byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import messages from '../../../client/src/messages.ts';

// The page's texts in the learner's language (the chapter's dictionary), before anything else.
const t = pageMessages(messages);
applyMessages(t);
document.title = t.ex2Title;

/** What /ajax4_result1 answers: the echo, or `{ error }` when it refuses the request. */
interface Ajax4Answer {
  id?: string;
  content?: string;
  error?: string;
}

const stateOut = byId('state');
const idOut = byId('outid');
const contentOut = byId('outcontent');

/** Shows where `xhr` is: loading while it is in flight, then the echo or the server's error. */
function show(xhr: XMLHttpRequest): void {
  if (xhr.readyState !== XMLHttpRequest.DONE) {
    stateOut.textContent = '로딩중...';
    return;
  }
  const data = xhr.response as Ajax4Answer | null;
  if (xhr.status !== 200 || data === null) {
    stateOut.textContent = `실패 (${xhr.status}): ${data?.error ?? t.a4NoAnswer}`;
    return;
  }
  stateOut.textContent = '로딩완료';
  idOut.textContent = data.id ?? '';
  contentOut.textContent = data.content ?? '';
}

// Submit (the 전송 button or Enter): POST the two fields as JSON.
byId<HTMLFormElement>('form').addEventListener('submit', (event) => {
  event.preventDefault();
  const body = {
    id: byId<HTMLInputElement>('id').value,
    content: byId<HTMLInputElement>('content').value,
  };
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  // TODO: this line throws (look in the console), so nothing below it runs and nothing is sent.
  xhr.setRequestHeader('Content-Type', 'application/json');
  xhr.onreadystatechange = () => show(xhr);
  xhr.open('POST', '/ajax4_result1');
  xhr.send(JSON.stringify(body));
});
