import './nav.ts';
import { byId } from '@course/kit/dom';

const demo = byId('demo');

// #region fixed:ajax1-request
// Click: fetch the text and let it replace the button area.
byId('change').addEventListener('click', () => {
  const xhr = new XMLHttpRequest();
  // readystatechange: at DONE with a 2xx status, show the answer as text.
  xhr.onreadystatechange = () => {
    if (xhr.readyState === XMLHttpRequest.DONE && (xhr.status === 200 || xhr.status === 201)) {
      // fix: textContent where the lecture writes innerHTML: the answer stays text, never markup
      demo.textContent = xhr.responseText;
    }
  };
  xhr.open('GET', 'ajax1_result1');
  xhr.send();
});
// #endregion
