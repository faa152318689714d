// permessage-deflate as this server negotiates it, each setting chosen for an echo
// of chat-sized messages. What it costs, measured: see "Compression" in the README.
import type { PerMessageDeflateOptions } from 'ws';

/** The server's permessage-deflate settings, used when a client offers the extension. */
export const DEFLATE_SETTINGS = {
  // Only messages of 1 KiB or more are compressed: a 100-byte reply barely shrinks,
  // and deflating it costs more CPU than sending it as it is.
  threshold: 1024,
  // At most 10 messages compressed or decompressed at once (ws's default, written
  // down): zlib works on libuv's thread pool, and each job in flight holds its buffers.
  concurrencyLimit: 10,
  // Context takeover stays on, both ways: a message is compressed with the previous
  // ones as its dictionary, so a chat's repeated words shrink. ws keeps each
  // connection's zlib streams either way (without takeover it resets them), so
  // turning it off would cost ratio and save no memory here.
  serverNoContextTakeover: false,
  clientNoContextTakeover: false,
} as const satisfies PerMessageDeflateOptions;
