/**
 * Incidents: the plain records of the incidents stage. `Incident` is the output contract of
 * `cyberclaims incidents --format json` (shared/docs/CONTRACT.md, "incidents"); the rest is what the
 * grouping hands the store and what the store hands back for grading.
 */
import type { Kind, Party, ResponseType } from '../types.js';

export const ATTRIBUTES = [
  'claimant',
  'accused',
  'operations',
  'sectors',
  'targetCountries',
  'individualsNamed',
  'period',
  'denial',
  'published',
] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

export const BASES = ['state', 'it-security', 'legal', 'media', 'contested'] as const;
export type Basis = (typeof BASES)[number];

export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

/** One claim of one document that reports the incident. */
export interface IncidentSource {
  /** The source exactly as it was given to ingest. */
  readonly document: string;
  /** The claim id within that document. */
  readonly claim: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly syndicationGroup: string;
  /** Why this claim was put in this incident (the grouping decision), in a plain sentence. */
  readonly reason: string;
}

export interface ComparisonValue {
  readonly value: string | number | readonly string[];
  /** Documents (as given to ingest) that give this value. */
  readonly sources: readonly string[];
}

export interface ComparisonRow {
  readonly attribute: Attribute;
  readonly values: readonly ComparisonValue[];
  readonly conflict: boolean;
  /** Why differing values are or are not a conflict, when they differ. */
  readonly note?: string;
}

export interface Grade {
  readonly reliability: Reliability;
  readonly credibility: Credibility;
  readonly reasons: readonly string[];
}

/** The contract object. */
export interface Incident {
  readonly id: string;
  readonly claimant: Party;
  readonly accused: readonly Party[];
  readonly operations: readonly string[];
  readonly sectors: readonly string[];
  readonly firstReported: string | null;
  readonly sources: readonly IncidentSource[];
  readonly independentSources: number;
  readonly comparison: readonly ComparisonRow[];
  readonly basis: Basis;
  readonly grade: Grade;
}

export interface IncidentsOutput {
  readonly version: 1;
  readonly incidents: readonly Incident[];
}

/**
 * What grouping needs of one stored claim: a lean, plain record (no evidence offsets, no text).
 * `words` is the document's word-set signature, for undated documents.
 */
export interface ClaimRecord {
  readonly kind: 'claim-record';
  /** `${documentId}:${claimId}`. */
  readonly storedId: string;
  readonly documentId: string;
  readonly claimId: string;
  readonly source: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly claimant: Party;
  readonly accused: readonly Party[];
  readonly operations: readonly string[];
  readonly sectors: readonly string[];
  readonly targetCountries: readonly string[];
  readonly individualsNamed: number | null;
  readonly period: string | null;
  readonly hedged: boolean;
  /** The evidence sentences joined: read for indictments and technical detail, not stored with the incident. */
  readonly evidenceText: string;
  readonly techniques: readonly string[];
  /** Responses in the same document that answer this claim, or answer no particular claim. */
  readonly responses: readonly {
    readonly type: ResponseType;
    readonly by: Party;
    readonly claim: string | null;
  }[];
  readonly syndicationGroup: string;
  readonly words: Uint32Array | null;
}

/** What a source says beyond the contract fields, kept with the incident for the comparison and the grade. */
export interface SourceFacts {
  readonly hedged: boolean;
  /** The accused (or its state) answered: denial / no-response / confirmation, or null when the source is silent. */
  readonly response: ResponseType | null;
  /** Who answered, as named in the source. */
  readonly respondent: string | null;
  readonly individualsNamed: number | null;
  /** Indictments, charges, warrants or sanctions mentioned in the evidence. */
  readonly legal: boolean;
  /** Technical indicators (CVE ids, malware, infrastructure) mentioned in the evidence. */
  readonly technical: boolean;
}

/** An incident as grouping builds it and the store keeps it; grading completes it into an `Incident`. */
export interface IncidentRecord {
  readonly kind: 'incident-record';
  readonly id: string;
  /** `claimantKey > accusedKey`: the block the incident was grouped in. */
  readonly block: string;
  readonly claimantKey: string;
  readonly accusedKeys: readonly string[];
  readonly claimant: Party;
  readonly accused: readonly Party[];
  readonly operations: readonly string[];
  readonly sectors: readonly string[];
  readonly targetCountries: readonly string[];
  readonly firstReported: string | null;
  readonly lastReported: string | null;
  readonly sources: readonly IncidentSource[];
  /** Parallel to `sources`. */
  readonly facts: readonly SourceFacts[];
  readonly independentSources: number;
  readonly comparison: readonly ComparisonRow[];
  /** Stored claim ids (`doc-…:c1`) of the sources, parallel to `sources`. */
  readonly claims: readonly string[];
}

/** Another incident that bears on this one's grade: the same accused by someone else, or the accused accusing back. */
export interface IncidentNeighbour {
  readonly id: string;
  readonly claimantKey: string;
  readonly claimant: { readonly name: string; readonly country: string | null; readonly kind: Kind };
  readonly accusedKeys: readonly string[];
  readonly accusedCountries: readonly (string | null)[];
  readonly firstReported: string | null;
  readonly lastReported: string | null;
}

/** An outlet in the registry (data/outlets.json, extended by --outlets). */
export interface OutletEntry {
  /** A domain; it also covers its subdomains ("gov.cn" covers "mss.gov.cn"). */
  readonly domain: string;
  readonly name?: string;
  readonly reliability: Reliability;
  /** official: a government's own site; state-media: media owned or directed by a state. */
  readonly type?: 'official' | 'state-media' | 'wire' | 'news' | 'security-vendor' | 'research' | 'other';
  readonly country?: string | null;
  /** Knowledge-base id of the party whose own channel this is. */
  readonly party?: string | null;
  readonly note?: string;
}

export interface OutletRegistry {
  readonly entries: readonly OutletEntry[];
}

export interface GroupingOptions {
  /** Days after an incident's first report within which a report of the same parties joins it. */
  readonly windowDays: number;
}

export const DEFAULT_WINDOW_DAYS = 21;
