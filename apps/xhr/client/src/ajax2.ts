import { appendLine, byId } from '@course/kit/dom';
import { t } from './nav.ts';

/** What every /ajax2_* route answers. */
interface Ajax2Answer {
  method: string;
  des: string;
}

const methodOut = byId('method');
const desOut = byId('des');
const answers = byId('answers');

/** Shows the JSON answer to `verb` (or the status that came instead) and logs it. */
function show(verb: string, xhr: XMLHttpRequest): void {
  // With responseType 'json', `response` is an object, or null if the body was not JSON.
  const data = xhr.response as Ajax2Answer | null;
  appendLine(answers, `${verb} 호출 → ${xhr.status}`);
  if (xhr.status !== 200 || data === null) {
    methodOut.textContent = t.a2Error(xhr.status);
    desOut.textContent = '';
    return;
  }
  methodOut.textContent = data.method;
  desOut.textContent = data.des;
}

// #region lecture:one-xhr
// pitfall: one XHR for the whole page, made once
const shared = new XMLHttpRequest();
shared.responseType = 'json';

/** The lecture's loadJsonBy: every request reuses `shared`. */
function loadJsonShared(verb: string): void {
  // pitfall: open() on an XHR still in flight cancels that request, with no abort event
  const xhr = shared;
  // load: the answer to whichever request was opened last.
  xhr.onload = () => show(verb, xhr);
  xhr.open(verb.toUpperCase(), `ajax2_${verb}`);
  xhr.send();
}
// #endregion

// #region fixed:one-xhr
/** Sends `verb` to /ajax2_<verb> and shows the JSON answer. */
function loadJsonBy(verb: string): void {
  // fix: a new XHR per request, so a second click never cancels the first
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  // load: the answer to this request, whatever else is in flight.
  xhr.onload = () => show(verb, xhr);
  xhr.open(verb.toUpperCase(), `ajax2_${verb}`);
  xhr.send();
}
// #endregion

// Click on any of the four buttons: its data-method names the verb.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-method]')) {
  button.addEventListener('click', () => loadJsonBy(button.dataset.method ?? 'get'));
}

// Click "get + post at once": two requests back to back, on the lecture's one XHR or on one each.
for (const [id, load] of [
  ['burst-shared', loadJsonShared],
  ['burst-own', loadJsonBy],
] as const) {
  byId(id).addEventListener('click', () => {
    answers.replaceChildren();
    load('get');
    load('post');
  });
}
