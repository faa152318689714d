// How the browser brought a page on screen, read at `pageshow`: restored from the back/forward
// cache, loaded again by Back/Forward because the browser did not keep it, or loaded as usual.
// Browsers differ on pages with an open WebSocket, so the pages report what *this* browser did.
import type { Texts } from './socket.ts';

/** What the browser did to show the page. */
export type Arrival =
  /** `pageshow` with `persisted: true`: the frozen page came back as it was left. */
  | { kind: 'restored' }
  /**
   * Back/Forward, but the page was loaded from scratch. `reasons` are the browser's own words
   * (`notRestoredReasons`), or null when it gave none or does not offer that API.
   */
  | { kind: 'reloaded'; reasons: string[] | null; offersReasons: boolean }
  /** Any other load: following a link, typing the address, reloading (`type` is the entry's). */
  | { kind: 'loaded'; type: string };

/** `PerformanceNavigationTiming.notRestoredReasons` (Chromium 123+): a tree, one node per frame. */
interface NotRestoredReasons {
  reasons?: { reason?: string }[] | null;
  children?: NotRestoredReasons[] | null;
}

/** The navigation entry, with the field not every browser (or type library) has. */
type NavigationEntry = PerformanceNavigationTiming & {
  notRestoredReasons?: NotRestoredReasons | null;
};

/** Every reason in the tree (the page's own, then its frames'), without repeats. */
function reasonsIn(tree: NotRestoredReasons): string[] {
  const own = (tree.reasons ?? []).map((detail) => detail.reason ?? '').filter(Boolean);
  const nested = (tree.children ?? []).flatMap(reasonsIn);
  return [...new Set([...own, ...nested])];
}

/** Reads what the browser did from a `pageshow` event and the page's navigation entry. */
export function arrivalOf(event: PageTransitionEvent): Arrival {
  if (event.persisted) return { kind: 'restored' };
  const entry = performance.getEntriesByType('navigation')[0] as NavigationEntry | undefined;
  if (entry?.type !== 'back_forward') return { kind: 'loaded', type: entry?.type ?? 'navigate' };
  const offersReasons = 'notRestoredReasons' in entry;
  const tree = entry.notRestoredReasons;
  const reasons = tree ? reasonsIn(tree) : [];
  return { kind: 'reloaded', reasons: reasons.length > 0 ? reasons : null, offersReasons };
}

/** The arrival in words, for the learner: what happened and, after Back, why. */
export function describeArrival(arrival: Arrival, t: Texts): string {
  switch (arrival.kind) {
    case 'restored':
      return t.arrivalRestored;
    case 'reloaded': {
      const why = arrival.reasons
        ? t.arrivalReasons(arrival.reasons.join(', '))
        : arrival.offersReasons
          ? t.arrivalNoReason
          : t.arrivalNoReasonApi;
      return t.arrivalReloaded(why);
    }
    case 'loaded':
      return t.arrivalLoaded(arrival.type);
  }
}
