import { once } from 'node:events';
import { createConnection, type Socket } from 'node:net';
import type { Target } from './framing-demo.ts';
import { describeError } from './log.ts';

/** The bad-input cases the page can run against the framed server. */
export const BAD_INPUT_CASES = ['oversize', 'idle', 'abrupt'] as const;
export type BadInputCase = (typeof BAD_INPUT_CASES)[number];

export interface BadInputStep {
  /** Milliseconds since the case started. */
  t: number;
  text: string;
}

export interface BadInputLimits {
  maxLineBytes: number;
  idleTimeoutMs: number;
}

/** A client socket that records what happens to it as steps, and resolves `closed` when it is gone. */
function watched(target: Target, note: (text: string) => void) {
  const socket = createConnection(target);
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (text: string) => {
    received += text;
  });
  socket.on('error', (err) => note(`client socket error: ${describeError(err)}`));
  // Resolves on close even after an error: a reset is one of the outcomes shown.
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  return { socket, closed };
}

/** Rejects after `ms`, so no case can hang the request that runs it. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** One line to the server and its echo back: proof that it still serves new clients. */
async function stillServes(target: Target, note: (text: string) => void): Promise<void> {
  const { socket, closed } = watched(target, note);
  await once(socket, 'connect');
  const echoed = new Promise<string>((resolve) => {
    let seen = '';
    socket.on('data', (text: string) => {
      seen += text;
      if (seen.includes('\n')) resolve(seen.slice(0, seen.indexOf('\n')));
    });
  });
  socket.write('still there?\n');
  const line = await within(echoed, 5000, 'the echo');
  note(`a new client sent "still there?" and got the echo "${line}"`);
  socket.end();
  await within(closed, 5000, 'closing');
}

/** Runs one bad-input case against the framed server and returns what the client saw, step by step. */
export async function runBadInput(
  which: BadInputCase,
  framed: Target,
  limits: BadInputLimits,
): Promise<BadInputStep[]> {
  const started = performance.now();
  const steps: BadInputStep[] = [];
  const note = (text: string) => steps.push({ t: Math.round(performance.now() - started), text });
  const { socket, closed } = watched(framed, note);
  await within(once(socket, 'connect'), 5000, 'connecting');
  note('connected to the framed server');

  if (which === 'oversize') {
    // Bounded: write the limit plus 16 KiB, in 16 KiB chunks, never a newline.
    const chunk = Buffer.alloc(16 * 1024, 'x');
    const total = limits.maxLineBytes + chunk.length;
    let sent = 0;
    while (sent < total && !socket.destroyed && socket.writable) {
      sent += chunk.length;
      if (!socket.write(chunk))
        await within(
          Promise.race([new Promise((resolve) => socket.once('drain', resolve)), closed]),
          5000,
          'drain',
        );
    }
    note(`sent ${sent} bytes with no newline (the limit is ${limits.maxLineBytes})`);
    const received = await within(closed, 10_000, 'the error line');
    note(`received: ${received.trim()}`);
    note('the server closed the connection');
  } else if (which === 'idle') {
    note(`sending nothing (the server's idle timeout is ${limits.idleTimeoutMs} ms)`);
    const received = await within(closed, limits.idleTimeoutMs + 10_000, 'the idle timeout');
    note(`received: ${received.trim()}`);
    note('the server closed the connection');
  } else {
    // 2000 lines of 100 bytes and half a line; reset once the echoes start coming.
    const lines = Buffer.alloc(2000 * 100, `${'x'.repeat(99)}\n`);
    socket.write(lines);
    socket.write('half a line, and then the client vani');
    note(`sent ${lines.length} bytes of lines and half a line, without reading the echoes`);
    await within(once(socket, 'data'), 5000, 'the first echo');
    (socket as Socket).resetAndDestroy();
    note('reset the connection (RST) while the server was still echoing');
    await within(closed, 5000, 'closing');
    note("only that socket closed; the server's error handler logs the reset (see its terminal)");
  }

  await stillServes(framed, note);
  return steps;
}
