import Database from 'better-sqlite3';
import { CyberclaimsError } from '../../errors.js';
import type {
  Claim,
  ExtractedDocument,
  Party,
  Response,
  ResponseType,
  SourceDocument,
  Span,
} from '../../types.js';
import {
  documentIdFor,
  type ClaimFilter,
  type IncidentFilter,
  type IncidentState,
  type IncidentUpdate,
  type StoredIncident,
  type DocumentSummary,
  type Page,
  type SaveResult,
  type Store,
  type StoredClaim,
  type StoredDocument,
  type StoreStats,
  type SearchResult,
} from '../index.js';
import { ftsQuery, MARK_CLOSE, MARK_OPEN, parseSnippet } from './fts.js';
import { SqliteIncidents } from './incidents.js';
import { json, toParty, type ClaimPartyRow, type ResponseRow } from './rows.js';

interface DocumentRow {
  id: string;
  content_hash: string;
  source: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  ingested_at: string;
}

interface ClaimRow {
  rid: number;
  document_id: string;
  local_id: string;
  type: string;
  operations: string;
  sectors: string;
  target_countries: string;
  techniques: string;
  evidence: string;
  individuals_named: number | null;
  period: string | null;
  hedged: 0 | 1;
  source: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
}

interface PartyRow {
  id: number;
  name: string;
  country: string | null;
  kind: string;
}

const CLAIM_COLUMNS = `
  c.id AS rid, c.document_id, c.local_id, c.type, c.operations, c.sectors, c.target_countries,
  c.techniques, c.evidence, c.individuals_named, c.period, c.hedged,
  d.source, d.title, d.outlet, d.published`;

// `published IS NULL` first so undated documents sort last; ISO dates order correctly as text.
// Claims follow their order in the document rather than their id as text, where "c10" < "c2".
const CLAIM_ORDER = 'ORDER BY d.published IS NULL, d.published DESC, d.id, c.position';

const DOCUMENT_COLUMNS = 'id, content_hash, source, title, outlet, published, url, ingested_at';

// Each fragment is fixed SQL; values only ever arrive as parameters. Lower-casing happens in JS
// (cc_lower) because SQLite's lower() only folds ASCII and actor names are not all ASCII.
const FILTERS = {
  actor: `c.id IN (
      SELECT cp.claim_id FROM claim_parties cp JOIN parties p ON p.id = cp.party_id
      WHERE p.name_key = @actor OR cc_lower(p.kb_id) = @actor OR cc_lower(cp.name) = @actor
         OR EXISTS (SELECT 1 FROM json_each(cp.aliases) a WHERE cc_lower(a.value) = @actor))`,
  country: 'c.id IN (SELECT claim_id FROM claim_parties WHERE country = @country)',
  operation: 'EXISTS (SELECT 1 FROM json_each(c.operations) o WHERE o.value = @operation)',
} as const;
type FilterKey = keyof typeof FILTERS;
const FILTER_KEYS = Object.keys(FILTERS) as FilterKey[];

const HASH = /^[0-9a-f]{64}$/i;

function prepareStatements(db: Database.Database) {
  return {
    insertDocument: db.prepare(`
      INSERT INTO documents (id, content_hash, source, title, outlet, published, url, text, ingested_at)
      VALUES (@id, @contentHash, @source, @title, @outlet, @published, @url, @text, @ingestedAt)
      ON CONFLICT (content_hash) DO NOTHING`),
    partyByKbId: db.prepare('SELECT id, name, country, kind FROM parties WHERE kb_id = ?'),
    unknownParty: db
      .prepare(
        `SELECT id FROM parties
         WHERE kb_id IS NULL AND name_key = @nameKey AND ifnull(country, '') = ifnull(@country, '') AND kind = @kind`,
      )
      .pluck(),
    insertParty: db
      .prepare(
        `INSERT INTO parties (kb_id, name, name_key, country, kind)
         VALUES (@kbId, @name, @nameKey, @country, @kind) RETURNING id`,
      )
      .pluck(),
    updateParty: db.prepare(
      'UPDATE parties SET name = @name, name_key = @nameKey, country = @country, kind = @kind WHERE id = @id',
    ),
    insertClaim: db
      .prepare(
        `INSERT INTO claims (document_id, local_id, position, type, claimant_party_id, operations, sectors,
           target_countries, techniques, evidence, individuals_named, period, hedged)
         VALUES (@documentId, @localId, @position, @type, @claimant, @operations, @sectors,
           @targetCountries, @techniques, @evidence, @individualsNamed, @period, @hedged)
         RETURNING id`,
      )
      .pluck(),
    insertClaimParty: db.prepare(`
      INSERT INTO claim_parties (claim_id, party_id, role, position, name, country, kind, aliases)
      VALUES (@claimId, @partyId, @role, @position, @name, @country, @kind, @aliases)`),
    insertResponse: db.prepare(`
      INSERT INTO responses (document_id, position, type, by_party_id, by_name, by_country, by_kind,
        by_aliases, claim_local_id, evidence)
      VALUES (@documentId, @position, @type, @partyId, @name, @country, @kind, @aliases, @claim, @evidence)`),
    claimById: db.prepare(`
      SELECT ${CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id
      WHERE c.document_id = ? AND c.local_id = ?`),
    claimsOfDocument: db.prepare(`
      SELECT ${CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id
      WHERE c.document_id = ? ORDER BY c.position`),
    // Ids travel as one JSON array parameter so a single prepared statement serves any number of them.
    partiesOfClaims: db.prepare(`
      SELECT cp.claim_id, cp.role, p.kb_id, cp.name, cp.country, cp.kind, cp.aliases
      FROM claim_parties cp JOIN parties p ON p.id = cp.party_id
      WHERE cp.claim_id IN (SELECT value FROM json_each(?))
      ORDER BY cp.claim_id, cp.role, cp.position`),
    responsesOfDocuments: db.prepare(`
      SELECT r.document_id, r.type, p.kb_id, r.by_name, r.by_country, r.by_kind, r.by_aliases,
        r.claim_local_id, r.evidence
      FROM responses r JOIN parties p ON p.id = r.by_party_id
      WHERE r.document_id IN (SELECT value FROM json_each(?))
      ORDER BY r.document_id, r.position`),
    documentById: db.prepare(`SELECT ${DOCUMENT_COLUMNS}, text FROM documents WHERE id = ?`),
    // A source re-ingested after its content changed has several rows; the newest is what the user means.
    documentBySource: db.prepare(
      `SELECT ${DOCUMENT_COLUMNS}, text FROM documents WHERE source = ? ORDER BY ingested_at DESC, rowid DESC LIMIT 1`,
    ),
    listDocuments: db.prepare(`
      SELECT ${DOCUMENT_COLUMNS} FROM documents d
      ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT @limit OFFSET @offset`),
    searchCount: db.prepare('SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?').pluck(),
    // snippet(): the best passage of whichever column matches best (-1), ~32 tokens, matches marked.
    search: db.prepare(`
      SELECT d.id, d.content_hash, d.source, d.title, d.outlet, d.published, d.url, d.ingested_at,
        snippet(documents_fts, -1, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 32) AS marked,
        bm25(documents_fts) AS score
      FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
      WHERE documents_fts MATCH @match
      ORDER BY score, d.id LIMIT @limit OFFSET @offset`),
    stats: db.prepare(`
      SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM claims) AS claims,
             (SELECT count(*) FROM responses) AS responses, (SELECT count(*) FROM parties) AS parties`),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/** The SQLite Store: synchronous better-sqlite3 behind the Promise-based interface. */
export class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #location: string;
  #open = true;
  readonly #q: Statements;
  /** listClaims statements, one per combination of filters used, so each is prepared once. */
  readonly #listClaims = new Map<string, Database.Statement>();
  readonly #save: (doc: SourceDocument, extracted: ExtractedDocument, id: string, hash: string) => SaveResult;
  readonly #incidents: SqliteIncidents;

  constructor(db: Database.Database, location: string) {
    this.#db = db;
    this.#location = location;
    db.function('cc_lower', { deterministic: true }, (s: unknown) =>
      typeof s === 'string' ? s.toLowerCase() : null,
    );
    this.#q = prepareStatements(db);
    this.#incidents = new SqliteIncidents(db);
    this.#save = db.transaction(
      (doc: SourceDocument, extracted: ExtractedDocument, id: string, hash: string) =>
        this.#saveInTransaction(doc, extracted, id, hash),
    );
  }

  async saveDocument(doc: SourceDocument, extracted: ExtractedDocument): Promise<SaveResult> {
    this.#assertOpen();
    if (extracted.source !== doc.source) {
      throw new CyberclaimsError(
        'BAD_ARGUMENT',
        `${doc.source}: extraction belongs to another document (its source is "${extracted.source}")`,
      );
    }
    if (!HASH.test(doc.contentHash)) {
      throw new CyberclaimsError(
        'BAD_ARGUMENT',
        `${doc.source}: expecting a sha256 hex content hash, instead found "${doc.contentHash}"`,
      );
    }
    const hash = doc.contentHash.toLowerCase();
    try {
      return this.#save(doc, extracted, documentIdFor(hash), hash);
    } catch (e) {
      // Driver errors (constraints, disk full, lock timeout) are the user's to see; anything else
      // (a value that cannot be serialised) is a bug upstream and keeps its own type.
      if (e instanceof Database.SqliteError) {
        throw new CyberclaimsError('DB_ERROR', `${doc.source}: could not store document (${e.message})`);
      }
      throw e;
    }
  }

  async listClaims(filter: ClaimFilter = {}): Promise<StoredClaim[]> {
    this.#assertOpen();
    const used = FILTER_KEYS.filter((k) => filter[k] !== undefined);
    const key = used.join(',');
    let stmt = this.#listClaims.get(key);
    if (!stmt) {
      const where = used.length ? `WHERE ${used.map((k) => FILTERS[k]).join(' AND ')}` : '';
      stmt = this.#db.prepare(`
        SELECT ${CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id
        ${where} ${CLAIM_ORDER} LIMIT @limit OFFSET @offset`);
      this.#listClaims.set(key, stmt);
    }
    return this.#hydrate(stmt.all({ ...page(filter), ...filterParams(filter) }) as ClaimRow[]);
  }

  async countClaims(filter: ClaimFilter = {}): Promise<number> {
    this.#assertOpen();
    const used = FILTER_KEYS.filter((k) => filter[k] !== undefined);
    const key = `count:${used.join(',')}`;
    let stmt = this.#listClaims.get(key);
    if (!stmt) {
      const where = used.length ? `WHERE ${used.map((k) => FILTERS[k]).join(' AND ')}` : '';
      stmt = this.#db.prepare(`SELECT count(*) FROM claims c ${where}`).pluck();
      this.#listClaims.set(key, stmt);
    }
    return stmt.get(filterParams(filter)) as number;
  }

  async getClaim(storedId: string): Promise<StoredClaim | null> {
    this.#assertOpen();
    // Document ids never contain ':', so the first one separates the document from the claim's own id.
    const colon = storedId.indexOf(':');
    if (colon < 0) return null;
    const row = this.#q.claimById.get(storedId.slice(0, colon), storedId.slice(colon + 1)) as
      ClaimRow | undefined;
    return row ? (this.#hydrate([row])[0] ?? null) : null;
  }

  async getDocument(idOrSource: string): Promise<StoredDocument | null> {
    this.#assertOpen();
    const row = (this.#q.documentById.get(idOrSource) ?? this.#q.documentBySource.get(idOrSource)) as
      (DocumentRow & { text: string }) | undefined;
    if (!row) return null;
    const claims = this.#hydrate(this.#q.claimsOfDocument.all(row.id) as ClaimRow[]);
    const responses = this.#responsesOf([row.id]).get(row.id) ?? [];
    return { ...summary(row), text: row.text, claims, responses };
  }

  async listDocuments(opts: Page = {}): Promise<DocumentSummary[]> {
    this.#assertOpen();
    return (this.#q.listDocuments.all(page(opts)) as DocumentRow[]).map(summary);
  }

  async stats(): Promise<StoreStats> {
    this.#assertOpen();
    return { ...(this.#q.stats.get() as StoreStats) };
  }

  async searchDocuments(query: string, opts: Page = {}): Promise<SearchResult> {
    this.#assertOpen();
    const paging = page(opts);
    const match = ftsQuery(query);
    if (match === null) return { total: 0, hits: [] };
    return this.#driverErrors('could not search documents', () => {
      const total = this.#q.searchCount.get(match) as number;
      const rows = this.#q.search.all({ match, ...paging }) as (DocumentRow & {
        marked: string | null;
        score: number;
      })[];
      return {
        total,
        hits: rows.map((r) => ({ document: summary(r), ...parseSnippet(r.marked ?? ''), score: r.score })),
      };
    });
  }

  async rebuildIncidents(opts: { windowDays?: number } = {}): Promise<IncidentUpdate> {
    this.#assertOpen();
    if (opts.windowDays !== undefined && !(Number.isSafeInteger(opts.windowDays) && opts.windowDays > 0)) {
      throw new CyberclaimsError(
        'BAD_ARGUMENT',
        `window: expecting a whole number of days above 0, instead found ${opts.windowDays}`,
      );
    }
    return this.#driverErrors('could not rebuild incidents', () => this.#incidents.rebuild(opts.windowDays));
  }

  async updateIncidentsFor(documentIds: readonly string[]): Promise<IncidentUpdate> {
    this.#assertOpen();
    return this.#driverErrors('could not update incidents', () => this.#incidents.update(documentIds));
  }

  async incidentState(): Promise<IncidentState> {
    this.#assertOpen();
    return this.#incidents.state();
  }

  async listIncidents(filter: IncidentFilter = {}): Promise<StoredIncident[]> {
    this.#assertOpen();
    for (const k of ['since', 'until'] as const) {
      const v = filter[k];
      if (v !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)))) {
        throw new CyberclaimsError(
          'BAD_ARGUMENT',
          `${k}: expecting a date as YYYY-MM-DD, instead found "${v}"`,
        );
      }
    }
    return this.#incidents.list(filter, page(filter));
  }

  async getIncident(id: string): Promise<StoredIncident | null> {
    this.#assertOpen();
    return this.#incidents.get(id);
  }

  /** Driver errors (disk full, lock timeout) become DB_ERROR naming the database; anything else is a bug and keeps its type. */
  #driverErrors<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof Database.SqliteError)
        throw new CyberclaimsError('DB_ERROR', `${this.#location}: ${what} (${e.message})`);
      throw e;
    }
  }

  async close(): Promise<void> {
    if (!this.#open) return;
    this.#open = false;
    this.#db.close();
  }

  #assertOpen(): void {
    if (!this.#open) throw new CyberclaimsError('DB_ERROR', `${this.#location}: store is closed`);
  }

  #saveInTransaction(
    doc: SourceDocument,
    extracted: ExtractedDocument,
    documentId: string,
    hash: string,
  ): SaveResult {
    const { changes } = this.#q.insertDocument.run({
      id: documentId,
      contentHash: hash,
      source: doc.source,
      title: extracted.title ?? doc.title,
      outlet: extracted.outlet ?? doc.outlet,
      published: extracted.published ?? doc.published,
      url: doc.url,
      text: doc.text,
      ingestedAt: new Date().toISOString(),
    });
    if (changes === 0) return { status: 'duplicate', documentId };

    extracted.claims.forEach((claim, position) => {
      const claimant = this.#partyId(claim.claimant);
      const claimId = this.#q.insertClaim.get({
        documentId,
        localId: claim.id,
        position,
        type: claim.type,
        claimant,
        operations: json(claim.operations),
        sectors: json(claim.sectors),
        targetCountries: json(claim.targetCountries),
        techniques: json(claim.techniques),
        evidence: json(claim.evidence),
        individualsNamed: claim.individualsNamed,
        period: claim.period,
        hedged: claim.hedged ? 1 : 0,
      }) as number;
      this.#q.insertClaimParty.run({
        claimId,
        partyId: claimant,
        role: 'claimant',
        position: 0,
        ...snapshot(claim.claimant),
      });
      claim.accused.forEach((party, i) => {
        const partyId = this.#partyId(party);
        this.#q.insertClaimParty.run({ claimId, partyId, role: 'accused', position: i, ...snapshot(party) });
      });
    });
    extracted.responses.forEach((response, position) => {
      this.#q.insertResponse.run({
        documentId,
        position,
        type: response.type,
        partyId: this.#partyId(response.by),
        ...snapshot(response.by),
        claim: response.claim,
        evidence: json(response.evidence),
      });
    });
    return { status: 'stored', documentId };
  }

  /** The parties row for an actor, created on first sight; a known actor's row follows the latest knowledge base. */
  #partyId(party: Party): number {
    const nameKey = party.name.toLowerCase();
    if (party.id !== null) {
      const row = this.#q.partyByKbId.get(party.id) as PartyRow | undefined;
      if (!row)
        return this.#q.insertParty.get({
          kbId: party.id,
          name: party.name,
          nameKey,
          country: party.country,
          kind: party.kind,
        }) as number;
      if (row.name !== party.name || row.country !== party.country || row.kind !== party.kind) {
        this.#q.updateParty.run({
          id: row.id,
          name: party.name,
          nameKey,
          country: party.country,
          kind: party.kind,
        });
      }
      return row.id;
    }
    const key = { nameKey, country: party.country, kind: party.kind };
    const existing = this.#q.unknownParty.get(key) as number | undefined;
    return existing ?? (this.#q.insertParty.get({ kbId: null, name: party.name, ...key }) as number);
  }

  /** Turns claim rows into StoredClaims with two further queries, whatever the number of rows. */
  #hydrate(rows: readonly ClaimRow[]): StoredClaim[] {
    if (rows.length === 0) return [];
    const parties = new Map<number, { claimant?: Party; accused: Party[] }>();
    for (const p of this.#q.partiesOfClaims.all(json(rows.map((r) => r.rid))) as ClaimPartyRow[]) {
      let entry = parties.get(p.claim_id);
      if (!entry) parties.set(p.claim_id, (entry = { accused: [] }));
      const party = toParty(p.kb_id, p.name, p.country, p.kind, p.aliases);
      if (p.role === 'claimant') entry.claimant = party;
      else entry.accused.push(party);
    }
    const responses = this.#responsesOf([...new Set(rows.map((r) => r.document_id))]);
    return rows.map((r) => {
      const entry = parties.get(r.rid);
      if (!entry?.claimant) throw new Error(`claim ${r.document_id}:${r.local_id} has no claimant row`);
      const claim: Claim = {
        id: r.local_id,
        type: r.type as Claim['type'],
        claimant: entry.claimant,
        accused: entry.accused,
        operations: JSON.parse(r.operations) as Claim['operations'],
        sectors: JSON.parse(r.sectors) as Claim['sectors'],
        targetCountries: JSON.parse(r.target_countries) as string[],
        individualsNamed: r.individuals_named,
        period: r.period,
        hedged: r.hedged === 1,
        evidence: JSON.parse(r.evidence) as Span[],
        techniques: JSON.parse(r.techniques) as Claim['techniques'],
      };
      return {
        ...claim,
        storedId: `${r.document_id}:${r.local_id}`,
        documentId: r.document_id,
        source: r.source,
        title: r.title,
        outlet: r.outlet,
        published: r.published,
        responses: (responses.get(r.document_id) ?? []).filter((resp) => resp.claim === r.local_id),
      };
    });
  }

  #responsesOf(documentIds: readonly string[]): Map<string, Response[]> {
    const byDocument = new Map<string, Response[]>();
    for (const r of this.#q.responsesOfDocuments.all(json(documentIds)) as ResponseRow[]) {
      const response: Response = {
        type: r.type as ResponseType,
        by: toParty(r.kb_id, r.by_name, r.by_country, r.by_kind, r.by_aliases),
        claim: r.claim_local_id,
        evidence: JSON.parse(r.evidence) as Span[],
      };
      const list = byDocument.get(r.document_id);
      if (list) list.push(response);
      else byDocument.set(r.document_id, [response]);
    }
    return byDocument;
  }
}

function snapshot(party: Party): { name: string; country: string | null; kind: string; aliases: string } {
  return { name: party.name, country: party.country, kind: party.kind, aliases: json(party.aliases) };
}

function summary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    source: row.source,
    title: row.title,
    outlet: row.outlet,
    published: row.published,
    url: row.url,
    contentHash: row.content_hash,
    ingestedAt: row.ingested_at,
  };
}

/** The named parameters of the claim filters that are set. */
function filterParams(filter: ClaimFilter): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.actor !== undefined) params.actor = filter.actor.trim().toLowerCase();
  if (filter.country !== undefined) params.country = filter.country.trim().toUpperCase();
  if (filter.operation !== undefined) params.operation = filter.operation.trim().toLowerCase();
  return params;
}

/** SQLite reads LIMIT -1 as "no limit". */
function page(opts: Page): { limit: number; offset: number } {
  for (const [name, value] of [
    ['limit', opts.limit],
    ['offset', opts.offset],
  ] as const) {
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
      throw new CyberclaimsError(
        'BAD_ARGUMENT',
        `${name}: expecting a whole number of 0 or more, instead found ${value}`,
      );
    }
  }
  return { limit: opts.limit ?? -1, offset: opts.offset ?? 0 };
}
