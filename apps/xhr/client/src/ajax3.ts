import { byId } from '@course/kit/dom';
import { t } from './nav.ts';

/** What /ajax3_result1 answers, once it does. */
interface Ajax3Answer {
  method: string;
  des: string;
}

const stateOut = byId('state');
const methodOut = byId('method');
const desOut = byId('des');

/** GETs the slow /ajax3_result1, handing each readystatechange to `onChange`. */
function load(onChange: (xhr: XMLHttpRequest) => void): void {
  // Start from the page's placeholders, so each run shows only what its handler writes.
  stateOut.textContent = 'state';
  methodOut.textContent = 'method';
  desOut.textContent = 'description';
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  // readystatechange: 1–3 means in flight, 4 means done; `onChange` shows which.
  xhr.onreadystatechange = () => onChange(xhr);
  xhr.open('GET', 'ajax3_result1');
  xhr.send();
}

/** The lecture's handler: the loading state, then the data. */
function showLectureWay(xhr: XMLHttpRequest): void {
  // #region lecture:loading-state
  if (xhr.readyState >= XMLHttpRequest.OPENED && xhr.readyState <= XMLHttpRequest.LOADING) {
    stateOut.textContent = '로딩중...';
    // pitfall: at DONE only a 2xx enters this branch, so after a failure 로딩중... stays for good
  } else if (xhr.readyState === XMLHttpRequest.DONE && (xhr.status === 200 || xhr.status === 201)) {
    const data = xhr.response as Ajax3Answer;
    // pitfall: and nothing here replaces 로딩중..., so it stays beside the data too
    methodOut.textContent = data.method;
    desOut.textContent = data.des;
  }
  // #endregion
}

/** The fixed handler: the loading state, then the data and 로딩완료, or what went wrong. */
function show(xhr: XMLHttpRequest): void {
  // #region fixed:loading-state
  if (xhr.readyState >= XMLHttpRequest.OPENED && xhr.readyState <= XMLHttpRequest.LOADING) {
    stateOut.textContent = '로딩중...';
  } else if (xhr.readyState === XMLHttpRequest.DONE) {
    const data = xhr.response as Ajax3Answer | null;
    // fix: a failed request (or a body that is not JSON) says so instead of loading forever
    if (xhr.status !== 200 || data === null) {
      stateOut.textContent = `실패 (${xhr.status || t.a3NetworkError})`;
      return;
    }
    // fix: the data is here, and the state line says so
    stateOut.textContent = '로딩완료';
    methodOut.textContent = data.method;
    desOut.textContent = data.des;
  }
  // #endregion
}

// Click "get 호출": ask for the slow answer and show the loading state until it comes.
byId('load').addEventListener('click', () => load(show));
// Click the lecture's handler: the same request, shown the lecture's way.
byId('load-lecture').addEventListener('click', () => load(showLectureWay));
