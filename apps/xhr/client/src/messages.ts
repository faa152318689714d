import { defineMessages, formatNumber, plural } from '@course/kit/i18n';

/** `n` as English has always shown it here: plain digits. */
const n = (value: number) => String(value);
/** `n` as Korean writes it: 4,194,304. */
const ko = (value: number) => formatNumber('ko', value);

/**
 * Every text of the chapter's pages, in English and Korean: a key missing on either
 * side fails the type-check. Keys are grouped by page: `nav…`, `home…`, `rs…`
 * (/readystate), `a1…` to `a4…` (/ajax1 to /ajax4), `api…` and `pit…` (/pitfalls).
 * The lecture's own strings (로딩중..., get 호출, Change Content, 전송…) are not here:
 * they stay in the pages and scripts as the lecture has them, in both languages.
 */
export default defineMessages({
  en: {
    // --- the nav, on every page ---------------------------------------------
    navHome: 'Chapter home',
    navReadyState: 'readyState',
    navAjax1: '/ajax1 text',
    navAjax2: '/ajax2 JSON',
    navAjax3: '/ajax3 loading',
    navAjax4: '/ajax4 POST',
    navApi: 'Beyond the lecture',
    navPitfalls: 'Pitfalls',

    // --- / ------------------------------------------------------------------
    homeTitle: 'Chapter home · XMLHttpRequest',
    homeLead:
      'Chapter 1 of the course. Every page below is one example of the lecture, rebuilt; the last two go beyond it.',
    homeLectureHeading: "The lecture's examples",
    homeReadyState: '[readyState](/readystate): every state an XHR passes through, by name.',
    homeAjax1: '[/ajax1](/ajax1): a text answer replaces the button ("Change Content").',
    homeAjax2: '[/ajax2](/ajax2): GET, POST, PUT and DELETE, each answering JSON.',
    homeAjax3: '[/ajax3](/ajax3): a slow answer and a loading state (로딩중...).',
    homeAjax4: '[/ajax4](/ajax4): a JSON POST echoed back (전송 → 로딩완료).',
    homeBeyondHeading: 'Beyond the lecture',
    homeApi:
      '[The rest of the API](/api): timeout, abort(), download and upload progress, response headers, overrideMimeType(), responseType arraybuffer/blob/document, and fetch() beside XHR.',
    homePitfalls:
      "[The lecture's pitfalls](/pitfalls): where setRequestHeader() goes, a null response from bad JSON, and innerHTML with server data.",

    // --- /readystate ----------------------------------------------------------
    rsTitle: 'readyState · XMLHttpRequest',
    rsLead:
      'Each time `readyState` changes, the handler logs the new state by its name. State 0 (UNSENT) is logged when the object is made; no event fires for it.',
    rsIntro: 'GET `/ajax_intro_data.txt`, a static file, and watch the states go by.',
    rsLectureButton: "The lecture's switch, without break",
    rsLogLabel: 'readyState log',
    rsTextLabel: 'response text',
    rsExplain:
      "The lecture names the state with a `switch` whose cases have no `break`: a case runs on into every case below it, so OPENED also logs HEADERS_RECEIVED, LOADING and DONE, and DONE shows up once per event. Run it with the second button. TypeScript refuses such a switch (`noFallthroughCasesInSwitch`), so this page keeps the lecture's version in a small JavaScript file.",

    // --- /ajax1 ---------------------------------------------------------------
    a1Title: '/ajax1 · XMLHttpRequest',
    a1Lead:
      "The button sends `GET /ajax1_result1`; the server's text replaces the button area, without reloading the page.",
    a1Explain:
      'The handler waits for `DONE` and a 2xx status, then writes the text with `textContent`. The lecture writes it with `innerHTML`, which builds any markup the answer holds, and runs its handlers; the second panel shows that line beside the fix (run on the [pitfalls page](/pitfalls#xss)).',

    // --- /ajax2 ---------------------------------------------------------------
    a2Title: '/ajax2 · XMLHttpRequest',
    a2Lead:
      "Each button opens the same kind of request with another verb. With `responseType = 'json'`, `xhr.response` is already an object.",
    a2Explain:
      'Each click makes its own `XMLHttpRequest`. The lecture makes one for the whole page and opens it again on every click; `open()` on a request still in flight cancels it without a word. Send two at once and count the answers:',
    a2BurstShared: 'get + post at once, one shared XHR',
    a2BurstOwn: 'get + post at once, one XHR each',
    a2AnswersLabel: 'answers',
    a2Error: (status: number) => `error ${status}`,

    // --- /ajax3 ---------------------------------------------------------------
    a3Title: '/ajax3 · XMLHttpRequest',
    a3Lead:
      'The server waits before answering (5 s unless `AJAX3_DELAY_MS` says otherwise). While `readyState` is 1, 2 or 3 the page shows 로딩중...',
    a3Heading: 'Loading state',
    a3LectureButton: "get 호출, the lecture's handler",
    a3Explain:
      "The lecture's handler shows 로딩중... while the request is in flight, then writes the data, and never touches the state line again: 로딩중... stays on screen after the answer came, and for good if the request fails. Try both buttons.",
    a3NetworkError: 'network error',

    // --- /ajax4 ---------------------------------------------------------------
    a4Title: '/ajax4 · XMLHttpRequest',
    a4Lead:
      "The form's values go to `POST /ajax4_result1` as JSON, with `Content-Type: application/json` set between `open()` and `send()`. The server echoes them back.",
    a4Xss:
      'Try `<img src=x onerror=alert(1)>` as the content: it is shown as text, because the page uses `textContent`.',
    a4Explain:
      "The code: the page's request, and the server's route that checks the body before echoing it. The lecture sets the header inside the state-1 handler, and writes the answer with `innerHTML`: both are run, beside their fixes, on the [pitfalls page](/pitfalls).",
    a4NoAnswer: 'no answer',

    // --- /api -----------------------------------------------------------------
    apiTitle: 'Beyond the lecture · XMLHttpRequest',
    apiHeading: 'Beyond the lecture: the rest of the XHR API',
    apiLead:
      "The lecture's tables list these properties, methods and events; its examples never use them. Each section runs one of them and prints the events as they fire.",
    apiTimeoutHeading: 'timeout and the timeout event',
    apiTimeoutText:
      '`GET /slow?ms=3000` answers after 3 s. With `xhr.timeout` set lower, the browser gives up and fires `timeout`, not `error`.',
    apiTimeoutButton: 'Send with timeout',
    apiAbortText:
      'Start a request that takes 10 s, then cancel it. `abort()` fires `abort` and `loadend`, and the server stops its timer when the connection closes.',
    apiAbortStart: 'Start',
    apiDownloadHeading: 'Download progress',
    apiDownloadText:
      '`GET /download` sends 4 MiB in paced chunks with a `Content-Length`, so each `progress` event knows the total.',
    apiDownloadButton: 'Download 4 MiB',
    apiUploadHeading: 'Upload progress',
    apiUploadText:
      '`xhr.upload` fires its own events while the body goes out. The server counts the bytes it received.',
    apiUploadButton: 'Upload 8 MiB',
    apiHeadersHeading: 'getAllResponseHeaders() and getResponseHeader()',
    apiHeadersText:
      'Available from `HEADERS_RECEIVED` on. Header names come back lower-cased, one per line.',
    apiHeadersButton: 'Read the headers',
    apiMimeText:
      '`GET /legacy-euc-kr` sends "안녕하세요" in EUC-KR but labels it UTF-8. Decoded as labelled, it is garbage; `overrideMimeType(\'text/plain; charset=euc-kr\')`, called before `send()`, fixes the label.',
    apiMimeAsLabelled: 'As labelled (UTF-8)',
    apiRtText:
      'One property decides what `xhr.response` is. The same PNG read as an `ArrayBuffer` shows its signature bytes; read as a `Blob` it becomes an image; XML read as a `document` can be queried.',
    apiRtImageAlt: 'the PNG, loaded as a Blob',
    apiFetchHeading: 'The same requests with fetch()',
    apiFetchText:
      '`fetch()` returns a promise instead of firing events. It has no readyState, no upload progress and no `timeout` property: `AbortSignal.timeout()` does that job.',
    apiFetchTimeoutButton: 'fetch /slow with AbortSignal.timeout(1000)',
    apiEvent: (type: string, ms: number, status: number) =>
      `${type} (${n(ms)} ms, status ${status})`,
    apiProgress: (loaded: number, total: number | null, events: number) =>
      `${n(loaded)} / ${total === null ? 'unknown' : n(total)} bytes, ${n(events)} ${plural('en', events, { one: 'progress event', other: 'progress events' })}`,
    apiDownloadDone: (bytes: number, events: number) =>
      `done: ${n(bytes)} bytes after ${n(events)} ${plural('en', events, { one: 'progress event', other: 'progress events' })}`,
    apiUploaded: (received: number, events: number) =>
      `uploaded: server received ${n(received)} bytes, ${n(events)} upload ${plural('en', events, { one: 'progress event', other: 'progress events' })}`,
    apiRtArrayBuffer: (bytes: number, head: string) =>
      `ArrayBuffer, ${n(bytes)} bytes, starts ${head} (the PNG signature)`,
    apiRtBlob: (bytes: number, type: string) =>
      `Blob, ${n(bytes)} bytes, type ${type}, shown below via an object URL`,
    apiRtDocument: (count: number, names: string) =>
      `Document with ${n(count)} <chapter> elements: ${names}`,
    apiFetchInTime: 'answered before the timeout',
    apiFetchRejected: (name: string, ms: number) => `rejected with ${name} after ${n(ms)} ms`,

    // --- /pitfalls ------------------------------------------------------------
    pitTitle: 'Pitfalls · XMLHttpRequest',
    pitHeading: "The lecture's pitfalls, shown and fixed",
    pitLead: "Each section runs the lecture's way first, then the fix.",
    pitOrderHeading: 'setRequestHeader() goes between open() and send()',
    pitOrderText:
      'The lecture sets `Content-Type` inside `onreadystatechange` when the state is 1. That works only because the handler was attached **before** `open()`: `open()` fires the state-1 event synchronously. Attach the handler after `open()` and the header is never set, so the server refuses the body (415). Call it after `send()` and it throws.',
    pitOrderLecture: 'Lecture: handler before open()',
    pitOrderLate: 'Handler after open()',
    pitOrderAfterSend: 'setRequestHeader after send()',
    pitOrderFix: 'Fix: open → setRequestHeader → send',
    pitLabelLecture: 'lecture order',
    pitLabelLate: 'handler after open()',
    pitLabelFixed: 'fixed order',
    pitEchoed: (label: string, status: number, id: string) =>
      `${label} → ${status} echoed id=${id}`,
    pitRefused: (label: string, status: number, error: string) =>
      `${label} → ${status} error: ${error}`,
    pitAfterSendNoError: 'setRequestHeader after send() → no error?',
    pitAfterSendThrew: (name: string) => `setRequestHeader after send() → threw ${name}`,
    pitMalformedHeading: 'response is null when the JSON is malformed',
    pitMalformedText:
      "With `responseType = 'json'`, a body that does not parse gives `response === null`, with status 200 and no error event. Code that reads `data.method` throws a TypeError. The fix checks for null, or parses `responseText` itself to get the parser's message.",
    pitMalformedFix: 'Fix: parse responseText',
    pitMalformedNull: (status: number, isNull: boolean) =>
      `status ${status}, response === null: ${isNull}`,
    pitDataMethod: (method: string) => `data.method = ${method}`,
    pitDataMethodThrew: (name: string) => `reading data.method threw ${name}`,
    pitParsedFine: 'parsed fine',
    pitParseFailed: (message: string) => `JSON.parse failed: ${message}`,
    pitRawBody: (body: string) => `raw body: ${body}`,
    pitXssHeading: 'innerHTML with server data is an XSS hole',
    pitXssText:
      'The lecture writes every answer with `innerHTML`. If the data holds markup, the browser builds it, and event handlers such as `onerror` run in your page. This section sends the content through `/ajax4_result1`, shows what `innerHTML` **would** build (parsed in an inert document, never run), and renders it safely with `textContent`.',
    pitXssSend: 'Send',
    pitXssBuilt: 'What innerHTML would build',
    pitXssRendered: 'Rendered with textContent',
    pitXssNoElements: 'no elements: innerHTML would only add text',
    pitXssElement: (name: string) => `<${name}> element`,
    pitXssElementRuns: (name: string, handlers: string) =>
      `<${name}> element with ${handlers} handler: it would run`,
    // --- the exercises' pages (exercises/NN-*/problem and solution) ----------
    exEditLead: 'Edit `page.ts` beside this page and save: the page reloads by itself.',
    ex1Title: 'Exercise: a loading state that ends · XMLHttpRequest',
    ex1Heading: '로딩 처리: a loading state that ends',
    ex1MissingButton: 'A request that fails',
    ex1MissingText: 'asks for `/ajax3_missing`, which answers 404.',
    ex2Title: 'Exercise: the header after open() · XMLHttpRequest',
    ex2Heading: 'JSON 보내기: the header after open()',
    ex2Lead:
      "Edit `page.ts` beside this page and save: the page reloads by itself. Keep the browser's console open: that is where the error shows.",
    ex2Note: '전송 POSTs both fields to `/ajax4_result1` as JSON; the server echoes them back.',
  },
  ko: {
    navHome: '챕터 홈',
    navReadyState: 'readyState',
    navAjax1: '/ajax1 텍스트',
    navAjax2: '/ajax2 JSON',
    navAjax3: '/ajax3 로딩',
    navAjax4: '/ajax4 POST',
    navApi: '강의 너머',
    navPitfalls: '함정',

    homeTitle: '챕터 홈 · XMLHttpRequest',
    homeLead:
      '코스의 1장입니다. 아래 페이지 하나하나가 강의의 예제 하나를 다시 만든 것이고, 마지막 두 페이지는 강의 너머의 내용을 다룹니다.',
    homeLectureHeading: '강의의 예제',
    homeReadyState: '[readyState](/readystate): XHR이 거치는 모든 상태를 이름으로 보여 줍니다.',
    homeAjax1: '[/ajax1](/ajax1): 텍스트 응답이 버튼 자리를 바꿉니다("Change Content").',
    homeAjax2: '[/ajax2](/ajax2): GET, POST, PUT, DELETE가 각각 JSON으로 응답합니다.',
    homeAjax3: '[/ajax3](/ajax3): 느린 응답과 로딩 상태(로딩중...)를 보여 줍니다.',
    homeAjax4: '[/ajax4](/ajax4): JSON POST를 보내면 서버가 그대로 돌려줍니다(전송 → 로딩완료).',
    homeBeyondHeading: '강의 너머',
    homeApi:
      '[API의 나머지](/api): timeout, abort(), 다운로드·업로드 진행률, 응답 헤더(header), overrideMimeType(), responseType arraybuffer/blob/document, 그리고 XHR과 나란히 놓은 fetch().',
    homePitfalls:
      '[강의의 함정](/pitfalls): setRequestHeader()를 부르는 위치, 잘못된 JSON이 만드는 null 응답, 서버 데이터를 넣는 innerHTML.',

    rsTitle: 'readyState · XMLHttpRequest',
    rsLead:
      '`readyState`가 바뀔 때마다 핸들러가 새 상태를 이름으로 기록합니다. 상태 0(UNSENT)은 객체를 만들 때 기록합니다. 이 상태에는 이벤트가 발생하지 않기 때문입니다.',
    rsIntro:
      '정적 파일 `/ajax_intro_data.txt`를 GET으로 요청하고, 상태가 차례로 바뀌는 것을 지켜보세요.',
    rsLectureButton: '강의의 switch (break 없음)',
    rsLogLabel: 'readyState 기록',
    rsTextLabel: '응답 텍스트',
    rsExplain:
      '강의는 `case`마다 `break`가 없는 `switch`로 상태 이름을 찍습니다. 그러면 한 case가 그 아래의 모든 case로 이어서 실행되므로, OPENED에서 HEADERS_RECEIVED, LOADING, DONE까지 함께 기록되고 DONE은 이벤트마다 한 번씩 나옵니다. 두 번째 버튼으로 실행해 보세요. TypeScript는 이런 switch를 거부하므로(`noFallthroughCasesInSwitch`), 이 페이지는 강의의 코드를 작은 JavaScript 파일에 따로 둡니다.',

    a1Title: '/ajax1 · XMLHttpRequest',
    a1Lead:
      '버튼을 누르면 `GET /ajax1_result1`을 보냅니다. 페이지를 새로 고치지 않고 서버가 보낸 텍스트가 버튼 영역을 대신합니다.',
    a1Explain:
      '핸들러는 `DONE`과 2xx 상태 코드를 기다렸다가 텍스트를 `textContent`로 씁니다. 강의는 `innerHTML`로 쓰는데, 그러면 응답에 담긴 마크업이 무엇이든 만들어지고 그 핸들러까지 실행됩니다. 두 번째 패널에서 그 줄과 고친 코드를 나란히 볼 수 있습니다([함정 페이지](/pitfalls#xss)에서 실행).',

    a2Title: '/ajax2 · XMLHttpRequest',
    a2Lead:
      "버튼마다 같은 종류의 요청을 다른 메서드로 엽니다. `responseType = 'json'`이면 `xhr.response`는 이미 객체입니다.",
    a2Explain:
      '이 페이지는 클릭할 때마다 `XMLHttpRequest`를 새로 만듭니다. 강의는 페이지 전체에 하나만 만들고 클릭할 때마다 다시 엽니다. 아직 진행 중인 요청에 `open()`을 부르면 그 요청은 아무 말 없이 취소됩니다. 두 요청을 한꺼번에 보내고 응답 수를 세어 보세요.',
    a2BurstShared: 'get + post 동시에, 공유 XHR 하나로',
    a2BurstOwn: 'get + post 동시에, 요청마다 XHR',
    a2AnswersLabel: '응답',
    a2Error: (status) => `오류 ${status}`,

    a3Title: '/ajax3 · XMLHttpRequest',
    a3Lead:
      '서버는 잠시 기다렸다가 응답합니다(`AJAX3_DELAY_MS`로 바꾸지 않으면 5초). `readyState`가 1, 2, 3인 동안 페이지에 로딩중...이 보입니다.',
    a3Heading: '로딩 상태',
    a3LectureButton: 'get 호출, 강의의 핸들러',
    a3Explain:
      '강의의 핸들러는 요청이 진행되는 동안 로딩중...을 보여 주고 데이터를 쓴 뒤, 상태 줄은 다시 건드리지 않습니다. 그래서 응답이 온 뒤에도 로딩중...이 화면에 남고, 요청이 실패하면 영영 남습니다. 두 버튼을 모두 눌러 보세요.',
    a3NetworkError: '네트워크 오류',

    a4Title: '/ajax4 · XMLHttpRequest',
    a4Lead:
      '폼의 값을 JSON으로 `POST /ajax4_result1`에 보냅니다. `Content-Type: application/json` 헤더는 `open()`과 `send()` 사이에서 설정합니다. 서버는 받은 값을 그대로 돌려줍니다.',
    a4Xss:
      'content에 `<img src=x onerror=alert(1)>`을 넣어 보세요. 페이지가 `textContent`를 쓰므로 텍스트로 보입니다.',
    a4Explain:
      '코드: 페이지의 요청, 그리고 본문을 검사한 뒤 돌려주는 서버의 라우트입니다. 강의는 헤더를 상태 1 핸들러 안에서 설정하고, 응답을 `innerHTML`로 씁니다. 두 가지 모두 [함정 페이지](/pitfalls)에서 고친 코드와 나란히 실행해 볼 수 있습니다.',
    a4NoAnswer: '응답 없음',

    apiTitle: '강의 너머 · XMLHttpRequest',
    apiHeading: '강의 너머: XHR API의 나머지',
    apiLead:
      '강의의 표에는 이 속성, 메서드, 이벤트가 나오지만 예제에서는 쓰지 않습니다. 섹션마다 그중 하나를 실행하고, 이벤트(event)가 발생하는 대로 찍어 보여 줍니다.',
    apiTimeoutHeading: 'timeout과 timeout 이벤트',
    apiTimeoutText:
      '`GET /slow?ms=3000`은 3초 뒤에 응답합니다. `xhr.timeout`을 그보다 짧게 잡으면 브라우저가 기다리기를 그만두고 `error`가 아닌 `timeout`을 발생시킵니다.',
    apiTimeoutButton: 'timeout을 걸고 보내기',
    apiAbortText:
      '10초 걸리는 요청을 시작한 다음 취소해 보세요. `abort()`는 `abort`와 `loadend`를 발생시키고, 서버는 연결이 닫히면 타이머를 멈춥니다.',
    apiAbortStart: '시작',
    apiDownloadHeading: '다운로드 진행률',
    apiDownloadText:
      '`GET /download`는 4 MiB를 `Content-Length`와 함께 일정한 간격의 조각으로 보냅니다. 그래서 `progress` 이벤트마다 전체 크기를 알 수 있습니다.',
    apiDownloadButton: '4 MiB 다운로드',
    apiUploadHeading: '업로드 진행률',
    apiUploadText:
      '`xhr.upload`는 본문이 나가는 동안 자기 이벤트를 따로 발생시킵니다. 서버는 받은 바이트 수를 셉니다.',
    apiUploadButton: '8 MiB 업로드',
    apiHeadersHeading: 'getAllResponseHeaders()와 getResponseHeader()',
    apiHeadersText:
      '`HEADERS_RECEIVED`부터 읽을 수 있습니다. 헤더 이름은 소문자로, 한 줄에 하나씩 돌아옵니다.',
    apiHeadersButton: '헤더 읽기',
    apiMimeText:
      '`GET /legacy-euc-kr`는 "안녕하세요"를 EUC-KR로 보내면서 UTF-8이라고 표시합니다. 표시대로 디코딩하면 글자가 깨집니다. `send()` 전에 `overrideMimeType(\'text/plain; charset=euc-kr\')`를 부르면 표시가 바로잡힙니다.',
    apiMimeAsLabelled: '표시된 대로 (UTF-8)',
    apiRtText:
      '`xhr.response`가 무엇이 될지는 속성 하나가 정합니다. 같은 PNG를 `ArrayBuffer`로 읽으면 시그니처 바이트가 보이고, `Blob`으로 읽으면 이미지가 됩니다. XML을 `document`로 읽으면 쿼리할 수 있습니다.',
    apiRtImageAlt: 'Blob으로 불러온 PNG',
    apiFetchHeading: '같은 요청을 fetch()로',
    apiFetchText:
      '`fetch()`는 이벤트를 발생시키는 대신 프로미스(promise)를 돌려줍니다. readyState도, 업로드 진행률도, `timeout` 속성도 없습니다. 그 일은 `AbortSignal.timeout()`이 맡습니다.',
    apiFetchTimeoutButton: 'AbortSignal.timeout(1000)으로 /slow를 fetch',
    apiEvent: (type, ms, status) => `${type} (${ko(ms)}ms, 상태 ${status})`,
    apiProgress: (loaded, total, events) =>
      `${ko(loaded)} / ${total === null ? '알 수 없음' : ko(total)} 바이트, progress 이벤트 ${ko(events)}번`,
    apiDownloadDone: (bytes, events) =>
      `완료: progress 이벤트 ${ko(events)}번 만에 ${ko(bytes)} 바이트`,
    apiUploaded: (received, events) =>
      `업로드 완료: 서버가 ${ko(received)} 바이트를 받음, 업로드 progress 이벤트 ${ko(events)}번`,
    apiRtArrayBuffer: (bytes, head) =>
      `ArrayBuffer, ${ko(bytes)} 바이트, ${head}로 시작(PNG 시그니처)`,
    apiRtBlob: (bytes, type) => `Blob, ${ko(bytes)} 바이트, 타입 ${type}, 객체 URL로 아래에 표시`,
    apiRtDocument: (count, names) => `<chapter> 요소 ${ko(count)}개가 있는 Document: ${names}`,
    apiFetchInTime: '타임아웃 전에 응답이 왔습니다',
    apiFetchRejected: (name, ms) => `${ko(ms)}ms 뒤 ${name}로 거부됨`,

    pitTitle: '함정 · XMLHttpRequest',
    pitHeading: '강의의 함정, 직접 보고 고치기',
    pitLead: '섹션마다 강의의 방식을 먼저 실행하고, 이어서 고친 방식을 실행합니다.',
    pitOrderHeading: 'setRequestHeader()는 open()과 send() 사이에',
    pitOrderText:
      '강의는 `onreadystatechange` 안에서 상태가 1일 때 `Content-Type`을 설정합니다. 이 코드가 동작하는 것은 핸들러를 `open()`보다 **먼저** 달았기 때문일 뿐입니다. `open()`은 상태 1 이벤트를 동기적으로 발생시킵니다. 핸들러를 `open()` 뒤에 달면 헤더가 설정되지 않아 서버가 본문을 거부합니다(415). `send()` 뒤에 부르면 예외가 발생합니다.',
    pitOrderLecture: '강의: open() 전에 핸들러',
    pitOrderLate: 'open() 뒤에 핸들러',
    pitOrderAfterSend: 'send() 뒤에 setRequestHeader',
    pitOrderFix: '고침: open → setRequestHeader → send',
    pitLabelLecture: '강의의 순서',
    pitLabelLate: 'open() 뒤에 단 핸들러',
    pitLabelFixed: '고친 순서',
    pitEchoed: (label, status, id) => `${label} → ${status}, 돌려받은 id=${id}`,
    pitRefused: (label, status, error) => `${label} → ${status} 오류: ${error}`,
    pitAfterSendNoError: 'send() 뒤에 setRequestHeader → 오류 없음?',
    pitAfterSendThrew: (name) => `send() 뒤에 setRequestHeader → ${name} 예외 발생`,
    pitMalformedHeading: 'JSON이 잘못되면 response는 null',
    pitMalformedText:
      "`responseType = 'json'`일 때 파싱되지 않는 본문은 `response === null`이 됩니다. 상태 코드는 200이고 error 이벤트도 없습니다. `data.method`를 읽는 코드는 TypeError를 던집니다. 고친 코드는 null인지 확인하거나, `responseText`를 직접 파싱해서 파서의 메시지를 얻습니다.",
    pitMalformedFix: '고침: responseText 파싱',
    pitMalformedNull: (status, isNull) => `상태 ${status}, response === null: ${isNull}`,
    pitDataMethod: (method) => `data.method = ${method}`,
    pitDataMethodThrew: (name) => `data.method를 읽다가 ${name} 발생`,
    pitParsedFine: '파싱 성공',
    pitParseFailed: (message) => `JSON.parse 실패: ${message}`,
    pitRawBody: (body) => `원래 본문: ${body}`,
    pitXssHeading: '서버 데이터를 넣는 innerHTML은 XSS 구멍',
    pitXssText:
      '강의는 모든 응답을 `innerHTML`로 씁니다. 데이터에 마크업이 들어 있으면 브라우저가 그것을 만들고, `onerror` 같은 이벤트 핸들러가 여러분의 페이지에서 실행됩니다. 이 섹션은 content를 `/ajax4_result1`로 보낸 뒤, `innerHTML`이라면 무엇을 만들었을지 **보여 주고**(실행되지 않는 문서에서 파싱만 함), `textContent`로 안전하게 표시합니다.',
    pitXssSend: '보내기',
    pitXssBuilt: 'innerHTML이 만들었을 요소',
    pitXssRendered: 'textContent로 표시한 결과',
    pitXssNoElements: '요소 없음: innerHTML이어도 텍스트만 추가됩니다',
    pitXssElement: (name) => `<${name}> 요소`,
    pitXssElementRuns: (name, handlers) =>
      `${handlers} 핸들러가 달린 <${name}> 요소: innerHTML이었다면 실행됩니다`,
    exEditLead: '이 페이지 옆의 `page.ts`를 고치고 저장하세요. 페이지가 저절로 다시 불러와집니다.',
    ex1Title: '연습 문제: 끝나는 로딩 상태 · XMLHttpRequest',
    ex1Heading: '로딩 처리: 끝나는 로딩 상태',
    ex1MissingButton: '실패하는 요청',
    ex1MissingText: '버튼은 404로 응답하는 `/ajax3_missing`을 요청합니다.',
    ex2Title: '연습 문제: open() 뒤의 헤더 · XMLHttpRequest',
    ex2Heading: 'JSON 보내기: open() 뒤의 헤더',
    ex2Lead:
      '이 페이지 옆의 `page.ts`를 고치고 저장하세요. 페이지가 저절로 다시 불러와집니다. 브라우저 콘솔을 열어 두세요. 오류는 거기에 나타납니다.',
    ex2Note:
      '전송은 두 필드를 JSON으로 `/ajax4_result1`에 POST합니다. 서버는 받은 값을 그대로 돌려줍니다.',
  },
});
