/**
 * Which other incidents bear on an incident's grade: those accusing the same actor (corroboration)
 * and those where the accused side accuses back (counter-accusation), reported within the window.
 * Indexed by key and sorted by date, so finding them for every incident of a large store stays
 * close to linear.
 */
import { daysBetween } from './keys.js';
import type { IncidentNeighbour, IncidentRecord } from './types.js';

/** The neighbour fields of an incident record, as stored beside it. */
export function neighbourOf(rec: IncidentRecord): IncidentNeighbour {
  return {
    id: rec.id,
    claimantKey: rec.claimantKey,
    claimant: { name: rec.claimant.name, country: rec.claimant.country, kind: rec.claimant.kind },
    accusedKeys: rec.accusedKeys,
    accusedCountries: rec.accused.map((p) => p.country),
    firstReported: rec.firstReported,
    lastReported: rec.lastReported,
  };
}

/** The store lookups that find every possible neighbour of an incident; the index then narrows them down. */
export function neighbourKeys(rec: IncidentRecord): {
  accusedKeys: string[];
  claimantKeys: string[];
  claimantCountries: string[];
} {
  return {
    accusedKeys: [...rec.accusedKeys],
    claimantKeys: [...rec.accusedKeys],
    claimantCountries: [...new Set(rec.accused.map((p) => p.country).filter((c): c is string => c !== null))],
  };
}

interface Sorted {
  readonly firsts: string[];
  readonly items: IncidentNeighbour[];
}

function sorted(items: IncidentNeighbour[]): Sorted {
  items.sort((a, b) =>
    a.firstReported! < b.firstReported! ? -1 : a.firstReported! > b.firstReported! ? 1 : 0,
  );
  return { firsts: items.map((i) => i.firstReported!), items };
}

/** Index of the first element ≥ x. */
function lowerBound(xs: readonly string[], x: string): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const shift = (day: string, days: number): string =>
  new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * An index over candidate neighbours. `longestSpan` bounds how long an incident's reports run (the
 * window, for dated incidents), which lets a lookup start its date scan at first − 2·window.
 */
export function neighbourIndex(all: readonly IncidentNeighbour[], windowDays: number) {
  const byAccused = new Map<string, IncidentNeighbour[]>();
  const byClaimant = new Map<string, IncidentNeighbour[]>();
  const byCountry = new Map<string, IncidentNeighbour[]>();
  const push = (m: Map<string, IncidentNeighbour[]>, k: string, n: IncidentNeighbour) => {
    const l = m.get(k);
    if (l) l.push(n);
    else m.set(k, [n]);
  };
  let longest = windowDays;
  for (const n of all) {
    if (!n.firstReported || !n.lastReported) continue;
    longest = Math.max(longest, daysBetween(n.firstReported, n.lastReported));
    for (const k of n.accusedKeys) push(byAccused, k, n);
    push(byClaimant, n.claimantKey, n);
    if (n.claimant.country) push(byCountry, n.claimant.country, n);
  }
  const index = new Map<Map<string, IncidentNeighbour[]>, Map<string, Sorted>>();
  for (const m of [byAccused, byClaimant, byCountry]) {
    const s = new Map<string, Sorted>();
    for (const [k, v] of m) s.set(k, sorted(v));
    index.set(m, s);
  }
  const inRange = (m: Map<string, IncidentNeighbour[]>, key: string, from: string, to: string) => {
    const s = index.get(m)!.get(key);
    if (!s) return [];
    const out: IncidentNeighbour[] = [];
    for (let i = lowerBound(s.firsts, from); i < s.firsts.length && s.firsts[i]! <= to; i++)
      out.push(s.items[i]!);
    return out;
  };
  return {
    /** Candidates within reach of `rec`'s dates; the grade decides which of them count. */
    for(rec: IncidentRecord): IncidentNeighbour[] {
      if (!rec.firstReported || !rec.lastReported) return [];
      const from = shift(rec.firstReported, -(windowDays + longest));
      const to = shift(rec.lastReported, windowDays);
      const keys = neighbourKeys(rec);
      const found = new Map<string, IncidentNeighbour>();
      for (const k of keys.accusedKeys) for (const n of inRange(byAccused, k, from, to)) found.set(n.id, n);
      // Accused-side claimants count only when they accuse the accuser's side back.
      const cc = rec.claimant.country;
      const atAccuser = (n: IncidentNeighbour) =>
        n.accusedKeys.includes(rec.claimantKey) || (cc !== null && n.accusedCountries.includes(cc));
      for (const k of keys.claimantKeys)
        for (const n of inRange(byClaimant, k, from, to)) if (atAccuser(n)) found.set(n.id, n);
      for (const c of keys.claimantCountries)
        for (const n of inRange(byCountry, c, from, to)) if (atAccuser(n)) found.set(n.id, n);
      found.delete(rec.id);
      return [...found.values()];
    },
  };
}
