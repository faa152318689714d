import { defineMessages, plural } from '@course/kit/i18n';

/** Every text of the chapter's page, in English and Korean: a key missing on either side fails the type-check. */
export default defineMessages({
  en: {
    pageTitle: 'Side by side · Polling vs push, measured',
    title: 'Polling vs push, measured',
    navCompare: 'Side by side',
    lead: 'The lecture says polling, long polling and streaming waste headers, connections and server work next to WebSocket, but gives no numbers. Here one feed of N messages goes out six ways at once, and the server counts every byte on every socket.',

    // The run's controls
    controlsHeading: 'Run the feed',
    controlsText:
      'The server publishes N messages at a steady rate. All six clients below follow the same feed at the same time; each reports when it received every message, so the server can work out latency, losses and duplicates.',
    messagesLabel: 'Messages (N)',
    rateLabel: 'Messages per second',
    intervalLabel: 'Short-polling interval (ms)',
    start: 'Start all six',
    startWhenConnectedText:
      'The page creates a run, connects all six clients, and only then asks the server to start publishing.',
    runApiText:
      "The server checks the form's numbers against fixed bounds, creates the run, and starts it once.",
    publishText:
      "Publishing keeps every message in the run's log, on a schedule that does not drift.",

    // The lanes and the code behind them
    lanesHeading: 'Six deliveries, side by side',
    lanesText:
      "What each client has received, live. The counts here are the browser's own; the charts below are what the server measured.",
    laneCodeText:
      "The code behind each lane: the server's feed handler (`server/feeds.ts`) and, where it does more than connect, the page's client (`client/src/deliver.ts`). Every client keeps a cursor, the last `seq` it has, and every handler sends only what is newer.",
    shortPoll: 'Short polling',
    longPoll: 'Long polling',
    stream: 'HTTP streaming',
    sse: 'SSE',
    websocket: 'WebSocket',
    socketIo: 'Socket.IO',
    shortPollFeedText:
      'The server answers at once with whatever is newer than the cursor, even nothing.',
    pollLoopText:
      'The page asks again a fixed gap after each answer, so polls never overlap. Long polling runs the same loop with no gap.',
    longPollFeedText:
      'The server answers at once if anything is newer; otherwise it holds the request until a message comes, publishing ends, or the timeout passes, and lets go of the run when the client leaves.',
    followText:
      'The four push techniques follow the run with the same function: first what was published before the client came, then each new message, then the end.',
    streamFeedText:
      'The server writes one JSON line per message into a response that stays open until the feed is over.',
    streamReaderText:
      'The page reads the body as it arrives. A chunk can end in the middle of a line, so the page keeps the unfinished part for the next one.',
    sseFeedText:
      'The same stream in event-stream framing: an id on every message, a final `end` event, and a 204 for a client that already has everything.',
    sseClientText:
      'The page closes the EventSource on `end`; without that, EventSource would reconnect and ask again.',
    upgradeRoutingText: "One listener routes every upgrade by path, ahead of Socket.IO's own.",
    websocketFeedText:
      'The server checks the run before it accepts the upgrade, sends one text frame per message and closes with 1000.',
    websocketClientText: 'The page tells the end of the feed from a failure by the close code.',
    socketIoFeedText:
      'A middleware checks the run before the connection is accepted; then one `feed` event per message, and `end`.',
    socketIoClientText:
      'The page connects with its default transports, a new connection per run, and disconnects on `end`.',

    // A lane's live state
    laneReceived: 'Received: ',
    stateIdle: 'idle',
    stateConnecting: 'connecting…',
    stateConnected: 'connected',
    stateReceiving: 'receiving',
    stateDone: 'done',
    stateFailed: (error: string) => `failed: ${error}`,
    lastWithDuplicates: (text: string, duplicates: string) => `${text} (${duplicates} duplicates)`,
    connectTimedOut: 'Connecting timed out',
    deliveryTimedOut: 'Delivery timed out',

    // The run's status line
    notStarted: 'Not started.',
    creatingRun: 'Creating the run…',
    publishing: (id: string, messages: string, rate: string) =>
      `Run ${id}: publishing ${messages} messages at ${rate}/s…`,
    reportingFailed: (error: string) => `Reporting failed: ${error}`,
    runFailed: (id: string, failed: number, count: string) =>
      `Run ${id}: ${count} ${plural('en', failed, { one: 'technique', other: 'techniques' })} failed.`,
    runDone: (id: string, lost: number, count: string) =>
      `Run ${id} done: every technique finished, ${count} ${plural('en', lost, { one: 'message', other: 'messages' })} lost in all.`,
    failed: (error: string) => `Failed: ${error}`,

    // What the server measured
    chartsHeading: 'What the server measured',
    chartsText:
      "Bytes are read from each connection's socket (`bytesRead` / `bytesWritten`), both directions, with HTTP request and status lines, headers, chunk framing and WebSocket frame headers included. Charts update twice a second.",
    bytesCaption:
      'Bytes on the wire per delivered message (down = server → browser, up = browser → server)',
    bytesChart: 'Bytes per message',
    requestsCaption: 'HTTP requests made and TCP connections used',
    requestsChart: 'Requests and connections',
    latencyCaption:
      'Delivery latency, server publish → browser receipt (ms, median and 95th percentile)',
    latencyChart: 'Latency',
    lossesCaption: 'Messages lost and duplicated',
    lossesChart: 'Lost and duplicated',
    seriesDown: 'down',
    seriesUp: 'up',
    seriesRequests: 'requests',
    seriesConnections: 'TCP connections',
    seriesMedian: 'median',
    seriesP95: 'p95',
    seriesLost: 'lost',
    seriesDuplicated: 'duplicated',
    bytesValue: (bytes: string) => `${bytes} B/msg`,
    requestsValue: (requests: string, connections: string) =>
      `${requests} req · ${connections} conn`,
    latencyValue: (p50: string, p95: string) => `${p50} / ${p95}`,
    lossesValue: (lost: string, duplicates: string) => `${lost} lost · ${duplicates} dup`,
    inFlightValue: (inFlight: string, duplicates: string) =>
      `${inFlight} in flight · ${duplicates} dup`,
    colTechnique: 'Technique',
    colBytes: 'Bytes/msg',
    colUp: 'Up',
    colDown: 'Down',
    colRequests: 'Requests',
    colConnections: 'TCP conns',
    colP50: 'p50 ms',
    colP95: 'p95 ms',
    colDelivered: 'Delivered',
    colLost: 'Lost',
    colDup: 'Dup',
    wireMeterText:
      "Bytes are read off each socket's counters, and a socket that carries several requests in turn is split among them.",
    receiptsText:
      'Latency, losses and duplicates come from the receipts each client reports. The page sends its reports one at a time, so a late one cannot be counted after the "finished" one.',

    // Reading the numbers
    tradeoffsHeading: 'Reading the numbers honestly',
    tradeoffPollingFine:
      '**Polling is often fine.** When a few seconds of delay are acceptable and updates are frequent, each poll carries a batch and its headers are shared by many messages. Polls are plain GETs: caches, CDNs, proxies, retries and load balancers all understand them. Try 50 messages/s with a 1000 ms interval.',
    tradeoffPollingWasteful:
      '**Polling is wasteful when updates are rare.** Most polls come back empty, and every one of them pays full request and response headers. Try 2 messages/s with a 50 ms interval.',
    tradeoffLongPolling:
      '**Long polling** cuts empty answers, but still pays one request per batch, and holding a request open ties up a connection (browsers allow six per host over HTTP/1.1).',
    tradeoffStreaming:
      '**Streaming and SSE** pay headers once. SSE adds ids, reconnection and `Last-Event-ID` for free; both are still plain HTTP responses, so a buffering proxy can hold them back.',
    tradeoffWebSocket:
      '**WebSocket** has the smallest frames, but it leaves HTTP behind: no HTTP caching, proxies and firewalls that must allow the upgrade, idle timeouts that need pings, and reconnection, resume and backpressure that you write yourself.',
    tradeoffSocketIo:
      '**Socket.IO** writes that part for you (reconnection, heartbeats, fallback to polling) at the price of extra requests at the start, its own framing and a client library.',
  },
  ko: {
    pageTitle: '나란히 비교 · 폴링과 푸시, 재어 보기',
    title: '폴링과 푸시, 재어 보기',
    navCompare: '나란히 비교',
    lead: '강의는 폴링(polling), 롱 폴링(long polling), 스트리밍(streaming)이 웹소켓(WebSocket)에 비해 헤더(header)와 연결, 서버 자원을 낭비한다고 말하지만 숫자는 보여 주지 않습니다. 여기서는 메시지 N개짜리 피드 하나를 여섯 가지 방식으로 동시에 보내고, 서버가 모든 소켓(socket)의 바이트를 빠짐없이 셉니다.',

    controlsHeading: '피드 실행하기',
    controlsText:
      '서버가 메시지 N개를 일정한 속도로 발행합니다. 아래 여섯 클라이언트는 모두 같은 피드를 동시에 따라가며, 각 메시지를 언제 받았는지 서버에 보고합니다. 그래서 서버가 지연 시간, 손실, 중복을 계산할 수 있습니다.',
    messagesLabel: '메시지 수 (N)',
    rateLabel: '초당 메시지 수',
    intervalLabel: '숏 폴링 간격 (ms)',
    start: '여섯 개 모두 시작',
    startWhenConnectedText:
      '페이지는 실행(run)을 만들고 여섯 클라이언트를 모두 연결한 다음에야 서버에 발행을 시작하라고 요청합니다.',
    runApiText:
      '서버는 폼의 숫자를 정해진 범위와 비교해 확인하고, 실행을 만들고, 한 번만 시작합니다.',
    publishText:
      '발행할 때는 모든 메시지를 실행의 로그에 남기며, 어긋나지 않는 일정에 맞춰 보냅니다.',

    lanesHeading: '여섯 가지 전달, 나란히',
    lanesText:
      '각 클라이언트가 받은 것을 실시간으로 보여 줍니다. 여기 숫자는 브라우저가 직접 센 것이고, 아래 차트는 서버가 잰 것입니다.',
    laneCodeText:
      '각 레인 뒤의 코드입니다. 서버의 피드 핸들러(`server/feeds.ts`)와, 연결 이상의 일을 하는 경우 페이지의 클라이언트(`client/src/deliver.ts`)를 보여 줍니다. 모든 클라이언트는 커서, 즉 가진 마지막 `seq`를 기억하고, 모든 핸들러는 그보다 새로운 것만 보냅니다.',
    shortPoll: '숏 폴링',
    longPoll: '롱 폴링',
    stream: 'HTTP 스트리밍',
    sse: 'SSE',
    websocket: '웹소켓',
    socketIo: 'Socket.IO',
    shortPollFeedText: '서버는 커서보다 새로운 것을 바로 답합니다. 아무것도 없어도 답합니다.',
    pollLoopText:
      '페이지는 답을 받을 때마다 정해진 간격을 두고 다시 묻기 때문에 폴링 요청이 겹치지 않습니다. 롱 폴링도 같은 반복을 간격 없이 돌립니다.',
    longPollFeedText:
      '서버는 새로운 것이 있으면 바로 답합니다. 없으면 메시지가 오거나, 발행이 끝나거나, 타임아웃이 지날 때까지 요청을 붙잡아 두고, 클라이언트가 떠나면 실행을 놓아 줍니다.',
    followText:
      '네 가지 푸시 방식은 같은 함수로 실행을 따라갑니다. 먼저 클라이언트가 오기 전에 발행된 것, 그다음 새 메시지 하나하나, 마지막으로 끝을 보냅니다.',
    streamFeedText:
      '서버는 피드가 끝날 때까지 열려 있는 응답 하나에 메시지마다 JSON 한 줄을 씁니다.',
    streamReaderText:
      '페이지는 본문을 도착하는 대로 읽습니다. 청크(chunk)는 줄 중간에서 끝날 수 있으므로, 끝나지 않은 부분은 다음 청크를 위해 남겨 둡니다.',
    sseFeedText:
      '같은 스트림을 event-stream 프레이밍(framing)으로 보냅니다. 모든 메시지에 id를 붙이고, 마지막에 `end` 이벤트를 보내며, 이미 다 받은 클라이언트에는 204로 답합니다.',
    sseClientText:
      '페이지는 `end`를 받으면 EventSource를 닫습니다. 닫지 않으면 EventSource가 다시 연결해서 또 묻습니다.',
    upgradeRoutingText:
      '리스너 하나가 Socket.IO의 리스너보다 먼저 모든 업그레이드를 경로별로 나눕니다.',
    websocketFeedText:
      '서버는 업그레이드를 받아들이기 전에 실행을 확인하고, 메시지마다 텍스트 프레임을 하나씩 보낸 뒤 1000으로 닫습니다.',
    websocketClientText: '페이지는 종료 코드(close code)로 피드의 끝과 실패를 구별합니다.',
    socketIoFeedText:
      '미들웨어가 연결을 받아들이기 전에 실행을 확인합니다. 그다음 메시지마다 `feed` 이벤트를 하나씩, 마지막에 `end`를 보냅니다.',
    socketIoClientText:
      '페이지는 기본 전송 방식으로, 실행마다 새 연결을 만들어 접속하고, `end`를 받으면 연결을 끊습니다.',

    laneReceived: '받은 메시지: ',
    stateIdle: '대기',
    stateConnecting: '연결 중…',
    stateConnected: '연결됨',
    stateReceiving: '수신 중',
    stateDone: '완료',
    stateFailed: (error) => `실패: ${error}`,
    lastWithDuplicates: (text, duplicates) => `${text} (중복 ${duplicates}개)`,
    connectTimedOut: '연결 시간이 초과되었습니다',
    deliveryTimedOut: '전달 시간이 초과되었습니다',

    notStarted: '아직 시작하지 않았습니다.',
    creatingRun: '실행을 만드는 중…',
    publishing: (id, messages, rate) =>
      `실행 ${id}: 메시지 ${messages}개를 초당 ${rate}개씩 발행하는 중…`,
    reportingFailed: (error) => `보고하지 못했습니다: ${error}`,
    runFailed: (id, _failed, count) => `실행 ${id}: 방식 ${count}개가 실패했습니다.`,
    runDone: (id, _lost, count) =>
      `실행 ${id} 완료: 모든 방식이 끝났고, 잃어버린 메시지는 모두 ${count}개입니다.`,
    failed: (error) => `실패: ${error}`,

    chartsHeading: '서버가 잰 것',
    chartsText:
      '바이트는 각 연결의 소켓에서 양방향으로 읽습니다(`bytesRead` / `bytesWritten`). HTTP 요청 줄과 상태 줄, 헤더, 청크 프레이밍, 웹소켓 프레임 헤더까지 모두 포함합니다. 차트는 1초에 두 번 갱신됩니다.',
    bytesCaption:
      '전달된 메시지 하나당 전송된 바이트 (내려감 = 서버 → 브라우저, 올라감 = 브라우저 → 서버)',
    bytesChart: '메시지당 바이트',
    requestsCaption: '보낸 HTTP 요청과 사용한 TCP 연결',
    requestsChart: '요청과 연결',
    latencyCaption: '전달 지연 시간, 서버 발행 → 브라우저 수신 (ms, 중앙값과 95번째 백분위수)',
    latencyChart: '지연 시간',
    lossesCaption: '잃어버린 메시지와 중복된 메시지',
    lossesChart: '손실과 중복',
    seriesDown: '내려감',
    seriesUp: '올라감',
    seriesRequests: '요청',
    seriesConnections: 'TCP 연결',
    seriesMedian: '중앙값',
    seriesP95: 'p95',
    seriesLost: '손실',
    seriesDuplicated: '중복',
    bytesValue: (bytes) => `메시지당 ${bytes}B`,
    requestsValue: (requests, connections) => `요청 ${requests} · 연결 ${connections}`,
    latencyValue: (p50, p95) => `${p50} / ${p95}`,
    lossesValue: (lost, duplicates) => `손실 ${lost} · 중복 ${duplicates}`,
    inFlightValue: (inFlight, duplicates) => `전달 중 ${inFlight} · 중복 ${duplicates}`,
    colTechnique: '방식',
    colBytes: '바이트/메시지',
    colUp: '올라감',
    colDown: '내려감',
    colRequests: '요청',
    colConnections: 'TCP 연결',
    colP50: 'p50 ms',
    colP95: 'p95 ms',
    colDelivered: '전달됨',
    colLost: '손실',
    colDup: '중복',
    wireMeterText:
      '바이트는 각 소켓의 카운터에서 읽으며, 여러 요청을 차례로 실어 나른 소켓은 그 요청들에 나눠서 계산합니다.',
    receiptsText:
      '지연 시간, 손실, 중복은 각 클라이언트가 보고한 수신 기록에서 나옵니다. 페이지는 보고를 한 번에 하나씩 보내므로, 늦게 도착한 보고가 "끝났음" 보고보다 나중에 계산되는 일은 없습니다.',

    tradeoffsHeading: '숫자를 정직하게 읽기',
    tradeoffPollingFine:
      '**폴링으로 충분할 때가 많습니다.** 몇 초의 지연이 괜찮고 업데이트가 잦다면, 폴링 한 번이 메시지 여러 개를 한꺼번에 가져오고 헤더 비용을 그 메시지들이 나눠 냅니다. 폴링은 평범한 GET이라서 캐시, CDN, 프록시, 재시도, 로드 밸런서(load balancer)가 모두 그대로 이해합니다. 초당 메시지 50개, 간격 1000 ms로 해 보세요.',
    tradeoffPollingWasteful:
      '**업데이트가 드물면 폴링은 낭비입니다.** 대부분의 폴링이 빈손으로 돌아오는데, 하나하나가 요청과 응답 헤더를 전부 치릅니다. 초당 메시지 2개, 간격 50 ms로 해 보세요.',
    tradeoffLongPolling:
      '**롱 폴링**은 빈 응답을 줄이지만, 메시지 묶음마다 요청 하나를 여전히 치르고, 요청을 열어 두는 동안 연결 하나를 차지합니다(HTTP/1.1에서 브라우저는 호스트당 연결을 여섯 개까지만 엽니다).',
    tradeoffStreaming:
      '**스트리밍과 SSE**는 헤더를 한 번만 치릅니다. SSE는 id, 재연결, `Last-Event-ID`를 공짜로 더해 줍니다. 둘 다 평범한 HTTP 응답이라서, 버퍼링하는 프록시가 메시지를 붙잡아 둘 수 있습니다.',
    tradeoffWebSocket:
      '**웹소켓**은 프레임이 가장 작지만 HTTP를 떠납니다. HTTP 캐싱이 없고, 프록시와 방화벽이 업그레이드를 허용해야 하며, 유휴 타임아웃 때문에 ping이 필요하고, 재연결, 이어 받기, 배압(backpressure)은 직접 작성해야 합니다.',
    tradeoffSocketIo:
      '**Socket.IO**는 그 부분(재연결, 하트비트(heartbeat), 폴링으로의 대체)을 대신 해 주는 대신, 시작할 때 요청이 더 들고, 자체 프레이밍과 클라이언트 라이브러리가 필요합니다.',
  },
});
