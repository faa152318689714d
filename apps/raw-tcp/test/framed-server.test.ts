import { once } from 'node:events';
import { type Listening, listening } from '@course/kit/test-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runBadInput } from '../server/bad-input-demo.ts';
import { createFramedServer } from '../server/framed-server.ts';
import { connectPeer, nextEvent, type Peer, within } from './helpers.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How many timers (setTimeout/setInterval, socket timeouts) this process holds right now. */
const liveTimers = () =>
  process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
const logs: string[] = [];
const log = (line: string) => {
  if (logs.length < 10_000) logs.push(line);
};

let server: Listening;
/** A second server with a small bound and short timeouts, for the bad-input cases. */
let strict: Listening;

beforeAll(async () => {
  server = await listening(createFramedServer({ idleTimeoutMs: 10_000, log }));
  strict = await listening(
    createFramedServer({ maxLineBytes: 1024, idleTimeoutMs: 600, closeGraceMs: 500, log }),
  );
});
afterAll(async () => {
  await server.close();
  await strict.close();
});

/** Runs `test` against a framed server of its own, with its own log, and closes it after. */
async function withOwnServer(
  options: Parameters<typeof createFramedServer>[0],
  test: (own: Listening, lines: string[]) => Promise<void>,
) {
  const lines: string[] = [];
  const own = await listening(createFramedServer({ ...options, log: (line) => lines.push(line) }));
  try {
    await test(own, lines);
  } finally {
    await own.close();
  }
}

/**
 * Keeps writing to a refused client's socket and expects it to be reset within
 * `ms`: once the server has destroyed its side, a write is answered with a reset.
 */
async function expectResetOnWrite(peer: Peer, ms: number) {
  await vi.waitFor(
    () => {
      if (!peer.socket.destroyed) peer.socket.write('more\n');
      expect(peer.socket.destroyed).toBe(true);
    },
    { timeout: ms, interval: 50 },
  );
}

/** Proves the server still serves: a new client's line comes back. */
async function stillEchoes(port: number) {
  const peer = await connectPeer(port);
  peer.socket.write('still there?\n');
  await expect.poll(() => peer.text()).toBe('still there?\n');
  peer.socket.end();
  await within(peer.closed, 5000);
}

describe('the framed echo server', () => {
  it('echoes each complete line back as a line', async () => {
    const peer = await connectPeer(server.port);
    peer.socket.write('hello\n');
    await expect.poll(() => peer.text()).toBe('hello\n');
    peer.socket.write('message 1\nmessage 2\nmessage 3\n');
    await expect.poll(() => peer.text()).toBe('hello\nmessage 1\nmessage 2\nmessage 3\n');
    peer.socket.end();
    await within(peer.closed, 5000);
  });

  it('waits for the newline: a line written in pieces comes back once, whole', async () => {
    const peer = await connectPeer(server.port);
    const word = Buffer.from('안녕하세요');
    peer.socket.write(word.subarray(0, 4));
    await sleep(100);
    expect(peer.text()).toBe('');
    peer.socket.write(word.subarray(4));
    await sleep(100);
    expect(peer.text()).toBe('');
    peer.socket.write('\n');
    await expect.poll(() => peer.text()).toBe('안녕하세요\n');
    peer.socket.destroy();
  });

  it('accepts \\r\\n endings and echoes empty lines', async () => {
    const peer = await connectPeer(server.port);
    peer.socket.write('a\r\n\nb\n');
    await expect.poll(() => peer.text()).toBe('a\n\nb\n');
    peer.socket.destroy();
  });

  it('stays open between lines until the client leaves', async () => {
    const peer = await connectPeer(server.port);
    for (const word of ['one', 'two', 'three']) {
      peer.socket.write(`${word}\n`);
      await expect.poll(() => peer.text()).toMatch(new RegExp(`${word}\n$`));
      await sleep(150);
      expect(peer.socket.destroyed).toBe(false);
    }
    peer.socket.end();
    await within(peer.closed, 5000);
    expect(peer.text()).toBe('one\ntwo\nthree\n');
  });

  it('echoes a large burst of lines in order, with no line lost or merged', async () => {
    const peer = await connectPeer(server.port);
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'.'.repeat(i % 50)}`);
    peer.socket.write(`${lines.join('\n')}\n`);
    await expect
      .poll(() => peer.text().split('\n').length - 1, { timeout: 15_000 })
      .toBe(lines.length);
    expect(peer.text().split('\n').slice(0, -1)).toEqual(lines);
    peer.socket.destroy();
  });

  it('stops reading from a client that does not read its echoes (backpressure), then catches up', async () => {
    const peer = await connectPeer(server.port);
    peer.socket.pause(); // never read, for now
    const line = `${'y'.repeat(1023)}\n`;
    const chunk = Buffer.alloc(64 * 1024, line);
    let sent = 0;
    let blocked = false;
    // Bounded: at most 64 MiB. The server pauses once its echoes back up, so the
    // client's writes back up too, long before that.
    while (sent < 64 * 1024 * 1024) {
      sent += chunk.length;
      if (!peer.socket.write(chunk)) {
        const drained = await Promise.race([
          nextEvent(peer.socket, 'drain').then(() => true),
          sleep(1000).then(() => false),
        ]);
        if (!drained) {
          blocked = true;
          break;
        }
      }
    }
    expect(blocked).toBe(true);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    let received = 0;
    peer.socket.on('data', (data: Buffer) => {
      received += data.length;
    });
    peer.socket.resume();
    await expect.poll(() => received, { timeout: 20_000 }).toBe(sent);
    peer.socket.destroy();
  }, 30_000);
});

describe('bad input on the framed server', () => {
  it('answers a line over the bound with an error line and disconnects', async () => {
    const peer = await connectPeer(strict.port);
    peer.socket.write('x'.repeat(1025));
    const ms = await within(peer.closed, 5000);
    expect(peer.text()).toBe(
      'ERROR: line exceeds 1024 bytes without a newline; closing the connection\n',
    );
    expect(ms).toBeLessThan(5000);
    await stillEchoes(strict.port);
  });

  it('accepts a line of exactly the bound', async () => {
    const peer = await connectPeer(strict.port);
    const line = 'z'.repeat(1024);
    peer.socket.write(`${line}\n`);
    await expect.poll(() => peer.text()).toBe(`${line}\n`);
    peer.socket.destroy();
  });

  it('the default bound is 64 KiB', async () => {
    const peer = await connectPeer(server.port);
    const ok = 'k'.repeat(64 * 1024);
    peer.socket.write(`${ok}\n`);
    await expect.poll(() => peer.text()).toBe(`${ok}\n`);
    peer.socket.write('k'.repeat(64 * 1024 + 1));
    await within(peer.closed, 5000);
    expect(peer.text().slice(ok.length + 1)).toBe(
      'ERROR: line exceeds 65536 bytes without a newline; closing the connection\n',
    );
  });

  it('never buffers a flood without limit: a client that keeps writing is cut off', async () => {
    const peer = await connectPeer(strict.port);
    const chunk = Buffer.alloc(16 * 1024, 'f');
    let sent = 0;
    // Bounded: stop at 16 MiB, or as soon as the server has answered or closed.
    while (sent < 16 * 1024 * 1024 && !peer.socket.destroyed && peer.chunks.length === 0) {
      sent += chunk.length;
      if (!peer.socket.write(chunk))
        await Promise.race([nextEvent(peer.socket, 'drain'), peer.closed, sleep(1000)]);
      await sleep(0);
    }
    await within(peer.closed, 5000);
    expect(peer.text()).toMatch(/^ERROR: line exceeds 1024 bytes/);
    expect(sent).toBeLessThan(16 * 1024 * 1024);
    await stillEchoes(strict.port);
  });

  it('closes an idle client after the timeout, with an error line', async () => {
    const peer = await connectPeer(strict.port);
    const ms = await within(peer.closed, 5000);
    expect(peer.text()).toBe('ERROR: idle for 600 ms; closing the connection\n');
    expect(ms).toBeGreaterThanOrEqual(500);
    await stillEchoes(strict.port);
  });

  it('resets the idle timer with each line', async () => {
    // Lines 400 ms apart for 2.8 s keep a 2 s idle timeout from firing.
    const patient = await listening(createFramedServer({ idleTimeoutMs: 2000, log }));
    try {
      const peer = await connectPeer(patient.port);
      const started = performance.now();
      for (let i = 0; i < 7; i++) {
        await sleep(400);
        peer.socket.write(`tick ${i}\n`);
      }
      await expect.poll(() => peer.text()).toMatch(/tick 6\n$/);
      expect(performance.now() - started).toBeGreaterThan(2000);
      expect(peer.socket.destroyed).toBe(false);
      await within(peer.closed, 10_000);
      expect(peer.text()).toMatch(/tick 6\nERROR: idle for 2000 ms; closing the connection\n$/);
    } finally {
      await patient.close();
    }
  });

  it('destroys a refused client that does not close its side within the grace period', async () => {
    const peer = await connectPeer(strict.port, true); // will not answer the FIN
    peer.socket.write('x'.repeat(2000));
    await expect.poll(() => peer.text()).toMatch(/^ERROR: line exceeds/);
    await sleep(800); // past the 500 ms grace period
    // The server's socket is gone: anything more is answered with a reset.
    await expectResetOnWrite(peer, 5000);
    await within(peer.closed, 5000);
    expect(peer.errors.map((err) => (err as NodeJS.ErrnoException).code)).toEqual([
      expect.stringMatching(/^(ECONNRESET|EPIPE)$/),
    ]);
  });

  it('reads and drops whatever a refused client still sends: no echo, no reset', async () => {
    await withOwnServer({ maxLineBytes: 8, closeGraceMs: 10_000 }, async (own, lines) => {
      const peer = await connectPeer(own.port, true); // will not answer the FIN
      peer.socket.write('123456789');
      await expect.poll(() => peer.text()).toMatch(/^ERROR: line exceeds/);
      for (let i = 0; i < 3; i++) {
        peer.socket.write('more\n');
        await sleep(100);
      }
      expect(peer.text()).toBe(
        'ERROR: line exceeds 8 bytes without a newline; closing the connection\n',
      );
      expect(peer.errors).toEqual([]);
      expect(peer.socket.destroyed).toBe(false);
      // Not even read as lines: the server never tried to echo them.
      expect(lines.slice(1)).toEqual([
        '[framed] #1 line exceeds 8 bytes without a newline, disconnecting',
      ]);
      peer.socket.destroy();
    });
  });

  it('the grace period alone ends a refused client that stays silent', async () => {
    await withOwnServer(
      { maxLineBytes: 8, closeGraceMs: 200, idleTimeoutMs: 60_000 },
      async (own) => {
        const peer = await connectPeer(own.port, true);
        peer.socket.write('123456789');
        await expect.poll(() => peer.text()).toMatch(/^ERROR: line exceeds/);
        await sleep(400);
        await expectResetOnWrite(peer, 3000);
      },
    );
  });

  it('the idle timeout ends a silent refused client before a longer grace period', async () => {
    await withOwnServer(
      { maxLineBytes: 8, closeGraceMs: 60_000, idleTimeoutMs: 200 },
      async (own) => {
        const peer = await connectPeer(own.port, true);
        peer.socket.write('123456789');
        await expect.poll(() => peer.text()).toMatch(/^ERROR: line exceeds/);
        await sleep(400);
        await expectResetOnWrite(peer, 3000);
      },
    );
  });

  it('leaves no timer behind once a refused client has gone', async () => {
    await withOwnServer({ maxLineBytes: 8, closeGraceMs: 60_000 }, async (own, lines) => {
      const before = liveTimers();
      const peer = await connectPeer(own.port);
      peer.socket.write('123456789');
      await within(peer.closed, 5000);
      await expect.poll(() => lines.at(-1)).toBe('[framed] #1 closed');
      expect(liveTimers()).toBeLessThanOrEqual(before);
    });
  });

  it("the bridge's bad-input demo leaves no timer behind once it is done", async () => {
    await withOwnServer({ maxLineBytes: 64, idleTimeoutMs: 10_000 }, async (own, lines) => {
      const before = liveTimers();
      const steps = await runBadInput(
        'oversize',
        { host: '127.0.0.1', port: own.port },
        { maxLineBytes: 64, idleTimeoutMs: 10_000 },
      );
      expect(steps.at(-1)?.text).toBe(
        'a new client sent "still there?" and got the echo "still there?"',
      );
      // Both of the demo's connections are closed on the server's side too.
      await expect.poll(() => lines.filter((line) => line.endsWith(' closed'))).toHaveLength(2);
      expect(liveTimers()).toBeLessThanOrEqual(before);
    });
  });

  it('survives clients that vanish mid-write, while it is echoing to them', async () => {
    const before = logs.length;
    for (let i = 0; i < 5; i++) {
      const peer = await connectPeer(server.port);
      peer.socket.write(Buffer.alloc(512 * 1024, `${'m'.repeat(63)}\n`));
      await expect.poll(() => peer.chunks.length).toBeGreaterThan(0);
      peer.socket.resetAndDestroy();
      await within(peer.closed, 5000);
    }
    // Half a line, then gone.
    const half = await connectPeer(server.port);
    half.socket.write('half a li');
    half.socket.resetAndDestroy();
    await within(half.closed, 5000);
    await stillEchoes(server.port);
    const reset =
      /^\[framed\] #\d+ socket error: (ECONNRESET|EPIPE) \((read|write) (ECONNRESET|EPIPE)\)$/;
    await expect.poll(() => logs.slice(before).some((line) => reset.test(line))).toBe(true);
  });
});

describe("the framed server's log", () => {
  it('numbers connections, logs the first 20 lines of each with a preview, then only that more came', async () => {
    await withOwnServer({}, async (own, lines) => {
      const peer = await connectPeer(own.port);
      const localPort = peer.socket.localPort;
      const sent = [
        'a'.repeat(120),
        'b'.repeat(121),
        ...Array.from({ length: 20 }, (_, i) => `line ${i + 3}`),
      ];
      peer.socket.write(`${sent.join('\n')}\n`);
      await expect.poll(() => peer.text()).toMatch(/line 22\n$/);
      peer.socket.end();
      await within(peer.closed, 5000);
      await expect.poll(() => lines.at(-1)).toBe('[framed] #1 closed');
      expect(lines).toEqual([
        `[framed] #1 connected from 127.0.0.1:${localPort}`,
        `[framed] #1 line of 120 bytes: "${'a'.repeat(120)}"`,
        `[framed] #1 line of 121 bytes: "${'b'.repeat(120)}" … (+1 bytes)`,
        ...sent.slice(2, 20).map((line) => `[framed] #1 line of ${line.length} bytes: "${line}"`),
        '[framed] #1 (further lines not logged)',
        '[framed] #1 closed',
      ]);
      const next = await connectPeer(own.port);
      next.socket.destroy();
      await expect.poll(() => lines.at(-1)).toBe('[framed] #2 closed');
    });
  });

  it('logs why it disconnects a client', async () => {
    await withOwnServer({ maxLineBytes: 4 }, async (own, lines) => {
      const peer = await connectPeer(own.port);
      peer.socket.write('12345');
      await within(peer.closed, 5000);
      expect(lines).toContain('[framed] #1 line exceeds 4 bytes without a newline, disconnecting');
    });
  });

  it('logs a listen error instead of crashing', async () => {
    const lines: string[] = [];
    const second = createFramedServer({ log: (line) => lines.push(line) });
    second.listen(server.port, '127.0.0.1');
    await once(second, 'error');
    expect(lines).toEqual([
      `[framed] server error: EADDRINUSE (listen EADDRINUSE: address already in use 127.0.0.1:${server.port})`,
    ]);
  });
});
