import { appendLine, byId } from '@course/kit/dom';
import { t } from './nav.ts';

// --- timeout ---------------------------------------------------------------
// #region fixed:timeout
/** Logs each lifecycle event of `xhr` (except progress) into `log`, with ms since the start. */
function logEvents(xhr: XMLHttpRequest, log: Element): void {
  const started = performance.now();
  for (const type of ['loadstart', 'load', 'error', 'abort', 'timeout', 'loadend']) {
    // Each lifecycle event: one line with its name and when it fired.
    xhr.addEventListener(type, () => {
      appendLine(log, t.apiEvent(type, Math.round(performance.now() - started), xhr.status));
    });
  }
}

byId('timeout-run').addEventListener('click', () => {
  const log = byId('timeout-log');
  log.replaceChildren();
  const xhr = new XMLHttpRequest();
  // fix: give up after this many ms: the timeout event fires, then loadend, never load or error
  xhr.timeout = Number(byId<HTMLInputElement>('timeout-ms').value);
  logEvents(xhr, log);
  xhr.open('GET', '/slow?ms=3000');
  xhr.send();
});
// #endregion

// --- abort() ---------------------------------------------------------------
// #region fixed:abort
let pending: XMLHttpRequest | undefined;
const abortStart = byId<HTMLButtonElement>('abort-start');
const abortStop = byId<HTMLButtonElement>('abort-stop');
abortStart.addEventListener('click', () => {
  const log = byId('abort-log');
  log.replaceChildren();
  const xhr = new XMLHttpRequest();
  pending = xhr;
  logEvents(xhr, log);
  // loadend: whatever happened, the request is over.
  xhr.addEventListener('loadend', () => {
    abortStart.disabled = false;
    abortStop.disabled = true;
  });
  xhr.open('GET', '/slow?ms=10000');
  xhr.send();
  abortStart.disabled = true;
  abortStop.disabled = false;
});
// fix: abort() cancels the request: abort, then loadend, and the status is 0
abortStop.addEventListener('click', () => pending?.abort());
// #endregion

// #region fixed:download-progress
/** Shows one progress event in a bar and a line of text. */
function showProgress(event: ProgressEvent, bar: HTMLProgressElement, out: Element, count: number) {
  if (event.lengthComputable) bar.value = event.loaded / event.total;
  out.textContent = t.apiProgress(event.loaded, event.lengthComputable ? event.total : null, count);
}

// --- download progress -----------------------------------------------------
byId('download-run').addEventListener('click', () => {
  const bar = byId<HTMLProgressElement>('download-bar');
  const out = byId('download-out');
  let events = 0;
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'arraybuffer';
  // progress: fired about every 50 ms while bytes arrive.
  xhr.addEventListener('progress', (event) => showProgress(event, bar, out, ++events));
  // load: the whole body is here.
  xhr.addEventListener('load', () => {
    bar.value = 1;
    const body = xhr.response as ArrayBuffer;
    out.textContent = t.apiDownloadDone(body.byteLength, events);
  });
  xhr.open('GET', `/download?bytes=${4 * 1024 * 1024}`);
  xhr.send();
});
// #endregion

// --- upload progress -------------------------------------------------------
// #region fixed:upload-progress
byId('upload-run').addEventListener('click', () => {
  const bar = byId<HTMLProgressElement>('upload-bar');
  const out = byId('upload-out');
  let events = 0;
  const xhr = new XMLHttpRequest();
  xhr.responseType = 'json';
  // upload.progress: the request body going out (listen before send(), or none fire).
  xhr.upload.addEventListener('progress', (event) => showProgress(event, bar, out, ++events));
  // load: the server has answered with what it counted.
  xhr.addEventListener('load', () => {
    bar.value = 1;
    const { received } = xhr.response as { received: number };
    out.textContent = t.apiUploaded(received, events);
  });
  xhr.open('POST', '/upload');
  xhr.send(new Blob([new Uint8Array(8 * 1024 * 1024)], { type: 'application/octet-stream' }));
});
// #endregion

// --- response headers ------------------------------------------------------
// #region fixed:response-headers
byId('headers-run').addEventListener('click', () => {
  const xhr = new XMLHttpRequest();
  // readystatechange: headers are readable from HEADERS_RECEIVED on, before the body.
  xhr.onreadystatechange = () => {
    if (xhr.readyState !== XMLHttpRequest.HEADERS_RECEIVED) return;
    byId('headers-one').textContent =
      `getResponseHeader('X-Course-Chapter') → ${xhr.getResponseHeader('X-Course-Chapter')}; ` +
      `getResponseHeader('X-Missing') → ${xhr.getResponseHeader('X-Missing')}`;
    byId('headers-all').textContent = xhr.getAllResponseHeaders();
  };
  xhr.open('GET', '/headers-demo');
  xhr.send();
});
// #endregion

// --- overrideMimeType() ----------------------------------------------------
// #region fixed:override-mime
function loadLegacyText(override: boolean): void {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', '/legacy-euc-kr');
  // Must be called before send(): it changes how the body will be decoded.
  if (override) xhr.overrideMimeType('text/plain; charset=euc-kr');
  // load: decode the body as text, under the label we ended up with.
  xhr.onload = () => {
    byId('mime-out').textContent = `${override ? 'euc-kr' : 'utf-8'}: ${xhr.responseText}`;
  };
  xhr.send();
}
byId('mime-as-labelled').addEventListener('click', () => loadLegacyText(false));
byId('mime-override').addEventListener('click', () => loadLegacyText(true));
// #endregion

// --- responseType ----------------------------------------------------------
const rtOut = byId('rt-out');
const rtImage = byId<HTMLImageElement>('rt-image');

// #region fixed:response-type
/** GETs `url` with `type` and hands the typed response to `show`. */
function loadAs(type: XMLHttpRequestResponseType, url: string, show: (response: unknown) => void) {
  const xhr = new XMLHttpRequest();
  xhr.responseType = type; // set before send()
  // load: `response` is already the type we asked for.
  xhr.onload = () => show(xhr.response);
  xhr.open('GET', url);
  xhr.send();
}

byId('rt-arraybuffer').addEventListener('click', () =>
  loadAs('arraybuffer', '/pixel.png', (response) => {
    const bytes = new Uint8Array(response as ArrayBuffer);
    const head = [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    rtOut.textContent = t.apiRtArrayBuffer(bytes.byteLength, head);
  }),
);

byId('rt-blob').addEventListener('click', () =>
  loadAs('blob', '/pixel.png', (response) => {
    const blob = response as Blob;
    if (rtImage.src) URL.revokeObjectURL(rtImage.src);
    rtImage.src = URL.createObjectURL(blob);
    rtImage.hidden = false;
    rtOut.textContent = t.apiRtBlob(blob.size, blob.type);
  }),
);

byId('rt-document').addEventListener('click', () =>
  loadAs('document', '/chapters.xml', (response) => {
    const doc = response as XMLDocument;
    const names = [...doc.querySelectorAll('chapter')].map(
      (chapter) => `${chapter.getAttribute('order')}. ${chapter.textContent}`,
    );
    rtOut.textContent = t.apiRtDocument(names.length, names.join(', '));
  }),
);
// #endregion

// --- fetch() ---------------------------------------------------------------
const fetchOut = byId('fetch-out');

// #region fixed:fetch-api
byId('fetch-get').addEventListener('click', async () => {
  const response = await fetch('/ajax2_get');
  // fix: fetch() resolves on any HTTP status, a 404 or a 500 too: check response.ok
  if (!response.ok) {
    fetchOut.textContent = `${response.status}: ${response.statusText}`;
    return;
  }
  const data = (await response.json()) as { method: string; des: string };
  fetchOut.textContent = `${response.status}: ${data.method} / ${data.des}`;
});

byId('fetch-post').addEventListener('click', async () => {
  const response = await fetch('/ajax4_result1', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 'fetch', content: 'fetch()로 보낸 컨텐츠' }),
  });
  // The same check as for the GET: a 400 or a 413 is still a response.
  if (!response.ok) {
    fetchOut.textContent = `${response.status}: ${response.statusText}`;
    return;
  }
  const data = (await response.json()) as { id: string; content: string };
  fetchOut.textContent = `${response.status}: id=${data.id}, content=${data.content}`;
});

byId('fetch-timeout').addEventListener('click', async () => {
  const started = performance.now();
  try {
    await fetch('/slow?ms=3000', { signal: AbortSignal.timeout(1000) });
    fetchOut.textContent = t.apiFetchInTime;
  } catch (error) {
    const name = (error as DOMException).name;
    fetchOut.textContent = t.apiFetchRejected(name, Math.round(performance.now() - started));
  }
});
// #endregion
