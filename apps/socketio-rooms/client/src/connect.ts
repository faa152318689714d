import { byId } from '@course/kit/dom';
import { pageMessages } from '@course/kit/i18n-page';
import { io, type Socket } from 'socket.io-client';
import {
  type Ack,
  CHAT_NAMESPACE,
  type ChatAuth,
  type ClientToServerEvents,
  type Mode,
  type ServerToClientEvents,
} from '../../events.ts';
import messages from './messages.ts';

/** The page's texts, in its language (the exercises' pages share these helpers). */
const t = pageMessages(messages);

export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long the page waits for an acknowledgement before calling it lost. */
export const ACK_TIMEOUT_MS = 5000;

/**
 * Connects to the lecture's `/chat` namespace on this page's own server, in
 * `mode`, and keeps `#status` showing the connection state.
 */
export function connectChat(mode: Mode): ChatSocket {
  const status = byId('status');
  const socket: ChatSocket = io(CHAT_NAMESPACE, { auth: { mode } satisfies ChatAuth });
  const show = (text: string, className: string) => {
    status.textContent = text;
    status.className = className;
  };
  show(t.statusConnecting, 'muted');
  socket.on('connect', () => show(t.statusConnected(mode), 'ok'));
  socket.on('disconnect', (reason) => show(t.statusDisconnected(reason), 'bad'));
  socket.on('connect_error', (error) => show(t.statusCannotConnect(error.message), 'bad'));
  return socket;
}

/**
 * Awaits `send`'s ack; a lost one (timeout, no connection) becomes an error ack,
 * `{ok: false, error: "no answer: …"}`, the same shape as a refusal.
 */
export async function ackOrNoAnswer<T extends object>(
  send: () => Promise<Ack<T>>,
): Promise<Ack<T>> {
  try {
    return await send();
  } catch (error) {
    return { ok: false, error: t.noAnswer((error as Error).message) };
  }
}

/** Shows an error ack in `#error`, or clears it. As text: the error may quote the input. */
export function showError(answer: Ack | null): void {
  const output = byId('error');
  output.textContent = answer && !answer.ok ? t.error(answer.error) : '';
}

/**
 * Sends the form's name, room and message as the lecture's `chat message`, and
 * shows the ack's error if any. On success the Message field is cleared, but
 * only if it still holds what was sent: the next message may be typed already.
 */
export async function sendChatMessage(chat: ChatSocket): Promise<void> {
  const field = (id: string) => byId<HTMLInputElement>(id);
  const msg = field('msg').value;
  const answer = await ackOrNoAnswer(() =>
    chat.timeout(ACK_TIMEOUT_MS).emitWithAck('chat message', {
      name: field('name').value,
      room: field('room').value,
      msg,
    }),
  );
  showError(answer);
  if (answer.ok && field('msg').value === msg) field('msg').value = '';
}
