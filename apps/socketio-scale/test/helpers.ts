import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { listening } from '@course/kit/test-server';
import type { ClientToServerEvents, ServerToClientEvents } from '@course/socketio-rooms/events';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { expect, vi } from 'vitest';
import {
  type AdapterKind,
  TOPOLOGY_NAMESPACE,
  type TopologyClientToServer,
  type TopologyServerToClient,
} from '../events.ts';
import { createInstance } from '../server/instance.ts';
import { freePort } from '../server/redis.ts';

/** How long a test waits for something that should happen; generous for a loaded machine. */
export const WAIT_MS = 10_000;

export type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;
export type TopologyClient = Socket<TopologyServerToClient, TopologyClientToServer>;

const open: Socket[] = [];

/** A /chat client (explicit mode) that keeps the messages it receives as "name:msg" lines. */
export class Member {
  readonly lines: string[] = [];
  readonly notices: string[] = [];
  constructor(readonly socket: ChatClient) {
    socket.on('chat message', ({ name, msg }) => this.lines.push(`${name}:${msg}`));
    socket.on('notice', ({ room, name, action }) => this.notices.push(`${name} ${action} ${room}`));
  }
  join(name: string, room: string) {
    return this.socket.timeout(WAIT_MS).emitWithAck('join', { name, room });
  }
  post(name: string, room: string, msg: string) {
    return this.socket.timeout(WAIT_MS).emitWithAck('chat message', { name, room, msg });
  }
  /** Resolves once `line` has arrived. */
  hears(line: string) {
    return vi.waitFor(() => expect(this.lines).toContain(line), { timeout: WAIT_MS, interval: 20 });
  }
}

/** Connects a /chat member to `url` and waits until it is connected. */
export async function member(
  url: string,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<Member> {
  const socket: ChatClient = io(`${url}/chat`, {
    auth: { mode: 'explicit' },
    transports: ['websocket'],
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
    ...options,
  });
  open.push(socket as unknown as Socket);
  await vi.waitFor(() => expect(socket.connected).toBe(true), { timeout: WAIT_MS });
  return new Member(socket);
}

/** A /topology client, resolving with the instance it landed on. */
export async function topologyClient(
  url: string,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<{ socket: TopologyClient; instance: () => string }> {
  const socket: TopologyClient = io(`${url}${TOPOLOGY_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    ...options,
  });
  open.push(socket as unknown as Socket);
  let instance = '';
  socket.on('hello', (info) => {
    instance = info.instance;
  });
  await vi.waitFor(() => expect(instance).not.toBe(''), { timeout: WAIT_MS });
  return { socket, instance: () => instance };
}

/** Disconnects every client the helpers opened. */
export function closeClients(): void {
  for (const socket of open.splice(0)) socket.disconnect();
}

/** An instance of the chapter's server listening on a free loopback port. */
export async function startInstance(redisUrl: string, instance: string, adapter: AdapterKind) {
  const built = await createInstance({ redisUrl, instance, adapter });
  const server = await listening(built.http);
  return {
    ...built,
    url: server.url,
    port: server.port,
    async close() {
      await server.close();
      await built.close();
    },
  };
}

/** The chapter as `pnpm start` runs it (primary + workers), in a child process on a free port. */
export async function startCluster(env: Record<string, string>): Promise<{
  url: string;
  output: () => string;
  child: ChildProcess;
  stop: () => Promise<void>;
}> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, '../../../packages/kit/bin/course-chapter.js'), 'start'],
    {
      cwd: join(import.meta.dirname, '..'),
      env: { ...process.env, PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await Promise.race([
      vi.waitFor(() => expect(output).toContain(`localhost:${port}`), {
        timeout: 40_000,
        interval: 50,
      }),
      exited.then(() => {
        throw new Error(`exited early (${child.exitCode}):\n${output}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, output: () => output, child, stop };
}
