import { defineMessages } from '@course/kit/i18n';

// Every text of the chapter's pages (the parent pages and the framed ones on the other
// origins), in English and Korean: a key missing on either side fails the type-check.
// What travels as a message payload (`Hello back! …`, `Hi, I am the third origin`) is data,
// not a text of the page: it stays as it is in both languages.
// Keys are grouped by page: nav*, index*, msg* (/messaging), target*, channel*, clone*,
// transfer*, frame* (/frame), third* (/third), snoop* (/snoop); a few are shared.

/** The ignore reasons the parent's listener passes (the code keeps them in English). */
const REASONS_KO: Record<string, string> = {
  'not in the allow-list': '허용 목록에 없음',
  malformed: '형식이 잘못됨',
  'not the frame origin': '프레임 출처가 아님',
  'not a message this page knows': '이 페이지가 모르는 메시지',
};

/** The values the clone page tries to send, as clone.ts names them. */
const REFUSED_KO: Record<string, string> = {
  'a function': '함수',
  'an object with a method': '메서드가 있는 객체',
  'a DOM node': 'DOM 노드',
  'a symbol': '심벌',
};

/** The chapter's roles, as the home page names them. */
const ROLES_KO: Record<string, string> = { parent: '부모', frame: '프레임', third: '세 번째' };

export default defineMessages({
  en: {
    // Shared by the parent pages
    loading: 'Loading…',
    frameIframeTitle: 'The frame (frame origin)',
    frameReady: (origin: string) => `The frame at ${origin} is ready.`,
    frameLoadingFrom: (origin: string) => `Loading the frame from ${origin}…`,
    ignoredReason: (reason: string) => reason,
    ignoredFrom: (origin: string, reason: string, data: string) =>
      `ignored a message from ${origin} (${reason}): ${data}`,
    ignoredSpoof: (origin: string, reason: string, claims: string, data: string) =>
      `ignored a message from ${origin} (${reason}); it claims to be ${claims}, event.origin says otherwise: ${data}`,

    // The nav
    navHome: 'Chapter home',
    navMessaging: 'Two origins',
    navTarget: "targetOrigin '*'",
    navChannel: 'MessageChannel',
    navClone: 'Structured clone',
    navTransfer: 'Transferables',

    // /
    indexTitle: 'Chapter home · postMessage',
    indexHeading: 'Cross-document messaging (postMessage)',
    indexLead:
      "The lecture names cross-document messaging (Web Messaging) as one of the four communication APIs and shows no example. This chapter is that example: windows from different origins, which cannot touch each other's DOM, talking through `postMessage`.",
    indexOriginsHeading: 'The three origins',
    indexOriginsText:
      'One server process, three ports, so three origins (an origin is scheme + host + port):',
    indexOriginParent: (origin: string) => `parent: ${origin}, this page and the demos;`,
    indexOriginFrame: (origin: string) => `frame: ${origin}, the trusted iframe;`,
    indexOriginThird: (origin: string) => `third: ${origin}, an origin nobody trusts.`,
    indexNote: (role: string, parent: string) =>
      `You are on the ${role} origin. The demos are meant to be opened on ${parent}.`,
    indexDemosHeading: 'The demos',
    indexDemoMessaging:
      "[Two origins](/messaging): the parent and the frame exchange messages; both check `event.origin`, and the third origin's messages are shown as ignored.",
    indexDemoTarget:
      "[targetOrigin '*'](/target-origin): a frame navigated to another site receives the secret sent with `'*'`, but not the one sent with an explicit origin.",
    indexDemoChannel:
      '[MessageChannel](/channel): a private two-way port handed to the frame, and the `start()` pitfall.',
    indexDemoClone:
      '[Structured clone](/clone): what survives (Date, Map, Set, typed arrays, cycles…), what is lost (prototypes, getters), what throws `DataCloneError`.',
    indexDemoTransfer:
      "[Transferables](/transfer): an `ArrayBuffer`'s `byteLength` is 0 after it is transferred.",

    // /messaging
    msgTitle: 'Two origins · postMessage',
    msgHeading: 'Two origins talking, a third one ignored',
    msgLead: (parentOrigin: string) =>
      `This page is the parent, on ${parentOrigin}. The first iframe comes from the frame origin, the second from a third origin. Same host, different ports: three origins, so none of them can touch another's DOM. \`postMessage\` is the one door between them.`,
    msgExchangeHeading: 'The exchange',
    msgExchangeText:
      "The parent posts to `iframe.contentWindow` with `targetOrigin` set to the frame origin. The frame checks `event.origin`, then answers `event.source` on `event.origin`. The parent checks the answer's origin in turn.",
    msgLabel: 'Message',
    msgSend: 'Send to the frame',
    msgHeightText:
      "The iframe below grows with the frame's log. The parent cannot read the frame's document, so it cannot measure it either: the frame posts its height whenever it changes, and the parent's listener, after the same origin check, sets the iframe's height, up to a cap (past it, the frame scrolls to its newest line). A height from any other origin is ignored like everything else: an untrusted frame must not be able to resize itself over the page.",
    msgCheckHeading: 'Origin checks: the third origin',
    msgCheckText: (allowList: string) =>
      `The parent's allow-list is ${allowList}. The frame's is the parent origin. Anything else reaches the \`message\` listener too (any window can post to any window it can reach) and must be dropped. Click the third origin's buttons: its messages show up below as ignored, and in the frame's log as ignored. Pretending to be the frame does not help: the receiver reads \`event.origin\`, which the browser sets, not the payload.`,
    msgThirdIframeTitle: 'The third origin',
    msgIgnoredHeading: 'Ignored by the parent',
    msgPanelText:
      'In the code below, the lecture\'s way is a listener that checks nothing: the one of "another site" (`/snoop` on the third origin, met on the targetOrigin page), which reads every message it is sent. The fixed code is the frame\'s listener.',
    msgSentTo: (origin: string, text: string) => `sent to ${origin}: hello "${text}"`,
    msgReplyFrom: (origin: string, text: string) => `reply from ${origin}: ${text}`,
    msgUnexpected: (origin: string, data: string) => `from ${origin}, unexpected: ${data}`,

    // /target-origin
    targetTitle: 'targetOrigin · postMessage',
    targetHeading: "Why `targetOrigin` is never `'*'` for anything private",
    targetLead:
      "`targetOrigin` says who may read the message. The browser compares it with the origin of the document in the target window **at delivery time**, and drops the message on a mismatch. `'*'` skips that check: whoever is in the window now gets it.",
    targetSectionHeading: 'A frame that changes hands',
    targetSectionText:
      "The parent keeps `iframe.contentWindow` and posts a secret to it. Then the frame is navigated to another site (a redirect, a compromised ad script, a link: here, the button). The parent's reference still works and points at the new document; the parent cannot read where it went.",
    targetSendExact: 'Send the secret with targetOrigin = frame origin',
    targetSendStar: "Send the secret with targetOrigin '*'",
    targetNavigate: 'Navigate the frame to another site',
    targetRestore: 'Load the trusted frame again',
    targetPing: "Send a harmless ping with '*'",
    targetIframeTitle: 'The frame, later another site',
    targetRuleHeading: 'The rule',
    targetRuleText:
      "Always pass the exact origin you mean: `win.postMessage(data, 'https://pay.example')`. If the window now holds someone else's page, the browser drops the message and logs an error in the sender's console. `'*'` is only for data you would be happy to publish. (`'/'` means \"my own origin\".)",
    targetFrom: (origin: string, data: string) => `from ${origin}: ${data}`,
    targetSentExact: (origin: string) => `sent the secret with targetOrigin ${origin}`,
    targetSentStar: "sent the secret with targetOrigin '*'",
    targetSentPing: "sent a ping with targetOrigin '*'",
    targetNavigatedStatus: 'The frame now shows another site; the parent cannot tell which.',
    targetNavigatedLog: 'the frame was navigated away; the parent still holds the same window',
    targetRestoreLog: 'the trusted frame is loading again',

    // /channel
    channelTitle: 'MessageChannel · postMessage',
    channelHeading: 'MessageChannel: a private two-way line',
    channelLead:
      "`new MessageChannel()` makes two connected ports. The parent keeps `port1` and transfers `port2` to the frame in one checked `postMessage`. From then on the two talk port to port: no other window can post into the channel or read it, and no origin check is needed per message (port messages have `event.origin === ''`).",
    channelSectionHeading: 'Open a channel and talk over it',
    channelOpen: 'Open a channel',
    channelTextLabel: 'Text',
    channelSend: 'Send over the port',
    channelClose: 'Close port1',
    channelFrameButtonText:
      'Once the frame holds a port, it shows a button, "Send to the parent over the port", that starts a message from the other end.',
    channelPitfallHeading: 'Pitfall: addEventListener() on a port needs start()',
    channelPitfallText:
      "Setting `port.onmessage` starts the port. `port.addEventListener('message', …)` does not: messages queue up until `port.start()`.",
    channelUnstartedOpen: 'Open a channel, listen with addEventListener only',
    channelUnstartedStart: 'Now call port1.start()',
    channelNothingArrived:
      'the frame says it has answered on the port, yet nothing has arrived: port1 is not started',
    channelPortReply: (origin: string, n: number, text: string) =>
      `reply over the port (event.origin is "${origin}"): pong ${n}: ${text}`,
    channelPortOther: (origin: string, data: string) =>
      `over the port (event.origin is "${origin}"): ${data}`,
    channelSentPort: 'sent port2 to the frame (transferred: it is unusable here now)',
    channelSentPing: (n: number, text: string) => `sent over the port: ping ${n}: ${text}`,
    channelClosed: 'closed port1: nothing more is sent or received on this channel',
    channelArrived: (data: string) => `arrived after start(): ${data}`,
    channelUnstartedSent: 'sent port2; listening on port1 with addEventListener only',
    channelCalledStart: 'called port1.start()',

    // /clone
    cloneTitle: 'Structured clone · postMessage',
    cloneHeading: 'Structured clone: what survives the trip',
    cloneLead:
      '`postMessage` does not send JSON. It copies the value with the **structured clone** algorithm, which knows far more types than JSON, keeps cycles, and refuses some values outright.',
    cloneSectionHeading: 'Send one object with everything in it',
    cloneSectionText:
      'The parent posts the object below to the frame. The frame inspects its copy (`instanceof`, identity, property descriptors) and sends back what it found. The last column is what `JSON.stringify` would have made of the same value.',
    cloneRun: 'Send the object to the frame',
    cloneColKey: 'Key',
    cloneColSent: 'Sent',
    cloneColVerdict: 'Verdict',
    cloneColGot: 'What the frame got',
    cloneColJson: 'JSON.stringify',
    cloneThrowsHeading: 'What throws DataCloneError',
    cloneThrowsText:
      'Functions, DOM nodes and symbols cannot be cloned. `postMessage` throws synchronously, in the sender, and sends nothing: one bad property spoils the whole message.',
    cloneThrowsRun: 'Try to send them',
    cloneSurvives: 'survives',
    cloneLost: 'lost',
    cloneLabelSelf: 'sample.self = sample (a cycle)',
    cloneLabelPoint: 'new Point(3, 4) (a class with a norm() method)',
    cloneGotSelf: 'received.self === received: the cycle is rebuilt',
    cloneGotUndef: 'the key is there, its value undefined',
    cloneGotUndefMissing: 'the key is missing',
    cloneGotPoint: (x: string, y: string, norm: string) =>
      `a plain Object {x: ${x}, y: ${y}}: instanceof Point is impossible, norm is ${norm}`,
    cloneGotGetter: (value: string) =>
      `no getter: a plain data property now = ${value}, read once at send time`,
    cloneGotStillGetter: 'still a getter',
    cloneJsonDropped: 'undefined: the key is dropped',
    cloneJsonThrows: (error: string) => `throws ${error}`,
    cloneRefusedLabel: (label: string) => label,
    cloneSentUnexpected: (label: string) => `${label}: sent (unexpected)`,
    cloneThrew: (label: string, error: string) => `${label}: threw ${error}`,

    // /transfer
    transferTitle: 'Transferables · postMessage',
    transferHeading: "Transferables: move, don't copy",
    transferLead:
      "The third argument of `postMessage` (or `{ transfer }`) lists objects to **move** rather than clone. An `ArrayBuffer` moved this way changes owner: the receiver gets the bytes, and the sender's buffer is detached, its `byteLength` 0.",
    transferSectionHeading: 'Copy, then transfer, the same buffer',
    transferSectionText: (size: string, here: string, inFrame: string) =>
      `A buffer of ${size} bytes, starting \`ca fe ba be\`. Here it is ${here} bytes long; the frame last reported ${inFrame}.`,
    transferNothing: 'nothing',
    transferCopy: 'Copy it (no transfer list)',
    transferRun: 'Transfer it',
    transferAgain: 'Transfer it again',
    transferSendBack: 'Ask the frame to transfer it back',
    transferGotCopy: (bytes: number, first: string) =>
      `the frame got ${bytes} bytes (a copy), starting ${first}`,
    transferGotOriginal: (bytes: number, first: string) =>
      `the frame got ${bytes} bytes (the original), starting ${first}`,
    transferCameBack: (bytes: number, first: string) =>
      `the buffer came back: here byteLength is ${bytes} again, starting ${first}`,
    transferFrameNow: (bytes: number) => `in the frame, its byteLength is now ${bytes}`,
    transferBackFailed: (reason: string) => `the frame could not send it back: ${reason}`,
    transferCopied: (took: string, bytes: number) =>
      `copied: postMessage took ${took}; here byteLength is still ${bytes}`,
    transferDone: (took: string, before: number, after: number, view: number) =>
      `transferred: postMessage took ${took}; byteLength ${before} → ${after}, the Uint8Array view's length → ${view}`,
    transferThrew: (error: string) => `transfer threw ${error}`,
    transferAgainSent: (bytes: number) =>
      `transferred again (the buffer was not detached; byteLength ${bytes})`,
    transferAgainThrew: (error: string) => `transfer again threw ${error}`,
    transferAsked: 'asked the frame to transfer the buffer back',

    // /frame (in the iframe, on the frame origin)
    frameTitle: 'The frame · postMessage',
    frameHeading: (origin: string) => `The frame, on ${origin}`,
    framePortSend: 'Send to the parent over the port',
    frameStatus: (allowList: string) => `Listening; the allow-list is [${allowList}].`,
    frameStatusMisplaced: (frameOrigin: string, allowList: string) =>
      `This page belongs on the frame origin (${frameOrigin}); the parent will ignore it here. Listening; the allow-list is [${allowList}].`,
    frameIgnored: (origin: string, data: string) => `ignored: from ${origin}: ${data}`,
    frameMalformed: (origin: string) => `ignored: malformed message from ${origin}`,
    frameAccepted: (origin: string, text: string) => `accepted from ${origin}: hello "${text}"`,
    frameSecret: (secret: string) => `received the secret: ${secret}`,
    framePing: (text: string) => `ping: ${text}`,
    frameCloneProbe: (keys: number) => `clone probe received: ${keys} keys checked`,
    frameNoBuffer: (kind: string) => `${kind} without an ArrayBuffer`,
    frameBufferReceived: (kind: string, bytes: number) =>
      `${kind}: received an ArrayBuffer of ${bytes} bytes`,
    frameNothingToSendBack: 'the frame holds no buffer to send back',
    frameSentBack: (bytes: number) => `sent the buffer back; here its byteLength is now ${bytes}`,
    frameUnknownKind: (kind: string, origin: string) =>
      `ignored: unknown kind "${kind}" from ${origin}`,
    framePortMissing: 'a "port" message without a port',
    framePortMessage: (origin: string, data: string) =>
      `over the port (event.origin is "${origin}"): ${data}`,
    frameGotPort: (label: string) => `got a MessagePort (${label}) and answered on it`,

    // /third (in the iframe, on the third origin)
    thirdTitle: 'The third origin · postMessage',
    thirdHeading: (origin: string) => `The third origin, ${origin}: nobody trusts it`,
    thirdText:
      "It can post to any window it can reach, with `'*'`. Whether anyone listens is up to the receivers.",
    thirdToParent: 'Post to the parent',
    thirdSpoof: 'Pretend to be the frame',
    thirdToFrame: 'Post to the frame',
    thirdLabelParent: 'to the parent',
    thirdLabelFrame: 'to the frame',
    thirdNoWindow: (label: string) => `${label}: no such window`,
    thirdSent: (label: string, message: string) => `sent (${label}): ${message}`,
    thirdReady: 'Ready.',

    // /snoop ("another site", in the iframe on the third origin)
    snoopTitle: 'Another site · postMessage',
    snoopHeading: (origin: string) => `Another site, on ${origin}`,
    snoopReceived: (origin: string, data: string) => `received from ${origin}: ${data}`,
    snoopStole: (secret: string) => `stole the secret: ${secret}`,
    snoopStatus: 'Listening to every message, from anyone.',
    // The exercises' pages (exercises/*/problem|solution): their own texts; the rest is shared above.
    exFrameTitle: 'The frame · postMessage exercise',
    exThirdTitle: 'The third origin · postMessage exercise',
    exSnoopTitle: 'Another site · postMessage exercise',
    ex1Title: 'Exercise: check who is talking · postMessage',
    ex1Heading: 'Check who is talking',
    ex1Lead: (parentOrigin: string) =>
      `Edit \`page.ts\` beside this page and save: the page reloads by itself. This page is the parent, on ${parentOrigin}. Its \`message\` listener is the one you fix.`,
    ex1FrameHeading: 'The trusted frame',
    ex1FrameText:
      'The frame comes from the frame origin. It answers every hello with a reply, and it tells this page its height so the iframe can fit it.',
    ex1FrameIframeTitle: 'The trusted frame (frame origin)',
    ex1StrangerHeading: 'A stranger: the third origin',
    ex1StrangerText:
      'This iframe comes from a third origin that nobody trusts. It can post to this page too, with `\'*\'`. Try its buttons: "Pretend to be the frame" sends a reply that claims to come from the frame.',
    ex1IgnoredHeading: 'Ignored by this page',
    ex2Title: 'Exercise: a secret for the frame only · postMessage',
    ex2Heading: 'A secret for the frame only',
    ex2Lead:
      'Edit `page.ts` beside this page and save: the page reloads by itself. This page is the parent. It hands a secret to its iframe, which first holds the trusted frame and later, after a navigation, another site.',
    ex2Text:
      'The page keeps the iframe\'s window (`iframe.contentWindow`) and posts to it. "Navigate the frame to another site" does what a redirect, an ad script or a link could do: the same window now holds a page from the third origin, which reads every message it gets. The parent\'s reference still works, and the parent cannot see where it points.',
    ex2SendSecret: 'Send the secret to the frame',
    ex2NavigatedLog: 'the frame was navigated to another site; link.frame is the same window',
  },
  ko: {
    loading: '불러오는 중…',
    frameIframeTitle: '프레임 (프레임 출처)',
    frameReady: (origin) => `${origin}의 프레임이 준비되었습니다.`,
    frameLoadingFrom: (origin) => `${origin}에서 프레임을 불러오는 중…`,
    ignoredReason: (reason) => REASONS_KO[reason] ?? reason,
    ignoredFrom: (origin, reason, data) => `${origin}에서 온 메시지를 무시함 (${reason}): ${data}`,
    ignoredSpoof: (origin, reason, claims, data) =>
      `${origin}에서 온 메시지를 무시함 (${reason}). ${claims}라고 주장하지만 event.origin은 다르게 말합니다: ${data}`,

    navHome: '챕터 홈',
    navMessaging: '두 출처',
    navTarget: "targetOrigin '*'",
    navChannel: 'MessageChannel',
    navClone: '구조화된 복제',
    navTransfer: '전송 가능 객체',

    indexTitle: '챕터 홈 · postMessage',
    indexHeading: '문서 간 메시징(postMessage)',
    indexLead:
      '강의는 네 가지 통신 API 가운데 하나로 문서 간 메시징(Web Messaging)을 꼽지만 예제는 보여 주지 않습니다. 이 챕터가 그 예제입니다. 서로의 DOM을 건드릴 수 없는, 출처(origin)가 다른 창들이 `postMessage`로 대화합니다.',
    indexOriginsHeading: '세 출처',
    indexOriginsText:
      '서버 프로세스 하나가 포트 세 개를 엽니다. 출처는 스킴 + 호스트 + 포트이므로 출처도 셋입니다.',
    indexOriginParent: (origin) => `부모: ${origin}, 이 페이지와 데모들`,
    indexOriginFrame: (origin) => `프레임: ${origin}, 신뢰하는 iframe`,
    indexOriginThird: (origin) => `세 번째: ${origin}, 아무도 신뢰하지 않는 출처`,
    indexNote: (role, parent) =>
      `지금은 ${ROLES_KO[role] ?? role} 출처에 있습니다. 데모는 ${parent}에서 여는 페이지입니다.`,
    indexDemosHeading: '데모',
    indexDemoMessaging:
      '[두 출처](/messaging): 부모와 프레임이 메시지를 주고받습니다. 둘 다 `event.origin`을 검사하고, 세 번째 출처의 메시지는 무시된 것으로 표시됩니다.',
    indexDemoTarget:
      "[targetOrigin '*'](/target-origin): 다른 사이트로 이동한 프레임이 `'*'`로 보낸 비밀은 받지만, 출처를 명시해 보낸 비밀은 받지 못합니다.",
    indexDemoChannel:
      '[MessageChannel](/channel): 프레임에 건네는 비공개 양방향 포트와 `start()` 함정(pitfall).',
    indexDemoClone:
      '[구조화된 복제(structured clone)](/clone): 살아남는 것(Date, Map, Set, 형식화 배열, 순환 참조…), 잃는 것(프로토타입, getter), `DataCloneError`를 던지는 것.',
    indexDemoTransfer:
      '[전송 가능 객체(transferable)](/transfer): 전송하고 나면 `ArrayBuffer`의 `byteLength`가 0이 됩니다.',

    msgTitle: '두 출처 · postMessage',
    msgHeading: '두 출처가 대화하고, 세 번째 출처는 무시됩니다',
    msgLead: (parentOrigin) =>
      `이 페이지가 부모이고, 출처는 ${parentOrigin}입니다. 첫 번째 iframe은 프레임 출처에서, 두 번째는 세 번째 출처에서 옵니다. 호스트는 같고 포트가 다르니 출처는 셋이고, 어느 쪽도 다른 쪽의 DOM을 건드릴 수 없습니다. 그 사이의 유일한 문이 \`postMessage\`입니다.`,
    msgExchangeHeading: '주고받기',
    msgExchangeText:
      '부모는 `targetOrigin`을 프레임 출처로 정해 `iframe.contentWindow`에 메시지를 보냅니다. 프레임은 `event.origin`을 검사한 뒤 `event.source`에게 `event.origin`으로 답합니다. 부모도 답장의 출처를 똑같이 검사합니다.',
    msgLabel: '메시지',
    msgSend: '프레임에 보내기',
    msgHeightText:
      '아래 iframe은 프레임의 로그에 맞춰 커집니다. 부모는 프레임의 문서를 읽을 수 없으니 크기를 잴 수도 없습니다. 그래서 프레임이 높이가 바뀔 때마다 자기 높이를 보내고, 부모의 리스너는 같은 출처 검사를 거친 뒤 iframe의 높이를 상한까지 맞춥니다(상한을 넘으면 프레임이 가장 새 줄로 스크롤합니다). 다른 출처가 보낸 높이는 다른 메시지처럼 무시됩니다. 신뢰하지 않는 프레임이 페이지를 덮을 만큼 커져서는 안 되니까요.',
    msgCheckHeading: '출처 검사: 세 번째 출처',
    msgCheckText: (allowList) =>
      `부모의 허용 목록은 ${allowList}입니다. 프레임의 허용 목록은 부모 출처입니다. 그 밖의 메시지도 \`message\` 리스너에 도착하므로(어떤 창이든 닿을 수 있는 창에는 메시지를 보낼 수 있습니다) 버려야 합니다. 세 번째 출처의 버튼을 눌러 보세요. 그 메시지는 아래에, 그리고 프레임의 로그에 무시된 것으로 나타납니다. 프레임인 척해도 소용없습니다. 받는 쪽은 페이로드가 아니라 브라우저가 채우는 \`event.origin\`을 읽으니까요.`,
    msgThirdIframeTitle: '세 번째 출처',
    msgIgnoredHeading: '부모가 무시한 메시지',
    msgPanelText:
      '아래 코드에서 강의의 방식은 아무것도 검사하지 않는 리스너입니다. targetOrigin 페이지에서 만나는 “다른 사이트”(세 번째 출처의 `/snoop`)의 리스너로, 받는 메시지를 모두 읽습니다. 고친 코드는 프레임의 리스너입니다.',
    msgSentTo: (origin, text) => `${origin}에 보냄: hello "${text}"`,
    msgReplyFrom: (origin, text) => `${origin}의 답장: ${text}`,
    msgUnexpected: (origin, data) => `${origin}에서 온 예상 밖의 메시지: ${data}`,

    targetTitle: 'targetOrigin · postMessage',
    targetHeading: "비공개 데이터에 `targetOrigin` `'*'`를 절대 쓰지 않는 이유",
    targetLead:
      "`targetOrigin`은 누가 메시지를 읽어도 되는지 정합니다. 브라우저는 **전달하는 순간에** 대상 창에 있는 문서의 출처와 이 값을 비교하고, 맞지 않으면 메시지를 버립니다. `'*'`는 이 검사를 건너뜁니다. 지금 그 창에 있는 누구든 메시지를 받습니다.",
    targetSectionHeading: '주인이 바뀌는 프레임',
    targetSectionText:
      '부모는 `iframe.contentWindow`를 쥐고 거기에 비밀을 보냅니다. 그다음 프레임이 다른 사이트로 이동합니다(리디렉션, 침해된 광고 스크립트, 링크. 여기서는 버튼). 부모의 참조는 그대로 동작하며 새 문서를 가리킵니다. 부모는 프레임이 어디로 갔는지 읽을 수 없습니다.',
    targetSendExact: 'targetOrigin = 프레임 출처로 비밀 보내기',
    targetSendStar: "targetOrigin '*'로 비밀 보내기",
    targetNavigate: '프레임을 다른 사이트로 이동',
    targetRestore: '신뢰하는 프레임 다시 불러오기',
    targetPing: "'*'로 무해한 ping 보내기",
    targetIframeTitle: '프레임 (나중에는 다른 사이트)',
    targetRuleHeading: '규칙',
    targetRuleText:
      "항상 뜻하는 출처를 정확히 넘기세요: `win.postMessage(data, 'https://pay.example')`. 그 창에 지금 다른 누군가의 페이지가 있으면 브라우저는 메시지를 버리고 보낸 쪽 콘솔에 오류를 남깁니다. `'*'`는 공개해도 괜찮은 데이터에만 씁니다. (`'/'`는 “내 출처”라는 뜻입니다.)",
    targetFrom: (origin, data) => `${origin}에서 받음: ${data}`,
    targetSentExact: (origin) => `비밀을 보냄 (targetOrigin: ${origin})`,
    targetSentStar: "비밀을 보냄 (targetOrigin: '*')",
    targetSentPing: "ping을 보냄 (targetOrigin: '*')",
    targetNavigatedStatus:
      '이제 프레임에 다른 사이트가 떠 있습니다. 부모는 어느 사이트인지 알 수 없습니다.',
    targetNavigatedLog: '프레임이 다른 곳으로 이동함. 부모는 여전히 같은 창을 쥐고 있음',
    targetRestoreLog: '신뢰하는 프레임을 다시 불러오는 중',

    channelTitle: 'MessageChannel · postMessage',
    channelHeading: 'MessageChannel: 비공개 양방향 회선',
    channelLead:
      "`new MessageChannel()`은 서로 연결된 포트 두 개를 만듭니다. 부모는 `port1`을 갖고, 검사를 거치는 `postMessage` 한 번으로 `port2`를 프레임에 전송합니다. 그 뒤로 둘은 포트끼리 대화합니다. 다른 창은 채널에 메시지를 넣을 수도, 읽을 수도 없고, 메시지마다 출처를 검사할 필요도 없습니다(포트 메시지의 `event.origin === ''`).",
    channelSectionHeading: '채널을 열고 대화하기',
    channelOpen: '채널 열기',
    channelTextLabel: '텍스트',
    channelSend: '포트로 보내기',
    channelClose: 'port1 닫기',
    channelFrameButtonText:
      '프레임이 포트를 쥐면 “포트로 부모에게 보내기” 버튼이 나타납니다. 반대쪽 끝에서 메시지를 시작하는 버튼입니다.',
    channelPitfallHeading: '함정: 포트에 addEventListener()를 쓰면 start()가 필요합니다',
    channelPitfallText:
      "`port.onmessage`를 설정하면 포트가 시작됩니다. `port.addEventListener('message', …)`는 그렇지 않습니다. `port.start()`를 부를 때까지 메시지가 큐에 쌓입니다.",
    channelUnstartedOpen: '채널을 열고 addEventListener로만 듣기',
    channelUnstartedStart: '이제 port1.start() 호출',
    channelNothingArrived:
      '프레임은 포트로 답했다고 하지만 아무것도 도착하지 않음: port1이 시작되지 않았음',
    channelPortReply: (origin, n, text) =>
      `포트로 온 답장 (event.origin은 "${origin}"): pong ${n}: ${text}`,
    channelPortOther: (origin, data) => `포트로 받음 (event.origin은 "${origin}"): ${data}`,
    channelSentPort: 'port2를 프레임에 보냄 (전송했으므로 여기서는 더 쓸 수 없음)',
    channelSentPing: (n, text) => `포트로 보냄: ping ${n}: ${text}`,
    channelClosed: 'port1을 닫음: 이 채널로는 더 보내지도 받지도 않음',
    channelArrived: (data) => `start() 뒤에 도착함: ${data}`,
    channelUnstartedSent: 'port2를 보냄. port1은 addEventListener로만 듣는 중',
    channelCalledStart: 'port1.start()를 호출함',

    cloneTitle: '구조화된 복제 · postMessage',
    cloneHeading: '구조화된 복제: 무엇이 여행에서 살아남나',
    cloneLead:
      '`postMessage`는 JSON을 보내지 않습니다. **구조화된 복제(structured clone)** 알고리즘으로 값을 복사합니다. 이 알고리즘은 JSON보다 훨씬 많은 타입을 알고, 순환 참조를 유지하며, 어떤 값은 아예 거부합니다.',
    cloneSectionHeading: '모든 것을 담은 객체 하나 보내기',
    cloneSectionText:
      '부모가 아래 객체를 프레임에 보냅니다. 프레임은 받은 복사본을 살펴보고(`instanceof`, 동일성, 속성 서술자) 찾은 것을 돌려보냅니다. 마지막 열은 같은 값을 `JSON.stringify`가 어떻게 만들었을지입니다.',
    cloneRun: '프레임에 객체 보내기',
    cloneColKey: '키',
    cloneColSent: '보낸 값',
    cloneColVerdict: '판정',
    cloneColGot: '프레임이 받은 것',
    cloneColJson: 'JSON.stringify',
    cloneThrowsHeading: 'DataCloneError를 던지는 것',
    cloneThrowsText:
      '함수, DOM 노드, 심벌은 복제할 수 없습니다. `postMessage`는 보내는 쪽에서 동기적으로 예외를 던지고 아무것도 보내지 않습니다. 속성 하나가 잘못되면 메시지 전체를 못 보냅니다.',
    cloneThrowsRun: '보내 보기',
    cloneSurvives: '살아남음',
    cloneLost: '잃음',
    cloneLabelSelf: 'sample.self = sample (순환 참조)',
    cloneLabelPoint: 'new Point(3, 4) (norm() 메서드가 있는 클래스)',
    cloneGotSelf: 'received.self === received: 순환 참조가 다시 만들어짐',
    cloneGotUndef: '키가 있고, 값은 undefined',
    cloneGotUndefMissing: '키가 없음',
    cloneGotPoint: (x, y, norm) =>
      `평범한 Object {x: ${x}, y: ${y}}: instanceof Point는 불가능하고, norm은 ${norm}`,
    cloneGotGetter: (value) => `getter 없음: 평범한 데이터 속성 now = ${value}, 보낼 때 한 번 읽힘`,
    cloneGotStillGetter: '여전히 getter',
    cloneJsonDropped: 'undefined: 키가 빠짐',
    cloneJsonThrows: (error) => `예외 ${error}`,
    cloneRefusedLabel: (label) => REFUSED_KO[label] ?? label,
    cloneSentUnexpected: (label) => `${label}: 보내짐 (예상 밖)`,
    cloneThrew: (label, error) => `${label}: 예외 ${error}`,

    transferTitle: '전송 가능 객체 · postMessage',
    transferHeading: '전송 가능 객체: 복사하지 말고 옮기기',
    transferLead:
      '`postMessage`의 세 번째 인자(또는 `{ transfer }`)에는 복제하지 않고 **옮길** 객체를 나열합니다. 이렇게 옮긴 `ArrayBuffer`는 주인이 바뀝니다. 받는 쪽이 바이트를 갖고, 보낸 쪽의 버퍼는 분리(detached)되어 `byteLength`가 0이 됩니다.',
    transferSectionHeading: '같은 버퍼를 복사한 다음 전송하기',
    transferSectionText: (size, here, inFrame) =>
      `${size}바이트짜리 버퍼로, \`ca fe ba be\`로 시작합니다. 여기서 길이는 ${here}바이트입니다. 프레임이 마지막으로 알려 온 값: ${inFrame}.`,
    transferNothing: '없음',
    transferCopy: '복사하기 (전송 목록 없음)',
    transferRun: '전송하기',
    transferAgain: '다시 전송하기',
    transferSendBack: '프레임에 되돌려 달라고 하기',
    transferGotCopy: (bytes, first) => `프레임이 ${bytes}바이트를 받음 (복사본), ${first}로 시작`,
    transferGotOriginal: (bytes, first) => `프레임이 ${bytes}바이트를 받음 (원본), ${first}로 시작`,
    transferCameBack: (bytes, first) =>
      `버퍼가 돌아옴: 여기서 byteLength가 다시 ${bytes}, ${first}로 시작`,
    transferFrameNow: (bytes) => `프레임에서 byteLength는 이제 ${bytes}`,
    transferBackFailed: (reason) => `프레임이 되돌려 보내지 못함: ${reason}`,
    transferCopied: (took, bytes) =>
      `복사함: postMessage에 ${took} 걸림. 여기서 byteLength는 여전히 ${bytes}`,
    transferDone: (took, before, after, view) =>
      `전송함: postMessage에 ${took} 걸림. byteLength ${before} → ${after}, Uint8Array 뷰의 length → ${view}`,
    transferThrew: (error) => `전송 중 예외: ${error}`,
    transferAgainSent: (bytes) => `다시 전송함 (버퍼가 분리되지 않았음. byteLength ${bytes})`,
    transferAgainThrew: (error) => `다시 전송 중 예외: ${error}`,
    transferAsked: '프레임에 버퍼를 다시 전송해 달라고 요청함',

    frameTitle: '프레임 · postMessage',
    frameHeading: (origin) => `프레임, 출처 ${origin}`,
    framePortSend: '포트로 부모에게 보내기',
    frameStatus: (allowList) => `듣는 중. 허용 목록은 [${allowList}]입니다.`,
    frameStatusMisplaced: (frameOrigin, allowList) =>
      `이 페이지는 프레임 출처(${frameOrigin})에서 열어야 합니다. 여기서는 부모가 무시합니다. 듣는 중. 허용 목록은 [${allowList}]입니다.`,
    frameIgnored: (origin, data) => `무시함: ${origin}에서 옴: ${data}`,
    frameMalformed: (origin) => `무시함: ${origin}에서 온 형식이 잘못된 메시지`,
    frameAccepted: (origin, text) => `${origin}에서 받아들임: hello "${text}"`,
    frameSecret: (secret) => `비밀을 받음: ${secret}`,
    framePing: (text) => `ping: ${text}`,
    frameCloneProbe: (keys) => `복제 검사용 메시지 받음: 키 ${keys}개를 확인함`,
    frameNoBuffer: (kind) => `ArrayBuffer 없는 ${kind}`,
    frameBufferReceived: (kind, bytes) => `${kind}: ${bytes}바이트짜리 ArrayBuffer를 받음`,
    frameNothingToSendBack: '프레임에 되돌려 보낼 버퍼가 없음',
    frameSentBack: (bytes) => `버퍼를 되돌려 보냄. 여기서 byteLength는 이제 ${bytes}`,
    frameUnknownKind: (kind, origin) => `무시함: ${origin}에서 온 알 수 없는 kind "${kind}"`,
    framePortMissing: '포트 없이 온 "port" 메시지',
    framePortMessage: (origin, data) => `포트로 받음 (event.origin은 "${origin}"): ${data}`,
    frameGotPort: (label) => `MessagePort(${label})를 받고 그 포트로 답함`,

    thirdTitle: '세 번째 출처 · postMessage',
    thirdHeading: (origin) => `세 번째 출처 ${origin}: 아무도 신뢰하지 않습니다`,
    thirdText:
      "닿을 수 있는 창이면 어디든 `'*'`로 메시지를 보낼 수 있습니다. 그 메시지를 들을지는 받는 쪽이 정합니다.",
    thirdToParent: '부모에게 보내기',
    thirdSpoof: '프레임인 척하기',
    thirdToFrame: '프레임에 보내기',
    thirdLabelParent: '부모에게',
    thirdLabelFrame: '프레임에',
    thirdNoWindow: (label) => `${label}: 그런 창이 없음`,
    thirdSent: (label, message) => `보냄 (${label}): ${message}`,
    thirdReady: '준비됨.',

    snoopTitle: '다른 사이트 · postMessage',
    snoopHeading: (origin) => `다른 사이트, 출처 ${origin}`,
    snoopReceived: (origin, data) => `${origin}에서 받음: ${data}`,
    snoopStole: (secret) => `비밀을 훔침: ${secret}`,
    snoopStatus: '누가 보낸 메시지든 모두 듣는 중.',
    exFrameTitle: '프레임 · postMessage 연습 문제',
    exThirdTitle: '세 번째 출처 · postMessage 연습 문제',
    exSnoopTitle: '다른 사이트 · postMessage 연습 문제',
    ex1Title: '연습 문제: 누가 말하는지 확인하기 · postMessage',
    ex1Heading: '누가 말하는지 확인하기',
    ex1Lead: (parentOrigin) =>
      `이 페이지 옆의 \`page.ts\`를 고치고 저장하세요. 페이지가 알아서 다시 불러와집니다. 이 페이지가 부모이고, 출처는 ${parentOrigin}입니다. 여러분이 고칠 것은 이 페이지의 \`message\` 리스너입니다.`,
    ex1FrameHeading: '신뢰하는 프레임',
    ex1FrameText:
      '프레임은 프레임 출처에서 옵니다. hello마다 답장을 보내고, iframe이 내용에 맞출 수 있도록 자기 높이를 이 페이지에 알려 줍니다.',
    ex1FrameIframeTitle: '신뢰하는 프레임 (프레임 출처)',
    ex1StrangerHeading: '낯선 이: 세 번째 출처',
    ex1StrangerText:
      "이 iframe은 아무도 신뢰하지 않는 세 번째 출처에서 옵니다. 이 iframe도 `'*'`로 이 페이지에 메시지를 보낼 수 있습니다. 버튼을 눌러 보세요. “프레임인 척하기”는 프레임에서 왔다고 주장하는 답장을 보냅니다.",
    ex1IgnoredHeading: '이 페이지가 무시한 메시지',
    ex2Title: '연습 문제: 프레임에게만 주는 비밀 · postMessage',
    ex2Heading: '프레임에게만 주는 비밀',
    ex2Lead:
      '이 페이지 옆의 `page.ts`를 고치고 저장하세요. 페이지가 알아서 다시 불러와집니다. 이 페이지가 부모입니다. 이 페이지는 iframe에 비밀을 건네는데, 그 iframe에는 처음에 신뢰하는 프레임이 있고, 이동한 뒤에는 다른 사이트가 있습니다.',
    ex2Text:
      '페이지는 iframe의 창(`iframe.contentWindow`)을 쥐고 거기에 메시지를 보냅니다. “프레임을 다른 사이트로 이동”은 리디렉션, 광고 스크립트, 링크가 할 수 있는 일을 합니다. 같은 창에 이제 세 번째 출처의 페이지가 있고, 그 페이지는 받는 메시지를 모두 읽습니다. 부모의 참조는 그대로 동작하고, 부모는 그 참조가 어디를 가리키는지 볼 수 없습니다.',
    ex2SendSecret: '프레임에 비밀 보내기',
    ex2NavigatedLog: '프레임이 다른 사이트로 이동함. link.frame은 같은 창임',
  },
});
