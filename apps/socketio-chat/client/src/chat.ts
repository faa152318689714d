import { byId } from '@course/kit/dom';
import { rich } from '@course/kit/i18n-page';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ChatInput,
  ChatMessage,
  ClientToServerEvents,
  ServerToClientEvents,
  User,
  Variant,
} from '../../events.ts';
import { el } from './element.ts';
import { t } from './nav.ts';

// Connect to the page's own server, at the default path /socket.io/.
const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io();

const conn = byId('conn');
const loginStatus = byId('login-status');
const chatLogs = byId<HTMLUListElement>('chatLogs');
const sent = byId<HTMLUListElement>('sent');
const usersList = byId<HTMLUListElement>('users');
const typingOut = byId('typing');
const msgInput = byId<HTMLInputElement>('msgForm');
const viaSelect = byId<HTMLSelectElement>('via');
const toSelect = byId<HTMLSelectElement>('to');
const reconnectButton = byId<HTMLButtonElement>('reconnect');

/** The name and userid this tab logged in with, re-sent after a fresh (not recovered) connect. */
let me: { name: string; userid: string } | undefined;

const ackTimeout = () => Math.max(100, Number(byId<HTMLInputElement>('ack-timeout').value) || 5000);

// #region fixed:join-notice
/** Adds one line to the chat log, built from text nodes only. */
function logLine(className: string, ...parts: (string | HTMLElement)[]): HTMLLIElement {
  const item = el('li', '', className);
  // The lecture's join notice is Korean whatever the page's language.
  if (className === 'login') item.lang = 'ko';
  item.append(...parts.filter((part) => part !== ''));
  chatLogs.append(item);
  return item;
}

// ── The lecture's events ────────────────────────────────────────────────

// `login` from the server: "<name>님이 입장하셨습니다".
socket.on('login', (name) => {
  // fix: the name goes in as text (el() sets textContent), so a name with markup stays characters
  logLine('login', el('strong', name), '님이 입장하셨습니다');
});
// #endregion

// #region fixed:show-message
/** One delivered message as `name: msg`, tagged with how it was sent. */
function showMessage(message: ChatMessage, event: string) {
  const item = logLine(
    'chat',
    el('strong', `${message.from.name}:`),
    ' ',
    el('span', message.msg, 'msg'),
    // fix: tag each line with its event and variant, so the four variants can be told apart
    el('span', `${event} · ${message.via}`, 'via'),
  );
  item.dataset.via = message.via;
}
socket.on('chat', (message) => showMessage(message, 'chat'));
// fix: listen for `s2c chat` too: socket.emit and io.to(id) send that event
socket.on('s2c chat', (message) => showMessage(message, 's2c chat'));
// #endregion

// ── Beyond the lecture: presence, typing, notices ───────────────────────

/** A message about `name`, with the name as a `<strong>` (as text) wherever the language puts it. */
function aboutName(message: (name: string) => string, name: string): (string | HTMLElement)[] {
  const MARK = '\u0000';
  const [before = '', after = ''] = message(MARK).split(MARK);
  return [before, el('strong', name), after];
}

// #region fixed:presence-page
// Someone left (with the server's reason) or came back through recovery.
socket.on('presence', (presence) => {
  const text =
    presence.kind === 'left'
      ? (name: string) => t.left(name, presence.reason ?? t.leftNoReason)
      : t.back;
  logLine('presence', ...aboutName(text, presence.name));
});
// #endregion

socket.on('notice', (text) => {
  logLine('notice bad', `⚠ ${text}`);
});

// #region fixed:users-page
// The online list, and the io.to(id) picker built from it.
socket.on('users', (users: User[]) => {
  // fix: replace the whole list each time: the server sends all of it after every change
  usersList.replaceChildren(
    ...users.map((user) => {
      const item = el('li', `${user.name} (${user.userid})`);
      if (user.id === socket.id) item.append(el('span', ` · ${t.you}`, 'muted'));
      return item;
    }),
  );
  // The io.to(id) picker: everyone but this tab.
  const chosen = toSelect.value;
  const others = users.filter((user) => user.id !== socket.id);
  toSelect.replaceChildren(
    ...others.map((user) => {
      const option = el('option', `${user.name} (${user.userid})`);
      option.value = user.id;
      return option;
    }),
  );
  if (others.length === 0) toSelect.append(el('option', t.nobodyElse));
  // fix: keep the chosen user picked while the list changes around them
  if (others.some((user) => user.id === chosen)) toSelect.value = chosen;
});
// #endregion

const typers = new Map<string, string>();
socket.on('typing', ({ id, name, typing }) => {
  if (typing) typers.set(id, name);
  else typers.delete(id);
  const names = [...typers.values()];
  typingOut.textContent = names.length === 0 ? '' : t.typing(names.join(', '), names.length);
});

// ── Connection state ────────────────────────────────────────────────────

// #region fixed:connection-state
// Connected: a fresh session, or a recovered one.
socket.on('connect', () => {
  reconnectButton.hidden = true;
  conn.className = 'output ok';
  conn.replaceChildren(
    rich(socket.recovered ? t.connectedRecovered(socket.id ?? '') : t.connected(socket.id ?? '')),
  );
  // A fresh session knows nothing of this tab: log in again with the same fields.
  // fix: a recovered session still has socket.data, so only a new one logs in again
  if (me && !socket.recovered) login(me);
});

// Disconnected: say whether the client comes back by itself.
socket.on('disconnect', (reason) => {
  conn.className = 'output bad';
  typers.clear();
  typingOut.textContent = '';
  // The list is stale while offline; a recovery replays the updates, a new session resends it.
  usersList.replaceChildren(el('li', t.offlineList, 'muted'));
  // fix: after a disconnect the server or the page chose, Socket.IO stays down: offer Reconnect
  if (reason === 'io server disconnect' || reason === 'io client disconnect') {
    conn.replaceChildren(rich(t.stayedDown(reason)));
    reconnectButton.hidden = false;
  } else {
    conn.replaceChildren(rich(t.connectionLost(reason)));
  }
});
// #endregion

socket.on('connect_error', (error) => {
  conn.className = 'output bad';
  conn.textContent = t.cannotConnect(error.message);
});

// #region fixed:connection-buttons
// Disconnect: ask the server to end this session.
byId('disconnect').addEventListener('click', () => {
  socket.emit('forceDisconnect', () => {});
});
// fix: the way back after io server disconnect: a new connection, and a new session
reconnectButton.addEventListener('click', () => socket.connect());
// A network failure in miniature: close the transport, not the Socket.IO session.
byId('drop').addEventListener('click', () => socket.io.engine?.close());
// #endregion

// ── Log in ──────────────────────────────────────────────────────────────

// #region fixed:login-page
/** Sends `login` and shows its ack: logged in, refused and why, or no answer. */
function login(fields: { name: string; userid: string }) {
  // fix: wait for the ack with a timeout, so a lost answer shows instead of nothing
  socket.timeout(ackTimeout()).emit('login', fields, (err: Error | null, result?: Ack) => {
    if (err) {
      loginStatus.className = 'output bad';
      loginStatus.textContent = t.loginNoAnswer(ackTimeout());
    } else if (result && !result.ok) {
      loginStatus.className = 'output bad';
      loginStatus.textContent = t.loginRefused(result.error);
    } else {
      // fix: remember the fields, to log in again after a fresh (not recovered) connect
      me = fields;
      loginStatus.className = 'output ok';
      loginStatus.textContent = t.loggedInAs(fields.name, fields.userid);
    }
  });
}

// Log in with the form's fields.
byId<HTMLFormElement>('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  // fix: the name and userid come from the form, so each tab can be a different user
  login({
    name: byId<HTMLInputElement>('name').value,
    userid: byId<HTMLInputElement>('userid').value,
  });
});
// #endregion

// ── Send, with ✓, timeout and Retry ─────────────────────────────────────

let counter = 0;
/** A fresh message id, so a retry of the same message can be recognised. */
function newId(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** What socket.io-client's error says when a pending ack's connection closes (the other is a timeout). */
const SOCKET_CLOSED = 'socket has been disconnected';

// #region fixed:send-ack
/** Emits one message and tracks its ack on its line in "Sent from this tab". */
function deliver(data: ChatInput, ack: HTMLElement) {
  ack.className = 'ack muted';
  ack.textContent = '…';
  const timeout = ackTimeout();
  // fix: an ack with a timeout: err is set when no answer comes within `timeout` ms
  socket.timeout(timeout).emit('chat', data, (err: Error | null, result?: Ack) => {
    ack.replaceChildren();
    if (err) {
      // No answer: in time, or at all because the connection closed first. The same id makes
      // the retry safe: the server delivers it once.
      ack.className = 'ack bad';
      // fix: a closed connection is not a slow server: say which of the two it was
      ack.append(`${err.message === SOCKET_CLOSED ? t.ackClosed : t.ackTimedOut(timeout)} `);
      const retry = el('button', t.retry);
      retry.type = 'button';
      // fix: Retry sends the same data, id included
      retry.addEventListener('click', () => deliver(data, ack));
      ack.append(retry);
    } else if (result && !result.ok) {
      // fix: a refusal shows the server's reason
      ack.className = 'ack bad';
      ack.textContent = `✗ ${result.error}`;
    } else {
      ack.className = 'ack ok';
      ack.textContent = '✓';
    }
  });
}
// #endregion

/** Whether this tab told the others it is typing, and the timer that ends it. */
let typingSent = false;
let idleTimer: number | undefined;

// #region fixed:send
/** Sends the message box: adds its line to "Sent from this tab" and delivers it. */
function send() {
  const msg = msgInput.value;
  const via = viaSelect.value as Variant;
  // fix: a fresh id for each message, so a retry of it can be recognised
  const data: ChatInput = { msg, via, id: newId() };
  let target = '';
  if (via === 'io.to') {
    data.to = toSelect.value;
    target = ` → ${toSelect.selectedOptions[0]?.textContent ?? ''}`;
  }
  const ack = el('span', '', 'ack');
  const item = el('li', '', 'sent');
  item.append(el('span', msg, 'msg'), el('span', `${via}${target}`, 'via'), ack);
  sent.append(item);
  msgInput.value = '';
  // The server ends "typing" itself when a chat arrives: no need to send `typing: false`.
  clearTimeout(idleTimer);
  typingSent = false;
  deliver(data, ack);
}

// fix: each listener is added once, at load, never inside another handler
byId('sendMsg').addEventListener('click', send);
// Enter sends too.
msgInput.addEventListener('keydown', (event) => {
  // fix: event.key (keyCode is deprecated), and not the Enter that ends a Hangul composition
  if (event.key === 'Enter' && !event.isComposing) {
    event.preventDefault();
    send();
  }
});
// #endregion

viaSelect.addEventListener('change', () => {
  byId('to-label').hidden = viaSelect.value !== 'io.to';
});

// ── Typing: one `typing: true` when typing starts, `false` after 1.5 s idle ──

// #region fixed:typing-page
/** Tells the others this tab stopped typing, if it told them it started. */
function stopTyping() {
  clearTimeout(idleTimer);
  if (typingSent && socket.connected && me) socket.emit('typing', false, () => {});
  typingSent = false;
}
// Each key in the message box: `typing: true` once, then `false` after 1.5 s idle.
msgInput.addEventListener('input', () => {
  if (!me || !socket.connected) return;
  // fix: one `typing: true` when typing starts, not one event per key
  if (!typingSent) {
    typingSent = true;
    socket.emit('typing', true, () => {});
  }
  clearTimeout(idleTimer);
  idleTimer = window.setTimeout(stopTyping, 1500);
});
// #endregion
