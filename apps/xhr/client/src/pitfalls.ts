import './nav.ts';
import { appendLine, byId } from '@course/kit/dom';

// --- setRequestHeader() placement ------------------------------------------
const orderLog = byId('order-log');

/** Logs how /ajax4_result1 answered: 200 with the echo, or the server's error. */
function logAnswer(label: string, xhr: XMLHttpRequest): void {
  const data = xhr.response as { id?: string; error?: string } | null;
  const verdict = xhr.status === 200 ? `echoed id=${data?.id}` : `error: ${data?.error}`;
  appendLine(orderLog, `${label} → ${xhr.status} ${verdict}`);
}

const BODY = JSON.stringify({ id: 'abcd', content: '이것은 컨텐츠' });

byId('order-lecture').addEventListener('click', () => {
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  // The lecture's handler, attached before open(): state 1 fires inside open().
  xhr.onreadystatechange = () => {
    if (xhr.readyState === XMLHttpRequest.OPENED)
      xhr.setRequestHeader('Content-Type', 'application/json');
    if (xhr.readyState === XMLHttpRequest.DONE) logAnswer('lecture order', xhr);
  };
  xhr.open('POST', '/ajax4_result1');
  xhr.send(BODY);
});

byId('order-late-handler').addEventListener('click', () => {
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  xhr.open('POST', '/ajax4_result1');
  // Same handler, attached after open(): the state-1 event has already fired.
  xhr.onreadystatechange = () => {
    if (xhr.readyState === XMLHttpRequest.OPENED)
      xhr.setRequestHeader('Content-Type', 'application/json');
    if (xhr.readyState === XMLHttpRequest.DONE) logAnswer('handler after open()', xhr);
  };
  xhr.send(BODY);
});

byId('order-after-send').addEventListener('click', () => {
  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/ajax4_result1');
  xhr.send(BODY);
  try {
    xhr.setRequestHeader('Content-Type', 'application/json');
    appendLine(orderLog, 'setRequestHeader after send() → no error?');
  } catch (error) {
    appendLine(orderLog, `setRequestHeader after send() → threw ${(error as DOMException).name}`);
  }
  xhr.abort();
});

byId('order-fix').addEventListener('click', () => {
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  // load: the answer is complete.
  xhr.onload = () => logAnswer('fixed order', xhr);
  xhr.open('POST', '/ajax4_result1');
  xhr.setRequestHeader('Content-Type', 'application/json');
  xhr.send(BODY);
});

// --- malformed JSON --------------------------------------------------------
const malformedLog = byId('malformed-log');

byId('malformed-lecture').addEventListener('click', () => {
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  // load: status is 200, yet there is no object to read.
  xhr.onload = () => {
    appendLine(malformedLog, `status ${xhr.status}, response === null: ${xhr.response === null}`);
    try {
      const data = xhr.response as { method: string };
      appendLine(malformedLog, `data.method = ${data.method}`);
    } catch (error) {
      appendLine(malformedLog, `reading data.method threw ${(error as Error).name}`);
    }
  };
  xhr.open('GET', '/malformed-json');
  xhr.send();
});

byId('malformed-fix').addEventListener('click', () => {
  const xhr = new XMLHttpRequest(); // default responseType: text
  // load: parse it ourselves, so a bad body is a clear, catchable error.
  xhr.onload = () => {
    try {
      JSON.parse(xhr.responseText);
      appendLine(malformedLog, 'parsed fine');
    } catch (error) {
      appendLine(malformedLog, `JSON.parse failed: ${(error as Error).message}`);
      appendLine(malformedLog, `raw body: ${xhr.responseText}`);
    }
  };
  xhr.open('GET', '/malformed-json');
  xhr.send();
});

// --- innerHTML vs textContent ----------------------------------------------

/** What `innerHTML = html` would create, parsed in an inert document where nothing runs. */
function describeMarkup(html: string): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const elements = [...parsed.body.querySelectorAll('*')];
  if (elements.length === 0) return 'no elements: innerHTML would only add text';
  return elements
    .map((element) => {
      const handlers = element.getAttributeNames().filter((name) => name.startsWith('on'));
      const danger =
        handlers.length > 0 ? ` with ${handlers.join(', ')} handler: it would run` : '';
      return `<${element.localName}> element${danger}`;
    })
    .join('\n');
}

byId('xss-send').addEventListener('click', () => {
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  // load: the server echoed the content back; show it both ways.
  xhr.onload = () => {
    const { content } = xhr.response as { content: string };
    byId('xss-analysis').textContent = describeMarkup(content);
    byId('xss-safe').textContent = content;
  };
  xhr.open('POST', '/ajax4_result1');
  xhr.setRequestHeader('Content-Type', 'application/json');
  xhr.send(JSON.stringify({ id: 'xss', content: byId<HTMLInputElement>('xss-content').value }));
});
