// The course's glossary: one Korean term for each English one, as Korean developers
// write it, used by every chapter's pages and lesson texts. The hub shows it at
// /glossary, and a test fails on any Korean text that uses a variant listed in `avoid`.

/** One entry of the glossary. */
export interface Term {
  /** The English term. */
  en: string;
  /** The Korean term, as used everywhere after its first mention. */
  ko: string;
  /** How a Korean text introduces it the first time: the Korean term with the English in parentheses. */
  first: string;
  /** Spellings a Korean text must not use for it (a test looks for them). */
  avoid: readonly string[];
  /** What it means, in a few words, in each language. */
  means: { en: string; ko: string };
}

/** Every term, by key, in the order the course meets them. */
export const GLOSSARY = {
  xhr: {
    en: 'XMLHttpRequest',
    ko: 'XMLHttpRequest(XHR)',
    first: 'XMLHttpRequest(XHR)',
    avoid: ['XML 요청', 'XML HTTP 요청'],
    means: {
      en: 'The browser object that sends an HTTP request from a script and reports its progress.',
      ko: '스크립트에서 HTTP 요청을 보내고 진행 상황을 알려 주는 브라우저 객체입니다.',
    },
  },
  request: {
    en: 'request / response',
    ko: '요청 / 응답',
    first: '요청(request) / 응답(response)',
    avoid: ['리퀘스트', '리스폰스'],
    means: {
      en: 'What a client sends, and what the server sends back.',
      ko: '클라이언트가 보내는 것과 서버가 돌려주는 것입니다.',
    },
  },
  header: {
    en: 'header',
    ko: '헤더',
    first: '헤더(header)',
    avoid: ['해더'],
    means: {
      en: 'A name and value sent before the body of a request or response.',
      ko: '요청이나 응답의 본문 앞에 보내는 이름과 값입니다.',
    },
  },
  statusCode: {
    en: 'status code',
    ko: '상태 코드',
    first: '상태 코드(status code)',
    avoid: ['스테이터스 코드'],
    means: {
      en: 'The three-digit number that says how a request went: 200, 404, 500…',
      ko: '요청이 어떻게 처리됐는지 알려 주는 세 자리 숫자입니다. 200, 404, 500 등.',
    },
  },
  promise: {
    en: 'Promise',
    ko: '프로미스',
    first: '프로미스(Promise)',
    avoid: ['약속 객체', '프라미스'],
    means: {
      en: 'A value that settles later, with a result or an error; fetch() returns one.',
      ko: '나중에 결과나 오류로 정해지는 값입니다. fetch()가 이것을 돌려줍니다.',
    },
  },
  socket: {
    en: 'socket',
    ko: '소켓',
    first: '소켓(socket)',
    avoid: ['솟켓'],
    means: {
      en: 'One end of a network connection a program reads and writes.',
      ko: '프로그램이 읽고 쓰는 네트워크 연결의 한쪽 끝입니다.',
    },
  },
  stream: {
    en: 'stream',
    ko: '스트림',
    first: '스트림(stream)',
    avoid: ['스트륌'],
    means: {
      en: 'Bytes that arrive in pieces, in order, with no boundaries of their own.',
      ko: '경계 없이 순서대로 조각조각 도착하는 바이트입니다.',
    },
  },
  framing: {
    en: 'framing',
    ko: '프레이밍',
    first: '프레이밍(framing)',
    avoid: ['프래이밍'],
    means: {
      en: 'Marking where one message ends in a stream, for example with a newline.',
      ko: '스트림에서 한 메시지가 어디서 끝나는지 표시하는 것입니다. 예를 들어 줄바꿈으로요.',
    },
  },
  websocket: {
    en: 'WebSocket',
    ko: '웹소켓',
    first: '웹소켓(WebSocket)',
    avoid: ['웹 소켓', '웹소캣', '웹쏘켓'],
    means: {
      en: 'A two-way connection between browser and server that starts as an HTTP request.',
      ko: 'HTTP 요청으로 시작하는, 브라우저와 서버 사이의 양방향 연결입니다.',
    },
  },
  handshake: {
    en: 'handshake',
    ko: '핸드셰이크',
    first: '핸드셰이크(handshake)',
    avoid: ['핸드쉐이크', '핸드 셰이크'],
    means: {
      en: 'The exchange that opens a connection, such as the HTTP Upgrade of a WebSocket.',
      ko: '연결을 여는 주고받기입니다. 웹소켓의 HTTP Upgrade가 그 예입니다.',
    },
  },
  frame: {
    en: 'frame',
    ko: '프레임',
    first: '프레임(frame)',
    avoid: ['프래임'],
    means: {
      en: 'One unit of the WebSocket protocol: a text, binary, ping, pong or close.',
      ko: '웹소켓 프로토콜의 한 단위입니다. 텍스트, 바이너리, ping, pong, close가 있습니다.',
    },
  },
  subprotocol: {
    en: 'subprotocol',
    ko: '서브프로토콜',
    first: '서브프로토콜(subprotocol)',
    avoid: ['하위 프로토콜', '서브 프로토콜'],
    means: {
      en: 'A message format named during the WebSocket handshake.',
      ko: '웹소켓 핸드셰이크에서 이름을 정하는 메시지 형식입니다.',
    },
  },
  heartbeat: {
    en: 'heartbeat',
    ko: '하트비트',
    first: '하트비트(heartbeat)',
    avoid: ['하트 비트', '심박'],
    means: {
      en: 'A small message sent now and then to prove a quiet connection is still alive.',
      ko: '조용한 연결이 아직 살아 있음을 확인하려고 가끔 보내는 작은 메시지입니다.',
    },
  },
  closeCode: {
    en: 'close code',
    ko: '종료 코드',
    first: '종료 코드(close code)',
    avoid: ['클로즈 코드', '닫기 코드'],
    means: {
      en: 'The number a WebSocket close carries: 1000 normal, 1006 gone, 1009 too big…',
      ko: '웹소켓 종료에 담기는 숫자입니다. 1000 정상, 1006 끊김, 1009 너무 큼 등.',
    },
  },
  origin: {
    en: 'origin',
    ko: '출처',
    first: '출처(origin)',
    avoid: ['오리진', '원점'],
    means: {
      en: 'Scheme, host and port of a page: what the browser uses to keep sites apart.',
      ko: '페이지의 스킴, 호스트, 포트입니다. 브라우저가 사이트를 서로 떼어 놓는 기준입니다.',
    },
  },
  bfcache: {
    en: 'back/forward cache (bfcache)',
    ko: '뒤로/앞으로 캐시',
    first: '뒤로/앞으로 캐시(back/forward cache, bfcache)',
    avoid: ['백포워드 캐시', '백/포워드 캐시'],
    means: {
      en: 'The browser keeping a whole page frozen in memory, so Back shows it again at once.',
      ko: '브라우저가 페이지를 통째로 메모리에 얼려 두었다가 뒤로 가기에 바로 다시 보여 주는 기능입니다.',
    },
  },
  event: {
    en: 'event',
    ko: '이벤트',
    first: '이벤트(event)',
    avoid: ['이밴트'],
    means: {
      en: 'A named message: Socket.IO emits events, the browser dispatches them.',
      ko: '이름이 붙은 메시지입니다. Socket.IO는 이벤트를 emit하고 브라우저는 이벤트를 발생시킵니다.',
    },
  },
  ack: {
    en: 'acknowledgement (ack)',
    ko: '확인 응답',
    first: '확인 응답(acknowledgement, ack)',
    avoid: ['애크', '어크날리지먼트'],
    means: {
      en: 'The answer to one emitted event, delivered to the callback that sent it.',
      ko: 'emit한 이벤트 하나에 대한 답으로, 보낸 쪽 콜백으로 전달됩니다.',
    },
  },
  floodLimit: {
    en: 'flood limit (rate limit)',
    ko: '도배 제한',
    first: '도배 제한(flood limit)',
    avoid: ['플러드 리밋', '플러드 제한'],
    means: {
      en: 'A cap on how many messages one client may send per second; past it, they are refused.',
      ko: '클라이언트 하나가 1초에 보낼 수 있는 메시지 수의 상한입니다. 넘으면 거절됩니다.',
    },
  },
  broadcast: {
    en: 'broadcast',
    ko: '브로드캐스트',
    first: '브로드캐스트(broadcast)',
    avoid: ['브로드 캐스트', '브로드케스트'],
    means: {
      en: 'Sending one message to many clients at once.',
      ko: '메시지 하나를 여러 클라이언트에게 한꺼번에 보내는 것입니다.',
    },
  },
  namespace: {
    en: 'namespace',
    ko: '네임스페이스',
    first: '네임스페이스(namespace)',
    avoid: ['네임 스페이스', '이름공간', '이름 공간'],
    means: {
      en: 'A Socket.IO endpoint such as /chat, with its own events and rooms, on one connection.',
      ko: '하나의 연결 위에서 자기 이벤트와 룸을 갖는 /chat 같은 Socket.IO 엔드포인트입니다.',
    },
  },
  room: {
    en: 'room',
    ko: '룸',
    first: '룸(room)',
    avoid: ['대화방 그룹'],
    means: {
      en: 'A server-side group of sockets in a namespace, to send to all of them at once.',
      ko: '네임스페이스 안 소켓들의 서버 쪽 묶음으로, 한꺼번에 보내기 위한 것입니다.',
    },
  },
  adapter: {
    en: 'adapter',
    ko: '어댑터',
    first: '어댑터(adapter)',
    avoid: ['아답터', '어뎁터'],
    means: {
      en: 'The part of Socket.IO that knows rooms and forwards broadcasts to other servers.',
      ko: '룸을 알고 브로드캐스트를 다른 서버로 전달하는 Socket.IO의 구성 요소입니다.',
    },
  },
  stickySession: {
    en: 'sticky session',
    ko: '스티키 세션',
    first: '스티키 세션(sticky session)',
    avoid: ['스티키세션', '고정 세션'],
    means: {
      en: 'A load balancer sending every request of one client to the same server.',
      ko: '로드 밸런서가 한 클라이언트의 모든 요청을 같은 서버로 보내는 것입니다.',
    },
  },
  loadBalancer: {
    en: 'load balancer',
    ko: '로드 밸런서',
    first: '로드 밸런서(load balancer)',
    avoid: ['로드밸런서', '부하 분산기'],
    means: {
      en: 'A server that spreads connections over several servers.',
      ko: '연결을 여러 서버에 나눠 주는 서버입니다.',
    },
  },
  recovery: {
    en: 'connection state recovery',
    ko: '연결 상태 복구',
    first: '연결 상태 복구(connection state recovery)',
    avoid: ['커넥션 스테이트 리커버리'],
    means: {
      en: "Socket.IO's way to give a reconnecting client its id, rooms and missed packets back.",
      ko: '다시 연결한 클라이언트에게 id, 룸, 놓친 패킷을 돌려주는 Socket.IO의 기능입니다.',
    },
  },
  sse: {
    en: 'Server-Sent Events (SSE)',
    ko: '서버 전송 이벤트',
    first: '서버 전송 이벤트(Server-Sent Events, SSE)',
    avoid: ['서버 센트 이벤트', '서버센트 이벤트', '서버-센트 이벤트', '서버 발송 이벤트'],
    means: {
      en: 'A one-way stream of events from server to browser over one HTTP response.',
      ko: 'HTTP 응답 하나로 서버에서 브라우저로 흐르는 단방향 이벤트 스트림입니다.',
    },
  },
  polling: {
    en: 'polling',
    ko: '폴링',
    first: '폴링(polling)',
    avoid: ['풀링', '폴링잉'],
    means: {
      en: 'Asking the server again and again, at an interval, whether there is anything new.',
      ko: '새 소식이 있는지 일정한 간격으로 서버에 계속 묻는 방식입니다.',
    },
  },
  shortPolling: {
    en: 'short polling',
    ko: '숏 폴링',
    first: '숏 폴링(short polling)',
    avoid: ['숏폴링', '쇼트 폴링', '짧은 폴링'],
    means: {
      en: 'Polling in its plain form: a request at each interval, answered at once, news or not.',
      ko: '가장 단순한 폴링입니다. 간격마다 요청하고, 새 소식이 있든 없든 바로 답을 받습니다.',
    },
  },
  longPolling: {
    en: 'long polling',
    ko: '롱 폴링',
    first: '롱 폴링(long polling)',
    avoid: ['롱폴링', '긴 폴링', '롱풀링'],
    means: {
      en: 'Asking once and letting the server hold the answer until there is news.',
      ko: '한 번 묻고, 새 소식이 생길 때까지 서버가 답을 붙잡아 두게 하는 방식입니다.',
    },
  },
  streaming: {
    en: 'streaming',
    ko: '스트리밍',
    first: '스트리밍(streaming)',
    avoid: ['스트리밍잉'],
    means: {
      en: 'Keeping one response open and writing each piece of news into it.',
      ko: '응답 하나를 열어 둔 채 새 소식을 조각조각 써 보내는 방식입니다.',
    },
  },
  postMessage: {
    en: 'postMessage',
    ko: 'postMessage',
    first: 'postMessage',
    avoid: ['포스트메시지', '포스트 메시지'],
    means: {
      en: 'The browser call that sends a message to another window, frame or worker.',
      ko: '다른 창, 프레임, 워커에 메시지를 보내는 브라우저 호출입니다.',
    },
  },
  structuredClone: {
    en: 'structured clone',
    ko: '구조화된 복제',
    first: '구조화된 복제(structured clone)',
    avoid: ['구조적 클론', '스트럭처드 클론'],
    means: {
      en: 'How postMessage copies a value: deeply, without functions or DOM nodes.',
      ko: 'postMessage가 값을 복사하는 방식입니다. 깊게 복사하며 함수와 DOM 노드는 복사하지 않습니다.',
    },
  },
  backpressure: {
    en: 'backpressure',
    ko: '배압',
    first: '배압(backpressure)',
    avoid: ['백 프레셔', '역압'],
    means: {
      en: 'A slow reader making a fast writer wait, instead of letting data pile up.',
      ko: '데이터가 쌓이지 않도록 느린 읽는 쪽이 빠른 쓰는 쪽을 기다리게 하는 것입니다.',
    },
  },
  exercise: {
    en: 'exercise',
    ko: '연습 문제',
    first: '연습 문제(exercise)',
    avoid: ['엑서사이즈', '연습문제'],
    means: {
      en: 'A task in a chapter that you solve in code and the course checks.',
      ko: '챕터 안에서 코드로 풀고 코스가 확인해 주는 과제입니다.',
    },
  },
  pitfall: {
    en: 'pitfall',
    ko: '함정',
    first: '함정(pitfall)',
    avoid: ['피트폴'],
    means: {
      en: "A mistake the lecture's code makes or invites, shown and then fixed.",
      ko: '강의 코드가 저지르거나 부르기 쉬운 실수로, 보여 준 다음 고칩니다.',
    },
  },
} as const satisfies Record<string, Term>;

/** A key of the glossary. */
export type TermKey = keyof typeof GLOSSARY;
