import { defineMessages, plural } from '@course/kit/i18n';

// Every text of the chapter's pages, in English and Korean: a key missing on either side
// fails the type-check. Keys are grouped by page (`home…`, `chat…`) and, on /chat, by section.
// The lecture's own strings (`Socket.IO Chat Example`, `Message: `, `Send`, `님이 입장하셨습니다`)
// are the same in both languages: they are what the lecture's page shows, never translated.
// What arrives over the wire (names, messages, the server's error acks and notices) is not here.
export default defineMessages({
  en: {
    navHome: 'Chapter home',
    navChat: '/chat',

    // ── / ──
    homeTitle: 'Chapter home · Socket.IO chat',
    homeHeading: 'Socket.IO chat',
    homeLead:
      "The lecture's Socket.IO chat: `login`, `chat` and `forceDisconnect` events, and the four ways a server can deliver a message. Open the chat in two or three tabs (or two browsers) to see who gets what.",
    homeLectureHeading: "The lecture's example",
    homeChatItem:
      '[/chat](/chat): log in with a name and userid, then chat. Each login shows `<name>님이 입장하셨습니다`, each message `name: msg`; the Disconnect button sends `forceDisconnect`.',
    homeBeyondHeading: 'Beyond the lecture',
    homeBeyondItem:
      'On the same page: the delivery variant picker (`io.emit`, `socket.broadcast.emit`, `socket.emit`, `io.to(id)`), ✓ acknowledgements with a timeout and Retry, a typing indicator, the online list with join and leave notices, and a "Drop the connection" button that shows connection state recovery.',

    // ── /chat ──
    chatTitle: '/chat · Socket.IO chat',
    // The lecture's heading (its page says "Socket.io Chat Example").
    chatHeading: 'Socket.IO Chat Example',
    chatLead:
      'Open this page in two or three tabs. Log in with a different name in each, pick how the server delivers the next message, and watch which tabs get it.',
    chatPanelsNote:
      'Each part of the page has "Show the code" panels: the code that runs here, with a note on each line that matters. The lecture\'s handlers and page do not run in this chapter as written (a `login` with no payload would stop the server), so there is no lecture\'s view to compare; the notes say what the fixed code adds.',

    // Log in
    loginHeading: 'Log in',
    loginText:
      'Sends `login` `{name, userid}`; the server stores both on the socket and tells everyone `login` with the name.',
    nameLabel: 'name',
    useridLabel: 'userid',
    loginButton: 'Log in',
    notLoggedIn: 'Not logged in.',
    loginPageNote: "The page sends the form's fields and waits for the ack.",
    loginHandlerNote:
      'The server checks the payload, keeps both fields in `socket.data`, acks, and tells everyone the name.',
    schemasNote:
      'What a valid payload is: one valibot schema per event, whose messages are the error acks.',
    joinNoticeNote: 'Every tab shows the join notice, built from text nodes only.',

    // Connection
    connHeading: 'Connection',
    connecting: 'Connecting…',
    disconnectButton: 'Disconnect',
    reconnectButton: 'Reconnect',
    dropButton: 'Drop the connection',
    connExplain:
      '**Disconnect** sends `forceDisconnect`: the server calls `socket.disconnect()` and the client stays down until you press Reconnect. **Drop the connection** closes the transport as a network failure would: the client reconnects by itself and connection state recovery replays what it missed.',
    buttonsNote: 'The three buttons.',
    forceNote: 'The server acks `forceDisconnect`, then ends the session.',
    stateNote:
      'The page says whether the client comes back by itself, and logs in again on a new session.',
    recoveryNote:
      'Recovery is an option of the server; a recovered socket tells the others it is back.',
    connected: (id: string) => `Connected as ${id}.`,
    connectedRecovered: (id: string) =>
      `Connected again as ${id}: recovered (socket.recovered = true). Missed messages were replayed.`,
    stayedDown: (reason: string) =>
      `Disconnected (${reason}). The client will not reconnect by itself: press Reconnect.`,
    connectionLost: (reason: string) => `Connection lost (${reason}). Reconnecting by itself…`,
    cannotConnect: (message: string) => `Cannot connect: ${message}. Retrying…`,

    // Login results
    loginNoAnswer: (ms: number) => `No answer to login within ${ms} ms.`,
    loginRefused: (error: string) => `Login refused: ${error}`,
    loggedInAs: (name: string, userid: string) => `Logged in as ${name} (${userid}).`,

    // Chat
    chatSectionHeading: 'Chat',
    viaLabel: 'Deliver with',
    viaIoEmit: 'io.emit: everyone',
    viaBroadcast: 'socket.broadcast.emit: everyone but me',
    viaSocketEmit: 'socket.emit: back to me only',
    viaIoTo: 'io.to(id): one user',
    toLabel: 'to',
    ackTimeoutLabel: 'ack timeout (ms)',
    // The lecture's label and button.
    msgLabel: 'Message: ',
    sendButton: 'Send',
    deliveredHeading: 'Delivered to this tab',
    sentHeading: 'Sent from this tab',
    sendNote:
      'The page sends the message box with the variant you picked and a fresh id, on Send or Enter.',
    chatHandlerNote:
      'The server checks the sender and the payload, then delivers the message one of the four ways.',
    variantsNote: 'The four variants alone: who gets the message, and as which event.',
    showNote: 'Each tab shows what it receives, as `chat` or `s2c chat`.',
    ackNote:
      'The ✓, the ✗ and Retry: an ack with a timeout. The server delivers a retried id once.',
    floodNote: 'Flood control runs before every handler.',
    typingNote: 'Typing: one event when it starts, one when it stops, and a timeout on the server.',
    ackClosed: 'no ack: the connection closed before the server answered',
    ackTimedOut: (ms: number) => `no ack after ${ms} ms`,
    retry: 'Retry',
    typing: (names: string, count: number) =>
      `${names} ${plural('en', count, { one: 'is', other: 'are' })} typing…`,

    // Online
    onlineHeading: 'Online',
    usersListNote: "The server's list: logged-in sockets, with the id that `io.to(id)` needs.",
    usersPageNote: 'The page shows it and fills the `io.to(id)` picker from it.',
    leaveNote:
      'Whoever leaves: the server cleans up and tells the others, and each tab shows who left or came back.',
    offlineList: 'offline: the list updates when this tab is connected',
    you: 'you',
    nobodyElse: 'nobody else is online',
    left: (name: string, reason: string) => `${name} left (${reason})`,
    leftNoReason: 'disconnected',
    back: (name: string) => `${name} is back (connection recovered)`,
  },
  ko: {
    navHome: '챕터 홈',
    navChat: '/chat',

    // ── / ──
    homeTitle: '챕터 홈 · Socket.IO 채팅',
    homeHeading: 'Socket.IO 채팅',
    homeLead:
      '강의의 Socket.IO 채팅입니다. `login`, `chat`, `forceDisconnect` 이벤트(event)와, 서버가 메시지를 전달하는 네 가지 방법을 살펴봅니다. 채팅을 탭 두세 개(또는 브라우저 두 개)에서 열고 누가 무엇을 받는지 확인해 보세요.',
    homeLectureHeading: '강의의 예제',
    homeChatItem:
      '[/chat](/chat): 이름과 userid로 로그인한 다음 채팅합니다. 로그인할 때마다 `<name>님이 입장하셨습니다`가, 메시지마다 `name: msg`가 나타납니다. **연결 끊기** 버튼은 `forceDisconnect`를 보냅니다.',
    homeBeyondHeading: '강의 너머',
    homeBeyondItem:
      '같은 페이지에서 더 볼 수 있습니다. 전달 방식 선택(`io.emit`, `socket.broadcast.emit`, `socket.emit`, `io.to(id)`), 타임아웃과 다시 보내기가 있는 ✓ 확인 응답(acknowledgement, ack), 입력 중 표시, 입장·퇴장 알림이 붙은 접속자 목록, 그리고 연결 상태 복구(connection state recovery)를 보여 주는 "네트워크 끊김 흉내" 버튼입니다.',

    // ── /chat ──
    chatTitle: '/chat · Socket.IO 채팅',
    chatHeading: 'Socket.IO Chat Example',
    chatLead:
      '이 페이지를 탭 두세 개에서 여세요. 탭마다 다른 이름으로 로그인하고, 서버가 다음 메시지를 어떻게 전달할지 고른 뒤, 어느 탭이 받는지 지켜보세요.',
    chatPanelsNote:
      '페이지의 각 부분에 "코드 보기" 패널이 있습니다. 여기서 실행되는 코드와, 중요한 줄마다 붙은 설명입니다. 이 챕터는 강의의 핸들러와 페이지를 그대로 실행하지 않으므로(페이로드 없는 `login` 하나가 서버를 멈춥니다) 비교할 강의 버전이 없습니다. 고친 코드가 무엇을 더하는지는 설명에 적혀 있습니다.',

    // Log in
    loginHeading: '로그인',
    loginText:
      '`login` `{name, userid}`를 보냅니다. 서버는 두 값을 소켓(socket)에 저장하고, 이름을 담은 `login`을 모두에게 보냅니다.',
    nameLabel: '이름',
    useridLabel: '사용자 ID',
    loginButton: '로그인',
    notLoggedIn: '로그인하지 않았습니다.',
    loginPageNote: '페이지는 폼의 두 값을 보내고 확인 응답(acknowledgement, ack)을 기다립니다.',
    loginHandlerNote:
      '서버는 페이로드를 검사하고, 두 값을 `socket.data`에 보관하고, 확인 응답을 보낸 뒤 모두에게 이름을 알립니다.',
    schemasNote:
      '유효한 페이로드의 정의입니다. 이벤트(event)마다 valibot 스키마가 하나씩 있고, 그 메시지가 곧 오류 확인 응답입니다.',
    joinNoticeNote: '모든 탭이 입장 알림을 보여 줍니다. 텍스트 노드로만 만듭니다.',

    // Connection
    connHeading: '연결',
    connecting: '연결 중…',
    disconnectButton: '연결 끊기',
    reconnectButton: '다시 연결',
    dropButton: '네트워크 끊김 흉내',
    connExplain:
      '**연결 끊기**는 `forceDisconnect`를 보냅니다. 서버가 `socket.disconnect()`를 호출하고, 클라이언트는 다시 연결을 누를 때까지 끊긴 채로 있습니다. **네트워크 끊김 흉내**는 네트워크 장애가 난 것처럼 전송 계층(transport)을 닫습니다. 클라이언트는 스스로 다시 연결하고, 연결 상태 복구(connection state recovery)가 놓친 메시지를 다시 보내 줍니다.',
    buttonsNote: '세 버튼의 코드입니다.',
    forceNote: '서버는 `forceDisconnect`에 확인 응답을 보낸 다음 세션을 끝냅니다.',
    stateNote: '페이지는 클라이언트가 스스로 돌아오는지 알려 주고, 새 세션이면 다시 로그인합니다.',
    recoveryNote:
      '복구는 서버의 옵션입니다. 복구된 소켓은 다른 사용자에게 자기가 돌아왔다고 알립니다.',
    connected: (id) => `연결되었습니다. 소켓 id: ${id}`,
    connectedRecovered: (id) =>
      `다시 연결되었습니다. 소켓 id: ${id}, 복구됨 (socket.recovered = true). 놓친 메시지를 다시 받았습니다.`,
    stayedDown: (reason) =>
      `연결이 끊겼습니다 (${reason}). 클라이언트가 스스로 다시 연결하지 않으니 다시 연결을 누르세요.`,
    connectionLost: (reason) => `연결이 끊어졌습니다 (${reason}). 스스로 다시 연결하는 중…`,
    cannotConnect: (message) => `연결할 수 없습니다: ${message}. 다시 시도하는 중…`,

    // Login results
    loginNoAnswer: (ms) => `${ms} ms 안에 login에 대한 답이 오지 않았습니다.`,
    loginRefused: (error) => `로그인 거부됨: ${error}`,
    loggedInAs: (name, userid) => `로그인됨: ${name} (${userid})`,

    // Chat
    chatSectionHeading: '채팅',
    viaLabel: '전달 방식',
    viaIoEmit: 'io.emit: 모두에게',
    viaBroadcast: 'socket.broadcast.emit: 나를 뺀 모두에게',
    viaSocketEmit: 'socket.emit: 나에게만',
    viaIoTo: 'io.to(id): 한 사용자에게',
    toLabel: '받는 사람',
    ackTimeoutLabel: '확인 응답 타임아웃 (ms)',
    msgLabel: 'Message: ',
    sendButton: 'Send',
    deliveredHeading: '이 탭이 받은 메시지',
    sentHeading: '이 탭에서 보낸 메시지',
    sendNote:
      'Send를 누르거나 Enter를 치면, 페이지가 입력한 메시지를 고른 전달 방식과 새 id와 함께 보냅니다.',
    chatHandlerNote:
      '서버는 보낸 사람과 페이로드를 검사한 뒤, 네 가지 방법 중 하나로 메시지를 전달합니다.',
    variantsNote: '네 가지 전달 방식만 따로 봅니다. 누가 메시지를 받는지, 어떤 이벤트로 받는지.',
    showNote:
      '각 탭은 받은 메시지를 `chat`과 `s2c chat` 중 어느 이벤트로 받았는지와 함께 보여 줍니다.',
    ackNote:
      '✓, ✗, 다시 보내기: 타임아웃이 있는 확인 응답입니다. 서버는 다시 보낸 id를 한 번만 전달합니다.',
    floodNote: '도배 제한은 모든 핸들러보다 먼저 실행됩니다.',
    typingNote:
      '입력 중 표시: 입력을 시작할 때 이벤트 하나, 멈출 때 하나, 그리고 서버 쪽 타임아웃.',
    ackClosed: '확인 응답 없음: 서버가 답하기 전에 연결이 닫혔습니다',
    ackTimedOut: (ms) => `${ms} ms 동안 확인 응답 없음`,
    retry: '다시 보내기',
    typing: (names) => `${names}님이 입력 중…`,

    // Online
    onlineHeading: '접속자',
    usersListNote: '서버의 목록입니다. 로그인한 소켓과, `io.to(id)`에 필요한 id가 담깁니다.',
    usersPageNote: '페이지는 이 목록을 보여 주고, 이 목록으로 `io.to(id)` 선택 상자를 채웁니다.',
    leaveNote:
      '누가 나가면 서버가 뒷정리를 하고 다른 사용자에게 알립니다. 각 탭은 누가 나갔고 누가 돌아왔는지 보여 줍니다.',
    offlineList: '오프라인: 이 탭이 연결되면 목록이 갱신됩니다',
    you: '나',
    nobodyElse: '접속한 다른 사용자가 없습니다',
    left: (name, reason) => `${name}님이 나갔습니다 (${reason})`,
    leftNoReason: '연결 끊김',
    back: (name) => `${name}님이 돌아왔습니다 (연결 상태 복구)`,
  },
});
