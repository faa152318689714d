// Exercise: a loading state that ends. See README.md beside this folder.
import '@course/kit/page.css';
import { byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import messages from '../../../client/src/messages.ts';

// The page's texts in the learner's language (the chapter's dictionary), before anything else.
const t = pageMessages(messages);
applyMessages(t);
document.title = t.ex1Title;

/** What /ajax3_result1 answers, once it does. */
interface Ajax3Answer {
  method: string;
  des: string;
}

const stateOut = byId('state');
const methodOut = byId('method');
const desOut = byId('des');

/** Shows where `xhr` is: loading while it is in flight, then its data. */
function show(xhr: XMLHttpRequest): void {
  if (xhr.readyState >= XMLHttpRequest.OPENED && xhr.readyState <= XMLHttpRequest.LOADING) {
    stateOut.textContent = '로딩중...';
  } else if (xhr.readyState === XMLHttpRequest.DONE && xhr.status === 200) {
    const data = xhr.response as Ajax3Answer;
    // TODO: the answer is here, but the state line still says 로딩중...
    methodOut.textContent = data.method;
    desOut.textContent = data.des;
  }
  // TODO: and when the request fails, nothing ever replaces 로딩중...
}

/** GETs `url` and hands each readystatechange to `show`. */
function load(url: string): void {
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  xhr.onreadystatechange = () => show(xhr);
  xhr.open('GET', url);
  xhr.send();
}

byId('load').addEventListener('click', () => load('/ajax3_result1'));
byId('load-missing').addEventListener('click', () => load('/ajax3_missing'));
