import { appendLine, byId } from '@course/kit/dom';
import { t } from './nav.ts';
import { describeClose, describeData, wsUrl } from './socket.ts';

/** Opens a socket to `path`, skips the greeting, and resolves with the socket once open. */
function open(path: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(path));
    // open: ready to send.
    socket.addEventListener('open', () => resolve(socket), { once: true });
    // error: the handshake failed (server down, refused).
    socket.addEventListener('error', () => reject(new Error(t.pitfallsCouldNotConnect(path))), {
      once: true,
    });
  });
}

/** Resolves with the first message after the greeting. */
function nextEcho(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) => {
    let seen = 0;
    // message: the first is the greeting, the second the echo.
    const onMessage = (event: MessageEvent) => {
      seen += 1;
      if (seen < 2) return;
      socket.removeEventListener('message', onMessage);
      resolve(event.data);
    };
    socket.addEventListener('message', onMessage);
  });
}

// --- the naive echo ----------------------------------------------------------
async function echoOnce(path: string): Promise<void> {
  const log = byId('naive-log');
  try {
    const socket = await open(path);
    const echo = nextEcho(socket);
    socket.send('hello');
    appendLine(log, t.pitfallsEchoed(path, await describeData(await echo, t)));
    socket.close(1000, 'done');
  } catch (error) {
    appendLine(log, (error as Error).message);
  }
}
byId('naive-send').addEventListener('click', () => echoOnce('/naive'));
byId('fixed-send').addEventListener('click', () => echoOnce('/'));

// --- too big -------------------------------------------------------------------
byId('too-big-send').addEventListener('click', async () => {
  const log = byId('too-big-log');
  log.replaceChildren();
  try {
    const socket = await open('/');
    const closed = new Promise<CloseEvent>((resolve) =>
      // close: the server's verdict on the oversized message.
      socket.addEventListener('close', resolve, { once: true }),
    );
    socket.send(new Uint8Array(2 * 1024 * 1024));
    appendLine(log, t.pitfallsSentBig(2 * 1024 * 1024));
    appendLine(log, t.closeEvent(describeClose(await closed)));
    // The server is still up: a new connection gets the greeting.
    const again = await open('/');
    const greeting = await new Promise<unknown>((resolve) =>
      again.addEventListener('message', (event) => resolve(event.data), { once: true }),
    );
    appendLine(log, t.pitfallsGreetedAgain(String(greeting)));
    again.close(1000, 'done');
  } catch (error) {
    appendLine(log, (error as Error).message);
  }
});

// --- UTF-8 -----------------------------------------------------------------------
byId('utf8-send').addEventListener('click', async () => {
  const log = byId('utf8-log');
  try {
    const socket = await open('/');
    const echo = nextEcho(socket);
    socket.send('\uD800');
    const data = await echo;
    const codes = typeof data === 'string' ? [...data].map((c) => c.codePointAt(0) ?? 0) : [];
    const shown = codes.map((c) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
    appendLine(log, t.pitfallsUtf8Echo(shown.join(' ')));
    socket.close(1000, 'done');
  } catch (error) {
    appendLine(log, (error as Error).message);
  }
});

// --- Origin ----------------------------------------------------------------------
byId('my-origin').textContent = location.origin;
/** The same server under its other name: localhost ↔ 127.0.0.1. */
const otherHost = `${location.hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${location.port}`;
byId('origin-same').textContent = t.pitfallsOriginSame(location.host);
byId('origin-cross').textContent = t.pitfallsOriginCross(otherHost);

/** Opens a socket to `host` and logs how the handshake ended. */
function tryOrigin(host: string): void {
  const log = byId('origin-log');
  const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/`;
  const socket = new WebSocket(url);
  // message: the greeting proves the server accepted this Origin.
  socket.addEventListener('message', (event) => {
    appendLine(log, t.pitfallsAccepted(url, String(event.data)));
    socket.close(1000, 'done');
  });
  // error: a refused handshake (here: 403) shows up only as error + close 1006.
  socket.addEventListener('error', () => appendLine(log, t.pitfallsErrorEvent(url)));
  socket.addEventListener('close', (event) => {
    if (event.code === 1006) appendLine(log, t.pitfallsRefused(url, describeClose(event)));
  });
}
byId('origin-same').addEventListener('click', () => tryOrigin(location.host));
byId('origin-cross').addEventListener('click', () => tryOrigin(otherHost));
