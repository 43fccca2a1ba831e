/**
 * The two-axis Admiralty (NATO AJP-2.1) grade of an incident, and its attribution basis, each with
 * plain sentences saying why.
 *
 * - Reliability (A–F) is the best-rated outlet among the sources, from the outlets registry; an
 *   outlet not in the registry is F, "cannot be judged".
 * - Credibility (1–6) rests on corroboration by parties other than the accuser or its state (another
 *   incident accusing the same actor within the window), on independent reporting (syndication
 *   groups), on evidence disclosed (individuals named, indictments, technical detail) and on a denial
 *   by the accused when nothing else supports the claim. Repetition is not corroboration: forty outlets
 *   quoting one ministry are one voice.
 * - Basis follows EuRepoC's attribution categories: state/political, IT-security community,
 *   legal (indictments, charges), media-based, and contested (denied and answered with a
 *   counter-accusation).
 */
import type { Kind } from '../types.js';
import { daysBetween } from './keys.js';
import { lookupOutlet, normaliseOutlet, RELIABILITY_WORDS } from './outlets.js';
import type {
  Basis,
  Credibility,
  Grade,
  Incident,
  IncidentNeighbour,
  IncidentRecord,
  OutletRegistry,
  Reliability,
} from './types.js';

const STATE_KINDS: ReadonlySet<Kind> = new Set(['state', 'government-agency', 'military-unit']);
const SECURITY_KINDS: ReadonlySet<Kind> = new Set(['company', 'researchers']);
// e.g. "Justice Department", "Harbin Public Security Bureau", "federal prosecutors"
const LEGAL_BODY = /\b(?:justice|prosecut\w*|attorney|court|police|public security|procuratorate)\b/i;

export const CREDIBILITY_WORDS: Readonly<Record<Credibility, string>> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (xs: readonly string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;

/** Whether two incidents' report dates come within `window` days of each other. */
function near(
  a: { firstReported: string | null; lastReported: string | null },
  b: typeof a,
  window: number,
): boolean {
  if (!a.firstReported || !a.lastReported || !b.firstReported || !b.lastReported) return false;
  return (
    daysBetween(a.lastReported, b.firstReported) <= window &&
    daysBetween(b.lastReported, a.firstReported) <= window
  );
}

export interface GradeResult {
  readonly basis: Basis;
  readonly grade: Grade;
}

/**
 * Grades one incident. `neighbours` are other stored incidents that share an accused actor or whose
 * claimant is on the accused side; only those within `windowDays` count.
 */
export function gradeIncident(
  rec: IncidentRecord,
  neighbours: readonly IncidentNeighbour[],
  registry: OutletRegistry,
  windowDays: number,
): GradeResult {
  const reasons: string[] = [];
  const claimantCountry = rec.claimant.country;
  const accusedCountries = new Set(rec.accused.map((p) => p.country).filter((c): c is string => c !== null));
  const accuserSide = (key: string, p: { country: string | null; kind: Kind }) =>
    key === rec.claimantKey ||
    (claimantCountry !== null && p.country === claimantCountry && STATE_KINDS.has(p.kind));

  // --- reliability: the best outlet among the sources
  const outlets = [...new Set(rec.sources.map((s) => s.outlet).filter((o): o is string => o !== null))];
  const entries = outlets.map((o) => ({ outlet: o, entry: lookupOutlet(registry, o) }));
  const rated = entries
    .filter((e) => e.entry && e.entry.reliability !== 'F')
    .sort((a, b) => a.entry!.reliability.localeCompare(b.entry!.reliability));
  const reliability: Reliability = rated[0]?.entry?.reliability ?? 'F';
  const noOutlet = rec.sources.filter((s) => s.outlet === null).length;
  if (rated[0]) {
    const e = rated[0].entry!;
    reasons.push(
      `Reliability ${reliability} (${RELIABILITY_WORDS[reliability]}): the best-rated source is ${e.name ?? rated[0].outlet} (${rated[0].outlet}) in the outlets registry.`,
    );
  } else {
    const unknown = entries.filter((e) => !e.entry).map((e) => e.outlet);
    reasons.push(
      `Reliability F (${RELIABILITY_WORDS.F}): ${
        outlets.length === 0
          ? 'no source names its outlet'
          : unknown.length === outlets.length
            ? `none of the outlets (${list(outlets)}) is rated in the outlets registry`
            : `no outlet is rated above F in the outlets registry (${list(outlets)})`
      }${outlets.length && noOutlet ? `, and ${plural(noOutlet, 'report')} name no outlet` : ''}.`,
    );
  }

  // --- who is speaking: the accuser's own channels and its state's media, or other outlets
  const interested = new Set<string>();
  for (const { outlet, entry } of entries) {
    if (!entry) continue;
    const own = entry.party != null && entry.party === rec.claimant.id;
    const state =
      claimantCountry !== null &&
      entry.country === claimantCountry &&
      (entry.type === 'official' || entry.type === 'state-media');
    if (own || state) interested.add(outlet);
  }
  const interestedReports = rec.sources.filter((s) => s.outlet !== null && interested.has(s.outlet)).length;
  const otherReports = rec.sources.length - interestedReports;
  const groups = rec.independentSources;
  reasons.push(
    `${plural(rec.sources.length, 'report')} from ${plural(groups, 'independent source')} (copies of one story count once)${
      interestedReports
        ? `: ${interestedReports} ${interestedReports === 1 ? 'is' : 'are'} the accuser's own statement or its state's media (${list(
            [...interested].map(normaliseOutlet),
          )})${otherReports ? `, ${otherReports} other${otherReports === 1 ? ' repeats' : 's repeat'} it` : ''}`
        : ''
    }.`,
  );

  // --- corroboration by other parties, and counter-accusations by the accused side
  const corroborators = new Map<string, string>();
  const counters: IncidentNeighbour[] = [];
  for (const n of neighbours) {
    if (n.id === rec.id || !near(rec, n, windowDays)) continue;
    if (n.accusedKeys.some((k) => rec.accusedKeys.includes(k)) && !accuserSide(n.claimantKey, n.claimant))
      corroborators.set(
        n.claimantKey,
        `${n.claimant.name}${n.claimant.country ? ` (${n.claimant.country})` : ''}`,
      );
    const fromAccused =
      rec.accusedKeys.includes(n.claimantKey) ||
      (n.claimant.country !== null &&
        accusedCountries.has(n.claimant.country) &&
        STATE_KINDS.has(n.claimant.kind));
    const atAccuser =
      n.accusedKeys.includes(rec.claimantKey) ||
      (claimantCountry !== null && n.accusedCountries.includes(claimantCountry));
    if (fromAccused && atAccuser) counters.push(n);
  }
  const dated = rec.firstReported !== null;
  if (corroborators.size) {
    reasons.push(
      `Also asserted within ${windowDays} days by ${plural(corroborators.size, 'party', 'parties')} independent of the accuser: ${list(
        [...corroborators.values()],
      )}.`,
    );
  } else {
    reasons.push(
      dated
        ? `No party other than the accuser (${rec.claimant.name}) or its state is reported making this accusation within ${windowDays} days: only the accusing side asserts it${
            otherReports ? ', and the outlets only repeat it' : ''
          }.`
        : `Undated reports: corroboration by other parties could not be checked; only the accuser (${rec.claimant.name}) is known to assert it.`,
    );
  }

  const hedged = rec.facts.filter((f) => f.hedged).length;
  if (hedged)
    reasons.push(`${plural(hedged, 'report')} of ${rec.sources.length} present it as an allegation.`);

  // --- answers of the accused
  const denials = rec.facts.filter((f) => f.response === 'denial');
  const confirmations = rec.facts.filter((f) => f.response === 'confirmation');
  const silent = rec.facts.filter((f) => f.response === 'no-response');
  const who = (fs: typeof rec.facts) => list([...new Set(fs.map((f) => f.respondent ?? 'the accused'))]);
  if (denials.length)
    reasons.push(`Denied by the accused side (${who(denials)}, in ${plural(denials.length, 'report')}).`);
  if (confirmations.length) reasons.push(`Confirmed by the accused side (${who(confirmations)}).`);
  if (!denials.length && !confirmations.length && silent.length)
    reasons.push(`The accused side had not responded (${who(silent)}).`);

  // --- evidence disclosed
  const named = rec.facts.map((f) => f.individualsNamed ?? 0);
  const maxNamed = Math.max(0, ...named);
  const counts = [...new Set(named.filter((n) => n > 0))].sort((a, b) => b - a);
  const legal = rec.facts.some((f) => f.legal);
  const technical = rec.facts.some((f) => f.technical);
  const evidence: string[] = [];
  if (maxNamed > 0)
    evidence.push(
      counts.length > 1
        ? `individuals named (the sources disagree: ${counts.join(' vs ')})`
        : `${plural(maxNamed, 'individual')} named`,
    );
  if (legal) evidence.push('indictments, charges, warrants or sanctions');
  if (technical) evidence.push('technical details');
  reasons.push(
    evidence.length
      ? `Evidence disclosed: ${list(evidence)}.`
      : 'No evidence disclosed in the reports: no individuals named, no indictment, no technical detail.',
  );

  // --- credibility
  let c = corroborators.size >= 2 ? 2 : corroborators.size === 1 ? 3 : 4;
  if (corroborators.size && groups >= 2) c -= 1;
  if (evidence.length) c -= 1;
  if (!corroborators.size && denials.length) c += 1;
  // "Confirmed" needs at least two other parties; an uncorroborated claim is never more than "possibly true".
  const floor = corroborators.size >= 2 ? 1 : corroborators.size === 1 ? 2 : 3;
  const credibility = Math.min(5, Math.max(floor, c)) as Credibility;
  const why: string[] = [];
  why.push(
    corroborators.size
      ? `corroborated by ${plural(corroborators.size, 'other party', 'other parties')}`
      : 'asserted only by the accusing side',
  );
  if (corroborators.size && groups >= 2) why.push(`reported by ${groups} independent sources`);
  if (evidence.length) why.push('with evidence disclosed');
  if (!corroborators.size && denials.length) why.push('and denied by the accused');
  reasons.push(`Credibility ${credibility} (${CREDIBILITY_WORDS[credibility]}): ${why.join(', ')}.`);

  // --- basis
  let basis: Basis;
  if (denials.length && counters.length) {
    basis = 'contested';
    reasons.push(
      `Basis contested: the accused side denied it and accused the accuser's side in turn within ${windowDays} days (${list(
        counters.slice(0, 3).map((n) => `${n.claimant.name}, ${n.id}`),
      )}).`,
    );
  } else if (legal || LEGAL_BODY.test(rec.claimant.name)) {
    basis = 'legal';
    reasons.push(
      legal
        ? 'Basis legal: the reports mention indictments, charges, warrants or sanctions.'
        : `Basis legal: the accuser (${rec.claimant.name}) is a law-enforcement or prosecuting body.`,
    );
  } else if (STATE_KINDS.has(rec.claimant.kind)) {
    basis = 'state';
    reasons.push(
      `Basis state: the accuser (${rec.claimant.name}) is a ${rec.claimant.kind.replace('-', ' ')}.`,
    );
  } else if (SECURITY_KINDS.has(rec.claimant.kind)) {
    basis = 'it-security';
    reasons.push(
      `Basis it-security: the accuser (${rec.claimant.name}) is a security company or researchers.`,
    );
  } else {
    basis = 'media';
    reasons.push(
      `Basis media: the accusation rests on the reports themselves (${rec.claimant.name}, ${rec.claimant.kind}).`,
    );
  }
  return { basis, grade: { reliability, credibility, reasons } };
}

/** The contract object (CONTRACT.md "incidents") for a stored incident and its grade. */
export function toIncident(rec: IncidentRecord, g: GradeResult): Incident {
  return {
    id: rec.id,
    claimant: rec.claimant,
    accused: rec.accused,
    operations: rec.operations,
    sectors: rec.sectors,
    firstReported: rec.firstReported,
    sources: rec.sources,
    independentSources: rec.independentSources,
    comparison: rec.comparison,
    basis: g.basis,
    grade: g.grade,
  };
}
