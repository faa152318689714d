import { defineMessages, formatNumber, plural } from '@course/kit/i18n';

/**
 * Every text of the chapter's page, in English and Korean. A text with `{instance}` or
 * `{adapter}` slots is filled by the page with elements the e2e specs read (see `slots()`).
 */
export default defineMessages({
  en: {
    navHome: 'Chapter home',
    title: 'Socket.IO at scale',
    lead: "The rooms chapter's `/chat`, served by several processes that share their rooms through Redis. Open this page in two windows: each may land on another instance, and a message still reaches both.",
    connection: 'Connection:',
    statusConnecting: 'connecting…',
    statusConnected: 'connected',
    statusRecovered: 'connected (session recovered)',
    statusDisconnected: (reason: string) => `disconnected: ${reason}`,
    statusCannotConnect: (message: string) => `cannot connect: ${message}`,
    // Topology.
    topologyHeading: 'Topology',
    thisTab: 'This tab is on instance {instance} ({adapter} adapter).',
    instancesHeading: 'Instances',
    clusterRoomsHeading: 'Rooms, cluster-wide',
    clusterRoomsExplain:
      'Each room with its member count over every instance, and how many are on each.',
    membersHeading: 'Members, cluster-wide',
    membersExplain:
      'From `fetchSockets()`, which asks every instance through the adapter: a tab on another instance is listed too.',
    instanceLine: (instance: string, pid: number, sockets: number, thisTab: boolean) =>
      `${instance} (pid ${pid}): ${formatNumber('en', sockets)} ${plural('en', sockets, { one: 'socket', other: 'sockets' })}${thisTab ? ' ← this tab' : ''}`,
    roomLine: (room: string, total: number, where: string) => `${room}: ${total} (${where})`,
    memberLine: (name: string, instance: string, rooms: string, thisTab: boolean) =>
      `${name || '(no name yet)'} on ${instance}: ${rooms || 'no room'}${thisTab ? ' (this tab)' : ''}`,
    // Room chat.
    chatHeading: 'Room chat across instances',
    youAreIn: 'You are in:',
    noRoom: 'no room',
    name: 'Name',
    room: 'Room',
    message: 'Message',
    send: 'Send',
    joinRoom: 'Join room',
    routesHeading: "Each message's path",
    routesExplain:
      'The instance it was sent to, then Redis, then every instance with a member in the room: each delivers it to its own sockets.',
    route: (
      name: string,
      msg: string,
      room: string,
      from: string,
      adapter: string,
      deliveredBy: string,
    ) =>
      `${name}: "${msg}" in ${room}: sent to ${from} → Redis (${adapter}) → delivered by ${deliveredBy}`,
    error: (error: string) => `Error: ${error}`,
    noAnswer: (message: string) => `no answer: ${message}`,
    // A worker dies.
    crashHeading: 'A worker dies',
    crashExplain:
      'Stops the process this tab is connected to. The tab reconnects to an instance that is still up and gets back into its room; the primary starts a new worker under the same name.',
    crashButton: "Stop this tab's instance",
    stopping: (instance: string) => `instance ${instance} is stopping…`,
    reconnected: (before: string, after: string) => `reconnected: instance ${before} → ${after}`,
    backRecovered: (room: string) => `back in ${room} (session recovered)`,
    backJoined: (room: string) => `back in ${room} (joined again)`,
  },
  ko: {
    navHome: '챕터 홈',
    title: 'Socket.IO 확장',
    lead: 'Socket.IO 룸 챕터의 `/chat`을 여러 프로세스가 Redis로 룸을 공유하며 제공합니다. 이 페이지를 창 두 개에서 열어 보세요. 창마다 다른 인스턴스에 붙을 수 있지만, 메시지는 두 창 모두에 닿습니다.',
    connection: '연결 상태:',
    statusConnecting: '연결 중…',
    statusConnected: '연결됨',
    statusRecovered: '연결됨 (세션 복구)',
    statusDisconnected: (reason) => `연결 끊김: ${reason}`,
    statusCannotConnect: (message) => `연결할 수 없음: ${message}`,
    topologyHeading: '토폴로지',
    thisTab: '이 탭은 인스턴스 {instance}에 있습니다 ({adapter} 어댑터).',
    instancesHeading: '인스턴스',
    clusterRoomsHeading: '클러스터 전체의 룸',
    clusterRoomsExplain: '룸마다 모든 인스턴스를 합한 인원수와, 인스턴스별 인원수입니다.',
    membersHeading: '클러스터 전체의 멤버',
    membersExplain:
      '`fetchSockets()`가 어댑터를 통해 모든 인스턴스에 물어본 결과입니다. 다른 인스턴스에 있는 탭도 나옵니다.',
    instanceLine: (instance, pid, sockets, thisTab) =>
      `${instance} (pid ${pid}): 소켓 ${formatNumber('ko', sockets)}개${thisTab ? ' ← 이 탭' : ''}`,
    roomLine: (room, total, where) => `${room}: ${total}명 (${where})`,
    memberLine: (name, instance, rooms, thisTab) =>
      `${name || '(아직 이름 없음)'} · 인스턴스 ${instance}: ${rooms || '룸 없음'}${thisTab ? ' (이 탭)' : ''}`,
    chatHeading: '인스턴스를 넘나드는 룸 채팅',
    youAreIn: '현재 룸:',
    noRoom: '룸 없음',
    name: '이름',
    room: '룸',
    message: '메시지',
    send: '보내기',
    joinRoom: '룸 입장',
    routesHeading: '메시지마다의 경로',
    routesExplain:
      '메시지를 받은 인스턴스, 그다음 Redis, 그다음 그 룸에 멤버가 있는 모든 인스턴스입니다. 각 인스턴스가 자기 소켓들에 전달합니다.',
    route: (name, msg, room, from, adapter, deliveredBy) =>
      `${name}: "${msg}" (룸 ${room}): 받은 인스턴스 ${from} → Redis (${adapter}) → 전달한 인스턴스 ${deliveredBy}`,
    error: (error) => `오류: ${error}`,
    noAnswer: (message) => `응답 없음: ${message}`,
    crashHeading: '워커가 죽으면',
    crashExplain:
      '이 탭이 연결된 프로세스를 멈춥니다. 탭은 아직 살아 있는 인스턴스에 다시 연결해 자기 룸으로 돌아가고, 프라이머리는 같은 이름으로 새 워커를 시작합니다.',
    crashButton: '이 탭의 인스턴스 멈추기',
    stopping: (instance) => `인스턴스 ${instance} 멈추는 중…`,
    reconnected: (before, after) => `다시 연결됨: 인스턴스 ${before} → ${after}`,
    backRecovered: (room) => `${room}에 돌아옴 (세션 복구)`,
    backJoined: (room) => `${room}에 돌아옴 (다시 입장)`,
  },
});
