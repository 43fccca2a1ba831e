/** The keys incidents are blocked and named by: who accuses, who is accused, and when it started. */
import type { Party } from '../types.js';
import { stableHash } from './minhash.js';

/** Lower case, accents and punctuation dropped, a leading "the" dropped: "The  Hackers’" → "hackers". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/**
 * The identity of an actor for grouping: the knowledge-base id when the actor is known; for an
 * unknown actor its country and kind ("Chinese hackers" and "Chinese state-backed actors" are both
 * `~CN:threat-group`: text rarely tells such actors apart); its normalised name when it has no country.
 */
export function partyKey(p: Party): string {
  if (p.id) return p.id;
  if (p.country) return `~${p.country.toUpperCase()}:${p.kind}`;
  return `~name:${normaliseName(p.name)}`;
}

/**
 * The accused that define an incident, as one sorted set of keys. When a claim names a state body (an
 * agency or a military unit), reports of one event differ on whether they also name its front group or
 * its officers ("Anonymous 64, run by ICEFCOM" beside "ICEFCOM"; "Unit 61398 and five officers" beside
 * "Unit 61398"), so groups and people then do not count; states and other bodies still do.
 */
export function accusedKeys(accused: readonly Party[]): string[] {
  const body = accused.some((p) => p.kind === 'government-agency' || p.kind === 'military-unit');
  const defining = body ? accused.filter((p) => p.kind !== 'threat-group' && p.kind !== 'person') : accused;
  return [...new Set(defining.map(partyKey))].sort();
}

/** The block a claim is grouped in: only claims with the same block are ever compared. */
export function blockKey(claimantKey: string, accused: readonly string[]): string {
  return `${claimantKey} > ${accused.join(' + ')}`;
}

/**
 * `inc-` + a hash of what defines the incident: the parties and the earliest report. An incident with
 * no dated report is named after its first claim instead, so two undated incidents of the same
 * parties still get different ids.
 */
export function incidentId(
  claimantKey: string,
  accused: readonly string[],
  earliest: string | null,
  firstClaim: string,
): string {
  return `inc-${stableHash(claimantKey, accused.join('+'), earliest ?? `undated:${firstClaim}`)}`;
}

/** `YYYY-MM-DD` of an ISO date or date-time, or null when it is not one. */
export function isoDay(s: string | null): string | null {
  if (!s) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(s);
  return m && !Number.isNaN(Date.parse(m[1]!)) ? m[1]! : null;
}

/** Whole days from a to b (ISO days). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}
