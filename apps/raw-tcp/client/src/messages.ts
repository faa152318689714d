import { defineMessages, plural } from '@course/kit/i18n';
import type { TranscriptEntry } from '../../shared/transcript.ts';

type Side = TranscriptEntry['side'];
type Kind = TranscriptEntry['kind'];

// The nav's labels: the home page's links use the same words.
const navEn = {
  home: 'Chapter home',
  exchange: 'The exchange',
  direct: 'Fetch the TCP port',
  framing: 'No message boundaries',
  badInput: 'Bad input',
};
const navKo = {
  home: '챕터 홈',
  exchange: '주고받기',
  direct: 'TCP 포트에 fetch하기',
  framing: '메시지 경계 없음',
  badInput: '잘못된 입력',
};

const sideKo: Record<Side, string> = { client: '클라이언트', server: '서버' };
const verbEn: Record<Kind, string> = {
  connect: 'connected',
  send: 'sent',
  receive: 'received',
  end: 'got FIN',
  close: 'closed',
  error: 'error',
  done: 'done',
};
const verbKo: Record<Kind, string> = {
  connect: '연결됨',
  send: '보냄',
  receive: '받음',
  end: 'FIN 받음',
  close: '닫힘',
  error: '오류',
  done: '완료',
};

/**
 * Every text of the chapter's pages, in English and Korean: a key missing on either side
 * fails the type-check. Keys are grouped by page: `nav…`, `home…`, `ex…` (/exchange),
 * `direct…`, `framing…`, `bad…` (/bad-input). Texts that hold a live value on the page
 * (a port, a limit) are functions: the page passes the element that shows the value.
 */
export default defineMessages({
  en: {
    chapterTitle: 'Raw TCP',
    navHome: navEn.home,
    navExchange: navEn.exchange,
    navDirect: navEn.direct,
    navFraming: navEn.framing,
    navBadInput: navEn.badInput,
    running: 'running…',
    done: 'done',
    failed: (message: string) => `failed: ${message}`,

    // The chapter's home (/)
    homeTitle: 'Chapter home · Raw TCP',
    homeLead:
      'Chapter 2 of the course. Before WebSocket, the lecture opens a plain TCP connection between two Node programs with `node:net`. A browser cannot do that, and TCP has no idea where one message ends: these pages show both, and the fix for the second.',
    homeLectureHeading: "The lecture's example",
    homeExchange: `[${navEn.exchange}](/exchange): the lecture's server and client, run by a bridge on the page's behalf, with every byte in both directions.`,
    homeDirect: `[${navEn.direct}](/direct): what happens when the browser itself tries, and why it gets no answer it can use.`,
    homeBeyondHeading: 'Beyond the lecture',
    homeFraming: `[${navEn.framing}](/framing): writes merge and split on the way; newline framing gets the messages back.`,
    homeBadInput: `[${navEn.badInput}](/bad-input): a line with no end, a client that says nothing, a client that vanishes mid-write.`,
    homeTerminal:
      "From a terminal: `pnpm --filter @course/raw-tcp client` runs the lecture's client against TCP port 4000, and `pnpm --filter @course/raw-tcp framed-client` talks to the framed echo server on 4001.",

    // /exchange
    exTitle: 'The exchange · Raw TCP',
    exHeading: "The lecture's TCP exchange",
    exLead:
      "The lecture's server writes two lines and closes; its client writes one line and prints what comes back. The page cannot open TCP itself, so the chapter's HTTP server runs the client for it and streams each step here as it happens.",
    exRunHeading: 'Run the exchange',
    exRunText: (port: string) =>
      `The bridge connects to the TCP server (port ${port}), writes \`CLIENT: Hello this is client!\`, and reports both ends: what each side sent, what each side's \`data\` events received, and the close.`,
    exRun: 'Run the exchange',
    exCodeText:
      'The code: how the client reads the reply, and how the server reads the hello. Both take a `data` event for a message; the fixed code is the framed server and its client, from [/framing](/framing).',
    exCliHeading: 'The same client from a terminal',
    exCliText:
      "With the chapter running, `pnpm --filter @course/raw-tcp client` runs the lecture's client against port 4000 and prints the same steps.",
    exDirection: (side: Side, kind: Kind) => {
      if (kind === 'send') return side === 'client' ? 'client → server' : 'server → client';
      if (kind === 'receive') return side === 'client' ? 'server → client' : 'client → server';
      return side;
    },
    exAction: (side: Side, kind: Kind, bytes?: number) =>
      `${side} ${verbEn[kind]}${bytes === undefined ? '' : ` ${bytes} bytes`}`,
    exSummary: (sent: number, received: number, dataEvents: number) =>
      `sent ${sent} bytes, received ${received} bytes in ${dataEvents} ${plural('en', dataEvents, { one: 'data event', other: 'data events' })}`,

    // /direct
    directTitle: 'Fetch the TCP port · Raw TCP',
    directHeading: 'Can the browser talk to the TCP server itself?',
    directLead:
      "A page has no API for a raw TCP connection. The closest it can get is an HTTP request to the TCP server's port. The button does exactly that with `fetch()`; the page then asks the bridge what the TCP server received.",
    directFetchHeading: 'fetch() the TCP port',
    directErrorLabel: 'What the browser told the page:',
    directRequestHeading: 'What the TCP server received',
    directReplyHeading: 'What the TCP server sent back',
    directWhyHeading: 'Why the browser got no valid response',
    directCrlfTitle: 'CR LF: carriage return, line feed (bytes 13 10)',
    directRequestBytes: (bytes: number, badge: string) =>
      `${bytes} bytes, shown with ${badge} where the two bytes CR LF ended each line:`,
    directReplyBytes: (bytes: number) => `(${bytes} bytes, then the server closed the connection)`,
    directUnexpected: (status: number) => `unexpected: status ${status}`,
    directFailed: (message: string) => `the demo failed: ${message}`,
    directWhy1: (firstLine: string) =>
      `The browser spoke HTTP: it connected and sent "${firstLine}" and its headers, because HTTP is the only thing fetch() can send.`,
    directWhy2:
      'The TCP server does not speak HTTP. It wrote its two lines and closed, whatever the request said.',
    directWhy3:
      'An HTTP response must start with a status line such as "HTTP/1.1 200 OK". This one starts with "SERVER:", so the browser rejected it (Chromium logs net::ERR_INVALID_HTTP_RESPONSE in the console).',
    directWhy4:
      'The page only gets a TypeError with no detail: a script is not told why a network request failed, so it cannot probe other ports and protocols to learn what runs there.',
    directWhy5:
      'Even a valid HTTP answer would stay unreadable: the page is on another origin (another port), and this server sends no Access-Control-Allow-Origin header.',
    directWhy6:
      'There is no web API for a raw TCP socket. A page gets HTTP, WebSocket, WebRTC and WebTransport, each with a handshake the server must answer. To reach a TCP service, a server has to bridge it, as /exchange does, or speak WebSocket, the next chapter.',

    // /framing
    framingTitle: 'No message boundaries · Raw TCP',
    framingHeading: 'TCP has no message boundaries',
    framingLead:
      "TCP delivers a stream of bytes in order. It does not remember how they were written: one `write()` can arrive as several `data` events, and several writes as one. The lecture's server logs each `data` event as if it were one message. The button runs the experiments through the chapter's two TCP servers.",
    framingRun: 'Send the bursts',
    framingMergedHeading: 'Five writes, merged',
    framingMergedText:
      "The client calls `write()` five times in a row. The lecture server's `data` events:",
    framingWritesLabel: 'writes:',
    framingReceiverEventsLabel: 'data events at the receiver:',
    framingSplitHeading: 'One write, split',
    framingSplitText:
      'The client writes 256 KiB at once. Node reads at most 64 KiB per `data` event:',
    framingSplitSummary: (bytes: string, events: string) =>
      `one write of ${bytes} bytes; data events at the receiver: ${events}`,
    framingUtf8Heading: 'A character cut in two',
    framingUtf8Text:
      '`안녕하세요` is 15 bytes in UTF-8, 3 per character. The client sends the first 4 bytes, waits, then the rest. Each `data` event decoded on its own, as `data.toString()` does:',
    framingFixHeading: 'The fix: a newline after each message',
    framingFixText: (port: string) =>
      `The same five messages and the cut word, each ending in \`\\n\`, go to the framed echo server (port ${port}). It splits its input on newlines and echoes each complete line. The client's \`data\` events still come in any sizes; a line splitter recovers the messages:`,
    framingClientEventsLabel: 'data events at the client:',
    framingLinesLabel: 'lines after splitting:',
    framingEvents: (count: number) =>
      `${count} ${plural('en', count, { one: 'event', other: 'events' })}`,
    framingWrite: (text: string, bytes: number) => `"${text}" (${bytes} bytes)`,
    framingBytes: (bytes: number) => `${bytes} bytes`,
    framingMergedEvent: (bytes: number, text: string) => `${bytes} bytes: "${text}"`,
    framingUtf8Event: (bytes: number, hex: string | undefined, text: string) =>
      `${bytes} bytes${hex ? ` [${hex}]` : ''} → "${text}"`,
    framingFramedEvents: (events: string, sizes: string) => `${events} (${sizes})`,

    // /bad-input
    badTitle: 'Bad input · Raw TCP',
    badHeading: 'Bad input on the framed server',
    badLead: (port: string) =>
      `A server that waits for a newline must decide what to do when none comes, when nothing comes, and when the client vanishes. Each button runs a \`node:net\` client on the bridge against the framed server (port ${port}), then checks that a new client is still served.`,
    badOversizeHeading: 'A line with no end',
    badOversizeText: (maxLine: string) =>
      `The client sends more than the limit (${maxLine} bytes, \`TCP_MAX_LINE_BYTES\`) without a newline. The server never buffers past the limit: it answers with an error line and disconnects.`,
    badOversize: 'Send too much',
    badIdleHeading: 'A client that says nothing',
    badIdleText: (idleMs: string) =>
      `The client connects and stays silent. After ${idleMs} ms (\`TCP_IDLE_TIMEOUT_MS\`) the server sends an error line and closes. While the client waits, the log counts down the seconds left.`,
    badIdle: 'Stay silent',
    badAbruptHeading: 'A client that vanishes mid-write',
    badAbruptText:
      "The client sends 2000 lines and half a line without reading the echoes, then resets the connection while the server is still echoing. The server's next read or write on that socket fails (`ECONNRESET`); its `error` handler logs it, and only that socket closes.",
    badAbrupt: 'Vanish',
    badCountdown: (secondsLeft: string, timeoutMs: number) =>
      `silent: ${secondsLeft} s left until the server's idle timeout (${timeoutMs} ms)`,
    badTimeoutUp: "the server's idle timeout is up: waiting for its error line…",
    badStep: (ms: number, text: string) => `${ms} ms: ${text}`,
  },
  ko: {
    chapterTitle: '원시 TCP',
    navHome: navKo.home,
    navExchange: navKo.exchange,
    navDirect: navKo.direct,
    navFraming: navKo.framing,
    navBadInput: navKo.badInput,
    running: '실행 중…',
    done: '완료',
    failed: (message) => `실패: ${message}`,

    homeTitle: '챕터 홈 · 원시 TCP',
    homeLead:
      '코스의 2장입니다. 강의는 웹소켓(WebSocket)에 앞서 `node:net`으로 두 Node 프로그램 사이에 평범한 TCP 연결을 엽니다. 브라우저는 그렇게 할 수 없고, TCP는 한 메시지가 어디서 끝나는지 모릅니다. 이 페이지들은 두 가지를 모두 보여 주고, 두 번째 문제를 고치는 방법도 보여 줍니다.',
    homeLectureHeading: '강의의 예제',
    homeExchange: `[${navKo.exchange}](/exchange): 강의의 서버와 클라이언트를 브리지가 페이지 대신 실행하고, 양방향으로 오간 모든 바이트를 보여 줍니다.`,
    homeDirect: `[${navKo.direct}](/direct): 브라우저가 직접 시도하면 어떻게 되는지, 그리고 왜 쓸 수 있는 답을 받지 못하는지 봅니다.`,
    homeBeyondHeading: '강의 너머',
    homeFraming: `[${navKo.framing}](/framing): 여러 번의 write가 가는 길에 합쳐지고 쪼개집니다. 줄 단위 프레이밍(framing)으로 메시지를 되찾습니다.`,
    homeBadInput: `[${navKo.badInput}](/bad-input): 끝나지 않는 줄, 아무 말도 하지 않는 클라이언트, 쓰는 도중에 사라지는 클라이언트.`,
    homeTerminal:
      '터미널에서: `pnpm --filter @course/raw-tcp client`는 강의의 클라이언트를 TCP 포트 4000에 실행하고, `pnpm --filter @course/raw-tcp framed-client`는 4001번의 프레이밍된 에코 서버와 대화합니다.',

    exTitle: '주고받기 · 원시 TCP',
    exHeading: '강의의 TCP 주고받기',
    exLead:
      '강의의 서버는 두 줄을 쓰고 연결을 닫습니다. 클라이언트는 한 줄을 쓰고 돌아온 것을 출력합니다. 페이지는 TCP를 직접 열 수 없으므로, 챕터의 HTTP 서버가 페이지 대신 클라이언트를 실행하고 각 단계를 일어나는 대로 여기에 스트리밍합니다.',
    exRunHeading: '주고받기 실행',
    exRunText: (port) =>
      `브리지(bridge)가 TCP 서버(포트 ${port})에 연결해 \`CLIENT: Hello this is client!\`를 쓰고, 양쪽 끝을 모두 보고합니다. 각 쪽이 보낸 것, 각 쪽의 \`data\` 이벤트(event)가 받은 것, 그리고 연결 종료입니다.`,
    exRun: '주고받기 실행',
    exCodeText:
      '코드: 클라이언트가 답을 읽는 방식과 서버가 인사를 읽는 방식입니다. 둘 다 `data` 이벤트 하나를 메시지 하나로 여깁니다. 고친 코드는 [/framing](/framing)의 프레이밍된 서버와 그 클라이언트입니다.',
    exCliHeading: '터미널에서 실행하는 같은 클라이언트',
    exCliText:
      '챕터가 실행 중일 때 `pnpm --filter @course/raw-tcp client`는 강의의 클라이언트를 포트 4000에 실행하고 같은 단계를 출력합니다.',
    exDirection: (side, kind) => {
      if (kind === 'send') return side === 'client' ? '클라이언트 → 서버' : '서버 → 클라이언트';
      if (kind === 'receive') return side === 'client' ? '서버 → 클라이언트' : '클라이언트 → 서버';
      return sideKo[side];
    },
    exAction: (side, kind, bytes) =>
      bytes === undefined
        ? `${sideKo[side]} ${verbKo[kind]}`
        : `${sideKo[side]} ${bytes}바이트 ${verbKo[kind]}`,
    exSummary: (sent, received, dataEvents) =>
      `${sent}바이트 보냄, ${received}바이트 받음(data 이벤트 ${dataEvents}번)`,

    directTitle: 'TCP 포트에 fetch하기 · 원시 TCP',
    directHeading: '브라우저가 TCP 서버와 직접 말할 수 있을까요?',
    directLead:
      '페이지에는 원시 TCP 연결을 여는 API가 없습니다. 가장 가까이 갈 수 있는 방법은 TCP 서버의 포트로 HTTP 요청을 보내는 것입니다. 버튼이 `fetch()`로 바로 그렇게 하고, 이어서 페이지가 브리지에게 TCP 서버가 무엇을 받았는지 묻습니다.',
    directFetchHeading: 'TCP 포트에 fetch() 하기',
    directErrorLabel: '브라우저가 페이지에 알려 준 것:',
    directRequestHeading: 'TCP 서버가 받은 것',
    directReplyHeading: 'TCP 서버가 돌려보낸 것',
    directWhyHeading: '브라우저가 올바른 응답을 받지 못한 이유',
    directCrlfTitle: 'CR LF: 캐리지 리턴, 라인 피드(바이트 13 10)',
    directRequestBytes: (bytes, badge) =>
      `${bytes}바이트입니다. 각 줄을 끝낸 두 바이트 CR LF는 ${badge}로 표시했습니다:`,
    directReplyBytes: (bytes) => `(${bytes}바이트, 그다음 서버가 연결을 닫았습니다)`,
    directUnexpected: (status) => `예상 밖의 결과: 상태 ${status}`,
    directFailed: (message) => `데모가 실패했습니다: ${message}`,
    directWhy1: (firstLine) =>
      `브라우저는 HTTP로 말했습니다. 연결한 뒤 "${firstLine}" 줄과 헤더를 보냈습니다. fetch()가 보낼 수 있는 것은 HTTP뿐이기 때문입니다.`,
    directWhy2:
      'TCP 서버는 HTTP를 모릅니다. 요청에 무엇이 적혀 있든 두 줄을 쓰고 연결을 닫았습니다.',
    directWhy3:
      'HTTP 응답은 "HTTP/1.1 200 OK" 같은 상태 줄로 시작해야 합니다. 이 응답은 "SERVER:"로 시작하므로 브라우저가 거부했습니다(Chromium은 콘솔에 net::ERR_INVALID_HTTP_RESPONSE를 남깁니다).',
    directWhy4:
      '페이지가 받는 것은 아무 설명 없는 TypeError뿐입니다. 스크립트는 네트워크 요청이 왜 실패했는지 듣지 못하므로, 다른 포트와 프로토콜을 찔러 보며 그곳에서 무엇이 실행 중인지 알아낼 수 없습니다.',
    directWhy5:
      '올바른 HTTP 응답이었더라도 페이지는 읽을 수 없었습니다. 페이지는 다른 출처(다른 포트)에 있고, 이 서버는 Access-Control-Allow-Origin 헤더를 보내지 않습니다.',
    directWhy6:
      '웹에는 원시 TCP 소켓을 여는 API가 없습니다. 페이지가 쓸 수 있는 것은 HTTP, 웹소켓, WebRTC, WebTransport이고, 모두 서버가 답해야 하는 핸드셰이크로 시작합니다. TCP 서비스에 닿으려면 /exchange처럼 서버가 중계하거나, 다음 챕터의 웹소켓을 써야 합니다.',

    framingTitle: '메시지 경계 없음 · 원시 TCP',
    framingHeading: 'TCP에는 메시지 경계가 없습니다',
    framingLead:
      'TCP는 바이트 스트림(stream)을 순서대로 전달합니다. 바이트가 어떻게 쓰였는지는 기억하지 않습니다. `write()` 한 번이 `data` 이벤트 여러 개로 도착할 수도 있고, 여러 번의 write가 이벤트 하나로 도착할 수도 있습니다. 강의의 서버는 `data` 이벤트 하나하나를 메시지 하나처럼 기록합니다. 버튼을 누르면 챕터의 두 TCP 서버로 실험을 실행합니다.',
    framingRun: '몰아서 보내기',
    framingMergedHeading: '다섯 번의 write가 합쳐진다',
    framingMergedText:
      '클라이언트가 `write()`를 연달아 다섯 번 호출합니다. 강의 서버의 `data` 이벤트:',
    framingWritesLabel: 'write:',
    framingReceiverEventsLabel: '받는 쪽의 data 이벤트:',
    framingSplitHeading: '한 번의 write가 쪼개진다',
    framingSplitText:
      '클라이언트가 256 KiB를 한 번에 씁니다. Node는 `data` 이벤트 하나에 최대 64 KiB까지 읽습니다:',
    framingSplitSummary: (bytes, events) =>
      `write 한 번에 ${bytes}바이트, 받는 쪽의 data 이벤트: ${events}`,
    framingUtf8Heading: '둘로 잘린 글자',
    framingUtf8Text:
      '`안녕하세요`는 UTF-8로 15바이트, 글자당 3바이트입니다. 클라이언트는 처음 4바이트를 보내고, 잠시 기다린 뒤 나머지를 보냅니다. `data.toString()`처럼 `data` 이벤트를 하나씩 따로 디코딩하면:',
    framingFixHeading: '고친 방법: 메시지마다 끝에 줄바꿈',
    framingFixText: (port) =>
      `같은 다섯 메시지와 잘린 단어를 각각 \`\\n\`으로 끝내서 프레이밍된 에코 서버(포트 ${port})로 보냅니다. 서버는 입력을 줄바꿈에서 나누고 완성된 줄마다 에코합니다. 클라이언트의 \`data\` 이벤트는 여전히 아무 크기로나 오지만, 줄 분리기가 메시지를 되찾습니다:`,
    framingClientEventsLabel: '클라이언트의 data 이벤트:',
    framingLinesLabel: '나눈 뒤의 줄:',
    framingEvents: (count) => `${count}개`,
    framingWrite: (text, bytes) => `"${text}" (${bytes}바이트)`,
    framingBytes: (bytes) => `${bytes}바이트`,
    framingMergedEvent: (bytes, text) => `${bytes}바이트: "${text}"`,
    framingUtf8Event: (bytes, hex, text) => `${bytes}바이트${hex ? ` [${hex}]` : ''} → "${text}"`,
    framingFramedEvents: (events, sizes) => `${events} (${sizes})`,

    badTitle: '잘못된 입력 · 원시 TCP',
    badHeading: '프레이밍된 서버에 들어오는 잘못된 입력',
    badLead: (port) =>
      `줄바꿈을 기다리는 서버는 줄바꿈이 오지 않을 때, 아무것도 오지 않을 때, 클라이언트가 사라질 때 어떻게 할지 정해야 합니다. 각 버튼은 브리지에서 \`node:net\` 클라이언트를 프레이밍된 서버(포트 ${port})에 실행하고, 그 뒤에도 새 클라이언트가 여전히 서비스를 받는지 확인합니다.`,
    badOversizeHeading: '끝나지 않는 줄',
    badOversizeText: (maxLine) =>
      `클라이언트가 줄바꿈 없이 한도(${maxLine}바이트, \`TCP_MAX_LINE_BYTES\`)보다 많이 보냅니다. 서버는 한도를 넘겨 버퍼에 쌓지 않고, 오류 줄로 답한 뒤 연결을 끊습니다.`,
    badOversize: '너무 많이 보내기',
    badIdleHeading: '아무 말도 하지 않는 클라이언트',
    badIdleText: (idleMs) =>
      `클라이언트가 연결한 뒤 조용히 있습니다. ${idleMs} ms(\`TCP_IDLE_TIMEOUT_MS\`)가 지나면 서버가 오류 줄을 보내고 연결을 닫습니다. 클라이언트가 기다리는 동안 로그가 남은 초를 거꾸로 셉니다.`,
    badIdle: '조용히 있기',
    badAbruptHeading: '쓰는 도중에 사라지는 클라이언트',
    badAbruptText:
      '클라이언트가 에코를 읽지 않고 2000줄과 반 줄을 보낸 뒤, 서버가 아직 에코하는 동안 연결을 리셋합니다. 그 소켓(socket)에 대한 서버의 다음 읽기나 쓰기는 실패하고(`ECONNRESET`), `error` 핸들러가 그것을 기록하며, 그 소켓만 닫힙니다.',
    badAbrupt: '사라지기',
    badCountdown: (secondsLeft, timeoutMs) =>
      `조용히 있는 중: 서버의 유휴 시간 제한(${timeoutMs} ms)까지 ${secondsLeft}초 남음`,
    badTimeoutUp: '서버의 유휴 시간 제한이 지났습니다. 오류 줄을 기다리는 중…',
    badStep: (ms, text) => `${ms} ms: ${text}`,
  },
});
