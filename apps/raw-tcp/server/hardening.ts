// What the chapter accepts from the wire and from a terminal, as valibot
// schemas checked with `check()` from @course/kit. Each schema carries the
// message a client (or the learner at the terminal) sees.
import * as v from 'valibot';
import { BAD_INPUT_CASES } from './bad-input-demo.ts';

/**
 * The id in `GET /api/probe/:id`. The page makes it with crypto.randomUUID();
 * nothing else is looked up. Checked as it came (not percent-decoded): a valid
 * id has nothing to decode, and decoding `%E0` would throw.
 */
export const ProbeId = v.pipe(
  v.string(),
  v.regex(/^[0-9a-f-]{8,64}$/i, 'probe id must be 8-64 hex digits or dashes'),
);

/** The case in `POST /api/bad-input/:case`: one of the demo's three. */
export const BadInputCaseName = v.picklist(
  BAD_INPUT_CASES,
  (issue) => `no bad-input case "${issue.input}" (try ${BAD_INPUT_CASES.join(', ')})`,
);

const NOT_A_PORT = 'is not a port number (1-65535)';

/**
 * `--port` of the CLI clients, as typed: a whole number from 1 to 65535. The
 * message follows the value: `--port abc is not a port number (1-65535)`.
 */
export const PortArg = v.pipe(
  v.string(),
  v.regex(/^\d{1,5}$/, NOT_A_PORT),
  v.transform(Number),
  v.minValue(1, NOT_A_PORT),
  v.maxValue(65_535, NOT_A_PORT),
);
