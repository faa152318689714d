// The lecture's Node client, run from a terminal:
//   pnpm --filter @course/raw-tcp client [-- --host 127.0.0.1 --port 4000]
// It connects to the lecture's TCP server, writes its hello, prints every chunk
// it receives with its byte count, and reports when it is disconnected.
import { parseArgs } from 'node:util';
import { check } from '@course/kit';
import { runExchange } from '../server/exchange.ts';
import { PortArg } from '../server/hardening.ts';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: process.env.TCP_PORT ?? '4000' },
  },
});
const checked = check(PortArg, values.port);
if (!checked.ok) {
  console.error(`--port ${values.port} ${checked.error}`);
  process.exit(2);
}
const port = checked.value;

// #region fixed:cli-client
let failed = false;
const totals = await runExchange({ host: values.host, port }, (entry) => {
  if (entry.kind === 'connect' || entry.kind === 'close') console.log(entry.text);
  else if (entry.kind === 'send') console.log(`[sent ${entry.bytes} bytes] ${entry.text}`);
  // fix: each data event printed with its size, so a reader sees how the bytes were grouped
  else if (entry.kind === 'receive') console.log(`[received ${entry.bytes} bytes] ${entry.text}`);
  else if (entry.kind === 'end') console.log(`[${entry.text}]`);
  else if (entry.kind === 'error') {
    failed = true;
    // fix: no server listening (ECONNREFUSED) is a line and exit code 1, not an uncaught 'error' event
    console.error(`CLIENT: error: ${entry.text}`);
  }
});
console.log(
  `[${totals.sentBytes} bytes sent, ${totals.receivedBytes} bytes received in ${totals.dataEvents} data event(s)]`,
);
process.exitCode = failed ? 1 : 0;
// #endregion
