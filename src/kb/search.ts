/** Finding entries by what a person types: `kb search` and `kb show`. */
import { aliasKey } from './matcher.js';
import type { KbEntry } from './types.js';

/** One search result: the entry, the id, name or alias that matched, and how well (0 is best). */
export interface KbHit {
  readonly kind: 'kb-hit';
  readonly entry: KbEntry;
  readonly matched: string;
  readonly field: 'id' | 'name' | 'alias';
  readonly rank: number;
}

// Without spaces and punctuation, so that "apt 28" finds "APT28" and "fancybear" "Fancy Bear".
const compact = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** How well `text` answers `q` (both lower case): exact, exact but for punctuation, prefix, word prefix, inside. */
function rankOf(text: string, q: string, cq: string): number | null {
  const t = text.toLowerCase();
  if (t === q) return 0;
  if (cq !== '' && compact(t) === cq) return 1;
  if (t.startsWith(q)) return 2;
  if (t.includes(` ${q}`) || t.includes(`-${q}`)) return 3;
  if (t.includes(q)) return 4;
  if (cq !== '' && compact(t).includes(cq)) return 5;
  return null;
}

const FIELD_ORDER = { id: 0, name: 1, alias: 2 } as const;

/**
 * Entries whose id, name or an alias contains `query`, without regard to case: exact matches first,
 * then prefixes, then the rest; within a rank ids and names before aliases, then shorter names.
 */
export function searchKb(entries: readonly KbEntry[], query: string): KbHit[] {
  const q = query.trim().toLowerCase();
  const cq = compact(q);
  if (q === '') return [];
  const hits: KbHit[] = [];
  for (const entry of entries) {
    let best: KbHit | null = null;
    const fields: [KbHit['field'], string][] = [
      ['id', entry.id],
      ['name', entry.name],
      ...entry.aliases.map((a): [KbHit['field'], string] => ['alias', a]),
      // "Lin Jian" finds the ministry he speaks for
      ...(entry.spokespeople ?? []).map((a): [KbHit['field'], string] => ['alias', a]),
    ];
    for (const [field, text] of fields) {
      const rank = rankOf(text, q, cq);
      if (rank === null) continue;
      if (!best || rank < best.rank || (rank === best.rank && FIELD_ORDER[field] < FIELD_ORDER[best.field]))
        best = { kind: 'kb-hit', entry, matched: text, field, rank };
    }
    if (best) hits.push(best);
  }
  return hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      FIELD_ORDER[a.field] - FIELD_ORDER[b.field] ||
      a.matched.length - b.matched.length ||
      a.entry.name.localeCompare(b.entry.name),
  );
}

/**
 * The entries `idOrName` names: the one with that id, else every entry with that name or alias as the
 * matcher would compare them ("ncsc" finds each National Cyber Security Centre).
 */
export function findEntries(entries: readonly KbEntry[], idOrName: string): KbEntry[] {
  const q = idOrName.trim();
  const byId = entries.find((e) => e.id === q.toLowerCase());
  if (byId) return [byId];
  const key = aliasKey(q);
  if (key === '') return [];
  return entries.filter((e) => [e.name, ...e.aliases].some((n) => aliasKey(n) === key));
}

/**
 * How a user's `--actor` (or `actor=`) selects stored parties: a name or alias the knowledge base knows
 * as exactly one actor ("ICEFCOM", "Fancy Bear") becomes that actor's id, so every report matches
 * whichever of its names it used; anything else is matched as written.
 */
export function actorKey(entries: readonly KbEntry[], actor: string): string {
  const known = findEntries(entries, actor);
  return known.length === 1 ? known[0]!.id : actor;
}
