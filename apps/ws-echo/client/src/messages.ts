import { defineMessages } from '@course/kit/i18n';

/**
 * Every text of the chapter's pages, in English and Korean: a key missing on either side fails
 * the type-check. Keys start with their page (`home`, `lecture`, `api`, `reconnect`, `pitfalls`);
 * texts shared by several pages have none. The lecture's own strings (`WebSocket Client
 * Connected`, `Received: '…'`, the greeting) are not here: they stay as the lecture has them.
 */
export default defineMessages({
  en: {
    // --- the nav -------------------------------------------------------------
    navHome: 'Chapter home',
    navLecture: 'The lecture’s echo',
    navApi: 'The API, live',
    navReconnect: 'Reconnect & bfcache',
    navPitfalls: 'Pitfalls & bad input',

    // --- shared by several pages ---------------------------------------------
    closeEvent: (fields: string) => `close event: ${fields}`,
    dataString: (text: string) => `string '${text}'`,
    dataBinary: (kind: string, bytes: number, hex: string) => `${kind}, ${bytes} bytes: ${hex}`,
    dataBinarySize: (kind: string, bytes: number) => `${kind}, ${bytes} bytes`,
    dataUnexpected: (type: string) => `unexpected ${type}`,

    // --- how the page came on screen (lecture and reconnect) ------------------
    arrivalRestored:
      'Restored from the back/forward cache: pageshow came with persisted true, and the page is as you left it.',
    arrivalReloaded: (why: string) =>
      `Loaded again by Back/Forward: your browser did not keep this page in the back/forward cache, so it fetched and ran it from scratch. ${why}`,
    arrivalReasons: (reasons: string) => `Reasons it gave (notRestoredReasons): ${reasons}.`,
    arrivalNoReason: 'Your browser did not give a reason.',
    arrivalNoReasonApi: 'Your browser did not give a reason (it has no notRestoredReasons).',
    arrivalLoaded: (type: string) => `A normal load (${type}): pageshow came with persisted false.`,

    // --- / -------------------------------------------------------------------
    homeTitle: 'Chapter home · WebSocket echo',
    homeHeading: 'WebSocket echo',
    homeLead:
      "Chapter 3 of the course. The lecture's `ws` echo server and its page, rebuilt; then every property, method and event of its API table, live; then what keeps a real connection healthy and what the server refuses.",
    homeLectureHeading: "The lecture's example",
    homeLectureItem:
      '[The echo](/lecture): the page connects to `ws://HOST:PORT/`, logs `WebSocket Client Connected`, sends `Hi this is web client.` and logs every message it receives.',
    homeBeyondHeading: 'Beyond the lecture',
    homeApiItem:
      '[The API, live](/api): readyState by name, text / ArrayBuffer / Blob with a switchable binaryType, bufferedAmount draining, close(code, reason), subprotocols and extensions.',
    homeReconnectItem:
      '[Reconnect & bfcache](/reconnect): exponential backoff with jitter when the server goes away, and closing on pagehide / reopening on pageshow.',
    homePitfallsItem:
      '[Pitfalls & bad input](/pitfalls): the Buffer echo that turns text into binary, a message over the size limit (1009), invalid UTF-8 (1007) and the Origin check against Cross-Site WebSocket Hijacking (403).',

    // --- /lecture --------------------------------------------------------------
    lectureTitle: 'The echo · WebSocket echo',
    lectureHeading: "The lecture's echo",
    lectureLead:
      "On load the page opens `new WebSocket('ws://HOST:PORT/')`. On `open` it logs and sends one line; on every `message` it logs what came. The lecture logs to the console: this page logs to the console and below.",
    lectureConsoleHeading: 'Console',
    lectureEndpoint: 'Endpoint:',
    lectureGreetsFirst:
      "The server greets first (`Hi this is WebSocket server!`), then echoes the page's line back. Its terminal shows `received: Hi this is web client.`",
    lectureCode:
      "The code: what the server does with each connection; its echo (the obvious one would send the page a Blob, and the log would read `Received: '[object Blob]'`); and what this page does when its socket closes, next to the reconnecting page.",
    lectureBackHeading: 'After Back: restored, or loaded again?',
    lectureBackText:
      'Not in the lecture. Follow a link, then press Back. Browsers handle a page with an open WebSocket in one of two ways. Some restore it from the **back/forward cache**, frozen as you left it, but close its socket while it is frozen: the page gets a `close` event with code 1006 and, like the lecture, never opens another. To survive that, a page closes its socket on `pagehide` and opens a new one on `pageshow` when `event.persisted` is true (see [Reconnect & bfcache](/reconnect)). Others keep such a page out of the cache and load it again: a new page with a new socket, and nothing special to do. This is what your browser did:',
    lectureClosed: (code: number) => `Connection closed (code ${code})`,
    lectureAfterLoaded:
      'Follow a link (Chapter home, say), then press Back to see what your browser does with a page that has an open WebSocket.',
    lectureAfterRestored:
      'The socket did not come back with it: the browser closed it when it froze the page (close code 1006 in the log), and this page, like the lecture, does nothing on pageshow, so nothing reopens it.',
    lectureAfterReloaded:
      'So this is a fresh page with a fresh connection: the lines in the log come from a new socket.',

    // --- /api ------------------------------------------------------------------
    apiTitle: 'The API, live · WebSocket echo',
    apiHeading: 'The WebSocket API, live',
    apiLead:
      "Every row of the lecture's property, method and constant tables, on one connection to the echo endpoint. The table below is re-read every 100 ms.",
    apiConnectText:
      'The page offers the checked subprotocols in `Sec-WebSocket-Protocol`; the server picks the one it prefers (`echo.v2` over `echo.v1`) and `ws.protocol` shows its choice. Offer only `chat.v9`, which the server does not speak, and the browser fails the handshake. `extensions` shows what was negotiated: the browser always offers permessage-deflate and this server accepts it.',
    apiProtocolsLegend: 'protocols to offer',
    apiConnect: 'Connect',
    apiStateHeading: 'readyState as it changes',
    apiSendHeading: 'send(): text, ArrayBuffer or Blob, and binaryType',
    apiSendText:
      'A string goes out as a text frame and comes back as a string. An ArrayBuffer or a Blob goes out as a binary frame, and the echo arrives as whatever `binaryType` says: a `Blob` (the default) or an `ArrayBuffer`.',
    apiDataLabel: 'data',
    apiSendTextButton: 'Send text',
    apiSendArrayBuffer: 'Send ArrayBuffer',
    apiSendBlob: 'Send Blob',
    apiBufferedHeading: 'bufferedAmount while a large send drains',
    apiBufferedText:
      "`send()` never blocks: it queues the data and returns. `bufferedAmount` counts the queued bytes not yet handed to the network, and falls as they go out. This sends 4 MiB as 8 binary messages of 512 KiB each (one message may not exceed the server's 1 MiB limit) and samples `bufferedAmount` until it reaches 0.",
    apiBulkSend: 'Send 4 MiB',
    apiCloseText:
      'The code must be 1000 or 3000–4999 and the reason at most 123 UTF-8 bytes; anything else makes `close()` throw before a byte is sent. Leave the code empty to call `close()` with no arguments.',
    apiLongReason: 'Fill a 124-byte reason',
    apiNotConnected: '(not connected)',
    apiOffering: (protocols: string) => `offering protocols [${protocols}]`,
    apiAfterNew: 'after new WebSocket()',
    apiOpenEvent: 'open event',
    apiErrorEvent: 'error event',
    apiAfterClose: 'after close()',
    apiCloseThrewState: 'close() threw, nothing changed',
    apiNoSocket: 'none',
    apiNotSent: (state: string) => `not sent: readyState is ${state}`,
    apiSentText: (text: string) => `text '${text}'`,
    apiAllEchoes: (count: number, bytes: number) => `all ${count} echoes back (${bytes} bytes)`,
    apiConnectFirst: 'Connect first.',
    apiAfterSends: (calls: number, amount: number) =>
      `after ${calls} send() calls: bufferedAmount ${amount}`,
    apiBufferedNow: (amount: number) => `bufferedAmount: ${amount} bytes`,
    apiSample: (ms: number, amount: number) => `${ms} ms: bufferedAmount ${amount}`,
    apiDrained: (queued: number, ms: number) =>
      `drained: ${queued} bytes queued, bufferedAmount 0 after ${ms} ms`,
    apiCloseCalled: (call: string) => `${call} called: waiting for the close event`,
    apiCloseThrew: (name: string, message: string) => `close() threw ${name}: ${message}`,

    // --- /reconnect ----------------------------------------------------------------
    reconnectTitle: 'Reconnect & bfcache · WebSocket echo',
    reconnectHeading: 'Reconnect with backoff, and the back/forward cache',
    reconnectLead:
      'A WebSocket does not come back by itself. This page notices an unexpected close and tries again, waiting longer each time, with a random part so that a thousand pages do not all retry in the same millisecond.',
    reconnectBackoffHeading: 'Exponential backoff with jitter',
    reconnectBackoffText:
      'Attempt n waits a random time between half and all of `min(8000, 500 × 2ⁿ⁻¹)` ms: 250–500 ms, then 500–1000 ms, 1–2 s, 2–4 s, 4–8 s, and 4–8 s from then on. A successful `open` resets the count. Stop the server (Ctrl-C) and start it again to watch.',
    reconnectCloseNow: 'Close (no reconnect)',
    reconnectConnectNow: 'Connect now',
    reconnectHeartbeat:
      'The server also pings every client every 30 s (`WS_HEARTBEAT_MS`) and drops one that missed the last pong. The browser answers pings by itself; no JavaScript event fires for them.',
    reconnectAttempts: 'Attempts',
    reconnectMessages: 'Messages',
    reconnectBfcacheHeading: 'pagehide and pageshow',
    reconnectBfcacheText:
      'When you follow a link, the browser may keep this page, frozen, in the back/forward cache. An open WebSocket cannot stay open in there, and browsers deal with that in one of two ways. Some keep a page with an open socket out of the cache, and Back loads it again: a new page that connects on load, with nothing special to do. Others cache it and close the socket themselves, so the page comes back with a dead connection unless it takes care. This page does: it closes its socket on `pagehide` (so nothing is open while it is frozen) and opens a new one on `pageshow` when `event.persisted` says it came back from the cache. Follow a link, then press Back; this is what your browser did:',
    reconnectNoSocket: 'no socket',
    reconnectConnected: 'connected',
    reconnectConnectedAfter: (attempts: number) => `connected after ${attempts} attempt(s)`,
    reconnectRetry: (code: number, attempt: number, delay: number, ceiling: number) =>
      `closed (code ${code}); attempt ${attempt} in ${delay} ms (ceiling ${ceiling} ms)`,
    reconnectClosedOnPurpose: 'closed on purpose: not retrying',
    reconnectAfterLoaded:
      'Follow a link (Chapter home, say), then press Back to see what your browser does with this page.',
    reconnectAfterRestored:
      'This page closed its socket on pagehide, so nothing was left open while it was frozen, and it has just opened a new one: see the second "connected" above.',
    reconnectAfterReloaded:
      'Nothing to reopen: a fresh page connects on load, as it did the first time.',
    reconnectPagehide: (persisted: boolean) =>
      `pagehide (persisted: ${persisted}): closing the socket`,
    reconnectPageshowFirst: 'pageshow (persisted: false): first load',
    reconnectPageshowReloaded:
      'pageshow (persisted: false): loaded again by Back, not from the bfcache',
    reconnectPageshowRestored: 'pageshow (persisted: true): back from the bfcache, reconnecting',

    // --- /pitfalls -------------------------------------------------------------------
    pitfallsTitle: 'Pitfalls & bad input · WebSocket echo',
    pitfallsHeading: 'Pitfalls and bad input',
    pitfallsLead:
      'One mistake that every `ws` echo server makes once, and what this server refuses. After each refusal the server keeps serving everyone else.',
    pitfallsNaiveHeading: 'ws.send(data) turns text into binary',
    pitfallsNaiveText:
      'In `ws` 8, the `message` event hands over a `Buffer` for text frames too, with a second argument `isBinary`. An echo that calls `ws.send(data)` sends that Buffer back, and a Buffer goes out as a **binary** frame: the page sent a string and gets a Blob. `/naive` does exactly that; `/` sends `ws.send(data, { binary: isBinary })`.',
    pitfallsNaiveSend: "Send 'hello' to /naive (the naive echo)",
    pitfallsFixedSend: "Send 'hello' to / (the fix)",
    pitfallsTooBigHeading: 'A message over maxPayload: close 1009',
    pitfallsTooBigText:
      'The server accepts messages up to 1 MiB (`maxPayload`). Without a bound, one client could make it buffer gigabytes. A larger message closes that connection with 1009 (Message Too Big); a new connection is served as usual.',
    pitfallsTooBigSend: 'Send 2 MiB in one message',
    pitfallsUtf8Heading: 'Invalid UTF-8 in a text frame: close 1007',
    pitfallsUtf8Text:
      'A text frame must be valid UTF-8; `ws` closes with 1007 (Invalid frame payload data) when it is not. A browser cannot send such a frame: it encodes every string itself, and a lone surrogate becomes U+FFFD. To see the 1007 yourself, a program has to write the bad frame by hand, byte by byte, over `node:net`.',
    pitfallsUtf8Send: "Send a lone surrogate '\\uD800'",
    pitfallsOriginHeading: 'Cross-Site WebSocket Hijacking and the Origin check',
    pitfallsOriginText:
      "WebSockets are not covered by CORS or the same-origin policy. Any page on any site can run `new WebSocket('ws://localhost:4200/')`, and the browser sends the user's cookies for that host along with the handshake. A server that trusts those cookies would then talk to the attacker's page as the user. The browser always sends the page's `Origin` in the handshake, and a page cannot forge it, so the server checks it: this server accepts its own origin (the one whose host matches the request's `Host`), any origin you list in `WS_ALLOWED_ORIGINS`, and clients that send no Origin at all (CLI tools, which hold no browser cookies). Anything else gets HTTP 403.",
    pitfallsMyOrigin: "This page's origin, sent with every handshake above:",
    pitfallsOriginHosts:
      "The same server answers to both `localhost` and `127.0.0.1`, and to the browser those are two different sites. The second button plays the attacker: it opens the socket on the **other** host name, so the `Origin` (this page) no longer matches the `Host`. The server answers 403; the page learns only that the connection failed (the Network tab and the server's log show the 403).",
    pitfallsOriginSame: (host: string) => `Connect to ws://${host}/ (same origin)`,
    pitfallsOriginCross: (host: string) => `Connect to ws://${host}/ (cross-site)`,
    pitfallsCurl: 'Try a foreign origin from a terminal:',
    pitfallsCouldNotConnect: (path: string) => `could not connect to ${path}`,
    pitfallsEchoed: (path: string, arrived: string) =>
      `${path}: sent string 'hello', the echo arrived as ${arrived}`,
    pitfallsSentBig: (bytes: number) => `sent ${bytes} bytes in one binary message`,
    pitfallsGreetedAgain: (greeting: string) => `a new connection is greeted: '${greeting}'`,
    pitfallsUtf8Echo: (codes: string) =>
      `sent '\\uD800'; the echo is ${codes}: the browser had replaced it`,
    pitfallsAccepted: (url: string, greeting: string) =>
      `${url}: accepted, greeted with '${greeting}'`,
    pitfallsErrorEvent: (url: string) => `${url}: error event`,
    pitfallsRefused: (url: string, fields: string) => `${url}: refused, close event ${fields}`,

    // --- the exercises' pages ------------------------------------------------------------
    ex1Title: 'Exercise: an echo that keeps text as text · WebSocket echo',
    ex1Heading: 'An echo that keeps text as text',
    exEditLead:
      'Edit `server.ts` beside this page and save: the server restarts, and the next click uses it.',
    ex1SectionHeading: 'Send, and see what comes back',
    ex1Text: (url: string) =>
      `Each button opens a new \`WebSocket\` to \`${url}\`, waits for the greeting, sends one message and logs what the echo's \`event.data\` is. A text frame arrives as a string; a binary frame as a \`Blob\`, since \`binaryType\` is \`'blob'\` by default.`,
    ex1SendText: "Send the string 'hello'",
    ex1SendBinary: 'Send 3 bytes (an ArrayBuffer)',
    ex1Echoed: (sent: string, arrived: string) => `sent ${sent}, the echo arrived as ${arrived}`,
    ex1ClosedEarly: (code: number) => `closed before the echo (code ${code})`,
    ex2Title: 'Exercise: only the allowed origins · WebSocket echo',
    ex2Heading: 'Only the allowed origins get a socket',
    ex2SectionHeading: 'Same origin, and a stranger',
    ex2MyOrigin: "This page's origin, which the browser sends with every handshake:",
    ex2Hosts:
      'Your server answers to `localhost` and to `127.0.0.1`, and to the browser those are two different sites. The second button opens the socket on the **other** name, so the `Origin` (this page) no longer matches the `Host`: that is what a page on another site looks like to your server.',
    ex2Same: (host: string) => `Connect to ws://${host}/ (same origin)`,
    ex2Cross: (host: string) => `Connect to ws://${host}/ (another site's page)`,
  },
  ko: {
    // --- the nav -------------------------------------------------------------
    navHome: '챕터 홈',
    navLecture: '강의의 에코',
    navApi: 'API 실시간 보기',
    navReconnect: '재연결과 bfcache',
    navPitfalls: '함정과 잘못된 입력',

    // --- shared by several pages ---------------------------------------------
    closeEvent: (fields) => `close 이벤트: ${fields}`,
    dataString: (text) => `string '${text}'`,
    dataBinary: (kind, bytes, hex) => `${kind}, ${bytes}바이트: ${hex}`,
    dataBinarySize: (kind, bytes) => `${kind}, ${bytes}바이트`,
    dataUnexpected: (type) => `예상하지 못한 ${type}`,

    // --- how the page came on screen (lecture and reconnect) ------------------
    arrivalRestored:
      '뒤로/앞으로 캐시에서 복원되었습니다. pageshow가 persisted true로 왔고, 페이지는 떠날 때 그대로입니다.',
    arrivalReloaded: (why) =>
      `뒤로/앞으로 이동으로 다시 로드되었습니다. 브라우저가 이 페이지를 뒤로/앞으로 캐시에 두지 않아서 처음부터 다시 가져와 실행했습니다. ${why}`,
    arrivalReasons: (reasons) => `브라우저가 밝힌 이유(notRestoredReasons): ${reasons}.`,
    arrivalNoReason: '브라우저가 이유를 밝히지 않았습니다.',
    arrivalNoReasonApi:
      '브라우저가 이유를 밝히지 않았습니다(notRestoredReasons가 없는 브라우저입니다).',
    arrivalLoaded: (type) => `일반 로드입니다(${type}). pageshow가 persisted false로 왔습니다.`,

    // --- / -------------------------------------------------------------------
    homeTitle: '챕터 홈 · 웹소켓 에코',
    homeHeading: '웹소켓 에코',
    homeLead:
      '코스의 3장입니다. 강의의 `ws` 에코 서버와 그 페이지를 다시 만들고, 강의 API 표의 속성, 메서드, 이벤트를 하나하나 실시간으로 확인합니다. 그다음 실제 연결을 건강하게 유지하는 방법과 서버가 거절하는 입력을 다룹니다.',
    homeLectureHeading: '강의의 예제',
    homeLectureItem:
      '[에코](/lecture): 페이지가 `ws://HOST:PORT/`에 연결해 `WebSocket Client Connected`를 기록하고, `Hi this is web client.`를 보낸 뒤 받는 메시지를 모두 기록합니다.',
    homeBeyondHeading: '강의 너머',
    homeApiItem:
      '[API 실시간 보기](/api): 이름으로 보는 readyState, binaryType을 바꿔 가며 보내는 텍스트 / ArrayBuffer / Blob, 줄어드는 bufferedAmount, close(code, reason), 서브프로토콜과 확장(extensions).',
    homeReconnectItem:
      '[재연결과 bfcache](/reconnect): 서버가 사라졌을 때 지터를 섞은 지수 백오프로 다시 연결하기, pagehide에서 닫고 pageshow에서 다시 열기.',
    homePitfallsItem:
      '[함정과 잘못된 입력](/pitfalls): 텍스트를 바이너리로 바꿔 버리는 Buffer 에코, 크기 제한을 넘는 메시지(1009), 잘못된 UTF-8(1007), 그리고 교차 사이트 웹소켓 하이재킹을 막는 Origin 검사(403).',

    // --- /lecture --------------------------------------------------------------
    lectureTitle: '에코 · 웹소켓 에코',
    lectureHeading: '강의의 에코',
    lectureLead:
      "페이지가 로드되면 `new WebSocket('ws://HOST:PORT/')`을 엽니다. `open`에서 로그를 남기고 한 줄을 보내며, `message`가 올 때마다 받은 내용을 기록합니다. 강의는 콘솔에만 기록하지만, 이 페이지는 콘솔과 아래 목록에 함께 기록합니다.",
    lectureConsoleHeading: '콘솔',
    lectureEndpoint: '엔드포인트:',
    lectureGreetsFirst:
      '서버가 먼저 인사하고(`Hi this is WebSocket server!`), 그다음 페이지가 보낸 줄을 그대로 돌려줍니다. 서버 터미널에는 `received: Hi this is web client.`가 찍힙니다.',
    lectureCode:
      "코드: 서버가 연결마다 하는 일, 서버의 에코(흔히 떠올리는 방식대로 짜면 페이지가 Blob을 받고 로그에 `Received: '[object Blob]'`이 찍힙니다), 그리고 소켓이 닫혔을 때 이 페이지가 하는 일을 재연결하는 페이지의 코드와 나란히 보여 줍니다.",
    lectureBackHeading: '뒤로 가기 후: 복원일까, 다시 로드일까?',
    lectureBackText:
      '강의에는 없는 내용입니다. 링크를 따라갔다가 뒤로 가기를 눌러 보세요. 열린 웹소켓이 있는 페이지를 브라우저는 두 가지 중 하나로 다룹니다. 어떤 브라우저는 페이지를 떠날 때 모습 그대로 얼려 **뒤로/앞으로 캐시(back/forward cache)**에서 복원하지만, 얼어 있는 동안 소켓은 닫아 버립니다. 페이지는 코드 1006인 `close` 이벤트를 받고, 강의의 페이지처럼 새 소켓을 다시 열지 않습니다. 이를 견디려면 `pagehide`에서 소켓을 닫고, `event.persisted`가 true일 때 `pageshow`에서 새 소켓을 열어야 합니다([재연결과 bfcache](/reconnect) 참고). 다른 브라우저는 이런 페이지를 캐시에 넣지 않고 다시 로드합니다. 새 페이지에 새 소켓이니 따로 할 일이 없습니다. 여러분의 브라우저가 한 일은 다음과 같습니다.',
    lectureClosed: (code) => `연결이 닫혔습니다(코드 ${code})`,
    lectureAfterLoaded:
      '링크(예: 챕터 홈)를 따라간 다음 뒤로 가기를 눌러, 열린 웹소켓이 있는 페이지를 브라우저가 어떻게 다루는지 확인해 보세요.',
    lectureAfterRestored:
      '소켓은 함께 돌아오지 않았습니다. 브라우저가 페이지를 얼릴 때 소켓을 닫았고(로그의 종료 코드 1006), 이 페이지는 강의처럼 pageshow에서 아무것도 하지 않으므로 소켓을 다시 여는 코드가 없습니다.',
    lectureAfterReloaded:
      '그러니 새 페이지에 새 연결입니다. 로그의 줄들은 새 소켓에서 온 것입니다.',

    // --- /api ------------------------------------------------------------------
    apiTitle: 'API 실시간 보기 · 웹소켓 에코',
    apiHeading: '웹소켓 API 실시간 보기',
    apiLead:
      '강의의 속성, 메서드, 상수 표의 모든 행을 에코 엔드포인트에 연결한 소켓 하나로 확인합니다. 아래 표는 100 ms마다 다시 읽습니다.',
    apiConnectText:
      '페이지는 체크한 서브프로토콜을 `Sec-WebSocket-Protocol`에 담아 제안하고, 서버는 그중 선호하는 것을 고릅니다(`echo.v1`보다 `echo.v2`). 서버가 고른 값은 `ws.protocol`에 나타납니다. 서버가 모르는 `chat.v9`만 제안하면 브라우저가 핸드셰이크를 실패로 처리합니다. `extensions`는 협상된 확장을 보여 줍니다. 브라우저는 항상 permessage-deflate를 제안하고 이 서버는 이를 받아들입니다.',
    apiProtocolsLegend: '제안할 프로토콜',
    apiConnect: '연결',
    apiStateHeading: '바뀌는 readyState',
    apiSendHeading: 'send(): 텍스트, ArrayBuffer, Blob과 binaryType',
    apiSendText:
      '문자열은 텍스트 프레임으로 나가서 문자열로 돌아옵니다. ArrayBuffer나 Blob은 바이너리 프레임으로 나가고, 에코는 `binaryType`이 정한 형태로 도착합니다. 기본값인 `Blob`이거나 `ArrayBuffer`입니다.',
    apiDataLabel: '데이터',
    apiSendTextButton: '텍스트 보내기',
    apiSendArrayBuffer: 'ArrayBuffer 보내기',
    apiSendBlob: 'Blob 보내기',
    apiBufferedHeading: '큰 데이터를 보내는 동안의 bufferedAmount',
    apiBufferedText:
      '`send()`는 절대 블록하지 않습니다. 데이터를 큐에 넣고 바로 돌아옵니다. `bufferedAmount`는 큐에 있지만 아직 네트워크로 넘기지 않은 바이트 수이고, 데이터가 나갈수록 줄어듭니다. 여기서는 4 MiB를 512 KiB짜리 바이너리 메시지 8개로 나눠 보내고(메시지 하나는 서버의 1 MiB 제한을 넘을 수 없습니다), `bufferedAmount`가 0이 될 때까지 값을 읽습니다.',
    apiBulkSend: '4 MiB 보내기',
    apiCloseText:
      'code는 1000이나 3000–4999여야 하고 reason은 UTF-8로 123바이트 이하여야 합니다. 그렇지 않으면 `close()`가 한 바이트도 보내기 전에 예외를 던집니다. code를 비워 두면 인자 없이 `close()`를 호출합니다.',
    apiLongReason: '124바이트 reason 채우기',
    apiNotConnected: '(연결 안 됨)',
    apiOffering: (protocols) => `제안하는 프로토콜 [${protocols}]`,
    apiAfterNew: 'new WebSocket() 직후',
    apiOpenEvent: 'open 이벤트',
    apiErrorEvent: 'error 이벤트',
    apiAfterClose: 'close() 호출 후',
    apiCloseThrewState: 'close()가 예외를 던짐, 바뀐 것 없음',
    apiNoSocket: '없음',
    apiNotSent: (state) => `보내지 않음: readyState가 ${state}입니다`,
    apiSentText: (text) => `텍스트 '${text}'`,
    apiAllEchoes: (count, bytes) => `에코 ${count}개가 모두 돌아옴(${bytes}바이트)`,
    apiConnectFirst: '먼저 연결하세요.',
    apiAfterSends: (calls, amount) => `send() ${calls}번 호출 직후: bufferedAmount ${amount}`,
    apiBufferedNow: (amount) => `bufferedAmount: ${amount}바이트`,
    apiSample: (ms, amount) => `${ms} ms: bufferedAmount ${amount}`,
    apiDrained: (queued, ms) =>
      `비워짐: 큐에 ${queued}바이트가 쌓였고, ${ms} ms 뒤 bufferedAmount 0`,
    apiCloseCalled: (call) => `${call} 호출함: close 이벤트를 기다리는 중`,
    apiCloseThrew: (name, message) => `close()가 ${name}을 던졌습니다: ${message}`,

    // --- /reconnect ----------------------------------------------------------------
    reconnectTitle: '재연결과 bfcache · 웹소켓 에코',
    reconnectHeading: '백오프로 재연결하기, 그리고 뒤로/앞으로 캐시',
    reconnectLead:
      '웹소켓은 저절로 다시 연결되지 않습니다. 이 페이지는 예상하지 못한 종료를 알아채고 다시 시도합니다. 시도할 때마다 더 오래 기다리고, 무작위 부분을 섞어 페이지 천 개가 같은 밀리초에 한꺼번에 재시도하지 않게 합니다.',
    reconnectBackoffHeading: '지터를 섞은 지수 백오프',
    reconnectBackoffText:
      'n번째 시도는 `min(8000, 500 × 2ⁿ⁻¹)` ms의 절반에서 전부 사이의 무작위 시간만큼 기다립니다. 250–500 ms, 그다음 500–1000 ms, 1–2초, 2–4초, 4–8초, 그 뒤로는 계속 4–8초입니다. `open`에 성공하면 횟수가 처음으로 돌아갑니다. 서버를 멈췄다가(Ctrl-C) 다시 시작하며 지켜보세요.',
    reconnectCloseNow: '닫기(재연결 안 함)',
    reconnectConnectNow: '지금 연결',
    reconnectHeartbeat:
      '서버는 30초마다(`WS_HEARTBEAT_MS`) 모든 클라이언트에 ping을 보내고, 지난 pong을 놓친 클라이언트는 끊습니다. ping에는 브라우저가 알아서 답하며, 이때 발생하는 자바스크립트 이벤트는 없습니다.',
    reconnectAttempts: '시도',
    reconnectMessages: '메시지',
    reconnectBfcacheHeading: 'pagehide와 pageshow',
    reconnectBfcacheText:
      '링크를 따라가면 브라우저가 이 페이지를 얼린 채 뒤로/앞으로 캐시에 넣어 둘 수 있습니다. 캐시 안에서는 웹소켓이 열린 채로 있을 수 없고, 브라우저는 이를 두 가지 중 하나로 처리합니다. 어떤 브라우저는 소켓이 열린 페이지를 캐시에 넣지 않고, 뒤로 가기에서 다시 로드합니다. 로드될 때 연결하는 새 페이지이니 따로 할 일이 없습니다. 다른 브라우저는 페이지를 캐시에 넣고 소켓을 직접 닫습니다. 그러면 페이지가 따로 챙기지 않는 한 죽은 연결을 안고 돌아옵니다. 이 페이지는 챙깁니다. `pagehide`에서 소켓을 닫고(얼어 있는 동안 열린 것이 없도록), 캐시에서 돌아왔다고 `event.persisted`가 알려 주면 `pageshow`에서 새 소켓을 엽니다. 링크를 따라갔다가 뒤로 가기를 눌러 보세요. 여러분의 브라우저가 한 일은 다음과 같습니다.',
    reconnectNoSocket: '소켓 없음',
    reconnectConnected: '연결됨',
    reconnectConnectedAfter: (attempts) => `${attempts}번 시도 끝에 연결됨`,
    reconnectRetry: (code, attempt, delay, ceiling) =>
      `닫힘(코드 ${code}), ${delay} ms 뒤 ${attempt}번째 시도(상한 ${ceiling} ms)`,
    reconnectClosedOnPurpose: '일부러 닫음: 재시도하지 않음',
    reconnectAfterLoaded:
      '링크(예: 챕터 홈)를 따라간 다음 뒤로 가기를 눌러, 브라우저가 이 페이지를 어떻게 다루는지 확인해 보세요.',
    reconnectAfterRestored:
      '이 페이지는 pagehide에서 소켓을 닫았으므로 얼어 있는 동안 열린 것이 없었고, 방금 새 소켓을 열었습니다. 위의 두 번째 "연결됨"을 보세요.',
    reconnectAfterReloaded:
      '다시 열 것이 없습니다. 새 페이지는 처음과 마찬가지로 로드될 때 연결합니다.',
    reconnectPagehide: (persisted) => `pagehide (persisted: ${persisted}): 소켓을 닫는 중`,
    reconnectPageshowFirst: 'pageshow (persisted: false): 첫 로드',
    reconnectPageshowReloaded:
      'pageshow (persisted: false): bfcache가 아니라 뒤로 가기로 다시 로드됨',
    reconnectPageshowRestored: 'pageshow (persisted: true): bfcache에서 돌아옴, 다시 연결하는 중',

    // --- /pitfalls -------------------------------------------------------------------
    pitfallsTitle: '함정과 잘못된 입력 · 웹소켓 에코',
    pitfallsHeading: '함정과 잘못된 입력',
    pitfallsLead:
      '`ws` 에코 서버라면 누구나 한 번은 저지르는 실수 하나와, 이 서버가 거절하는 것들입니다. 무언가를 거절한 뒤에도 서버는 다른 클라이언트를 계속 처리합니다.',
    pitfallsNaiveHeading: 'ws.send(data)는 텍스트를 바이너리로 바꿉니다',
    pitfallsNaiveText:
      '`ws` 8에서는 `message` 이벤트가 텍스트 프레임도 `Buffer`로 넘기고, 두 번째 인자로 `isBinary`를 줍니다. `ws.send(data)`를 호출하는 에코는 그 Buffer를 그대로 돌려보내는데, Buffer는 **바이너리** 프레임으로 나갑니다. 페이지는 문자열을 보냈는데 Blob을 받습니다. `/naive`가 바로 그렇게 하고, `/`는 `ws.send(data, { binary: isBinary })`로 보냅니다.',
    pitfallsNaiveSend: "/naive에 'hello' 보내기(단순한 에코)",
    pitfallsFixedSend: "/에 'hello' 보내기(고친 에코)",
    pitfallsTooBigHeading: 'maxPayload를 넘는 메시지: 종료 코드 1009',
    pitfallsTooBigText:
      '서버는 1 MiB(`maxPayload`)까지의 메시지만 받습니다. 상한이 없으면 클라이언트 하나가 서버에 기가바이트 단위를 버퍼링하게 만들 수 있습니다. 그보다 큰 메시지는 그 연결을 1009(Message Too Big)로 닫고, 새 연결은 평소처럼 처리됩니다.',
    pitfallsTooBigSend: '메시지 하나로 2 MiB 보내기',
    pitfallsUtf8Heading: '텍스트 프레임 속 잘못된 UTF-8: 종료 코드 1007',
    pitfallsUtf8Text:
      '텍스트 프레임은 올바른 UTF-8이어야 하고, 그렇지 않으면 `ws`가 1007(Invalid frame payload data)로 닫습니다. 브라우저는 이런 프레임을 보낼 수 없습니다. 문자열을 직접 인코딩하면서 짝 없는 서로게이트(lone surrogate)를 U+FFFD로 바꾸기 때문입니다. 1007을 직접 보려면 프로그램이 `node:net`으로 잘못된 프레임을 한 바이트씩 손수 써야 합니다.',
    pitfallsUtf8Send: "짝 없는 서로게이트 '\\uD800' 보내기",
    pitfallsOriginHeading: '교차 사이트 웹소켓 하이재킹과 Origin 검사',
    pitfallsOriginText:
      "웹소켓에는 CORS도, 동일 출처 정책도 적용되지 않습니다. 어느 사이트의 어느 페이지든 `new WebSocket('ws://localhost:4200/')`을 실행할 수 있고, 브라우저는 그 호스트에 대한 사용자의 쿠키를 핸드셰이크에 함께 보냅니다. 그 쿠키를 믿는 서버라면 공격자의 페이지를 사용자로 여기고 대화하게 됩니다. 브라우저는 핸드셰이크에 항상 페이지의 `Origin`을 보내고 페이지는 이를 위조할 수 없으므로, 서버가 이를 검사합니다. 이 서버는 자기 출처(호스트가 요청의 `Host`와 같은 출처), `WS_ALLOWED_ORIGINS`에 적은 출처, 그리고 Origin을 아예 보내지 않는 클라이언트(브라우저 쿠키가 없는 CLI 도구)를 받아들입니다. 그 밖의 요청은 HTTP 403을 받습니다.",
    pitfallsMyOrigin: '위의 모든 핸드셰이크에 함께 보내는 이 페이지의 출처:',
    pitfallsOriginHosts:
      '같은 서버가 `localhost`와 `127.0.0.1` 두 이름으로 응답하지만, 브라우저에게 둘은 서로 다른 사이트입니다. 두 번째 버튼이 공격자 역할을 합니다. **다른** 호스트 이름으로 소켓을 열기 때문에 `Origin`(이 페이지)이 더는 `Host`와 맞지 않습니다. 서버는 403으로 답하고, 페이지는 연결이 실패했다는 사실만 알게 됩니다(403은 Network 탭과 서버 로그에서 보입니다).',
    pitfallsOriginSame: (host) => `ws://${host}/에 연결(같은 출처)`,
    pitfallsOriginCross: (host) => `ws://${host}/에 연결(교차 사이트)`,
    pitfallsCurl: '터미널에서 다른 출처로 시도해 보세요:',
    pitfallsCouldNotConnect: (path) => `${path}에 연결할 수 없습니다`,
    pitfallsEchoed: (path, arrived) => `${path}: 문자열 'hello'를 보냄 → 돌아온 에코: ${arrived}`,
    pitfallsSentBig: (bytes) => `바이너리 메시지 하나로 ${bytes}바이트를 보냄`,
    pitfallsGreetedAgain: (greeting) => `새 연결은 인사를 받습니다: '${greeting}'`,
    pitfallsUtf8Echo: (codes) =>
      `'\\uD800'을 보냄. 에코는 ${codes}입니다. 브라우저가 이미 바꿔 놓았습니다`,
    pitfallsAccepted: (url, greeting) => `${url}: 받아들여짐, 인사: '${greeting}'`,
    pitfallsErrorEvent: (url) => `${url}: error 이벤트`,
    pitfallsRefused: (url, fields) => `${url}: 거절됨, close 이벤트 ${fields}`,

    // --- the exercises' pages ------------------------------------------------------------
    ex1Title: '연습 문제: 텍스트를 텍스트로 돌려주는 에코 · 웹소켓 에코',
    ex1Heading: '텍스트를 텍스트로 돌려주는 에코',
    exEditLead:
      '이 페이지 옆의 `server.ts`를 고치고 저장하세요. 서버가 다시 시작되고, 다음 클릭부터 바뀐 서버를 씁니다.',
    ex1SectionHeading: '보내고, 무엇이 돌아오는지 보기',
    ex1Text: (url) =>
      `버튼을 누를 때마다 \`${url}\`로 새 \`WebSocket\`을 열고, 인사를 기다렸다가 메시지 하나를 보낸 뒤, 에코의 \`event.data\`가 무엇인지 기록합니다. 텍스트 프레임은 문자열로, 바이너리 프레임은 \`Blob\`으로 도착합니다. \`binaryType\`의 기본값이 \`'blob'\`이기 때문입니다.`,
    ex1SendText: "문자열 'hello' 보내기",
    ex1SendBinary: '3바이트 보내기(ArrayBuffer)',
    ex1Echoed: (sent, arrived) => `보낸 것: ${sent} → 돌아온 에코: ${arrived}`,
    ex1ClosedEarly: (code) => `에코가 오기 전에 닫힘(코드 ${code})`,
    ex2Title: '연습 문제: 허용된 출처만 · 웹소켓 에코',
    ex2Heading: '허용된 출처만 소켓을 얻습니다',
    ex2SectionHeading: '같은 출처, 그리고 낯선 사이트',
    ex2MyOrigin: '브라우저가 모든 핸드셰이크에 함께 보내는 이 페이지의 출처:',
    ex2Hosts:
      '여러분의 서버는 `localhost`와 `127.0.0.1`로 응답하지만, 브라우저에게 둘은 서로 다른 사이트입니다. 두 번째 버튼은 **다른** 이름으로 소켓을 열기 때문에 `Origin`(이 페이지)이 더는 `Host`와 맞지 않습니다. 다른 사이트의 페이지는 서버에게 바로 이렇게 보입니다.',
    ex2Same: (host) => `ws://${host}/에 연결(같은 출처)`,
    ex2Cross: (host) => `ws://${host}/에 연결(다른 사이트의 페이지)`,
  },
});
