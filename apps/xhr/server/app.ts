import { createServer } from 'node:http';
import { join } from 'node:path';
import { type ClientHandler, check, defineChapter, intVar } from '@course/kit';
import express, { type ErrorRequestHandler, type Response } from 'express';
import { DownloadQuery, EchoBody, MAX_UPLOAD_BYTES, SlowQuery } from './hardening.ts';

/** What `createApp()` can be told; every field has a default. */
export interface AppOptions {
  /** Serves the pages (Vite or the built bundle). Tests leave it out and get the API alone. */
  client?: ClientHandler;
  /** How long `/ajax3_result1` waits before answering. The lecture waits 5 s. */
  ajax3DelayMs?: number;
  /** The largest request body accepted, in bytes; larger ones get 413. */
  bodyLimitBytes?: number;
}

/** The four verbs of `/ajax2_*`, each answering its own JSON. */
const AJAX2_METHODS = ['get', 'post', 'put', 'delete'] as const;

/** "안녕하세요" encoded as EUC-KR, the legacy Korean charset, for the overrideMimeType demo. */
const EUC_KR_HELLO = Buffer.from([0xbe, 0xc8, 0xb3, 0xe7, 0xc7, 0xcf, 0xbc, 0xbc, 0xbf, 0xe4]);

/** Sends `{ error }` with `status`: every failure of this API has this shape. */
function fail(res: Response, status: number, error: string): void {
  res.status(status).json({ error });
}

/**
 * The XHR chapter's server: the lecture's routes (`/ajax1` … `/ajax4`), the
 * extra routes the beyond-the-lecture demos call, and clear errors for bad input.
 * Returns an Express app that is not listening yet.
 */
export function createApp(options: AppOptions = {}): express.Express {
  const { client, ajax3DelayMs = 5000, bodyLimitBytes = 1024 * 1024 } = options;
  const app = express();
  app.disable('x-powered-by');

  // The lecture's static folder: /ajax_intro_data.txt for the readyState page.
  app.use(express.static(join(import.meta.dirname, '..', 'public')));

  // Lecture /ajax1: a plain-text answer that replaces the button.
  app.get('/ajax1_result1', (_req, res) => {
    res.type('text/plain').send('이것은 xmlhttprequest 를 활용한 비동기 통신입니다.');
  });

  // #region fixed:ajax2-routes
  // Lecture /ajax2: the same JSON shape for each HTTP verb.
  for (const method of AJAX2_METHODS) {
    app[method](`/ajax2_${method}`, (_req, res) => {
      res.json({ method, des: `이것은 ${method} 호출로 얻은 데이터 입니다.` });
    });
  }
  // #endregion

  // #region fixed:ajax3-route
  // Lecture /ajax3: a slow answer, so the page can show its loading state.
  app.get('/ajax3_result1', (_req, res) => {
    const timer = setTimeout(() => {
      res.json({ method: 'get', des: '이것은 get 호출로 얻은 데이터 입니다.' });
    }, ajax3DelayMs);
    // fix: the client gave up (abort, closed tab): drop the pending answer, which the lecture keeps
    res.on('close', () => clearTimeout(timer));
  });
  // #endregion

  const parseJson = express.json({ limit: bodyLimitBytes, strict: true });

  // #region fixed:ajax4-route
  // Lecture /ajax4: echo {id, content} back, once they are checked.
  app.post('/ajax4_result1', (req, res, next) => {
    // fix: a body that is not labelled JSON gets a 415 naming what came, not an empty echo
    if (!req.is('application/json')) {
      const got = req.get('content-type') ?? 'none';
      return fail(res, 415, `Content-Type must be application/json (got ${got})`);
    }
    parseJson(req, res, (err?: unknown) => {
      if (err) return next(err);
      // fix: id and content must be strings (the EchoBody schema), or the client gets a 400 saying which
      const body = check(EchoBody, req.body);
      if (!body.ok) return fail(res, 400, body.error);
      const { id, content } = body.value;
      res.json({ id, content });
    });
  });
  // #endregion

  // #region fixed:slow-route
  // Beyond: a request that takes `ms` to answer, for `timeout` and `abort()`.
  app.get('/slow', (req, res) => {
    const query = check(SlowQuery, req.query);
    if (!query.ok) return fail(res, 400, query.error);
    const { ms } = query.value;
    const timer = setTimeout(() => res.json({ waitedMs: ms }), ms);
    // fix: an aborted or timed-out request closes the connection: stop waiting for it
    res.on('close', () => clearTimeout(timer));
  });
  // #endregion

  // #region fixed:download-route
  // Beyond: a large download sent in paced chunks, so `progress` has something to report.
  app.get('/download', (req, res) => {
    const query = check(DownloadQuery, req.query);
    if (!query.ok) return fail(res, 400, query.error);
    const { bytes, chunkDelayMs } = query.value;
    const chunk = Buffer.alloc(64 * 1024, 0x2e);
    let left = bytes;
    let timer: NodeJS.Timeout | undefined;
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      // fix: Content-Length gives the page the total, so each progress event is lengthComputable
      'Content-Length': String(bytes),
      'Cache-Control': 'no-store',
    });
    const writeNext = () => {
      if (left <= 0) return void res.end();
      const piece = chunk.subarray(0, Math.min(chunk.length, left));
      left -= piece.length;
      // Respect backpressure, then pause before the next chunk.
      if (res.write(piece)) timer = setTimeout(writeNext, chunkDelayMs);
      else res.once('drain', () => (timer = setTimeout(writeNext, chunkDelayMs)));
    };
    res.on('close', () => clearTimeout(timer));
    writeNext();
  });
  // #endregion

  // #region fixed:upload-route
  // Beyond: count an upload's bytes as they stream in (never buffered whole).
  app.post('/upload', (req, res) => {
    // fix: refuse an upload that announces it is too big before reading a byte of it
    const declared = Number(req.get('content-length') ?? 0);
    if (declared > MAX_UPLOAD_BYTES) {
      res.set('Connection', 'close');
      return fail(res, 413, `upload is over the ${MAX_UPLOAD_BYTES}-byte limit`);
    }
    let received = 0;
    req.on('data', (piece: Buffer) => {
      received += piece.length;
    });
    req.on('end', () => {
      if (received > MAX_UPLOAD_BYTES)
        fail(res, 413, `upload is over the ${MAX_UPLOAD_BYTES}-byte limit`);
      else res.json({ received });
    });
  });
  // #endregion

  // Beyond: custom response headers for getAllResponseHeaders()/getResponseHeader().
  app.get('/headers-demo', (_req, res) => {
    res.set({ 'X-Course-Chapter': 'xhr', 'X-Served-At': new Date().toISOString() });
    res.json({ look: 'at the response headers' });
  });

  // Beyond: EUC-KR bytes labelled as UTF-8, which overrideMimeType() can re-label.
  app.get('/legacy-euc-kr', (_req, res) => {
    res.set('Content-Type', 'text/plain; charset=utf-8').send(EUC_KR_HELLO);
  });

  // Beyond: an XML document for responseType = 'document'.
  app.get('/chapters.xml', (_req, res) => {
    res
      .type('application/xml')
      .send(
        '<?xml version="1.0" encoding="UTF-8"?>\n<course>' +
          '<chapter order="1">XMLHttpRequest</chapter>' +
          '<chapter order="2">WebSocket</chapter>' +
          '<chapter order="3">Server-Sent Events</chapter></course>',
      );
  });

  // Pitfall: JSON that does not parse, so `xhr.response` is null with responseType 'json'.
  app.get('/malformed-json', (_req, res) => {
    res.type('application/json').send('{"method": "get", "des": ');
  });

  if (client) app.use(client);

  // Anything else is a 404 with a JSON body naming what was asked for.
  app.use((req, res) => fail(res, 404, `no route for ${req.method} ${req.path}`));

  // Body parser errors become 400/413 with a JSON body; the server stays up.
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (err?.type === 'entity.too.large')
      return fail(res, 413, `body is over the ${bodyLimitBytes}-byte limit`);
    if (err?.type === 'entity.parse.failed')
      return fail(res, 400, `malformed JSON: ${(err as Error).message}`);
    if (status >= 500) console.error(err);
    fail(res, status, status >= 500 ? 'internal error' : String(err?.message ?? err));
  };
  app.use(onError);
  return app;
}

/** The chapter, as `pnpm lesson` and `pnpm start` run it: the pages and the API on PORT (2000, as in the lecture). */
export default defineChapter({
  env: {
    /** How long `/ajax3_result1` waits; the lecture waits 5 s. */
    AJAX3_DELAY_MS: intVar(5000, 0, 60_000),
  },
  create: ({ client, env }) => ({
    PORT: createServer(createApp({ client, ajax3DelayMs: env.AJAX3_DELAY_MS })),
  }),
});
