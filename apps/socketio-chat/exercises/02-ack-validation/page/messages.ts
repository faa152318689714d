import { defineMessages } from '@course/kit/i18n';

/** The exercise page's texts, in English and Korean. What arrives over the wire is not here. */
export default defineMessages({
  en: {
    title: 'Exercise: a chat event that answers bad input · Socket.IO chat',
    heading: 'A chat event that answers bad input',
    lead: 'Edit `server.ts` beside this page and save: the server restarts, and the page reconnects and logs in again.',
    sectionHeading: 'Send what a page should not',
    loginNote: 'The page logs in as `kgh` on every connect:',
    connecting: 'connecting…',
    buttonsNote:
      'Each button sends one `chat` with that payload, exactly as written, and logs the ack, or that none came within 2 s.',
    noAckLabel: 'send without an ack callback',
    acksHeading: 'Acks',
    deliveredHeading: 'Delivered to everyone (`chat`)',
    nothing: 'nothing',
    connectedLoggingIn: (id: string) => `connected as ${id}, logging in…`,
    noLoginAck: 'no ack for login',
    loggedIn: 'logged in',
    disconnected: (reason: string) => `disconnected (${reason})`,
    sentWithoutAck: (label: string) => `${label}, without an ack: sent`,
    noAckWithin: 'no ack within 2 s',
    ackLine: (label: string, result: string) => `${label}: ${result}`,
  },
  ko: {
    title: '연습 문제: 잘못된 입력에 답하는 chat 이벤트 · Socket.IO 채팅',
    heading: '잘못된 입력에 답하는 chat 이벤트',
    lead: '이 페이지 옆의 `server.ts`를 고치고 저장하세요. 서버가 다시 시작되고, 페이지가 다시 연결해 로그인합니다.',
    sectionHeading: '페이지가 보내서는 안 되는 것 보내기',
    loginNote: '페이지는 연결할 때마다 `kgh`로 로그인합니다:',
    connecting: '연결 중…',
    buttonsNote:
      '각 버튼은 그 페이로드를 적힌 그대로 담은 `chat`을 하나 보내고, 확인 응답을 기록합니다. 2초 안에 오지 않으면 그렇다고 기록합니다.',
    noAckLabel: '확인 응답 콜백 없이 보내기',
    acksHeading: '확인 응답',
    deliveredHeading: '모두에게 전달된 것 (`chat`)',
    nothing: '없음',
    connectedLoggingIn: (id) => `연결됨 (${id}), 로그인하는 중…`,
    noLoginAck: 'login에 대한 확인 응답 없음',
    loggedIn: '로그인됨',
    disconnected: (reason) => `연결 끊김 (${reason})`,
    sentWithoutAck: (label) => `${label}, 확인 응답 없이: 보냄`,
    noAckWithin: '2초 안에 확인 응답 없음',
    ackLine: (label, result) => `${label}: ${result}`,
  },
});
