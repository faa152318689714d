import { appendLine, byId } from '@course/kit/dom';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import messages from './messages.ts';
import { describeError } from './origins.ts';
import { openFrame } from './parent.ts';

// The page's texts in the learner's language, before anything else.
const t = pageMessages(messages);
applyMessages(t);

// /transfer: an ArrayBuffer copied, then transferred (byteLength 0 afterwards), then given back.

const SIZE = 32 * 1024 * 1024;
const log = byId('transfer-log');
const localBytes = byId('local-bytes');
const frameBytes = byId('frame-bytes');

/** A fresh buffer of SIZE bytes whose first four bytes are ca fe ba be. */
function makeBuffer(): ArrayBuffer {
  const buffer = new ArrayBuffer(SIZE);
  new Uint8Array(buffer).set([0xca, 0xfe, 0xba, 0xbe]);
  return buffer;
}

let buffer = makeBuffer();
/** A typed-array view over the buffer: it goes to length 0 with it. */
let view = new Uint8Array(buffer);

const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');
const showLocal = () => {
  localBytes.textContent = String(buffer.byteLength);
};
byId('buffer-size').textContent = String(SIZE);
showLocal();

/** Times one postMessage call: the copy happens inside it, the transfer does not copy. */
function timed(post: () => void): string {
  const started = performance.now();
  post();
  return `${(performance.now() - started).toFixed(1)} ms`;
}

const link = await openFrame(byId<HTMLIFrameElement>('frame'), {
  accepted(kind, data) {
    if (kind === 'copy-received' || kind === 'transfer-received') {
      frameBytes.textContent = String(data.byteLength);
      const got = kind === 'copy-received' ? t.transferGotCopy : t.transferGotOriginal;
      appendLine(log, got(Number(data.byteLength), hex(data.first as number[]))).className = 'ok';
    } else if (kind === 'returned' && data.buffer instanceof ArrayBuffer) {
      buffer = data.buffer;
      view = new Uint8Array(buffer);
      showLocal();
      appendLine(
        log,
        t.transferCameBack(buffer.byteLength, hex([...view.subarray(0, 4)])),
      ).className = 'ok';
    } else if (kind === 'frame-buffer') {
      frameBytes.textContent = String(data.byteLength);
      appendLine(log, t.transferFrameNow(Number(data.byteLength)));
    } else if (kind === 'send-back-failed') {
      appendLine(log, t.transferBackFailed(String(data.reason))).className = 'bad';
    }
  },
});

// #region fixed:transfer
byId('copy').addEventListener('click', () => {
  // fix: no transfer list: the structured clone copies every byte, inside postMessage
  const took = timed(() => link.send({ kind: 'copy', buffer }));
  showLocal();
  appendLine(log, t.transferCopied(took, buffer.byteLength));
});

byId('transfer-run').addEventListener('click', () => {
  const before = buffer.byteLength;
  try {
    // fix: in the transfer list, the buffer moves: no copy, and it is detached here
    const took = timed(() => link.send({ kind: 'transfer', buffer }, [buffer]));
    showLocal();
    appendLine(log, t.transferDone(took, before, buffer.byteLength, view.length));
  } catch (error) {
    appendLine(log, t.transferThrew(describeError(error))).className = 'bad';
  }
});

byId('transfer-again').addEventListener('click', () => {
  try {
    // fix: a detached buffer cannot be sent again: postMessage throws, so it sits in try/catch
    link.send({ kind: 'transfer', buffer }, [buffer]);
    appendLine(log, t.transferAgainSent(buffer.byteLength));
  } catch (error) {
    appendLine(log, t.transferAgainThrew(describeError(error))).className = 'bad';
  }
});
// #endregion

byId('send-back').addEventListener('click', () => {
  link.send({ kind: 'send-back' });
  appendLine(log, t.transferAsked);
});
