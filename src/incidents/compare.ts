/**
 * The side-by-side comparison of an incident's sources: per attribute, which source gives which value,
 * and whether they contradict each other. Differing names of one actor are aliases, not a conflict;
 * a source that lists fewer operations than another adds nothing false, so only sets with nothing in
 * common conflict.
 */
import { OPERATIONS, SECTORS, type Party } from '../types.js';
import { daysBetween, partyKey } from './keys.js';
import type { Attribute, ClaimRecord, ComparisonRow, ComparisonValue, SourceFacts } from './types.js';

/** How a source names an actor: the forms written in it, else the canonical name. */
export function partyForms(p: Party): string {
  return p.aliases.length ? [...new Set(p.aliases)].join(' / ') : p.name;
}

const VOCAB_ORDER = new Map<string, number>([...OPERATIONS, ...SECTORS].map((v, i) => [v, i]));

/** Vocabulary order for operations and sectors, alphabetical for anything else (countries). */
export function sortValues(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(
    (a, b) => (VOCAB_ORDER.get(a) ?? 999) - (VOCAB_ORDER.get(b) ?? 999) || a.localeCompare(b),
  );
}

type Value = string | number | readonly string[];

/** Groups equal values, keeping the order in which they first appear; each value lists its documents once. */
function collect(pairs: readonly (readonly [Value | null, string])[]): ComparisonValue[] {
  const out: { value: Value; sources: string[]; key: string }[] = [];
  for (const [value, doc] of pairs) {
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    const key = JSON.stringify(value);
    let entry = out.find((e) => e.key === key);
    if (!entry) out.push((entry = { value, sources: [], key }));
    if (!entry.sources.includes(doc)) entry.sources.push(doc);
  }
  return out.map(({ value, sources }) => ({ value, sources }));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const years = (s: string): string[] => [...new Set(s.match(/\b(?:19|20)\d{2}\b/g) ?? [])].sort();

/** "4 (a.com, b.com) vs 3 (c.com)". */
function versus(values: readonly ComparisonValue[], label: (doc: string) => string): string {
  return values
    .map(
      (v) => `${Array.isArray(v.value) ? v.value.join(', ') : v.value} (${v.sources.map(label).join(', ')})`,
    )
    .join(' vs ');
}

/**
 * One row per attribute that has a value in any source. `label` turns a document into the short name
 * used in notes (its outlet when known).
 */
export function compareSources(
  records: readonly ClaimRecord[],
  facts: readonly SourceFacts[],
  label: (doc: string) => string,
): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const add = (attribute: Attribute, values: ComparisonValue[], conflict: boolean, note?: string) => {
    if (values.length) rows.push({ attribute, values, conflict, ...(note ? { note } : {}) });
  };

  for (const role of ['claimant', 'accused'] as const) {
    const parties = (r: ClaimRecord): readonly Party[] => (role === 'claimant' ? [r.claimant] : r.accused);
    const values = collect(
      records.map((r) => [
        [...parties(r)]
          .sort((a, b) => partyKey(a).localeCompare(partyKey(b)))
          .map(partyForms)
          .join('; '),
        r.source,
      ]),
    );
    let note: string | undefined;
    if (values.length > 1) {
      const sample = parties(records[0]!);
      const known = sample.every((p) => p.id);
      note = known
        ? `one ${sample.length === 1 ? 'actor' : 'set of actors'} (${sample.map((p) => `${p.name} [${p.id}]`).join(', ')}) under different names: aliases, not a disagreement`
        : `differently named actors taken as one by country and kind (${sample.map((p) => `${p.country ?? '?'} ${p.kind}`).join(', ')}); not a disagreement`;
    }
    add(role, values, false, note);
  }

  for (const attribute of ['operations', 'sectors', 'targetCountries'] as const) {
    const values = collect(records.map((r) => [sortValues(r[attribute]), r.source]));
    const sets = values.map((v) => new Set(v.value as string[]));
    const disjoint = sets.some((a, i) => sets.some((b, j) => j > i && ![...a].some((x) => b.has(x))));
    add(
      attribute,
      values,
      disjoint,
      values.length > 1
        ? disjoint
          ? `sources name different ${attribute === 'targetCountries' ? 'targets' : attribute} with nothing in common`
          : 'sources differ in detail but overlap'
        : undefined,
    );
  }

  const counts = collect(records.map((r) => [r.individualsNamed, r.source]));
  add(
    'individualsNamed',
    counts,
    counts.length > 1,
    counts.length > 1 ? `individuals named: ${versus(counts, label)}` : undefined,
  );

  const periods = collect(records.map((r) => [r.period, r.source]));
  const yearSets = periods.map((p) => years(p.value as string)).filter((y) => y.length > 0);
  const periodConflict = new Set(yearSets.map((y) => y.join(','))).size > 1;
  add(
    'period',
    periods,
    periodConflict,
    periods.length > 1
      ? periodConflict
        ? `the periods name different years: ${versus(periods, label)}`
        : 'worded differently; no contradiction in the years given'
      : undefined,
  );

  if (facts.some((f) => f.response !== null)) {
    const word = { denial: 'denied', 'no-response': 'no response', confirmation: 'confirmed' } as const;
    const denial = collect(
      facts.map((f, i) => [f.response ? word[f.response] : 'not reported', records[i]!.source]),
    );
    const has = (v: string) => denial.some((d) => d.value === v);
    const conflict = has('denied') && has('confirmed');
    add(
      'denial',
      denial,
      conflict,
      conflict
        ? `sources disagree on the answer: ${versus(denial, label)}`
        : has('denied') && has('no response')
          ? 'some sources report no answer yet, others a denial (possibly later)'
          : undefined,
    );
  }

  const dates = collect(records.map((r) => [r.published, r.source]));
  const sorted = dates.map((d) => d.value as string).sort();
  add(
    'published',
    dates,
    false,
    sorted.length > 1
      ? `reports span ${plural(daysBetween(sorted[0]!, sorted.at(-1)!), 'day')}, within the grouping window`
      : undefined,
  );
  return rows;
}
