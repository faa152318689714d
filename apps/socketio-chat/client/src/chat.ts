import './nav.ts';
import { byId } from '@course/kit/dom';
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

/** Adds one line to the chat log, built from text nodes only. */
function logLine(className: string, ...parts: (string | HTMLElement)[]): HTMLLIElement {
  const item = el('li', '', className);
  item.append(...parts);
  chatLogs.append(item);
  return item;
}

// ── The lecture's events ────────────────────────────────────────────────

// `login` from the server: "<name>님이 입장하셨습니다".
socket.on('login', (name) => {
  logLine('login', el('strong', name), '님이 입장하셨습니다');
});

/** One delivered message as `name: msg`, tagged with how it was sent. */
function showMessage(message: ChatMessage, event: string) {
  const item = logLine(
    'chat',
    el('strong', `${message.from.name}:`),
    ' ',
    el('span', message.msg, 'msg'),
    el('span', `${event} · ${message.via}`, 'via'),
  );
  item.dataset.via = message.via;
}
socket.on('chat', (message) => showMessage(message, 'chat'));
socket.on('s2c chat', (message) => showMessage(message, 's2c chat'));

// ── Beyond the lecture: presence, typing, notices ───────────────────────

socket.on('presence', (presence) => {
  const text =
    presence.kind === 'left'
      ? ` left (${presence.reason ?? 'disconnected'})`
      : ' is back (connection recovered)';
  logLine('presence', el('strong', presence.name), text);
});

socket.on('notice', (text) => {
  logLine('notice bad', `⚠ ${text}`);
});

socket.on('users', (users: User[]) => {
  usersList.replaceChildren(
    ...users.map((user) => {
      const item = el('li', `${user.name} (${user.userid})`);
      if (user.id === socket.id) item.append(el('span', ' · you', 'muted'));
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
  if (others.length === 0) toSelect.append(el('option', 'nobody else is online'));
  if (others.some((user) => user.id === chosen)) toSelect.value = chosen;
});

const typers = new Map<string, string>();
socket.on('typing', ({ id, name, typing }) => {
  if (typing) typers.set(id, name);
  else typers.delete(id);
  const names = [...typers.values()];
  typingOut.textContent =
    names.length === 0 ? '' : `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} typing…`;
});

// ── Connection state ────────────────────────────────────────────────────

socket.on('connect', () => {
  reconnectButton.hidden = true;
  conn.className = 'output ok';
  conn.textContent = socket.recovered
    ? `Connected again as ${socket.id}: recovered (socket.recovered = true). Missed messages were replayed.`
    : `Connected as ${socket.id}.`;
  // A fresh session knows nothing of this tab: log in again with the same fields.
  if (me && !socket.recovered) login(me);
});

socket.on('disconnect', (reason) => {
  conn.className = 'output bad';
  typers.clear();
  typingOut.textContent = '';
  // The list is stale while offline; a recovery replays the updates, a new session resends it.
  usersList.replaceChildren(
    el('li', 'offline: the list updates when this tab is connected', 'muted'),
  );
  if (reason === 'io server disconnect' || reason === 'io client disconnect') {
    conn.textContent = `Disconnected (${reason}). The client will not reconnect by itself: press Reconnect.`;
    reconnectButton.hidden = false;
  } else {
    conn.textContent = `Connection lost (${reason}). Reconnecting by itself…`;
  }
});

socket.on('connect_error', (error) => {
  conn.className = 'output bad';
  conn.textContent = `Cannot connect: ${error.message}. Retrying…`;
});

byId('disconnect').addEventListener('click', () => {
  socket.emit('forceDisconnect', () => {});
});
reconnectButton.addEventListener('click', () => socket.connect());
// A network failure in miniature: close the transport, not the Socket.IO session.
byId('drop').addEventListener('click', () => socket.io.engine?.close());

// ── Log in ──────────────────────────────────────────────────────────────

function login(fields: { name: string; userid: string }) {
  socket.timeout(ackTimeout()).emit('login', fields, (err: Error | null, result?: Ack) => {
    if (err) {
      loginStatus.className = 'output bad';
      loginStatus.textContent = `No answer to login within ${ackTimeout()} ms.`;
    } else if (result && !result.ok) {
      loginStatus.className = 'output bad';
      loginStatus.textContent = `Login refused: ${result.error}`;
    } else {
      me = fields;
      loginStatus.className = 'output ok';
      loginStatus.textContent = `Logged in as ${fields.name} (${fields.userid}).`;
    }
  });
}

byId<HTMLFormElement>('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  login({
    name: byId<HTMLInputElement>('name').value,
    userid: byId<HTMLInputElement>('userid').value,
  });
});

// ── Send, with ✓, timeout and Retry ─────────────────────────────────────

let counter = 0;
/** A fresh message id, so a retry of the same message can be recognised. */
function newId(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Emits one message and tracks its ack on its line in "Sent from this tab". */
function deliver(data: ChatInput, ack: HTMLElement) {
  ack.className = 'ack muted';
  ack.textContent = '…';
  const timeout = ackTimeout();
  socket.timeout(timeout).emit('chat', data, (err: Error | null, result?: Ack) => {
    ack.replaceChildren();
    if (err) {
      // No answer in time. The same id makes the retry safe: the server delivers it once.
      ack.className = 'ack bad';
      ack.append(`no ack after ${timeout} ms `);
      const retry = el('button', 'Retry');
      retry.type = 'button';
      retry.addEventListener('click', () => deliver(data, ack));
      ack.append(retry);
    } else if (result && !result.ok) {
      ack.className = 'ack bad';
      ack.textContent = `✗ ${result.error}`;
    } else {
      ack.className = 'ack ok';
      ack.textContent = '✓';
    }
  });
}

/** Whether this tab told the others it is typing, and the timer that ends it. */
let typingSent = false;
let idleTimer: number | undefined;

function send() {
  const msg = msgInput.value;
  const via = viaSelect.value as Variant;
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

byId('sendMsg').addEventListener('click', send);
msgInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.isComposing) {
    event.preventDefault();
    send();
  }
});

viaSelect.addEventListener('change', () => {
  byId('to-label').hidden = viaSelect.value !== 'io.to';
});

// ── Typing: one `typing: true` when typing starts, `false` after 1.5 s idle ──

function stopTyping() {
  clearTimeout(idleTimer);
  if (typingSent && socket.connected && me) socket.emit('typing', false, () => {});
  typingSent = false;
}
msgInput.addEventListener('input', () => {
  if (!me || !socket.connected) return;
  if (!typingSent) {
    typingSent = true;
    socket.emit('typing', true, () => {});
  }
  clearTimeout(idleTimer);
  idleTimer = window.setTimeout(stopTyping, 1500);
});
