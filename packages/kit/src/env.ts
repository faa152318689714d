// A chapter's tunables are env vars, declared once as valibot schemas and read
// by the kit before the chapter starts: a bad value stops the server with a
// message that names the variable and says what it must be.
import * as v from 'valibot';
import { say } from './terminal-messages.ts';

/** The schema of one env var: the raw string (or undefined when unset) in, the value out. */
export type EnvVar<T = unknown> = v.GenericSchema<string | undefined, T>;

/** A chapter's env vars by name. */
export type EnvSpec = Record<string, EnvVar>;

/** The values a spec reads, by name. */
export type EnvOf<S extends EnvSpec> = { [K in keyof S]: v.InferOutput<S[K]> };

/** A whole number within [min, max]; `fallback` when the variable is unset or empty. */
export function intVar(fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): EnvVar<number> {
  const message = say.wholeNumber(min, max);
  return v.pipe(
    v.optional(v.string(), ''),
    v.transform((raw) => (raw === '' ? String(fallback) : raw)),
    v.regex(/^-?\d+$/, message),
    v.transform(Number),
    v.minValue(min, message),
    v.maxValue(max, message),
  );
}

/** A comma-separated list; each item trimmed and checked by `item`. Empty when unset. */
export function listVar<T>(item: v.GenericSchema<string, T>): EnvVar<T[]> {
  return v.pipe(
    v.optional(v.string(), ''),
    v.transform((raw) =>
      raw
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    ),
    v.array(item),
  );
}

/**
 * Reads every variable of `spec` from `env`. Throws one error naming each bad
 * variable, its value and what it must be: `X=abc must be a whole number from 0 to 10`.
 */
export function parseEnv<S extends EnvSpec>(
  spec: S,
  env: NodeJS.ProcessEnv = process.env,
): EnvOf<S> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(spec)) {
    const result = v.safeParse(schema, env[name]);
    if (result.success) values[name] = result.output;
    else {
      const issue = result.issues[0];
      const where = issue.path?.length ? ` (item "${String(issue.input)}")` : '';
      problems.push(`${name}=${env[name] ?? ''}${where} ${issue.message}`);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return values as EnvOf<S>;
}
