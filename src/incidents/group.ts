/**
 * Grouping claims into incidents: reports of the same accusation event.
 *
 * Claims are first *blocked* by (claimant key, accused keys): only claims of one block are ever
 * compared, so the cost is a sort per block, not a comparison of every pair of documents. Inside a
 * block, dated claims are swept in date order: a claim joins the open incident when it was published
 * within the window after that incident's first report, else it opens a new incident (the MSS naming
 * ICEFCOM officers in September 2024 and again in March 2025 are two events). Anchoring the window on
 * the first report rather than the latest keeps a steady stream of reports about a pair from chaining
 * into one endless incident. Undated claims then join the incident whose documents their text most
 * resembles, when the attributes agree too; otherwise they stay apart.
 *
 * Every decision leaves a sentence in the source's `reason`. The result of a block depends only on the
 * claims in it, so recomputing one block after an ingest gives exactly what a full rebuild would.
 */
import { compareSources, sortValues } from './compare.js';
import { accusedKeys, blockKey, daysBetween, incidentId, isoDay, partyKey } from './keys.js';
import { similarity } from './minhash.js';
import type { Party, ResponseType } from '../types.js';
import type { ClaimRecord, GroupingOptions, IncidentRecord, IncidentSource, SourceFacts } from './types.js';

/**
 * Word-set similarity an undated report needs to join an incident: on its text alone, with one
 * attribute in common (operations, sectors, targets or the number of individuals named), or with two
 * or more. Two reports of one event typically score 0.15–0.35; unrelated reports about the same
 * parties mostly stay under 0.2, but articles that retell an older accusation as background share
 * one attribute with it easily, so one attribute alone asks for 0.25 (measured on the samples: the
 * share of grouped pairs that report one event went from 0.44 to 0.51).
 */
export const UNDATED_THRESHOLDS = { textAlone: 0.3, oneAttribute: 0.25, twoAttributes: 0.15 } as const;

const needed = (agreeing: number): number =>
  agreeing >= 2
    ? UNDATED_THRESHOLDS.twoAttributes
    : agreeing === 1
      ? UNDATED_THRESHOLDS.oneAttribute
      : UNDATED_THRESHOLDS.textAlone;

export function claimBlock(r: ClaimRecord): string {
  return blockKey(partyKey(r.claimant), accusedKeys(r.accused));
}

interface Member {
  readonly record: ClaimRecord;
  readonly reason: string;
}

interface Cluster {
  readonly anchor: string | null;
  readonly members: Member[];
}

/** Groups any claims: blocks them, then groups each block. Incidents come out ordered by block, then date. */
export function groupClaims(records: readonly ClaimRecord[], opts: GroupingOptions): IncidentRecord[] {
  const blocks = new Map<string, ClaimRecord[]>();
  for (const r of records) {
    if (r.accused.length === 0) continue;
    const key = claimBlock(r);
    const list = blocks.get(key);
    if (list) list.push(r);
    else blocks.set(key, [r]);
  }
  const out: IncidentRecord[] = [];
  for (const key of [...blocks.keys()].sort()) out.push(...groupBlock(blocks.get(key)!, opts));
  return out;
}

const byStoredId = (a: ClaimRecord, b: ClaimRecord) =>
  a.storedId < b.storedId ? -1 : a.storedId > b.storedId ? 1 : 0;

/** Groups the claims of one block (same claimant key and accused keys). */
export function groupBlock(records: readonly ClaimRecord[], opts: GroupingOptions): IncidentRecord[] {
  const window = opts.windowDays;
  const dated = records
    .filter((r) => isoDay(r.published))
    .map((r) => ({ r, day: isoDay(r.published)! }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : byStoredId(a.r, b.r)));
  const undated = records.filter((r) => !isoDay(r.published)).sort(byStoredId);

  const clusters: Cluster[] = [];
  for (const { r, day } of dated) {
    const open = clusters.at(-1);
    if (open?.anchor) {
      const gap = daysBetween(open.anchor, day);
      if (gap <= window) {
        open.members.push({
          record: r,
          reason:
            gap === 0
              ? `same claimant and accused, published the same day as the first report (${open.anchor})`
              : `same claimant and accused, published ${gap} day${gap === 1 ? '' : 's'} after the first report (${open.anchor}), within the ${window}-day window`,
        });
        continue;
      }
      clusters.push({
        anchor: day,
        members: [
          {
            record: r,
            reason: `published ${day}, ${gap} days after the first report of the previous incident between these parties (${open.anchor}): beyond the ${window}-day window, so a separate event`,
          },
        ],
      });
      continue;
    }
    clusters.push({
      anchor: day,
      members: [{ record: r, reason: `first report of this accusation (published ${day})` }],
    });
  }

  for (const r of undated) {
    type Match = { cluster: Cluster; sim: number; agree: string[]; like: ClaimRecord; copy: boolean };
    // Lexicographic: a syndicated copy first, then the most similar text, then the most attributes in common.
    const beats = (a: Match, b: Match | null): boolean =>
      !b || (a.copy !== b.copy ? a.copy : a.sim !== b.sim ? a.sim > b.sim : a.agree.length > b.agree.length);
    let best: Match | null = null;
    let closest: Match | null = null;
    for (const cluster of clusters) {
      for (const m of cluster.members) {
        const copy = m.record.syndicationGroup === r.syndicationGroup;
        const match: Match = {
          cluster,
          sim: copy ? 1 : similarity(r.words, m.record.words),
          agree: agreeing(r, m.record),
          like: m.record,
          copy,
        };
        if (beats(match, closest)) closest = match;
        if ((copy || match.sim >= needed(match.agree.length)) && beats(match, best)) best = match;
      }
    }
    if (best) {
      best.cluster.members.push({
        record: r,
        reason: best.copy
          ? `undated; a syndicated copy of ${best.like.source}`
          : `undated; its text resembles ${best.like.source} (word similarity ${best.sim.toFixed(2)})${best.agree.length ? ` and it agrees on ${best.agree.join(', ')}` : ''}`,
      });
    } else {
      clusters.push({
        anchor: null,
        members: [
          {
            record: r,
            reason: closest
              ? `undated, and unlike the other reports of these parties (closest: word similarity ${closest.sim.toFixed(2)}${closest.agree.length ? ` with ${closest.agree.length} attribute${closest.agree.length === 1 ? '' : 's'} in common` : ', no attribute in common'}): kept as its own incident`
              : 'undated first report of this accusation',
          },
        ],
      });
    }
  }
  return clusters.map((c) => toRecord(c.members));
}

/** The attributes on which two claims agree, in words: "operations (intrusion)". */
function agreeing(a: ClaimRecord, b: ClaimRecord): string[] {
  const out: string[] = [];
  for (const attr of ['operations', 'sectors', 'targetCountries'] as const) {
    const common = a[attr].filter((x) => b[attr].includes(x));
    if (common.length)
      out.push(`${attr === 'targetCountries' ? 'targets' : attr} (${sortValues(common).join(', ')})`);
  }
  if (a.individualsNamed !== null && a.individualsNamed === b.individualsNamed)
    out.push(`individuals named (${a.individualsNamed})`);
  return out;
}

const LEGAL =
  /\b(?:indict(?:ed|ment|ments)?|charg(?:ed|es|ing)|criminal complaints?|arrest warrants?|wanted|unsealed|prosecut\w*|sanction(?:ed|s|ing)?)\b/i;
// Specific indicators only: "malware" or "hacked" alone disclose nothing checkable.
// e.g. "exploited CVE-2023-46604", "command-and-control servers at 45.77.12.9", "published indicators of compromise"
const TECHNICAL =
  /\b(?:CVE-\d{4}-\d+|zero-days?|vulnerabilit(?:y|ies)|backdoors?|command-and-control|C2 (?:servers?|infrastructure)|indicators? of compromise|IOCs|file hashes|(?:\d{1,3}\.){3}\d{1,3})\b/i;

/** The answer the accused side gave in this source, strongest first: a denial, a confirmation, no response. */
function responseOf(r: ClaimRecord): { type: ResponseType; by: string } | null {
  const accusedIds = new Set(r.accused.map((p) => p.id).filter(Boolean));
  const accusedCountries = new Set(r.accused.map((p) => p.country).filter(Boolean));
  const bySide = (p: Party) =>
    (p.id !== null && accusedIds.has(p.id)) || (p.country !== null && accusedCountries.has(p.country));
  const answers = r.responses.filter(
    (x) =>
      (x.claim === r.claimId && !(x.by.id !== null && x.by.id === r.claimant.id)) ||
      (x.claim === null && bySide(x.by)),
  );
  for (const type of ['denial', 'confirmation', 'no-response'] as const) {
    const hit = answers.find((x) => x.type === type);
    if (hit) return { type, by: hit.by.name };
  }
  return null;
}

export function factsOf(r: ClaimRecord): SourceFacts {
  const response = responseOf(r);
  return {
    hedged: r.hedged,
    response: response?.type ?? null,
    respondent: response?.by ?? null,
    individualsNamed: r.individualsNamed,
    legal: LEGAL.test(r.evidenceText),
    technical: TECHNICAL.test(r.evidenceText),
  };
}

/** The most frequent value, ties to the first seen. */
function mode<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (best === undefined || n > counts.get(best)!) best = v;
  }
  return best;
}

/** One party out of the forms several sources give it: the usual name, country and kind; every alias seen. */
export function mergeParties(parties: readonly Party[]): Party {
  const first = parties[0]!;
  const aliases = new Set<string>();
  for (const p of parties) for (const a of p.aliases) aliases.add(a);
  return {
    name: mode(parties.map((p) => p.name)) ?? first.name,
    id: first.id,
    country: mode(parties.map((p) => p.country).filter((c) => c !== null)) ?? null,
    kind: mode(parties.map((p) => p.kind)) ?? first.kind,
    aliases: [...aliases],
  };
}

function toRecord(members: readonly Member[]): IncidentRecord {
  const records = members.map((m) => m.record);
  const first = records[0]!;
  const claimantKey = partyKey(first.claimant);
  const keys = accusedKeys(first.accused);
  const days = records
    .map((r) => isoDay(r.published))
    .filter((d): d is string => d !== null)
    .sort();
  const sources: IncidentSource[] = members.map(({ record: r, reason }) => ({
    document: r.source,
    claim: r.claimId,
    outlet: r.outlet,
    published: r.published,
    syndicationGroup: r.syndicationGroup,
    reason,
  }));
  const facts = records.map(factsOf);
  const outletOf = new Map(records.map((r) => [r.source, r.outlet ?? r.source]));
  const firstClaim = [...records].sort(byStoredId)[0]!.storedId;
  return {
    kind: 'incident-record',
    id: incidentId(claimantKey, keys, days[0] ?? null, firstClaim),
    block: blockKey(claimantKey, keys),
    claimantKey,
    accusedKeys: keys,
    claimant: mergeParties(records.map((r) => r.claimant)),
    accused: keys.map((k) =>
      mergeParties(records.flatMap((r) => r.accused.filter((p) => partyKey(p) === k))),
    ),
    operations: sortValues(records.flatMap((r) => r.operations)),
    sectors: sortValues(records.flatMap((r) => r.sectors)),
    targetCountries: sortValues(records.flatMap((r) => r.targetCountries)),
    firstReported: days[0] ?? null,
    lastReported: days.at(-1) ?? null,
    sources,
    facts,
    independentSources: new Set(records.map((r) => r.syndicationGroup)).size,
    comparison: compareSources(records, facts, (doc) => outletOf.get(doc) ?? doc),
    claims: records.map((r) => r.storedId),
  };
}
