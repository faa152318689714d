import './nav.ts';
import { appendLine, byId } from '@course/kit/dom';

/** XMLHttpRequest.readyState values by name, index = the numeric value. */
const READY_STATE_NAMES = ['UNSENT', 'OPENED', 'HEADERS_RECEIVED', 'LOADING', 'DONE'] as const;

const status = byId<HTMLOListElement>('status');
const text = byId<HTMLOutputElement>('text');

/** The lecture's sentence for one state. */
const sentence = (state: number) =>
  `XMLHttpRequest 객체의 현재 상태는 ${READY_STATE_NAMES[state]} 입니다.`;

// Click: one fresh request, every state change logged by name.
byId('send').addEventListener('click', () => {
  status.replaceChildren();
  text.textContent = '';
  const xhr = new XMLHttpRequest();
  appendLine(status, sentence(xhr.readyState)); // 0 UNSENT: no event fires for it

  // readystatechange: log the state we are in now, once per change.
  xhr.addEventListener('readystatechange', () => {
    appendLine(status, sentence(xhr.readyState));
    if (xhr.readyState === XMLHttpRequest.DONE && xhr.status === 200) {
      text.textContent = xhr.responseText;
    }
  });
  xhr.open('GET', '/ajax_intro_data.txt');
  xhr.send();
});
