/**
 * Plain data handed between pipeline stages (ingest → nlp → extract → store).
 * Every object here is JSON-serialisable; the shapes of ExtractedDocument, Claim, Response and Party
 * are the output contract of `cyberclaims extract` (shared/docs/CONTRACT.md) and change only by adding fields.
 */

export const KINDS = [
  'state',
  'government-agency',
  'military-unit',
  'threat-group',
  'company',
  'researchers',
  'person',
  'unknown',
] as const;
export type Kind = (typeof KINDS)[number];

export const OPERATIONS = [
  'intrusion',
  'espionage',
  'disruption',
  'destruction',
  'ransomware',
  'phishing',
  'disinformation',
  'hack-and-leak',
  'pre-positioning',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export const SECTORS = [
  'water',
  'energy',
  'communications',
  'government',
  'defense',
  'political',
  'media',
  'finance',
  'healthcare',
  'transportation',
  'technology',
  'education',
  'manufacturing',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

/** A stretch of the document text; `text === documentText.slice(start, end)`. */
export interface Span {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** An actor as it takes part in a claim: canonical when the knowledge base knows it, else as written. */
export interface Party {
  readonly name: string;
  readonly id: string | null;
  readonly country: string | null;
  readonly kind: Kind;
  /** The forms of this actor's name that appear in the document. */
  readonly aliases: readonly string[];
}

export interface Technique {
  readonly framework: 'attack' | 'disarm';
  readonly id: string;
  readonly name: string;
}

export interface Claim {
  readonly id: string;
  readonly type: 'accusation';
  readonly claimant: Party;
  readonly accused: readonly Party[];
  readonly operations: readonly Operation[];
  readonly sectors: readonly Sector[];
  readonly targetCountries: readonly string[];
  readonly individualsNamed: number | null;
  readonly period: string | null;
  readonly hedged: boolean;
  readonly evidence: readonly Span[];
  readonly techniques: readonly Technique[];
}

export type ResponseType = 'denial' | 'no-response' | 'confirmation';

export interface Response {
  readonly type: ResponseType;
  readonly by: Party;
  readonly claim: string | null;
  readonly evidence: readonly Span[];
}

/** One document's extraction result, exactly as printed by `extract --format json`. */
export interface ExtractedDocument {
  readonly source: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly claims: readonly Claim[];
  readonly responses: readonly Response[];
}

/** A document as the readers deliver it: text with its metadata, before any NLP. */
export interface SourceDocument {
  readonly kind: 'source-document';
  /** The path or URL exactly as given (for JSON Lines: `path#line`). */
  readonly source: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly url: string | null;
  /** The text that evidence offsets point into: the title line (when any), a blank line, then the body. */
  readonly text: string;
  /** sha256 of `text`, hex: the identity used for idempotent ingest. */
  readonly contentHash: string;
}

export interface ExtractOutput {
  readonly version: 1;
  readonly documents: readonly ExtractedDocument[];
}
