// The run API: create a run, start it, read what the server measured, and take
// the clients' receipts. Its requests are measurement traffic: nobody's bytes.
import express from 'express';
import {
  BODY_LIMITS,
  fail,
  HttpError,
  RunRequestSchema,
  receiptBatchSchema,
  runOf,
  valid,
} from './hardening.ts';
import type { RunRegistry } from './runs.ts';
import type { WireMeter } from './wire-meter.ts';

/** The routes under `/api/runs`, and a 404 for any other `/api` route. */
export function runApi(runs: RunRegistry, meter: WireMeter) {
  const router = express.Router();

  // #region fixed:run-api
  // A new run, not started yet, so that every client can connect before the first message.
  router.post('/api/runs', express.json({ limit: BODY_LIMITS.run }), (req, res) => {
    const run = runs.create(valid(RunRequestSchema, req.body));
    res.status(201).json(run.stats(meter));
  });

  // What the server measured so far: the page asks twice a second.
  router.get('/api/runs/:id', (req, res) => {
    res.json(runOf(runs, req.params.id).stats(meter));
  });

  // Publishing starts once every client is connected; a run starts only once.
  router.post('/api/runs/:id/start', (req, res) => {
    const run = runOf(runs, req.params.id);
    if (run.state !== 'ready') throw new HttpError(409, `run "${run.id}" has already started`);
    run.start();
    res.json(run.stats(meter));
  });
  // #endregion

  // Receipts: the client reports when it got each message; the server works out
  // latency, losses and duplicates from them.
  router.post(
    '/api/runs/:id/receipts',
    express.json({ limit: BODY_LIMITS.receipts }),
    (req, res) => {
      const run = runOf(runs, req.params.id);
      const { receipts, finished } = valid(receiptBatchSchema(run), req.body);
      for (const technique of run.techniques) {
        const pairs = receipts[technique];
        if (pairs) run.receive(technique, pairs);
      }
      for (const technique of finished) run.finish(technique);
      res.json(run.stats(meter));
    },
  );

  router.use('/api', (req, res) =>
    fail(res, 404, `no route for ${req.method} ${req.originalUrl.split('?')[0]}`),
  );
  return router;
}
