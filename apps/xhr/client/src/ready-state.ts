import './nav.ts';
import { appendLine, byId } from '@course/kit/dom';
import { sayFallingThrough } from './fall-through.js';

const status = byId<HTMLOListElement>('status');
const text = byId<HTMLOutputElement>('text');

/** Logs the lecture's sentence for the state called `name`. */
const say = (name: string) =>
  appendLine(status, `XMLHttpRequest 객체의 현재 상태는 ${name} 입니다.`);

/** Names `readyState` once: one case per state, each ending in break. */
function sayOnce(readyState: number): void {
  // #region fixed:ready-state
  switch (readyState) {
    case XMLHttpRequest.OPENED:
      say('OPENED');
      // fix: break ends the case, so OPENED logs OPENED and nothing more
      break;
    case XMLHttpRequest.HEADERS_RECEIVED:
      say('HEADERS_RECEIVED');
      // fix: here too, or HEADERS_RECEIVED would log LOADING and DONE as well
      break;
    case XMLHttpRequest.LOADING:
      say('LOADING');
      // fix: and here, or LOADING would log DONE before the request is done
      break;
    case XMLHttpRequest.DONE:
      say('DONE');
      break;
  }
  // #endregion
}

// #region fixed:send-request
/** One fresh request to the static file, each state change named by `sayState`. */
function sendRequest(sayState: (readyState: number) => void): void {
  status.replaceChildren();
  text.textContent = '';
  const xhr = new XMLHttpRequest();
  say('UNSENT'); // readyState 0: no event fires for it
  // readystatechange: name the state we are in now, then show the text once it is DONE.
  xhr.addEventListener('readystatechange', () => {
    sayState(xhr.readyState);
    if (xhr.readyState === XMLHttpRequest.DONE && xhr.status === 200) {
      // fix: textContent, so the file's text is shown as text and never parsed as HTML
      text.textContent = xhr.responseText;
    }
  });
  xhr.open('GET', '/ajax_intro_data.txt');
  xhr.send();
}
// #endregion

// Click "Ajax 요청 보내기!": each state named once.
byId('send').addEventListener('click', () => sendRequest(sayOnce));
// Click the lecture's switch: each state also names every state after it.
byId('send-lecture').addEventListener('click', () =>
  sendRequest((readyState) => sayFallingThrough(readyState, say)),
);
