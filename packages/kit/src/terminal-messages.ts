// What the kit prints to a learner's terminal (`pnpm lesson`, `pnpm start`, `pnpm practice`),
// in English and Korean, by the terminal's locale (COURSE_LANG, LC_ALL, LC_MESSAGES, LANG).
import { defineMessages, type Lang, terminalLang } from './i18n.ts';

/** The terminal's language, read once. */
export const terminal: Lang = terminalLang();

const messages = defineMessages({
  en: {
    devWithReload: ' (dev, with live reload)',
    portInUse: (pkg: string, port: number, name: string) =>
      `${pkg}: port ${port} (${name}) is already in use. Is this chapter running elsewhere? Stop it, or pick another port: ${name}=<port>.`,
    serverExited: (code: number | null) =>
      `The server stopped (exit ${code}). Fix it and save, or type r and Enter to start it again.`,
    restarting: (why: string) => `${why}: restarting the server…`,
    fileChanged: (file: string) => `${file} changed`,
    typedR: 'You typed r',
    serverStopped: 'Server stopped. Type r and Enter to start it again.',
    liveReload: (title: string, port: number) => `${title}: live reload on :${port}.`,
    keysHint: ' Type s + Enter to stop the server, r + Enter to start it again.',
    usage:
      'usage: course-chapter start|dev (in a chapter folder), or practice-dev <exercise folder> <variant>',
    wholeNumber: (min: number, max: number) => `must be a whole number from ${min} to ${max}`,
    runsWithoutUncaught: 'runs without an uncaught error',
    checkEndedWith: (code: number | null) => `the check ended with exit code ${code}`,
  },
  ko: {
    devWithReload: ' (개발 모드, 라이브 리로드)',
    portInUse: (pkg, port, name) =>
      `${pkg}: 포트 ${port}번(${name})을 이미 쓰고 있습니다. 이 챕터가 다른 곳에서 실행 중인가요? 그것을 멈추거나 다른 포트를 고르세요: ${name}=<포트>.`,
    serverExited: (code) =>
      `서버가 멈췄습니다 (종료 코드 ${code}). 고쳐서 저장하거나, r을 입력하고 Enter를 누르면 다시 시작합니다.`,
    restarting: (why) => `${why}: 서버를 다시 시작합니다…`,
    fileChanged: (file) => `${file} 파일이 바뀜`,
    typedR: 'r을 입력함',
    serverStopped: '서버를 멈췄습니다. r을 입력하고 Enter를 누르면 다시 시작합니다.',
    liveReload: (title, port) => `${title}: :${port}에서 라이브 리로드 중.`,
    keysHint: ' s + Enter는 서버를 멈추고, r + Enter는 다시 시작합니다.',
    usage:
      '사용법: course-chapter start|dev (챕터 폴더에서), 또는 practice-dev <연습 문제 폴더> <variant>',
    wholeNumber: (min, max) => `${min}부터 ${max}까지의 정수여야 합니다`,
    runsWithoutUncaught: '잡히지 않은 오류 없이 실행된다',
    checkEndedWith: (code) => `확인이 종료 코드 ${code}로 끝났습니다`,
  },
});

/** The kit's terminal texts in the terminal's language. */
export const say = messages[terminal];
