// What `pnpm lesson`, `pnpm practice` and `pnpm start` print, in English and Korean.
// The terminal's locale picks the language (COURSE_LANG, LC_ALL, LC_MESSAGES, LANG).
import { defineMessages, formatNumber, type Lang, terminalLang } from '@course/kit/i18n';

/** The terminal's language. */
export const lang: Lang = terminalLang();
const n = (value: number) => formatNumber(lang, value);

const messages = defineMessages({
  en: {
    chaptersHeading: 'Chapters (run one with `pnpm lesson <name or number>`):',
    startingDev: (title: string, url: string) => `Starting ${title} in dev mode: ${url}`,
    ctrlCStopsAll: 'Ctrl-C stops everything.',
    hubAlreadyRunning: (url: string) => `The course hub is already running: ${url}`,
    hubAt: (url: string) => `The course hub: ${url} (--no-hub to skip)`,
    skippingBuild: 'Skipping the build (--no-build).',
    exitedStoppingAll: (name: string, code: number | null) =>
      `[${name}] exited with code ${code}; stopping every chapter.`,
    courseHub: (url: string) => `Course hub: ${url}`,
    everyChapterRunning: 'Every chapter is running (Ctrl-C stops them all):',
    tableHeader: '#   chapter             URL                       other ports',
    exercisesHeading: 'Exercises (start one with `pnpm practice <chapter> <number>`):',
    statusNotStarted: 'not started',
    statusInProgress: 'in progress',
    statusPassed: 'passed',
    passedOf: (passed: number, total: number) => `${n(passed)} of ${n(total)} passed.`,
    sameAsSolution: (mine: string) => `Your ${mine}/ is the same as the solution.`,
    yesNo: '[y/N]',
    checkHeading: (number: number, time: string) => `── Check of exercise ${number} (${time}) ──`,
    checkCouldNotRun: 'The check could not run. What it said:',
    allStepsPass: (steps: number, number: number) =>
      `✓ All ${n(steps)} steps pass: exercise ${number} passed!`,
    someStepsPass: (passed: number, total: number) =>
      `${n(passed)} of ${n(total)} steps pass. Save a file to check again.`,
    exerciseHeading: (title: string, number: number, exercise: string) =>
      `${title}, exercise ${number}: ${exercise}`,
    theTask: 'The task: ',
    edit: 'Edit:     ',
    thePage: 'The page: ',
    checkingNow: 'Checking your work now, and again each time you save. Ctrl-C stops everything.',
    usage: 'usage: pnpm practice <chapter> <number> [--diff | --solution | --reset]',
    startOver: (number: number, work: string) =>
      `Start exercise ${number} over? This deletes ${work}.`,
    kept: (work: string) => `Kept ${work}.`,
    deleted: (work: string) => `Deleted ${work}: starting over from the problem.`,
    copied: (work: string) => `Copied the starting code to ${work} (git ignores it).`,
  },
  ko: {
    chaptersHeading: '챕터 목록 (`pnpm lesson <이름 또는 번호>`로 하나를 실행합니다):',
    startingDev: (title, url) => `${title} 챕터를 개발 모드로 시작합니다: ${url}`,
    ctrlCStopsAll: 'Ctrl-C를 누르면 모두 멈춥니다.',
    hubAlreadyRunning: (url) => `코스 허브가 이미 실행 중입니다: ${url}`,
    hubAt: (url) => `코스 허브: ${url} (건너뛰려면 --no-hub)`,
    skippingBuild: '빌드를 건너뜁니다 (--no-build).',
    exitedStoppingAll: (name, code) =>
      `[${name}] 종료 코드 ${code}로 끝났습니다. 모든 챕터를 멈춥니다.`,
    courseHub: (url) => `코스 허브: ${url}`,
    everyChapterRunning: '모든 챕터가 실행 중입니다 (Ctrl-C를 누르면 모두 멈춥니다):',
    tableHeader: '#   챕터                URL                       다른 포트',
    exercisesHeading: '연습 문제 목록 (`pnpm practice <챕터> <번호>`로 하나를 시작합니다):',
    statusNotStarted: '시작 전',
    statusInProgress: '진행 중',
    statusPassed: '통과',
    passedOf: (passed, total) => `${n(total)}개 중 ${n(passed)}개 통과.`,
    sameAsSolution: (mine) => `여러분의 ${mine}/ 폴더는 정답과 같습니다.`,
    yesNo: '[y/N]',
    checkHeading: (number, time) => `── ${number}번 연습 문제 확인 (${time}) ──`,
    checkCouldNotRun: '확인을 실행하지 못했습니다. 출력된 내용:',
    allStepsPass: (steps, number) =>
      `✓ ${n(steps)}단계 모두 통과: ${number}번 연습 문제를 풀었습니다!`,
    someStepsPass: (passed, total) =>
      `${n(total)}단계 중 ${n(passed)}단계 통과. 파일을 저장하면 다시 확인합니다.`,
    exerciseHeading: (title, number, exercise) => `${title}, ${number}번 연습 문제: ${exercise}`,
    theTask: '과제:     ',
    edit: '고칠 파일:',
    thePage: '페이지:   ',
    checkingNow:
      '지금 작업을 확인하고, 저장할 때마다 다시 확인합니다. Ctrl-C를 누르면 모두 멈춥니다.',
    usage: '사용법: pnpm practice <챕터> <번호> [--diff | --solution | --reset]',
    startOver: (number, work) =>
      `${number}번 연습 문제를 처음부터 다시 할까요? ${work} 폴더를 지웁니다.`,
    kept: (work) => `${work} 폴더를 그대로 두었습니다.`,
    deleted: (work) => `${work} 폴더를 지웠습니다. 문제 코드에서 다시 시작합니다.`,
    copied: (work) => `시작 코드를 ${work} 폴더에 복사했습니다 (git은 이 폴더를 무시합니다).`,
  },
});

/** The launcher's texts in the terminal's language. */
export const t = messages[lang];
