import { defineMessages, formatNumber, plural } from '@course/kit/i18n';

/**
 * The lecture's own strings (its form in `06 mainclient04.html`): shown exactly as the
 * lecture has them, in both languages. Only the lecture's page and the exercises' pages,
 * which are the lecture's form, use them.
 */
const LECTURE_FORM = {
  lectureHeading: 'Socket.io Chat Example',
  lectureName: 'Name',
  lectureRoom: 'Room',
  lectureMessage: 'Message',
  lectureSend: 'Send',
} as const;

/** Every text of the chapter's pages (and its exercises' pages), in English and Korean. */
export default defineMessages({
  en: {
    ...LECTURE_FORM,
    // The nav.
    navHome: 'Chapter home',
    navLecture: "The lecture's room chat (pitfall)",
    navRooms: 'Rooms, fixed',
    // Shared by the pages.
    connection: 'Connection:',
    statusConnecting: 'connecting…',
    statusConnected: (mode: string) => `connected (${mode} mode)`,
    statusConnectedPlain: 'connected',
    statusDisconnected: (reason: string) => `disconnected: ${reason}`,
    statusCannotConnect: (message: string) => `cannot connect: ${message}`,
    error: (error: string) => `Error: ${error}`,
    noAnswer: (message: string) => `no answer: ${message}`,
    noRoom: 'no room',
    // Chapter home (/).
    homeTitle: 'Chapter home · Socket.IO rooms',
    homeHeading: 'Socket.IO rooms',
    homeLead:
      'Chapter 5 of the course. A namespace is a separate channel on one connection; a room is a named group of sockets inside a namespace that the server can send to. Open each page in two or three windows side by side.',
    homeLectureHeading: "The lecture's example",
    homeLectureItem:
      "[The lecture's room chat](/lecture): the name/room/message form on namespace `/chat`. Every message joins its room, and the room receives it. Switch rooms and you keep hearing the old one: that is the pitfall, shown and explained on the page.",
    homeBeyondHeading: 'Beyond the lecture',
    homeBeyondItem:
      '[Rooms, fixed](/rooms): one room at a time. Posting to or joining a room leaves the previous one. Explicit join and leave, the room list with member counts, the members of your room and "X joined/left" notices.',
    // The lecture's page (/lecture).
    lectureTitle: "The lecture's room chat · Socket.IO rooms",
    lecturePageHeading: "The lecture's room chat",
    lectureLead:
      "The lecture's form and handler, unchanged in behaviour: namespace `/chat`, event `chat message` with `{name, room, msg}`.",
    lectureExplain:
      "The server's handler calls `socket.join(room)` for every message and then sends `{name, msg}` to everyone in `room`, the sender too. It never calls `socket.leave()`. Post to room A, change the Room field to B and post again: this socket is now in **both** rooms, and everything said in A still appears here. Nothing on screen tells you which room a line came from, because the lecture's message carries no room.",
    lectureMyRooms: 'The server says this socket is in:',
    whyHeading: 'Why it happens, and the fix',
    whyRooms:
      "Socket.IO rooms are server-side sets of sockets. `join()` adds the socket to a set, and only `leave()` or a disconnect removes it. The lecture stores the latest room in `socket.room` but never uses it to leave the previous room, so membership only grows. Each room you ever posted to keeps sending you its messages, and the room's member count includes you.",
    whyFix:
      'The fix, on [Rooms, fixed](/rooms): keep one room per socket. Before joining a new room, leave the old one. Then say so with "X left" and "X joined" notices, and let the user join or leave without posting.',
    // The fixed page (/rooms).
    roomsTitle: 'Rooms, fixed · Socket.IO rooms',
    roomsHeading: 'Rooms, fixed: one room at a time',
    roomsLead:
      'The same `/chat` namespace and the same `chat message` event, but this socket is in at most one room: posting to or joining a room leaves the previous one.',
    chatHeading: 'Room chat',
    youAreIn: 'You are in:',
    name: 'Name',
    room: 'Room',
    message: 'Message',
    send: 'Send',
    joinRoom: 'Join room',
    leaveRoom: 'Leave room',
    roomsListHeading: 'Rooms',
    roomsListExplain:
      'Every room of the namespace with its member count, updated as sockets join and leave. A room exists while it has a member: the server deletes it when the last one leaves or disconnects.',
    noRooms: 'No rooms yet: join one or post to one.',
    memberCount: (count: number) =>
      `(${formatNumber('en', count)} ${plural('en', count, { one: 'member', other: 'members' })})`,
    youAreHere: '← you are here',
    switchHere: 'Switch here',
    membersHeading: (room: string) => `Members of ${room}`,
    yourRoom: 'your room',
    notice: (name: string, action: 'joined' | 'left', room: string) => `${name} ${action} ${room}`,
    // The exercises' pages.
    ex1Title: 'Exercise: leave the previous room · Socket.IO rooms',
    ex1Heading: 'Leave the previous room',
    ex1Lead:
      'Your `server.ts` runs behind this page. Open it in two windows, post to room A in both, then move the first window to room B.',
    ex2Title: 'Exercise: notices for the room only · Socket.IO rooms',
    ex2Heading: 'Notices for the room only',
    ex2Lead:
      'Your `server.ts` runs behind this page. Open it in three windows: two in room A, one in room B.',
    ex2Notice: (name: string, action: 'joined' | 'left', room: string) =>
      `— ${name} ${action} ${room}`,
  },
  ko: {
    ...LECTURE_FORM,
    navHome: '챕터 홈',
    navLecture: '강의의 룸 채팅 (함정)',
    navRooms: '룸, 고친 버전',
    connection: '연결 상태:',
    statusConnecting: '연결 중…',
    statusConnected: (mode) => `연결됨 (${mode} 모드)`,
    statusConnectedPlain: '연결됨',
    statusDisconnected: (reason) => `연결 끊김: ${reason}`,
    statusCannotConnect: (message) => `연결할 수 없음: ${message}`,
    error: (error) => `오류: ${error}`,
    noAnswer: (message) => `응답 없음: ${message}`,
    noRoom: '룸 없음',
    homeTitle: '챕터 홈 · Socket.IO 룸',
    homeHeading: 'Socket.IO 룸',
    homeLead:
      '코스의 5장입니다. 네임스페이스(namespace)는 연결 하나 위에 놓인 별도의 채널이고, 룸(room)은 네임스페이스 안에서 이름이 붙은 소켓 묶음으로 서버가 한꺼번에 메시지를 보낼 수 있습니다. 페이지마다 창을 두세 개 나란히 열어 보세요.',
    homeLectureHeading: '강의의 예제',
    homeLectureItem:
      '[강의의 룸 채팅](/lecture): 네임스페이스 `/chat`에서 쓰는 이름/룸/메시지 폼입니다. 메시지를 보낼 때마다 그 룸에 들어가고, 룸 전체가 메시지를 받습니다. 룸을 바꿔도 예전 룸의 메시지가 계속 들립니다. 이것이 함정이며, 페이지에서 직접 보여 주고 설명합니다.',
    homeBeyondHeading: '강의 너머',
    homeBeyondItem:
      '[룸, 고친 버전](/rooms): 한 번에 한 룸에만 있습니다. 룸에 메시지를 보내거나 들어가면 이전 룸에서 나옵니다. 명시적인 입장과 퇴장, 인원수가 붙은 룸 목록, 내 룸의 멤버, "X님이 들어왔습니다/나갔습니다" 알림이 있습니다.',
    lectureTitle: '강의의 룸 채팅 · Socket.IO 룸',
    lecturePageHeading: '강의의 룸 채팅',
    lectureLead:
      '강의의 폼과 핸들러를 동작 그대로 옮겼습니다. 네임스페이스 `/chat`, 이벤트 `chat message`, 데이터 `{name, room, msg}`.',
    lectureExplain:
      '서버의 핸들러는 메시지마다 `socket.join(room)`을 호출한 다음 `{name, msg}`를 `room`에 있는 모두에게, 보낸 사람에게도 보냅니다. `socket.leave()`는 한 번도 호출하지 않습니다. 룸 A에 메시지를 보내고 Room 칸을 B로 바꿔 다시 보내 보세요. 이제 이 소켓은 **두** 룸 모두에 들어 있어서, A에서 오가는 말이 여전히 여기에 나타납니다. 강의의 메시지에는 룸이 없으니, 화면만 봐서는 어느 룸에서 온 줄인지 알 수 없습니다.',
    lectureMyRooms: '서버가 알려 준 이 소켓의 룸:',
    whyHeading: '왜 이렇게 되는지, 그리고 고친 방법',
    whyRooms:
      'Socket.IO의 룸은 서버 쪽에 있는 소켓 집합입니다. `join()`은 소켓을 집합에 넣고, 빼는 것은 `leave()`나 연결 끊김뿐입니다. 강의는 마지막 룸을 `socket.room`에 저장하지만 그것으로 이전 룸에서 나오지는 않으므로, 소속된 룸은 늘어나기만 합니다. 한 번이라도 메시지를 보낸 룸은 모두 계속 메시지를 보내오고, 그 룸의 인원수에도 내가 들어갑니다.',
    whyFix:
      '고친 방법은 [룸, 고친 버전](/rooms)에 있습니다. 소켓마다 룸을 하나만 둡니다. 새 룸에 들어가기 전에 이전 룸에서 나옵니다. 그리고 "X님이 나갔습니다", "X님이 들어왔습니다" 알림으로 알리고, 메시지를 보내지 않고도 룸에 들어가고 나갈 수 있게 합니다.',
    roomsTitle: '룸, 고친 버전 · Socket.IO 룸',
    roomsHeading: '룸, 고친 버전: 한 번에 한 룸',
    roomsLead:
      '같은 `/chat` 네임스페이스, 같은 `chat message` 이벤트지만, 이 소켓은 많아야 한 룸에만 있습니다. 룸에 메시지를 보내거나 들어가면 이전 룸에서 나옵니다.',
    chatHeading: '룸 채팅',
    youAreIn: '현재 룸:',
    name: '이름',
    room: '룸',
    message: '메시지',
    send: '보내기',
    joinRoom: '룸 입장',
    leaveRoom: '룸 나가기',
    roomsListHeading: '룸 목록',
    roomsListExplain:
      '네임스페이스의 모든 룸과 인원수입니다. 소켓이 들어오고 나갈 때마다 갱신됩니다. 룸은 멤버가 있는 동안만 존재합니다. 마지막 멤버가 나가거나 연결을 끊으면 서버가 룸을 지웁니다.',
    noRooms: '아직 룸이 없습니다. 룸에 들어가거나 메시지를 보내 보세요.',
    memberCount: (count) => `(${formatNumber('ko', count)}명)`,
    youAreHere: '← 지금 여기',
    switchHere: '여기로 이동',
    membersHeading: (room) => `${room}의 멤버`,
    yourRoom: '내 룸',
    notice: (name, action, room) =>
      action === 'joined'
        ? `${name}님이 ${room}에 들어왔습니다`
        : `${name}님이 ${room}에서 나갔습니다`,
    ex1Title: '연습 문제: 이전 룸에서 나오기 · Socket.IO 룸',
    ex1Heading: '이전 룸에서 나오기',
    ex1Lead:
      '이 페이지 뒤에서 여러분의 `server.ts`가 돌아갑니다. 창 두 개에서 열고, 두 창 모두 룸 A에 메시지를 보낸 다음, 첫 번째 창을 룸 B로 옮겨 보세요.',
    ex2Title: '연습 문제: 알림은 그 룸에만 · Socket.IO 룸',
    ex2Heading: '알림은 그 룸에만',
    ex2Lead:
      '이 페이지 뒤에서 여러분의 `server.ts`가 돌아갑니다. 창 세 개에서 여세요. 두 개는 룸 A, 하나는 룸 B에 둡니다.',
    ex2Notice: (name, action, room) =>
      action === 'joined'
        ? `— ${name}님이 ${room}에 들어왔습니다`
        : `— ${name}님이 ${room}에서 나갔습니다`,
  },
});
