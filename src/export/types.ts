/**
 * What the exporters read: incidents with their grades, the claims and documents behind them, and the
 * knowledge-base entries they name, as one plain, JSON-serialisable record. `collectExport` builds it
 * from a store; every format is a pure function of it, so the CLI and a future `/api/export` give the
 * same bytes for the same selection.
 */
import type { Incident, Reliability } from '../incidents/index.js';
import type { IncidentFilter, StoredClaim } from '../store/index.js';
import type { Kind } from '../types.js';

export const EXPORT_FORMATS = ['stix', 'misp', 'csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One incident and the stored claims its sources are. */
export interface ExportIncident {
  readonly incident: Incident;
  /** Stored claim ids (`doc-…:c1`), parallel to `incident.sources`. */
  readonly claims: readonly string[];
}

/** A source document without its text: what a report, a link or a CSV row needs of it. */
export interface ExportDocument {
  readonly id: string;
  readonly source: string;
  readonly title: string | null;
  readonly outlet: string | null;
  /** The outlet's name in the outlets registry, when it is there. */
  readonly outletName: string | null;
  /** The outlet's Admiralty reliability in the outlets registry; F when unrated. */
  readonly reliability: Reliability;
  readonly published: string | null;
  readonly url: string | null;
  readonly ingestedAt: string;
}

/** A knowledge-base actor named in the export: its canonical name and aliases, the same in every export. */
export interface ExportActor {
  readonly id: string;
  readonly name: string;
  readonly kind: Kind;
  readonly country: string | null;
  readonly aliases: readonly string[];
}

export interface ExportCountry {
  readonly name: string;
  readonly stateId: string | null;
}

export interface ExportData {
  readonly kind: 'export-data';
  /** In the store's order: newest first, then by id. */
  readonly incidents: readonly ExportIncident[];
  /**
   * Every claim of those incidents. `responses` holds the document's responses that answer this claim
   * and those that answer no particular claim.
   */
  readonly claims: readonly StoredClaim[];
  readonly documents: readonly ExportDocument[];
  readonly actors: readonly ExportActor[];
  /** The countries the export mentions, by ISO 3166-1 alpha-2 code: name, and the state's knowledge-base id. */
  readonly countries: Readonly<Record<string, ExportCountry>>;
}

/** Which incidents to export: one by id, or those the `incidents` filters select. */
export type ExportSelection =
  | { readonly kind: 'incident'; readonly id: string }
  | { readonly kind: 'filter'; readonly filter: IncidentFilter };

/** A MISP galaxy cluster file (misp-galaxy `clusters/threat-actor.json`), as far as the exporter reads it. */
export interface MispGalaxyFile {
  readonly type: string;
  readonly name: string;
  readonly uuid: string;
  readonly description?: string;
  readonly source?: string;
  readonly authors?: readonly string[];
  readonly values: readonly {
    readonly value: string;
    readonly uuid: string;
    readonly description?: string;
    readonly meta?: { readonly synonyms?: readonly string[] };
  }[];
}

export interface ExportOptions {
  /** Keep identity numbers, birthdates, phone numbers and e-mail addresses found in text; masked by default. */
  readonly includePersonalData?: boolean;
  /** MISP only: look accused actors up in this threat-actor galaxy and attach the clusters found. */
  readonly mispGalaxy?: MispGalaxyFile;
}
