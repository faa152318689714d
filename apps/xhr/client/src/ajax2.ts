import './nav.ts';
import { byId } from '@course/kit/dom';

/** What every /ajax2_* route answers. */
interface Ajax2Answer {
  method: string;
  des: string;
}

const methodOut = byId('method');
const desOut = byId('des');

/** Sends `verb` to /ajax2_<verb> and shows the JSON answer. */
function loadJsonBy(verb: string): void {
  // A new XHR per request: reusing one (as the lecture does) aborts the one in flight.
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  // load: the body is parsed already; `response` is an object (or null if it was not JSON).
  xhr.addEventListener('load', () => {
    const data = xhr.response as Ajax2Answer | null;
    if (xhr.status !== 200 || data === null) {
      methodOut.textContent = `error ${xhr.status}`;
      desOut.textContent = '';
      return;
    }
    methodOut.textContent = data.method;
    desOut.textContent = data.des;
  });
  xhr.open(verb.toUpperCase(), `ajax2_${verb}`);
  xhr.send();
}

// Click on any of the four buttons: its data-method names the verb.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-method]')) {
  button.addEventListener('click', () => loadJsonBy(button.dataset.method ?? 'get'));
}
