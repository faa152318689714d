import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import messages from './messages.ts';
import { preview } from './origins.ts';
import { openFrame } from './parent.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);

// /channel: hand the frame one end of a MessageChannel, then talk over it.

const log = byId('channel-log');
const unstartedLog = byId('unstarted-log');
const sendButton = byId<HTMLButtonElement>('channel-send');
const closeButton = byId<HTMLButtonElement>('channel-close');
const startButton = byId<HTMLButtonElement>('unstarted-start');

let port: MessagePort | undefined;
let unstarted: MessagePort | undefined;
let unstartedArrived = false;
let pings = 0;

const link = await openFrame(byId<HTMLIFrameElement>('frame'), {
  accepted(kind, data) {
    // The frame confirms over the window that it has the port and has answered on it.
    if (kind === 'port-received' && data.label === 'unstarted' && !unstartedArrived)
      appendLine(unstartedLog, t.channelNothingArrived);
  },
});

byId('channel-open').addEventListener('click', () => {
  // #region fixed:channel-open
  port?.close();
  const channel = new MessageChannel();
  port = channel.port1;
  // onmessage, unlike addEventListener, starts the port.
  // fix: set onmessage before the port is handed over, so no answer is missed
  port.onmessage = (event: MessageEvent) => {
    const data = event.data as { kind?: string; n?: number; text?: string };
    if (data.kind === 'pong')
      appendLine(
        log,
        t.channelPortReply(event.origin, Number(data.n), String(data.text)),
      ).className = 'ok';
    else appendLine(log, t.channelPortOther(event.origin, preview(data)));
  };
  // One window message, checked like any other, carries port2 to the frame.
  // fix: port2 in the transfer list: the frame gets it, this page can no longer use it
  link.send({ kind: 'port', label: 'channel' }, [channel.port2]);
  appendLine(log, t.channelSentPort);
  sendButton.disabled = false;
  closeButton.disabled = false;
  // #endregion
});

sendButton.addEventListener('click', () => {
  const text = byId<HTMLInputElement>('channel-text').value;
  port?.postMessage({ kind: 'ping', n: ++pings, text });
  appendLine(log, t.channelSentPing(pings, text));
});

closeButton.addEventListener('click', () => {
  port?.close();
  port = undefined;
  sendButton.disabled = true;
  closeButton.disabled = true;
  appendLine(log, t.channelClosed);
});

// #region fixed:port-start
byId('unstarted-open').addEventListener('click', () => {
  unstarted?.close();
  unstartedArrived = false;
  const channel = new MessageChannel();
  unstarted = channel.port1;
  // addEventListener alone: the port stays unstarted, its messages wait in a queue.
  unstarted.addEventListener('message', (event: MessageEvent) => {
    unstartedArrived = true;
    appendLine(unstartedLog, t.channelArrived(preview(event.data))).className = 'ok';
  });
  link.send({ kind: 'port', label: 'unstarted' }, [channel.port2]);
  appendLine(unstartedLog, t.channelUnstartedSent);
  startButton.disabled = false;
});

startButton.addEventListener('click', () => {
  // fix: start() delivers the messages that waited in the port's queue
  unstarted?.start();
  startButton.disabled = true;
  appendLine(unstartedLog, t.channelCalledStart);
});
// #endregion
