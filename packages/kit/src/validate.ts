// Input from the wire is checked against a valibot schema; the first problem
// becomes the error a client sees (status and message, an error ack, a close
// reason). Each schema carries its own messages, as clear as a hand-written check.
import * as v from 'valibot';

/** A checked value, or the sentence that says what is wrong with it. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Checks `input` against `schema`: its output, or the message of its first issue. */
export function check<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): Checked<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, error: result.issues[0].message };
}
