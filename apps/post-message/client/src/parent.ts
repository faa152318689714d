import './nav.ts';
import './chapter.css';
import { byId } from '@course/kit/dom';
import { pageLang, pageMessages } from '@course/kit/i18n-page';
import messages from './messages.ts';
import { kindOf, loadOrigins, type Origins } from './origins.ts';
import { withLang } from './with-lang.ts';

const t = pageMessages(messages);

/** The parent's side of the link to the trusted frame. */
export interface FrameLink {
  origins: Origins;
  /** The iframe's window. It stays the same object even if the iframe navigates elsewhere. */
  frame: Window;
  /** Resolves once the frame has said it is listening. */
  ready: Promise<void>;
  /** Posts to the frame with an explicit targetOrigin: the frame origin, never '*'. */
  send(message: unknown, transfer?: Transferable[]): void;
}

/** The tallest the trusted frame may make its iframe, in px; past it, the frame scrolls its log. */
export const MAX_FRAME_HEIGHT = 600;

export interface FrameHandlers {
  /** A well-formed message from an allowed origin (other than the frame's "ready"). */
  accepted(kind: string, data: Record<string, unknown>, event: MessageEvent): void;
  /** Anything else that reached this window: another origin, or a malformed message (the reason in English: `t.ignoredReason` translates it). */
  ignored?(event: MessageEvent, reason: string): void;
}

/**
 * Installs the parent's one `message` listener (checking `event.origin` against
 * an allow-list of exactly the frame origin), then points `iframe` at the frame
 * origin's `page` (in this page's language). The listener comes first, so the frame's "ready" cannot be missed.
 * Buttons marked `data-needs-frame` are enabled once the frame is ready. The frame
 * reports its height, and the iframe follows it (up to `MAX_FRAME_HEIGHT`).
 */
export async function openFrame(
  iframe: HTMLIFrameElement,
  handlers: FrameHandlers,
  page = withLang('/frame', pageLang()),
): Promise<FrameLink> {
  const status = byId('link-status');
  const origins = await loadOrigins();
  const allowed = new Set([origins.frame]);
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  // #region fixed:parent-listener
  window.addEventListener('message', (event: MessageEvent) => {
    // fix: only the frame origin is trusted; anything else goes to the "ignored" log
    if (!allowed.has(event.origin)) return handlers.ignored?.(event, 'not in the allow-list');
    const kind = kindOf(event.data);
    if (!kind) return handlers.ignored?.(event, 'malformed');
    if (kind === 'height') {
      const px = (event.data as { px?: unknown }).px;
      if (typeof px !== 'number' || !Number.isFinite(px))
        return handlers.ignored?.(event, 'malformed');
      // fix: the trusted frame sizes its iframe to its content, within a cap: no frame may cover the page
      iframe.style.height = `${Math.min(Math.max(px, 0), MAX_FRAME_HEIGHT)}px`;
      return;
    }
    if (kind === 'ready') {
      status.textContent = t.frameReady(event.origin);
      status.className = 'ok';
      for (const button of document.querySelectorAll<HTMLButtonElement>('[data-needs-frame]'))
        button.disabled = false;
      markReady();
      return;
    }
    handlers.accepted(kind, event.data as Record<string, unknown>, event);
  });

  // fix: the listener is already installed, so the frame's "ready" cannot come too early
  iframe.src = `${origins.frame}${page}`;
  // #endregion
  const frame = iframe.contentWindow;
  if (!frame) throw new Error('the iframe has no window: is it in the document?');
  status.textContent = t.frameLoadingFrom(origins.frame);
  return {
    origins,
    frame,
    ready,
    send: (message, transfer = []) =>
      frame.postMessage(message, { targetOrigin: origins.frame, transfer }),
  };
}
