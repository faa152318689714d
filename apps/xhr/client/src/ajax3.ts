import './nav.ts';
import { byId } from '@course/kit/dom';

const stateOut = byId('state');
const methodOut = byId('method');
const desOut = byId('des');

// Click: ask for the slow answer and show the loading state until it comes.
byId('load').addEventListener('click', () => {
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  // readystatechange: 1–3 means in flight, 4 means done.
  xhr.onreadystatechange = () => {
    if (xhr.readyState >= XMLHttpRequest.OPENED && xhr.readyState <= XMLHttpRequest.LOADING) {
      stateOut.textContent = '로딩중...';
    } else if (xhr.readyState === XMLHttpRequest.DONE) {
      const data = xhr.response as { method: string; des: string } | null;
      if (xhr.status !== 200 || data === null) {
        stateOut.textContent = `실패 (${xhr.status || 'network error'})`;
        return;
      }
      stateOut.textContent = '로딩완료';
      methodOut.textContent = data.method;
      desOut.textContent = data.des;
    }
  };
  xhr.open('GET', 'ajax3_result1');
  xhr.send();
});
