import { defineMessages, plural } from '@course/kit/i18n';

/**
 * Every text of the chapter's pages (and of its exercises' pages), in English and Korean: a
 * key missing on either side fails the type-check. Keys are grouped by page: `home…` (/),
 * `lecture…` (/lecture), `fixed…` and `stats…` (/fixed), `beyond…`, `named…`, `raw…` and
 * `limits…` (/beyond), `limit…` and `http2…` (/limit), `ex1…` and `ex2…` (the exercises'
 * pages); the unprefixed ones are shared. The lecture's own strings (`SSE:`, `Id:`, `Data:`,
 * `Connecting...`, `Connected`, `Disconnected`) and the payloads on the wire are never here:
 * they stay as the lecture has them, in both languages.
 */
export default defineMessages({
  en: {
    // The nav, on every page.
    navHome: 'Chapter home',
    navLecture: "The lecture's client",
    navFixed: 'Fixed countdown',
    navBeyond: 'Named events & raw stream',
    navLimit: 'Connection limit',

    // Shared by several pages.
    countdownHeading: 'The countdown',
    restartCountdown: 'Restart countdown',
    close: 'Close',
    stop: 'Stop',
    numbersReceived: 'Numbers received',
    whatHappened: 'What happened',
    noneYet: '(none yet)',
    // What the countdown clients write in their logs.
    logEndClose: 'end event → close()',
    logErrorConnecting: 'error, readyState CONNECTING: the browser will reconnect',
    logErrorGaveUp: (state: string) => `error, readyState ${state}: the browser gave up`,
    unexpectedData: (data: string) => `unexpected data: ${data}`,
    notJson: (data: string) => `data is not JSON: ${data}`,

    // / (the chapter home)
    homeTitle: 'Chapter home · Server-Sent Events',
    homeHeading: 'Server-Sent Events: countdown',
    homeLead:
      "Chapter 7 of the course. The server pushes ten numbers, one a second, down one HTTP response, and the page reads them with `EventSource`. First the lecture's client as written, then the two ways it goes wrong, then the countdown fixed; last, what the example leaves out.",
    homeLectureHeading: "The lecture's example",
    homeLectureItem:
      "[The lecture's client](/lecture): `SSE: Connected`, `Id: kgh`, `Data: 10` … `0`, then `Disconnected`, against a server that streams like the lecture's (no `id:`, no `retry:`, no end event).",
    homePitfallsHeading: 'Where it goes wrong',
    homePitfall1:
      '[The countdown starts over, forever](/lecture#loop): when the response ends, `EventSource` reconnects, and the server starts again at 10.',
    homePitfall2:
      '[The eventPhase check closes on every error](/lecture#drop): a dropped connection the browser would have recovered from ends the countdown at 5.',
    homeFixHeading: 'The fix',
    homeFixItem:
      '[The fixed countdown](/fixed): an `id:` on every event and `Last-Event-ID` on the reconnect, `retry:`, a named `end` event and `204` after it, and a client that decides on `readyState`. It counts 10 to 0 once, through a dropped connection or a server restart.',
    homeBeyondHeading: 'Beyond the lecture',
    homeBeyondNamed:
      '[Named events and the raw stream](/beyond): `event:` types, multi-line data, the bytes on the wire, bad `Last-Event-ID` values, heartbeats and the per-address bound.',
    homeBeyondLimit:
      '[The connection limit](/limit): six streams per origin over HTTP/1.1, a seventh that waits, and why HTTP/2 does not have the limit.',

    // /lecture
    lectureTitle: "The lecture's client · Server-Sent Events",
    lectureHeading: "The lecture's client and its two pitfalls",
    lectureLead:
      "Every section here talks to `/lecture-countdown`, which behaves like the lecture's server: no `id:`, no `retry:`, no end event; it sends 10 to 0 and ends the response. Once you have seen both pitfalls, the [fixed countdown](/fixed) shows the fix.",
    lectureAsWrittenHeading: 'As written: it looks right',
    lectureAsWrittenText:
      "The lecture's client, run when the page loads. Its `error` handler calls `close()` when `e.eventPhase == EventSource.CLOSED`. When the server ends the stream, the browser fires `error`, the handler closes, and the page says Disconnected at 0. The log shows why: both numbers are always 2.",
    lectureRunAgain: 'Run again',
    lectureAsWrittenCode:
      "The code: the lecture's client beside the fixed one, which also listens for the server's `end` event.",
    lectureLoopHeading: 'Pitfall 1: the countdown starts over, forever',
    lectureLoopText:
      "The same client without the `eventPhase` line. When the response ends, `EventSource` does what it is built to do: it waits (about 3 s, the browser's default, since the server sends no `retry:`) and reconnects. The server cannot tell a reconnect from a new visitor, so it counts from 10 again, and again. `|` marks a new connection.",
    lectureRunsStarted: 'Runs started:',
    lectureStart: 'Start',
    lectureLoopCode:
      "The code: how the lecture's server opens the stream, what it sends, and where each connection starts, beside the fixed server's.",
    lectureDropHeading: 'Pitfall 2: the eventPhase check closes on every error',
    lectureDropText:
      '`e.eventPhase` is the DOM event phase: `AT_TARGET`, which is 2, for any event dispatched on the `EventSource` itself. `EventSource.CLOSED` is also 2. So the check is always true and the client closes on **every** error, including a dropped connection the browser would have recovered from. Here the server cuts the connection after 5.',
    lectureDropLecture: "Lecture's client, server drops after 5",
    lectureFixedHeading: 'The fixed client, same drop',
    lectureFixedText:
      'It checks `readyState` instead: CONNECTING means the browser is already reconnecting, so it leaves it alone. The fixed server resumes from `Last-Event-ID`, and the count goes on from 4.',
    lectureDropFixed: 'Fixed client, server drops after 5',
    lectureDropCode:
      "The code: the lecture's `error` handler beside the fixed one, and how the server sends one event per interval and, with `?dropAfter=5`, cuts the connection.",

    // /fixed
    fixedTitle: 'Fixed countdown · Server-Sent Events',
    fixedHeading: 'Server-Sent Events: the countdown',
    fixedLead:
      "The lecture's `/countdown` stream, fixed: it counts from 10 to 0 once, survives a dropped connection or a server restart without repeating or skipping a number, and stops for good at the end. [The lecture's own client](/lecture) shows what goes wrong without the fixes.",
    fixedText:
      'It starts when the page loads. Every event carries an `id:`; on a reconnect the browser sends it back as `Last-Event-ID` and the server carries on from the next number. A named `end` event makes the page call `close()`.',
    fixedDrop: 'Restart, server drops the connection after 5',
    fixedCode:
      "The code, each panel beside the lecture's way: the page's listeners and its `error` handler, then the server's headers, its events and where a connection resumes.",
    statsHeading: 'Open streams on the server',
    statsText:
      "Each open stream holds a timer on the server. `GET /stats` counts them; this page asks twice a second. Close the tab or press Close and the number drops: the server clears a stream's timers as soon as its client goes away.",
    statsCode:
      'The code: every timer of a stream goes through `every()`, and all of them stop when the response ends or closes.',
    statsUnreachable: '(server unreachable)',

    // /beyond
    beyondTitle: 'Named events & the raw stream · Server-Sent Events',
    beyondHeading: 'Named events, multi-line data and the raw stream',
    beyondLead:
      "What the lecture's example does not use: the `event:` field, data over several lines, and the text on the wire itself, including the comments and fields `EventSource` never hands to your code.",
    namedHeading: 'Named events and multi-line data',
    namedText:
      "`GET /named-events` sends five events. An event with an `event: greeting` line reaches only `addEventListener('greeting', …)`; `onmessage` sees only events without an `event:` line. Several `data:` lines in one event arrive as one string joined with `\\n`, so pretty-printed JSON still parses.",
    namedConnect: 'Connect',
    namedStatusLabel: 'status (parsed JSON):',
    namedPoemHeading: 'poem (three data: lines, one event)',
    namedCode: "The code: the five events the server sends, and the page's listener for each type.",
    namedLogLines: (type: string, id: string, lines: number) =>
      `${type} (id ${id}, ${lines} ${plural('en', lines, { one: 'line', other: 'lines' })})`,
    namedNotJson: (data: string) => `not JSON: ${data}`,
    namedErrorClosed: 'error: closed',
    namedErrorReconnecting: 'error: reconnecting',
    rawHeading: 'The raw stream, and bad input',
    rawText:
      "This reads `/countdown` with `fetch()` instead of `EventSource`, so you see the bytes: the `retry:` line, each event's `id:`, the `event: end`. You can set `Last-Event-ID` yourself: `4` resumes at 3, `end` gets 204, and anything the server never sent as an id (`banana`, `42`, `-1`) is ignored, so the count starts at 10. The `Accept` header is not required: untick it and the stream is the same.",
    rawNone: '(none)',
    rawAccept: 'send `Accept: text/event-stream`',
    rawRead: 'Read /countdown',
    rawCode:
      'The code: the reader, how the server picks where to resume from the `Last-Event-ID` you send, and how it writes each event on the wire.',
    rawRequesting: 'requesting…',
    rawNoContentType: 'no content type',
    rawEnded: 'stream ended',
    rawStopped: 'stopped',
    rawFailed: (message: string) => `failed: ${message}`,
    limitsHeading: 'Heartbeats and the per-address bound',
    limitsHeartbeat:
      'An open stream that stays quiet for a minute or two is closed by many proxies and load balancers. The server writes a comment line, `: heartbeat`, every 15 s (`COUNTDOWN_HEARTBEAT_MS`). `EventSource` drops comments, so only the raw reader would show them; a countdown of 10 s usually ends before the first one.',
    limitsBound:
      'Each client address may hold at most 20 streams at once (`COUNTDOWN_MAX_STREAMS`). One more gets `429` with `{"error": "too many open streams from …"}`, and `EventSource` stops without retrying. A browser over HTTP/1.1 never gets there on its own: it opens at most 6 connections per origin ([see the limit page](/limit)). Try it from a shell: `for i in $(seq 20); do curl -sN localhost:3100/countdown >/dev/null & done; sleep 2; curl -i localhost:3100/countdown`',
    limitsCode:
      "The code: the stream's headers, `retry:` and heartbeat, and the bound on streams per address.",

    // /limit
    limitTitle: 'Connection limit · Server-Sent Events',
    limitHeading: 'Six connections per origin',
    limitLead:
      'Over HTTP/1.1 a browser opens at most 6 connections to one origin (scheme, host and port), and an open `EventSource` keeps one busy for as long as it lives. This server speaks HTTP/1.1.',
    limitSectionHeading: 'Open a 7th stream and watch it wait',
    limitText:
      'Each stream below is `GET /limit-stream?slot=N`, which stays open and ticks once a second. The first six connect at once. The seventh stays at Connecting...: the browser has not even sent its request. "Close one stream" closes the lowest-numbered open one, and the seventh connects within moments. Any other request to this origin waits in the same queue: press "fetch /stats" while six are open, and it is answered only when a connection is free again (closing one stream lets the seventh in first, so it takes two). The limit is per browser profile, not per tab, so streams in other tabs of this site count too. Even leaving the page needs a connection: the old page and its streams live until the new page\'s response arrives, so with six streams open a link to this site would hang. This page closes its streams in `beforeunload`, before the navigation\'s request goes out.',
    limitOpenSeven: 'Open 7 streams',
    limitCloseOne: 'Close one stream',
    limitCloseAll: 'Close all',
    limitFetchStats: 'fetch /stats',
    limitCode:
      'The code: how the page opens each stream and shows its wait, the stream the server keeps open, and the `beforeunload` listener that frees the connections.',
    limitSlotWaiting: (n: number, state: string, seconds: string) =>
      `stream ${n}: ${state} (waiting ${seconds} s)`,
    limitSlotOpen: (n: number, state: string, ticks: number) =>
      `stream ${n}: ${state} · ${ticks} ${plural('en', ticks, { one: 'tick', other: 'ticks' })}`,
    limitSlotClosed: (n: number, state: string) => `stream ${n}: ${state}`,
    limitFetchWaiting: 'fetch /stats: waiting for a free connection…',
    limitFetchAnswered: (activeStreams: string, ms: number) =>
      `fetch /stats: activeStreams ${activeStreams}, answered after ${ms} ms`,
    limitFetchFailed: (message: string) => `fetch /stats failed: ${message}`,
    http2Heading: 'How HTTP/2 lifts the limit',
    http2Text:
      'HTTP/2 multiplexes: every request to an origin becomes a stream inside one TCP connection, so the 6-connection rule no longer applies. The server sets how many streams may be open at once (`SETTINGS_MAX_CONCURRENT_STREAMS`, typically 100 or more). Browsers speak HTTP/2 only over TLS, so in production you serve SSE from an HTTPS origin through an HTTP/2-capable server or proxy, and many `EventSource`s share one connection. HTTP/3 (QUIC) does the same. Without HTTP/2, put one `EventSource` per page and multiplex your topics over named events instead of opening one stream per topic.',

    // exercises/01-clear-timer-on-disconnect/page
    ex1Title: 'Exercise: clear the timer when the client goes · Server-Sent Events',
    ex1Heading: 'SSE: clear the timer when the client goes',
    ex1Lead:
      'Your `server.ts` runs behind this page. Press **Close** at about 7, then watch the terminal: does the server go on with `countdown: sent 6`?',
    ex1Start: 'Start countdown',
    ex1ZeroClose: '0 arrived → close()',

    // exercises/02-resume-from-last-event-id/page
    ex2Title: 'Exercise: resume from Last-Event-ID · Server-Sent Events',
    ex2Heading: 'SSE: resume from Last-Event-ID',
    ex2Lead:
      'Your `server.ts` runs behind this page. Watch what happens after 0, and what happens when the server restarts mid-countdown (save `server.ts`, or type `s` then `r` in the terminal). A `|` in the numbers marks a reconnect.',
  },
  ko: {
    navHome: '챕터 홈',
    navLecture: '강의의 클라이언트',
    navFixed: '고친 카운트다운',
    navBeyond: '이름 있는 이벤트와 원시 스트림',
    navLimit: '연결 수 제한',

    countdownHeading: '카운트다운',
    restartCountdown: '카운트다운 다시 시작',
    close: '닫기',
    stop: '중지',
    numbersReceived: '받은 숫자',
    whatHappened: '일어난 일',
    noneYet: '(아직 없음)',
    logEndClose: 'end 이벤트 → close()',
    logErrorConnecting: 'error, readyState CONNECTING: 브라우저가 다시 연결합니다',
    logErrorGaveUp: (state) => `error, readyState ${state}: 브라우저가 재연결을 포기했습니다`,
    unexpectedData: (data) => `예상하지 못한 데이터: ${data}`,
    notJson: (data) => `데이터가 JSON이 아닙니다: ${data}`,

    homeTitle: '챕터 홈 · 서버 전송 이벤트',
    homeHeading: '서버 전송 이벤트: 카운트다운',
    homeLead:
      '코스의 7장, 서버 전송 이벤트(Server-Sent Events, SSE)입니다. 서버가 HTTP 응답 하나에 숫자 열 개를 1초에 하나씩 밀어 보내고, 페이지는 `EventSource`로 그 숫자를 읽습니다. 먼저 강의의 클라이언트를 쓰인 그대로 실행해 보고, 잘못되는 두 가지를 본 다음, 고친 카운트다운을 봅니다. 마지막으로 예제가 다루지 않는 부분을 살펴봅니다.',
    homeLectureHeading: '강의의 예제',
    homeLectureItem:
      '[강의의 클라이언트](/lecture): 강의의 서버처럼 스트리밍하는 서버(`id:`도, `retry:`도, end 이벤트도 없음)에 붙어 `SSE: Connected`, `Id: kgh`, `Data: 10` … `0`, 그리고 `Disconnected`를 보여 줍니다.',
    homePitfallsHeading: '어디서 잘못되나',
    homePitfall1:
      '[카운트다운이 끝없이 처음부터 다시 시작됩니다](/lecture#loop): 응답이 끝나면 `EventSource`가 다시 연결하고, 서버는 10부터 다시 셉니다.',
    homePitfall2:
      '[eventPhase 검사가 모든 오류에서 연결을 닫습니다](/lecture#drop): 브라우저가 스스로 회복했을 끊긴 연결에서도 카운트다운이 5에서 끝나 버립니다.',
    homeFixHeading: '고친 방법',
    homeFixItem:
      '[고친 카운트다운](/fixed): 모든 이벤트의 `id:`와 재연결 때의 `Last-Event-ID`, `retry:`, 이름 있는 `end` 이벤트와 그 뒤의 `204`, 그리고 `readyState`로 판단하는 클라이언트. 연결이 끊기거나 서버가 다시 시작되어도 10부터 0까지 딱 한 번 셉니다.',
    homeBeyondHeading: '강의 너머',
    homeBeyondNamed:
      '[이름 있는 이벤트와 원시 스트림](/beyond): `event:` 타입, 여러 줄 데이터, 실제로 오가는 바이트, 잘못된 `Last-Event-ID` 값, 하트비트(heartbeat), 주소별 상한.',
    homeBeyondLimit:
      '[연결 수 제한](/limit): HTTP/1.1에서 출처(origin)당 스트림 6개, 기다리는 일곱 번째 스트림, 그리고 HTTP/2에는 이 제한이 없는 이유.',

    lectureTitle: '강의의 클라이언트 · 서버 전송 이벤트',
    lectureHeading: '강의의 클라이언트와 두 가지 함정',
    lectureLead:
      '이 페이지의 모든 섹션은 강의의 서버처럼 동작하는 `/lecture-countdown`에 연결합니다. `id:`도, `retry:`도, end 이벤트도 없이 10부터 0까지 보내고 응답을 끝냅니다. 두 함정(pitfall)을 모두 본 뒤에는 [고친 카운트다운](/fixed)에서 해결책을 확인하세요.',
    lectureAsWrittenHeading: '쓰인 그대로: 맞아 보입니다',
    lectureAsWrittenText:
      '페이지가 열리면 실행되는 강의의 클라이언트입니다. `error` 핸들러는 `e.eventPhase == EventSource.CLOSED`일 때 `close()`를 호출합니다. 서버가 스트림(stream)을 끝내면 브라우저가 `error`를 발생시키고, 핸들러가 연결을 닫으며, 페이지는 0에서 Disconnected를 표시합니다. 로그에 그 이유가 보입니다. 두 숫자는 언제나 2입니다.',
    lectureRunAgain: '다시 실행',
    lectureAsWrittenCode:
      '코드: 강의의 클라이언트와, 서버의 `end` 이벤트도 듣는 고친 클라이언트를 나란히 보여 줍니다.',
    lectureLoopHeading: '함정 1: 카운트다운이 끝없이 처음부터 다시 시작됩니다',
    lectureLoopText:
      '같은 클라이언트에서 `eventPhase` 줄만 뺐습니다. 응답이 끝나면 `EventSource`는 원래 하도록 만들어진 일을 합니다. 기다렸다가(서버가 `retry:`를 보내지 않으므로 브라우저 기본값인 약 3초) 다시 연결합니다. 서버는 재연결과 새 방문자를 구별할 수 없으니 10부터 또 세고, 또 셉니다. `|`는 새 연결을 표시합니다.',
    lectureRunsStarted: '시작된 횟수:',
    lectureStart: '시작',
    lectureLoopCode:
      '코드: 강의의 서버가 스트림을 여는 방법, 보내는 내용, 각 연결이 시작하는 위치를 고친 서버와 나란히 보여 줍니다.',
    lectureDropHeading: '함정 2: eventPhase 검사가 모든 오류에서 연결을 닫습니다',
    lectureDropText:
      '`e.eventPhase`는 DOM 이벤트 단계입니다. `EventSource` 자신에게 디스패치된 이벤트라면 언제나 `AT_TARGET`, 즉 2입니다. `EventSource.CLOSED`도 2입니다. 그래서 이 검사는 항상 참이고, 클라이언트는 브라우저가 스스로 회복했을 끊긴 연결까지 포함해 **모든** 오류에서 연결을 닫습니다. 여기서는 서버가 5 다음에 연결을 끊습니다.',
    lectureDropLecture: '강의의 클라이언트, 서버가 5 다음에 끊음',
    lectureFixedHeading: '고친 클라이언트, 같은 끊김',
    lectureFixedText:
      '대신 `readyState`를 확인합니다. CONNECTING이면 브라우저가 이미 다시 연결하는 중이므로 그대로 둡니다. 고친 서버는 `Last-Event-ID` 다음부터 이어서 보내고, 숫자는 4부터 계속됩니다.',
    lectureDropFixed: '고친 클라이언트, 서버가 5 다음에 끊음',
    lectureDropCode:
      '코드: 강의의 `error` 핸들러와 고친 핸들러, 그리고 서버가 간격마다 이벤트를 하나씩 보내다가 `?dropAfter=5`이면 연결을 끊는 방법.',

    fixedTitle: '고친 카운트다운 · 서버 전송 이벤트',
    fixedHeading: '서버 전송 이벤트: 고친 카운트다운',
    fixedLead:
      '강의의 `/countdown` 스트림을 고친 버전입니다. 10부터 0까지 한 번만 세고, 연결이 끊기거나 서버가 다시 시작되어도 숫자를 반복하거나 건너뛰지 않으며, 끝나면 완전히 멈춥니다. 고치지 않으면 무엇이 잘못되는지는 [강의의 클라이언트](/lecture)가 보여 줍니다.',
    fixedText:
      '페이지가 열리면 시작합니다. 모든 이벤트에 `id:`가 붙습니다. 다시 연결할 때 브라우저가 그 값을 `Last-Event-ID`로 돌려보내면 서버는 다음 숫자부터 이어 갑니다. 이름 있는 `end` 이벤트를 받으면 페이지가 `close()`를 호출합니다.',
    fixedDrop: '다시 시작, 서버가 5 다음에 연결 끊음',
    fixedCode:
      '코드, 패널마다 강의의 방식과 나란히: 페이지의 리스너와 `error` 핸들러, 이어서 서버의 헤더(header), 이벤트, 연결이 이어지는 위치.',
    statsHeading: '서버에 열린 스트림',
    statsText:
      '열린 스트림마다 서버에 타이머가 있습니다. `GET /stats`가 그 수를 세고, 이 페이지는 1초에 두 번 묻습니다. 탭을 닫거나 닫기를 누르면 숫자가 줄어듭니다. 클라이언트가 떠나는 즉시 서버가 그 스트림의 타이머를 정리하기 때문입니다.',
    statsCode:
      '코드: 스트림의 모든 타이머는 `every()`를 거치고, 응답이 끝나거나 닫히면 모두 멈춥니다.',
    statsUnreachable: '(서버에 연결할 수 없음)',

    beyondTitle: '이름 있는 이벤트와 원시 스트림 · 서버 전송 이벤트',
    beyondHeading: '이름 있는 이벤트, 여러 줄 데이터, 원시 스트림',
    beyondLead:
      '강의의 예제가 쓰지 않는 것들입니다. `event:` 필드, 여러 줄에 걸친 데이터, 그리고 실제로 오가는 텍스트 자체. `EventSource`가 코드에 절대 넘겨주지 않는 주석과 필드도 여기서 보입니다.',
    namedHeading: '이름 있는 이벤트와 여러 줄 데이터',
    namedText:
      "`GET /named-events`는 이벤트 다섯 개를 보냅니다. `event: greeting` 줄이 있는 이벤트는 `addEventListener('greeting', …)`에만 전달되고, `onmessage`는 `event:` 줄이 없는 이벤트만 받습니다. 한 이벤트의 `data:` 줄 여러 개는 `\\n`으로 이어진 문자열 하나로 도착하므로, 보기 좋게 줄 바꿈한 JSON도 그대로 파싱됩니다.",
    namedConnect: '연결',
    namedStatusLabel: 'status (파싱한 JSON):',
    namedPoemHeading: 'poem (data: 줄 세 개, 이벤트 하나)',
    namedCode: '코드: 서버가 보내는 이벤트 다섯 개와, 타입마다 하나씩 있는 페이지의 리스너.',
    namedLogLines: (type, id, lines) => `${type} (id ${id}, ${lines}줄)`,
    namedNotJson: (data) => `JSON이 아님: ${data}`,
    namedErrorClosed: 'error: 닫힘',
    namedErrorReconnecting: 'error: 다시 연결하는 중',
    rawHeading: '원시 스트림과 잘못된 입력',
    rawText:
      '여기서는 `EventSource` 대신 `fetch()`로 `/countdown`을 읽으므로 바이트를 그대로 볼 수 있습니다. `retry:` 줄, 이벤트마다의 `id:`, `event: end`. `Last-Event-ID`를 직접 정할 수도 있습니다. `4`는 3부터 이어지고, `end`는 204를 받으며, 서버가 id로 보낸 적 없는 값(`banana`, `42`, `-1`)은 무시되어 10부터 셉니다. `Accept` 헤더는 없어도 됩니다. 체크를 해제해도 스트림은 같습니다.',
    rawNone: '(없음)',
    rawAccept: '`Accept: text/event-stream` 보내기',
    rawRead: '/countdown 읽기',
    rawCode:
      '코드: 읽는 쪽 코드, 보낸 `Last-Event-ID`로 서버가 어디서부터 이어 갈지 정하는 방법, 각 이벤트를 실제로 쓰는 형식.',
    rawRequesting: '요청 중…',
    rawNoContentType: 'Content-Type 없음',
    rawEnded: '스트림 끝남',
    rawStopped: '중지됨',
    rawFailed: (message) => `실패: ${message}`,
    limitsHeading: '하트비트와 주소별 상한',
    limitsHeartbeat:
      '열려 있지만 1~2분 동안 조용한 스트림은 많은 프록시와 로드 밸런서(load balancer)가 닫아 버립니다. 서버는 15초마다(`COUNTDOWN_HEARTBEAT_MS`) 주석 줄 `: heartbeat`를 씁니다. `EventSource`는 주석을 버리므로 원시 스트림을 읽어야만 보이는데, 10초짜리 카운트다운은 보통 첫 하트비트 전에 끝납니다.',
    limitsBound:
      '클라이언트 주소 하나는 스트림을 동시에 최대 20개까지 열 수 있습니다(`COUNTDOWN_MAX_STREAMS`). 하나 더 열면 `{"error": "too many open streams from …"}`와 함께 `429`를 받고, `EventSource`는 재시도하지 않고 멈춥니다. HTTP/1.1을 쓰는 브라우저는 혼자서는 여기까지 가지 못합니다. 출처당 연결을 최대 6개만 열기 때문입니다([연결 수 제한 페이지](/limit)). 셸에서 해 보세요: `for i in $(seq 20); do curl -sN localhost:3100/countdown >/dev/null & done; sleep 2; curl -i localhost:3100/countdown`',
    limitsCode: '코드: 스트림의 헤더, `retry:`와 하트비트, 주소별 스트림 상한.',

    limitTitle: '연결 수 제한 · 서버 전송 이벤트',
    limitHeading: '출처당 연결 6개',
    limitLead:
      'HTTP/1.1에서 브라우저는 한 출처(origin), 즉 같은 스킴·호스트·포트에 연결을 최대 6개까지 열고, 열린 `EventSource`는 살아 있는 동안 그중 하나를 계속 차지합니다. 이 서버는 HTTP/1.1을 씁니다.',
    limitSectionHeading: '일곱 번째 스트림을 열고 기다리는 모습 보기',
    limitText:
      '아래 스트림은 각각 `GET /limit-stream?slot=N`이며, 열린 채로 1초에 한 번 tick을 보냅니다. 처음 여섯 개는 바로 연결됩니다. 일곱 번째는 Connecting...에 머뭅니다. 브라우저가 요청을 보내지도 않은 상태입니다. "스트림 하나 닫기"는 열린 스트림 중 번호가 가장 작은 것을 닫고, 그러면 일곱 번째가 곧 연결됩니다. 이 출처로 가는 다른 요청도 모두 같은 대기열에서 기다립니다. 여섯 개가 열린 상태에서 "fetch /stats"를 누르면 연결이 다시 비어야 답이 옵니다(스트림 하나를 닫으면 일곱 번째가 먼저 들어가므로 두 개를 닫아야 합니다). 제한은 탭이 아니라 브라우저 프로필 단위라서, 이 사이트를 연 다른 탭의 스트림도 함께 셉니다. 페이지를 떠날 때도 연결이 필요합니다. 새 페이지의 응답이 올 때까지 이전 페이지와 그 스트림이 살아 있으므로, 스트림 여섯 개가 열린 채로는 이 사이트로 가는 링크가 멈춰 버립니다. 그래서 이 페이지는 이동 요청이 나가기 전, `beforeunload`에서 스트림을 닫습니다.',
    limitOpenSeven: '스트림 7개 열기',
    limitCloseOne: '스트림 하나 닫기',
    limitCloseAll: '모두 닫기',
    limitFetchStats: 'fetch /stats',
    limitCode:
      '코드: 페이지가 스트림을 하나씩 열고 기다린 시간을 보여 주는 방법, 서버가 열어 두는 스트림, 연결을 풀어 주는 `beforeunload` 리스너.',
    limitSlotWaiting: (n, state, seconds) => `스트림 ${n}: ${state} (${seconds}초째 대기 중)`,
    limitSlotOpen: (n, state, ticks) => `스트림 ${n}: ${state} · tick ${ticks}번`,
    limitSlotClosed: (n, state) => `스트림 ${n}: ${state}`,
    limitFetchWaiting: 'fetch /stats: 빈 연결을 기다리는 중…',
    limitFetchAnswered: (activeStreams, ms) =>
      `fetch /stats: activeStreams ${activeStreams}, ${ms}ms 뒤에 응답`,
    limitFetchFailed: (message) => `fetch /stats 실패: ${message}`,
    http2Heading: 'HTTP/2는 이 제한을 어떻게 없애나',
    http2Text:
      'HTTP/2는 다중화(multiplexing)를 합니다. 한 출처로 가는 모든 요청이 TCP 연결 하나 안의 스트림이 되므로 연결 6개 규칙이 더는 적용되지 않습니다. 동시에 열 수 있는 스트림 수는 서버가 정합니다(`SETTINGS_MAX_CONCURRENT_STREAMS`, 보통 100 이상). 브라우저는 TLS 위에서만 HTTP/2를 쓰므로, 실제 서비스에서는 HTTP/2를 지원하는 서버나 프록시를 거쳐 HTTPS 출처에서 SSE를 제공하고, 여러 `EventSource`가 연결 하나를 나눠 씁니다. HTTP/3(QUIC)도 마찬가지입니다. HTTP/2가 없다면 주제마다 스트림을 여는 대신 페이지마다 `EventSource`를 하나만 두고, 여러 주제를 이름 있는 이벤트로 나눠 실어 보내세요.',

    ex1Title: '연습 문제: 클라이언트가 떠나면 타이머 정리하기 · 서버 전송 이벤트',
    ex1Heading: 'SSE: 클라이언트가 떠나면 타이머 정리하기',
    ex1Lead:
      '이 페이지 뒤에서 여러분의 `server.ts`가 실행됩니다. 7 즈음에서 **닫기**를 누르고 터미널을 보세요. 서버가 `countdown: sent 6`을 계속 찍나요?',
    ex1Start: '카운트다운 시작',
    ex1ZeroClose: '0 도착 → close()',

    ex2Title: '연습 문제: Last-Event-ID부터 이어 가기 · 서버 전송 이벤트',
    ex2Heading: 'SSE: Last-Event-ID부터 이어 가기',
    ex2Lead:
      '이 페이지 뒤에서 여러분의 `server.ts`가 실행됩니다. 0 다음에 무슨 일이 일어나는지, 그리고 카운트다운 도중에 서버가 다시 시작되면 어떻게 되는지 지켜보세요(`server.ts`를 저장하거나, 터미널에서 `s`, 이어서 `r`을 입력). 숫자 사이의 `|`는 재연결을 표시합니다.',
  },
});
