// A server's log of messages, as a learner watches it: every message while the
// rate is human, and one line a second once it is not. Logging is synchronous
// work on every message; at thousands a second it would cost more than the
// handler itself. ws-echo, socketio-chat and socketio-rooms log through it.

/** How many messages a second are logged one by one; past it, the rest are counted. */
export const MESSAGES_LOGGED_PER_SECOND = 20;

/** The log of received messages, shared by every connection of a server. */
export interface MessageLog {
  /** Logs `line()` while this second's budget lasts; past it only counts the message (`line` is not called). */
  message: (line: () => string) => void;
  /** Stops the pending summary (the server has closed). */
  close: () => void;
}

/**
 * Logs up to `perSecond` messages in each one-second window, and for the rest
 * one summary line when the window ends: `… and 4,810 more messages …`.
 */
export function messageLog(
  log: (line: string) => void,
  perSecond = MESSAGES_LOGGED_PER_SECOND,
): MessageLog {
  let windowStart = 0;
  let logged = 0;
  let skipped = 0;
  let timer: NodeJS.Timeout | undefined;
  const summarize = () => {
    clearTimeout(timer);
    timer = undefined;
    if (skipped > 0)
      log(
        `… and ${skipped.toLocaleString('en')} more messages in that second (${perSecond} a second are logged one by one)`,
      );
    skipped = 0;
  };
  return {
    message(line) {
      const now = Date.now();
      if (now - windowStart >= 1000) {
        summarize();
        windowStart = now;
        logged = 0;
      }
      // A human rate is logged message by message, as the lecture does
      if (logged < perSecond) {
        logged++;
        log(line());
        return;
      }
      // Past it, count without formatting or writing, and sum up once the second is over
      skipped++;
      if (!timer) {
        timer = setTimeout(summarize, windowStart + 1000 - now);
        timer.unref();
      }
    },
    close: () => {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
