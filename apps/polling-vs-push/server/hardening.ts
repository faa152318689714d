// Hardening: every run is bounded, everything a client sends is checked against
// a valibot schema whose message is the sentence the client gets back, and every
// error is a status and that sentence. Bad input never takes the server down.
import type { Duplex } from 'node:stream';
import { check } from '@course/kit';
import type { ErrorRequestHandler, Response } from 'express';
import * as v from 'valibot';
import { LIMITS, TECHNIQUES, type Technique } from './protocol.ts';
import type { Run, RunRegistry } from './runs.ts';

// ---- limits ----

/** The largest bodies the run API reads: a run's request, and a batch of receipts. */
export const BODY_LIMITS = { run: '16kb', receipts: '256kb' } as const;

/** The largest message a WebSocket or Socket.IO client may send; the feed ignores them anyway. */
export const MAX_CLIENT_MESSAGE_BYTES = 4096;

// ---- errors ----

/** An error a client sees: its HTTP status and its sentence. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `input` as `schema` reads it, or an HttpError with `status` and the schema's sentence. */
export function valid<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  status = 400,
): v.InferOutput<S> {
  const checked = check(schema, input);
  if (!checked.ok) throw new HttpError(status, checked.error);
  return checked.value;
}

/** Answers `{ error }` with `status`. */
export function fail(res: Response, status: number, error: string): void {
  res.status(status).json({ error });
}

/** Express's last handler: every error becomes a status and a sentence, never a stack trace. */
export const answerErrors: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof HttpError) return fail(res, err.status, err.message);
  if (err?.type === 'entity.too.large') return fail(res, 413, 'body is too large');
  if (err?.type === 'entity.parse.failed')
    return fail(res, 400, `malformed JSON: ${(err as Error).message}`);
  const status = typeof err?.status === 'number' ? err.status : 500;
  if (status >= 500) console.error(err);
  fail(res, status, status >= 500 ? 'internal error' : String(err?.message ?? err));
};

/** Answers a refused upgrade with a plain HTTP error and closes the socket. */
export function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: message });
  const reason = status === 404 ? 'Not Found' : status === 400 ? 'Bad Request' : 'Error';
  socket.on('error', () => {});
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

// ---- input schemas ----

const isObject = (input: unknown) =>
  typeof input === 'object' && input !== null && !Array.isArray(input);

/** A JSON object (not an array, not null), or `message`. */
const jsonObject = (message: string) => v.custom<Record<string, unknown>>(isObject, message);

/**
 * A JSON object body with `entries`. A field the body lacks is checked as
 * `undefined`, so that its own schema says what it must be.
 */
function jsonBody<E extends v.ObjectEntries>(entries: E) {
  const missing = Object.fromEntries(Object.keys(entries).map((key) => [key, undefined]));
  return v.pipe(
    jsonObject('body must be a JSON object'),
    v.transform((body) => ({ ...missing, ...body })),
    v.object(entries),
  );
}

/** An integer from `min` to `max`: a JSON number, or one written out in a query or header. */
function integer(name: string, min: number, max: number) {
  const message = `"${name}" must be an integer from ${min} to ${max}`;
  return v.pipe(
    v.unknown(),
    v.transform((raw) => (typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw)),
    v.number(message),
    v.integer(message),
    v.minValue(min, message),
    v.maxValue(max, message),
  );
}

const techniquesMessage = `"techniques" must be a non-empty list of: ${TECHNIQUES.join(', ')}`;

// #region fixed:run-request
/** `POST /api/runs`: a bounded run, over every technique unless it names some (each once, in the page's order). */
export const RunRequestSchema = jsonBody({
  messages: integer('messages', LIMITS.messages.min, LIMITS.messages.max),
  rate: integer('rate', LIMITS.rate.min, LIMITS.rate.max),
  pollIntervalMs: v.optional(
    integer('pollIntervalMs', LIMITS.pollIntervalMs.min, LIMITS.pollIntervalMs.max),
    1000,
  ),
  techniques: v.optional(
    v.pipe(
      v.array(v.picklist(TECHNIQUES, techniquesMessage), techniquesMessage),
      v.minLength(1, techniquesMessage),
      v.transform((list) => TECHNIQUES.filter((t) => list.includes(t))),
    ),
    () => [...TECHNIQUES],
  ),
});
// #endregion

/** `POST /api/runs/:id/receipts` for `run`: [seq, receivedAt] pairs of its techniques, and which finished. */
export function receiptBatchSchema(run: Run) {
  const pair = v.strictTuple([
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(run.messages)),
    v.pipe(v.number(), v.finite()),
  ]);
  const receipt = v.custom<[number, number]>(
    (input) => v.is(pair, input),
    (issue) =>
      `each receipt must be [seq, receivedAt] with seq from 1 to ${run.messages} (got ${JSON.stringify(issue.input)})`,
  );
  const byTechnique = Object.fromEntries(
    run.techniques.map((technique) => [
      technique,
      v.optional(v.array(receipt, `receipts of ${technique} must be a list of [seq, receivedAt]`)),
    ]),
  );
  const finishedMessage = `"finished" must list techniques of run "${run.id}"`;
  return jsonBody({
    receipts: v.nullish(
      v.pipe(
        jsonObject('"receipts" must be an object of technique → [seq, receivedAt] pairs'),
        v.strictObject(
          byTechnique,
          (issue) => `"${String(issue.input)}" is not a technique of run "${run.id}"`,
        ),
      ),
      {},
    ),
    finished: v.nullish(v.array(v.picklist(run.techniques, finishedMessage), finishedMessage), []),
  });
}

/** `?run=`: exactly one run id. */
const RunIdSchema = v.pipe(
  v.optional(v.string('"run" must be one run id'), ''),
  v.nonEmpty('"run" is required'),
);

/** The run `id` names, checked to include `technique` when one is given. */
export function runOf(runs: RunRegistry, id: unknown, technique?: Technique): Run {
  const checked = valid(RunIdSchema, id);
  const run = runs.get(checked);
  if (!run) throw new HttpError(404, `no run "${checked}" (it may have expired)`);
  if (technique && !run.techniques.includes(technique))
    throw new HttpError(400, `run "${run.id}" does not include ${technique}`);
  return run;
}

/** A cursor (`?after=`, `Last-Event-ID`): the last seq of `run` the client has, 0 when unset. */
export function cursorOf(run: Run, input: unknown, name = 'after'): number {
  return valid(v.optional(integer(name, 0, run.messages), 0), input);
}
