// The exercise page's texts, in English and Korean: shared by problem/, solution/ and your work/.
import { defineMessages } from '@course/kit/i18n';

export default defineMessages({
  en: {
    pageTitle: 'Exercise: ask only for what is new · Polling vs push',
    title: 'Ask only for what is new',
    lead: 'Edit `page.ts` beside this page and save: the page reloads by itself.',
    pollHeading: 'A short-polling client',
    pollText:
      '"Start a run" asks the chapter\'s server for a run of 10 messages, 10 a second, and starts it. The page then polls `GET /feed/poll` every 200 ms and lists what each answer brings.',
    start: 'Start a run',
    runLabel: 'run: ',
    stateLabel: 'state: ',
    countLabel: 'lines shown: ',
    noRunYet: 'none yet',
    stateNotStarted: 'not started',
    statePolling: 'polling',
    stateDone: 'done',
    stateFailed: (error: string) => `failed: ${error}`,
  },
  ko: {
    pageTitle: '연습 문제: 새로운 것만 묻기 · 폴링과 푸시',
    title: '새로운 것만 묻기',
    lead: '이 페이지 옆의 `page.ts`를 고치고 저장하세요. 페이지가 저절로 다시 로드됩니다.',
    pollHeading: '숏 폴링 클라이언트',
    pollText:
      '"실행 시작"을 누르면 챕터 서버에 초당 10개씩 메시지 10개를 보내는 실행을 요청하고 시작합니다. 그다음 페이지가 200 ms마다 `GET /feed/poll`을 폴링하고, 응답마다 가져온 것을 목록에 보여 줍니다.',
    start: '실행 시작',
    runLabel: '실행: ',
    stateLabel: '상태: ',
    countLabel: '보여 준 줄: ',
    noRunYet: '아직 없음',
    stateNotStarted: '시작 전',
    statePolling: '폴링 중',
    stateDone: '완료',
    stateFailed: (error) => `실패: ${error}`,
  },
});
