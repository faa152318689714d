import { appendLine, byId } from '@course/kit/dom';
import { t } from './nav.ts';
import { describeClose, describeData, hex, stateName, wsUrl } from './socket.ts';

const stateLog = byId('state-log');
const messages = byId('messages');
const binaryTypeSelect = byId<HTMLSelectElement>('binary-type');

let ws: WebSocket | undefined;
/** Keeps message lines in arrival order even when a Blob takes a moment to read. */
let messageLines = Promise.resolve();
/** Set while the bulk send is running: its echoes are counted, not logged. */
let bulk: { expected: number; echoed: number; bytes: number } | undefined;

/** Logs the socket's readyState by name, and why we looked (only for the current socket). */
function logState(socket: WebSocket, why: string): void {
  if (socket !== ws) return;
  appendLine(stateLog, `${stateName(socket.readyState)} (${why})`);
}

/** The property table: re-read from the socket every 100 ms. */
function showProperties(): void {
  byId('p-url').textContent = ws?.url ?? t.apiNotConnected;
  byId('p-ready').textContent = ws ? stateName(ws.readyState) : '';
  byId('p-protocol').textContent = ws ? `'${ws.protocol}'` : '';
  byId('p-extensions').textContent = ws ? `'${ws.extensions}'` : '';
  byId('p-binary-type').textContent = ws?.binaryType ?? '';
  byId('p-buffered').textContent = ws ? String(ws.bufferedAmount) : '';
}
setInterval(showProperties, 100);

function connect(): void {
  if (ws && ws.readyState < WebSocket.CLOSING) ws.close(1000, 'reconnecting');
  // #region fixed:api-connect
  const offered = [
    ...document.querySelectorAll<HTMLInputElement>('input[name="protocol"]:checked'),
  ].map((box) => box.value);
  stateLog.replaceChildren();
  messages.replaceChildren();
  appendLine(stateLog, t.apiOffering(offered.join(', ')));
  // fix: offer subprotocols; the server answers with one of them, or the handshake fails
  const socket = new WebSocket(wsUrl('/'), offered);
  ws = socket;
  socket.binaryType = binaryTypeSelect.value as BinaryType;
  logState(socket, t.apiAfterNew);

  // open: the server accepted; protocol and extensions are known from now on.
  socket.addEventListener('open', () => {
    logState(socket, t.apiOpenEvent);
    appendLine(stateLog, `protocol '${socket.protocol}', extensions '${socket.extensions}'`);
  });
  // message: show each one as the JavaScript type it arrived as.
  socket.addEventListener('message', (event: MessageEvent) => {
    if (bulk && sizeOf(event.data) === CHUNK_BYTES) return countBulk(event);
    messageLines = messageLines.then(async () => {
      appendLine(messages, `← ${await describeData(event.data, t)}`);
    });
  });
  // error: the event carries no detail, on purpose (browsers hide why a connection failed).
  socket.addEventListener('error', () => logState(socket, t.apiErrorEvent));
  // close: the code, the reason and whether the closing handshake completed.
  socket.addEventListener('close', (event) => {
    logState(socket, t.closeEvent(describeClose(event)));
    if (socket === ws) byId('close-out').textContent = t.closeEvent(describeClose(event));
  });
  // #endregion
  showProperties();
}

byId('connect').addEventListener('click', connect);
// #region fixed:api-send
binaryTypeSelect.addEventListener('change', () => {
  // fix: binaryType decides how binary messages received from now on arrive: Blob or ArrayBuffer
  if (ws) ws.binaryType = binaryTypeSelect.value as BinaryType;
  showProperties();
});

/** Sends `data` if the socket is open, logging what went out. */
function send(data: string | ArrayBuffer | Blob, label: string): void {
  if (!ws || ws.readyState !== WebSocket.OPEN) {
    appendLine(messages, t.apiNotSent(ws ? stateName(ws.readyState) : t.apiNoSocket));
    return;
  }
  ws.send(data);
  appendLine(messages, `→ ${label}`);
}

const text = () => byId<HTMLInputElement>('text').value;
byId('send-text').addEventListener('click', () => send(text(), t.apiSentText(text())));
byId('send-arraybuffer').addEventListener('click', () => {
  const bytes = new TextEncoder().encode(text());
  send(bytes.buffer, t.dataBinary('ArrayBuffer', bytes.byteLength, hex(bytes)));
});
byId('send-blob').addEventListener('click', () => {
  const blob = new Blob([text()]);
  send(blob, t.dataBinarySize('Blob', blob.size));
});
// #endregion

// --- bufferedAmount ---------------------------------------------------------
const CHUNK_BYTES = 512 * 1024;
const CHUNKS = 8;

/** Bytes that do not compress, so permessage-deflate cannot hide the size. */
function noise(length: number): ArrayBuffer {
  const bytes = new Uint8Array(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes.buffer;
}

/** A binary message's size in bytes (-1 for text). */
function sizeOf(data: unknown): number {
  if (data instanceof Blob) return data.size;
  if (data instanceof ArrayBuffer) return data.byteLength;
  return -1;
}

function countBulk(event: MessageEvent): void {
  if (!bulk) return;
  bulk.echoed += 1;
  bulk.bytes += sizeOf(event.data);
  if (bulk.echoed === bulk.expected)
    appendLine(byId('buffered-log'), t.apiAllEchoes(bulk.echoed, bulk.bytes));
}

byId('bulk-send').addEventListener('click', () => {
  const out = byId('buffered-out');
  const log = byId('buffered-log');
  log.replaceChildren();
  const socket = ws;
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    out.textContent = t.apiConnectFirst;
    return;
  }
  // #region fixed:bulk-send
  const chunk = noise(CHUNK_BYTES);
  bulk = { expected: CHUNKS, echoed: 0, bytes: 0 };
  const started = performance.now();
  // fix: send() never blocks: all 8 calls return at once, and bufferedAmount holds what is queued
  for (let i = 0; i < CHUNKS; i++) socket.send(chunk);
  const peak = socket.bufferedAmount;
  appendLine(log, t.apiAfterSends(CHUNKS, peak));
  let lastLogged = Number.NEGATIVE_INFINITY;
  // Sample every 10 ms until the queue is empty; log a line at most every 100 ms.
  const timer = setInterval(() => {
    const amount = socket.bufferedAmount;
    const ms = Math.round(performance.now() - started);
    out.textContent = t.apiBufferedNow(amount);
    if (ms - lastLogged >= 100 || amount === 0) {
      appendLine(log, t.apiSample(ms, amount));
      lastLogged = ms;
    }
    if (amount === 0 || socket.readyState !== WebSocket.OPEN) {
      clearInterval(timer);
      out.textContent = t.apiDrained(peak, ms);
    }
  }, 10);
  // #endregion
});

// --- close(code, reason) ----------------------------------------------------
byId('long-reason').addEventListener('click', () => {
  byId<HTMLInputElement>('close-reason').value = 'x'.repeat(124);
});

// #region fixed:close-form
byId<HTMLFormElement>('close-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const out = byId('close-out');
  if (!ws) {
    out.textContent = t.apiConnectFirst;
    return;
  }
  const rawCode = byId<HTMLInputElement>('close-code').value.trim();
  const reason = byId<HTMLInputElement>('close-reason').value;
  // fix: close() throws for a code other than 1000 or 3000–4999, or a reason over 123 bytes
  try {
    if (rawCode === '') ws.close();
    else ws.close(Number(rawCode), reason);
    logState(ws, t.apiAfterClose);
    out.textContent = t.apiCloseCalled(`close(${rawCode}${rawCode ? `, '${reason}'` : ''})`);
  } catch (error) {
    // The browser refuses a bad code or an over-long reason itself, before sending anything.
    const { name, message } = error as DOMException;
    out.textContent = t.apiCloseThrew(name, message);
    logState(ws, t.apiCloseThrewState);
  }
});
// #endregion

connect();
