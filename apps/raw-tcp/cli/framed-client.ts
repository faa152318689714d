// Talk to the framed echo server from a terminal, one line at a time:
//   pnpm --filter @course/raw-tcp framed-client [-- --port 4001]
// Every line you type is sent with its newline; every echoed line is printed.
import { createConnection } from 'node:net';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { check } from '@course/kit';
import { PortArg } from '../server/hardening.ts';
import { LineSplitter } from '../shared/line-splitter.ts';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: process.env.FRAMED_TCP_PORT ?? '4001' },
  },
});
const checked = check(PortArg, values.port);
if (!checked.ok) {
  console.error(`--port ${values.port} ${checked.error}`);
  process.exit(2);
}
const port = checked.value;

const socket = createConnection({ host: values.host, port }, () =>
  console.log(`connected to ${values.host}:${port}; type lines, Ctrl+D to leave`),
);
const splitter = new LineSplitter(16 * 1024 * 1024);
const decoder = new TextDecoder();
socket.on('data', (chunk: Buffer) => {
  for (const line of splitter.push(chunk)) console.log(`echo: ${decoder.decode(line)}`);
});
socket.on('error', (err) => {
  console.error(`error: ${err.message}`);
  process.exitCode = 1;
});
socket.on('close', () => {
  console.log('disconnected');
  process.exit();
});
const input = createInterface({ input: process.stdin });
input.on('line', (line) => socket.write(`${line}\n`));
input.on('close', () => socket.end());
