import { appendLine, byId } from '@course/kit/dom';
import { t } from './nav.ts';

// --- setRequestHeader() placement ------------------------------------------
const orderLog = byId('order-log');

/** Logs how /ajax4_result1 answered: 200 with the echo, or the server's error. */
function logAnswer(label: string, xhr: XMLHttpRequest): void {
  const data = xhr.response as { id?: string; error?: string } | null;
  appendLine(
    orderLog,
    xhr.status === 200
      ? t.pitEchoed(label, xhr.status, String(data?.id))
      : t.pitRefused(label, xhr.status, String(data?.error)),
  );
}

const BODY = JSON.stringify({ id: 'abcd', content: '이것은 컨텐츠' });

byId('order-lecture').addEventListener('click', () => {
  // #region lecture:header-order
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  // The lecture's handler, attached before open(): state 1 fires inside open().
  xhr.onreadystatechange = () => {
    // pitfall: works only because open() fires state 1 at once, and this handler is already set
    if (xhr.readyState === XMLHttpRequest.OPENED)
      xhr.setRequestHeader('Content-Type', 'application/json');
    if (xhr.readyState === XMLHttpRequest.DONE) logAnswer(t.pitLabelLecture, xhr);
  };
  xhr.open('POST', '/ajax4_result1');
  xhr.send(BODY);
  // #endregion
});

byId('order-late-handler').addEventListener('click', () => {
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  xhr.open('POST', '/ajax4_result1');
  // Same handler, attached after open(): the state-1 event has already fired.
  xhr.onreadystatechange = () => {
    if (xhr.readyState === XMLHttpRequest.OPENED)
      xhr.setRequestHeader('Content-Type', 'application/json');
    if (xhr.readyState === XMLHttpRequest.DONE) logAnswer(t.pitLabelLate, xhr);
  };
  xhr.send(BODY);
});

byId('order-after-send').addEventListener('click', () => {
  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/ajax4_result1');
  xhr.send(BODY);
  try {
    xhr.setRequestHeader('Content-Type', 'application/json');
    appendLine(orderLog, t.pitAfterSendNoError);
  } catch (error) {
    appendLine(orderLog, t.pitAfterSendThrew((error as DOMException).name));
  }
  xhr.abort();
});

byId('order-fix').addEventListener('click', () => {
  // #region fixed:header-order
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  // load: the answer is complete.
  xhr.onload = () => logAnswer(t.pitLabelFixed, xhr);
  xhr.open('POST', '/ajax4_result1');
  // fix: the header goes between open() and send(), whenever the handlers are attached
  xhr.setRequestHeader('Content-Type', 'application/json');
  xhr.send(BODY);
  // #endregion
});

// --- malformed JSON --------------------------------------------------------
const malformedLog = byId('malformed-log');

byId('malformed-lecture').addEventListener('click', () => {
  // #region lecture:malformed-json
  const xhr = new XMLHttpRequest();
  // pitfall: a body that does not parse as JSON becomes null: status 200, no error event
  xhr.responseType = 'json';
  // load: status is 200, yet there is no object to read.
  xhr.onload = () => {
    // pitfall: the only sign of it: response is null though the status says 200
    appendLine(malformedLog, t.pitMalformedNull(xhr.status, xhr.response === null));
    try {
      const data = xhr.response as { method: string };
      // pitfall: data is null, so reading data.method throws a TypeError
      appendLine(malformedLog, t.pitDataMethod(data.method));
    } catch (error) {
      appendLine(malformedLog, t.pitDataMethodThrew((error as Error).name));
    }
  };
  xhr.open('GET', '/malformed-json');
  xhr.send();
  // #endregion
});

byId('malformed-fix').addEventListener('click', () => {
  // #region fixed:malformed-json
  const xhr = new XMLHttpRequest();
  // fix: 'text' (the default) hands over the body as it came, to parse ourselves
  xhr.responseType = 'text';
  // load: parse it ourselves, so a bad body is a clear, catchable error.
  xhr.onload = () => {
    try {
      // fix: JSON.parse on responseText throws a SyntaxError that names the problem
      JSON.parse(xhr.responseText);
      appendLine(malformedLog, t.pitParsedFine);
    } catch (error) {
      appendLine(malformedLog, t.pitParseFailed((error as Error).message));
      // fix: and the raw body is still there to show or log
      appendLine(malformedLog, t.pitRawBody(xhr.responseText));
    }
  };
  xhr.open('GET', '/malformed-json');
  xhr.send();
  // #endregion
});

// --- innerHTML vs textContent ----------------------------------------------

/** The elements in `root`, each named, with the event handlers it carries. */
function describeElements(root: Element): string {
  const elements = [...root.querySelectorAll('*')];
  if (elements.length === 0) return t.pitXssNoElements;
  return elements
    .map((element) => {
      const handlers = element.getAttributeNames().filter((name) => name.startsWith('on'));
      return handlers.length > 0
        ? t.pitXssElementRuns(element.localName, handlers.join(', '))
        : t.pitXssElement(element.localName);
    })
    .join('\n');
}

byId('xss-send').addEventListener('click', () => {
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  // load: the server echoed the content back; show it both ways.
  xhr.onload = () => {
    const { content } = xhr.response as { content: string };
    // A document with no window: markup set in it is built, but nothing in it loads or runs.
    const inert = document.implementation.createHTMLDocument('');
    // #region lecture:inner-html
    // pitfall: in the page, innerHTML builds the markup and runs its handlers (here: an inert document)
    inert.body.innerHTML = content;
    byId('xss-analysis').textContent = describeElements(inert.body);
    // #endregion
    // #region fixed:inner-html
    // fix: textContent adds the content as text: no element is built, so nothing can run
    byId('xss-safe').textContent = content;
    // #endregion
  };
  xhr.open('POST', '/ajax4_result1');
  xhr.setRequestHeader('Content-Type', 'application/json');
  xhr.send(JSON.stringify({ id: 'xss', content: byId<HTMLInputElement>('xss-content').value }));
});
