import { defineMessages } from '@course/kit/i18n';

/** The exercise page's texts, in English and Korean. What arrives over the wire is not here. */
export default defineMessages({
  en: {
    title: 'Exercise: the four ways to deliver · Socket.IO chat',
    heading: 'The four ways to deliver a chat message',
    lead: 'Edit `server.ts` beside this page and save: the server restarts, and the three clients below reconnect and log in again.',
    sectionHeading: 'Three clients in one page',
    explain:
      "A, B and C are three Socket.IO connections, as three tabs would be. Pick a way to deliver, then send from one of them: each client's log shows what reached it, and under which event (`chat` or `s2c chat`).",
    viaLabel: 'Deliver with',
    toLabel: 'to (for io.to)',
    connecting: 'connecting…',
    sendFrom: (name: string) => `Send from ${name}`,
    connected: (id: string) => `connected, id ${id}`,
    disconnected: (reason: string) => `disconnected (${reason})`,
    noAck: 'no ack after 5000 ms',
    ackOk: 'acked ok',
    refused: (error: string) => `refused: ${error}`,
    loginResult: (result: string) => `login ${result}`,
    message: (n: number, name: string) => `message ${n} from ${name}`,
    sentWith: (msg: string, via: string, result: string) => `sent '${msg}' with ${via}: ${result}`,
  },
  ko: {
    title: '연습 문제: 네 가지 전달 방법 · Socket.IO 채팅',
    heading: '채팅 메시지를 전달하는 네 가지 방법',
    lead: '이 페이지 옆의 `server.ts`를 고치고 저장하세요. 서버가 다시 시작되고, 아래 세 클라이언트가 다시 연결해 로그인합니다.',
    sectionHeading: '한 페이지에 클라이언트 세 개',
    explain:
      'A, B, C는 탭 세 개처럼 서로 다른 Socket.IO 연결입니다. 전달 방법을 고른 다음 그중 하나에서 보내세요. 각 클라이언트의 로그에 무엇이 닿았는지, 어떤 이벤트(`chat` 또는 `s2c chat`)로 왔는지 나타납니다.',
    viaLabel: '전달 방식',
    toLabel: '받는 사람 (io.to용)',
    connecting: '연결 중…',
    sendFrom: (name) => `${name}에서 보내기`,
    connected: (id) => `연결됨, id ${id}`,
    disconnected: (reason) => `연결 끊김 (${reason})`,
    noAck: '5000 ms 동안 확인 응답 없음',
    ackOk: '확인 응답 ok',
    refused: (error) => `거부됨: ${error}`,
    loginResult: (result) => `login: ${result}`,
    message: (n, name) => `${name}의 메시지 ${n}`,
    sentWith: (msg, via, result) => `'${msg}'를 ${via}로 보냄: ${result}`,
  },
});
