/** Helpers every format shares: lookups over the export data, deterministic times, grade mappings. */
import { partyKey, type Credibility } from '../incidents/index.js';
import type { StoredClaim } from '../store/index.js';
import type { Party, Response } from '../types.js';
import type { ExportActor, ExportData, ExportDocument, ExportIncident } from './types.js';

/** Maps over the export data, built once per export. */
export interface ExportIndex {
  readonly claims: ReadonlyMap<string, StoredClaim>;
  readonly documents: ReadonlyMap<string, ExportDocument>;
  readonly actors: ReadonlyMap<string, ExportActor>;
}

export function indexExport(data: ExportData): ExportIndex {
  return {
    claims: new Map(data.claims.map((c) => [c.storedId, c])),
    documents: new Map(data.documents.map((d) => [d.id, d])),
    actors: new Map(data.actors.map((a) => [a.id, a])),
  };
}

/** The claims of an incident with their documents, in source order (claims missing from the data are skipped). */
export function incidentClaims(
  ix: ExportIndex,
  inc: ExportIncident,
): { claim: StoredClaim; doc: ExportDocument }[] {
  const out: { claim: StoredClaim; doc: ExportDocument }[] = [];
  for (const id of inc.claims) {
    const claim = ix.claims.get(id);
    const doc = claim ? ix.documents.get(claim.documentId) : undefined;
    if (claim && doc) out.push({ claim, doc });
  }
  return out;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * When a document speaks, as a STIX timestamp (UTC, milliseconds): its publication day at midnight,
 * else the time it was ingested. Never "now", so a re-export is byte-identical.
 */
export function documentTime(doc: ExportDocument): string {
  if (doc.published && DAY.test(doc.published) && !Number.isNaN(Date.parse(doc.published)))
    return `${doc.published}T00:00:00.000Z`;
  const t = Date.parse(doc.ingestedAt);
  return Number.isNaN(t) ? REFERENCE_TIME : new Date(t).toISOString();
}

/**
 * The created/modified time of objects that stand for an actor, a country, a sector or a technique.
 * They come from the knowledge base and the vocabularies, not from one document, so they carry one
 * fixed time: whatever an export selects, such an object has the same id and the same version.
 */
export const REFERENCE_TIME = '2000-01-01T00:00:00.000Z';

/** The earliest and latest of some STIX timestamps (they compare as strings). */
export function timeSpan(times: readonly string[]): { first: string; last: string } {
  const sorted = [...times].sort();
  return { first: sorted[0] ?? REFERENCE_TIME, last: sorted.at(-1) ?? REFERENCE_TIME };
}

/**
 * STIX 2.1 Appendix A (Confidence Scales), "Admiralty Credibility": 1 → 90, 2 → 70, 3 → 50, 4 → 30,
 * 5 → 10; 6 ("truth cannot be judged") has no value, so `confidence` is left out.
 */
export function admiraltyConfidence(c: Credibility): number | undefined {
  return ({ 1: 90, 2: 70, 3: 50, 4: 30, 5: 10 } as Partial<Record<Credibility, number>>)[c];
}

/** The responses that answer a claim (stored with it, including those that answer no particular claim). */
export function denialsOf(claim: StoredClaim): Response[] {
  return claim.responses.filter((r) => r.type === 'denial');
}

/** The key an actor is known by across documents: its knowledge-base id, else its name, country and kind. */
export function actorKey(p: Party): string {
  // partyKey lumps unknown actors of one country and kind together, which suits grouping; an export
  // keeps differently named unknown actors apart.
  return p.id ?? `${partyKey({ ...p, country: null })}|${p.country ?? ''}|${p.kind}`;
}

/** Canonical name and aliases: the knowledge base's when the actor is known there, else as written. */
export function actorNames(ix: ExportIndex, p: Party): { name: string; aliases: string[] } {
  const kb = p.id ? ix.actors.get(p.id) : undefined;
  if (kb) return { name: kb.name, aliases: [...kb.aliases] };
  return { name: p.name, aliases: [] };
}

export const partyLabel = (p: { name: string; country: string | null }): string =>
  `${p.name}${p.country ? ` (${p.country})` : ''}`;

/** "a", "a and b", "a, b and c". */
export function listText(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;
}

/** A one-line summary of an incident: "X (CN) accuses Y (TW) of intrusion and disinformation". */
export function incidentTitle(inc: ExportIncident): string {
  const i = inc.incident;
  const ops = i.operations.length ? ` of ${listText(i.operations)}` : '';
  return `${partyLabel(i.claimant)} accuses ${listText(i.accused.map(partyLabel))}${ops}`;
}
