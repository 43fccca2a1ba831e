/**
 * The store: where extracted documents and their claims are kept. This file is the only public
 * surface; backends live in sibling folders (sqlite/ today, postgres/ later) and are loaded on demand
 * so that a SQLite user never loads the PostgreSQL driver and vice versa.
 */
import path from 'node:path';
import { CyberclaimsError } from '../errors.js';
import type { IncidentNeighbour, IncidentRecord } from '../incidents/index.js';
import type { Claim, ExtractedDocument, Response, SourceDocument } from '../types.js';

/** A claim as stored: the contract claim plus where it came from and the responses that answer it. */
export interface StoredClaim extends Claim {
  /** Globally unique and stable: `${documentId}:${claim.id}`. */
  readonly storedId: string;
  readonly documentId: string;
  readonly source: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  /** The document's responses whose `claim` is this claim's id. */
  readonly responses: readonly Response[];
}

export interface StoredDocument {
  readonly id: string;
  readonly source: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly text: string;
  readonly contentHash: string;
  readonly ingestedAt: string;
  readonly claims: readonly StoredClaim[];
  readonly responses: readonly Response[];
}

export type DocumentSummary = Omit<StoredDocument, 'text' | 'claims' | 'responses'>;

export interface ClaimFilter {
  /** Claimant's or any accused's name, knowledge-base id or alias; case-insensitive. */
  actor?: string;
  /** ISO 3166-1 alpha-2 of the claimant or any accused; case-insensitive. */
  country?: string;
  /** One of the operations vocabulary; matches claims that list it. */
  operation?: string;
  limit?: number;
  offset?: number;
}

export interface Page {
  limit?: number;
  offset?: number;
}

export interface SaveResult {
  readonly status: 'stored' | 'duplicate';
  readonly documentId: string;
}

export interface StoreStats {
  documents: number;
  claims: number;
  responses: number;
  parties: number;
}

export interface IncidentFilter {
  /** Claimant's or any accused's name, knowledge-base id or alias in any source; case-insensitive. */
  actor?: string;
  /** ISO 3166-1 alpha-2 of the claimant or any accused. */
  country?: string;
  operation?: string;
  /** First reported on or after / on or before this ISO date; undated incidents are left out when either is given. */
  since?: string;
  until?: string;
  limit?: number;
  offset?: number;
}

/** An incident as stored, with the other incidents its grade depends on (see incidents/grade.ts). */
export interface StoredIncident {
  readonly record: IncidentRecord;
  readonly neighbours: readonly IncidentNeighbour[];
}

/** A stretch of a snippet to highlight: offsets into `snippet`. */
export interface Highlight {
  readonly start: number;
  readonly end: number;
}

/** One document that matches a full-text query, with the best-matching passage of its text. */
export interface SearchHit {
  readonly document: DocumentSummary;
  /** A passage of the title or text around the matches, as plain text. */
  readonly snippet: string;
  readonly highlights: readonly Highlight[];
  /** Lower is better (SQLite FTS5 bm25). */
  readonly score: number;
}

export interface SearchResult {
  /** Documents that match, whatever the page. */
  readonly total: number;
  readonly hits: readonly SearchHit[];
}

export interface IncidentUpdate {
  readonly mode: 'rebuild' | 'incremental';
  /** Documents whose signatures were computed in this update. */
  readonly signed: number;
  /** Blocks (claimant → accused pairs) regrouped. */
  readonly blocks: number;
  /** Incidents written (new or changed) and incidents that no longer exist. */
  readonly written: number;
  readonly removed: number;
}

export interface IncidentState {
  /** Whether incidents were ever built for this store by this version of the grouping. */
  readonly built: boolean;
  /** The grouping window they were built with; null when never built. */
  readonly windowDays: number | null;
}

export interface Store {
  /**
   * Stores a document with its extraction in one transaction; content already stored (same
   * contentHash) is left untouched → 'duplicate'. Title, outlet and published come from the
   * extraction when it has them (that is what `extract` printed), else from the source document.
   */
  saveDocument(doc: SourceDocument, extracted: ExtractedDocument): Promise<SaveResult>;
  /** Ordered by published (undated last) descending, then document id, then claim order in the document. */
  listClaims(filter?: ClaimFilter): Promise<StoredClaim[]>;
  /** How many claims `filter` matches, ignoring its limit and offset. */
  countClaims(filter?: ClaimFilter): Promise<number>;
  getClaim(storedId: string): Promise<StoredClaim | null>;
  /** By document id, or by source as given at ingest (the latest ingest when a source was re-ingested with new content). */
  getDocument(idOrSource: string): Promise<StoredDocument | null>;
  /** Same order as listClaims. */
  listDocuments(opts?: Page): Promise<DocumentSummary[]>;
  stats(): Promise<StoreStats>;
  /**
   * Full-text search over documents' titles and texts, best match first. `query` is what a person
   * types: its words must all occur (a trailing `*` makes a word a prefix, quotes keep a phrase); it
   * is never passed through as query syntax, so no input is a syntax error. No words → no hits.
   */
  searchDocuments(query: string, opts?: Page): Promise<SearchResult>;
  /**
   * Recomputes document signatures that are missing, every syndication group and every incident, with
   * `windowDays` (default: the stored window, else 21), in one transaction for the incidents.
   */
  rebuildIncidents(opts?: { windowDays?: number }): Promise<IncidentUpdate>;
  /**
   * After saving `documentIds`: signs them, assigns them to syndication groups through the stored LSH
   * buckets, and regroups only the blocks their claims (or copies of them) fall in; only incidents that
   * changed are rewritten. Rebuilds instead when incidents were never built, or when the batch is large
   * beside what is stored. Documents saved earlier without an update are included.
   */
  updateIncidentsFor(documentIds: readonly string[]): Promise<IncidentUpdate>;
  incidentState(): Promise<IncidentState>;
  /** Newest first (by first report; undated last), then by id. */
  listIncidents(filter?: IncidentFilter): Promise<StoredIncident[]>;
  getIncident(id: string): Promise<StoredIncident | null>;
  /** Idempotent; any other call after close rejects with DB_ERROR. */
  close(): Promise<void>;
}

/** The document id for a content hash: stable across machines, so the same article gets the same id everywhere. */
export function documentIdFor(contentHash: string): string {
  return `doc-${contentHash.toLowerCase().slice(0, 16)}`;
}

/** Opens (creating if needed) the store at `location`: a file path for SQLite; a postgres:// URL later. */
export async function openStore(location: string): Promise<Store> {
  if (/^postgres(?:ql)?:/i.test(location)) {
    // The URL is not echoed: it may carry a password.
    throw new CyberclaimsError('DB_ERROR', 'PostgreSQL stores are not supported yet: expected a file path');
  }
  const { openSqliteStore } = await import('./sqlite/index.js');
  return openSqliteStore(location);
}

/** `$CYBERCLAIMS_DB`, else ./cyberclaims.db, resolved against the current directory. */
export function defaultDbPath(): string {
  // An empty variable counts as unset: resolving '' would name the current directory.
  const fromEnv = process.env.CYBERCLAIMS_DB;
  return path.resolve(fromEnv !== undefined && fromEnv !== '' ? fromEnv : './cyberclaims.db');
}
