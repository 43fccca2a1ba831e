/**
 * One row per claim for researchers (CSV and JSON Lines): the incident it belongs to, its parties,
 * operations, targets, the incident's grade and basis, its source document and its evidence. Column
 * names are snake_case so that pandas and R take them as they are.
 */
import { admiraltyConfidence, incidentClaims, indexExport } from './common.js';
import type { ExportData } from './types.js';

export interface ClaimRow {
  readonly incident_id: string;
  readonly claim_id: string;
  readonly claimant: string;
  readonly claimant_id: string | null;
  readonly claimant_country: string | null;
  readonly claimant_kind: string;
  readonly accused: readonly string[];
  readonly accused_ids: readonly string[];
  readonly accused_countries: readonly string[];
  readonly accused_kinds: readonly string[];
  readonly operations: readonly string[];
  readonly techniques: readonly string[];
  readonly sectors: readonly string[];
  readonly target_countries: readonly string[];
  readonly individuals_named: number | null;
  readonly period: string | null;
  readonly hedged: boolean;
  /** The responses reported in this source, as "denial by Taiwan". */
  readonly responses: readonly string[];
  readonly grade: string;
  readonly source_reliability: string;
  readonly credibility: number;
  /** STIX 2.1 Appendix A value for the credibility; null for 6. */
  readonly confidence: number | null;
  readonly basis: string;
  readonly independent_sources: number;
  readonly first_reported: string | null;
  readonly document_id: string;
  readonly source: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly outlet_reliability: string;
  readonly published: string | null;
  readonly url: string | null;
  readonly evidence: readonly string[];
}

export const ROW_COLUMNS: readonly (keyof ClaimRow)[] = [
  'incident_id',
  'claim_id',
  'claimant',
  'claimant_id',
  'claimant_country',
  'claimant_kind',
  'accused',
  'accused_ids',
  'accused_countries',
  'accused_kinds',
  'operations',
  'techniques',
  'sectors',
  'target_countries',
  'individuals_named',
  'period',
  'hedged',
  'responses',
  'grade',
  'source_reliability',
  'credibility',
  'confidence',
  'basis',
  'independent_sources',
  'first_reported',
  'document_id',
  'source',
  'title',
  'outlet',
  'outlet_reliability',
  'published',
  'url',
  'evidence',
];

const uniq = (xs: readonly (string | null)[]): string[] => [
  ...new Set(xs.filter((x): x is string => x !== null && x !== '')),
];

/** The rows of the export, incident by incident (store order), claims in source order. */
export function claimRows(data: ExportData): ClaimRow[] {
  const ix = indexExport(data);
  const rows: ClaimRow[] = [];
  for (const inc of data.incidents) {
    const i = inc.incident;
    for (const { claim, doc } of incidentClaims(ix, inc)) {
      rows.push({
        incident_id: i.id,
        claim_id: claim.storedId,
        claimant: claim.claimant.name,
        claimant_id: claim.claimant.id,
        claimant_country: claim.claimant.country,
        claimant_kind: claim.claimant.kind,
        accused: claim.accused.map((p) => p.name),
        accused_ids: uniq(claim.accused.map((p) => p.id)),
        accused_countries: uniq(claim.accused.map((p) => p.country)),
        accused_kinds: uniq(claim.accused.map((p) => p.kind)),
        operations: [...claim.operations],
        techniques: claim.techniques.map((t) => t.id),
        sectors: [...claim.sectors],
        target_countries: [...claim.targetCountries],
        individuals_named: claim.individualsNamed,
        period: claim.period,
        hedged: claim.hedged,
        responses: uniq(claim.responses.map((r) => `${r.type} by ${r.by.name}`)),
        grade: `${i.grade.reliability}${i.grade.credibility}`,
        source_reliability: i.grade.reliability,
        credibility: i.grade.credibility,
        confidence: admiraltyConfidence(i.grade.credibility) ?? null,
        basis: i.basis,
        independent_sources: i.independentSources,
        first_reported: i.firstReported,
        document_id: doc.id,
        source: doc.source,
        title: doc.title,
        outlet: doc.outlet,
        outlet_reliability: doc.reliability,
        published: doc.published,
        url: doc.url,
        evidence: claim.evidence.map((e) => e.text),
      });
    }
  }
  return rows;
}
