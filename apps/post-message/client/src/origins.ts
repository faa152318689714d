/** Which of the chapter's three origins a page is on (the server says, at `GET /origins`). */
export type Role = 'parent' | 'frame' | 'third';

/** The three origins as the browser spells them, e.g. `http://localhost:2101`. */
export interface Origins {
  /** The role of the origin this page was loaded from. */
  role: Role;
  parent: string;
  frame: string;
  third: string;
}

/**
 * Asks this page's own server where the three origins are. The ports come from
 * the server (they differ between dev and e2e); the host is this page's own, so
 * `localhost` pages talk to `localhost` frames and `127.0.0.1` ones to `127.0.0.1`.
 * The allow-lists are built from this answer, never from the URL: a query
 * parameter would let any site that embeds the frame name itself as trusted.
 */
export async function loadOrigins(): Promise<Origins> {
  // #region fixed:origins
  // fix: this page's own server says where the origins are: the allow-lists never come from the URL
  const res = await fetch('/origins', { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET /origins answered ${res.status}`);
  const { role, ports } = (await res.json()) as { role: Role; ports: Record<Role, number> };
  const at = (port: number) => `${location.protocol}//${location.hostname}:${port}`;
  // fix: the host is this page's own, so localhost pages talk to localhost frames
  return { role, parent: at(ports.parent), frame: at(ports.frame), third: at(ports.third) };
  // #endregion
}

/** A short, printable view of any message payload (for the logs; shown with textContent). */
export function preview(data: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(data) ?? String(data);
  } catch {
    text = Object.prototype.toString.call(data);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** A message's `kind`, if it is an object with a string `kind`; anything else is malformed. */
export function kindOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const kind = (data as { kind?: unknown }).kind;
  return typeof kind === 'string' ? kind : undefined;
}

/** `error.name: error.message` for anything thrown. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
