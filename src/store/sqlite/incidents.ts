/**
 * Incidents in SQLite: document signatures and LSH buckets, syndication groups, claim blocks and the
 * incidents built from them. The algorithms live in src/incidents/; this file moves rows in and out.
 *
 * Rebuild: sign what is unsigned (in batches), recompute syndication groups in memory one LSH band at
 * a time, then regroup block by block in one transaction. Incremental: sign the new documents, find
 * their copies through the stored buckets, and regroup only the blocks their claims fall in (and the
 * blocks of documents whose syndication group changed). A block's incidents depend only on the claims
 * in it, so both paths give the same incidents.
 */
import type Database from 'better-sqlite3';
import {
  BANDS,
  bandKey,
  bandKeys,
  blockKey,
  accusedKeys,
  DEFAULT_WINDOW_DAYS,
  fromBytes,
  groupBlock,
  GROUPING_VERSION,
  neighbourIndex,
  neighbourKeys,
  neighbourOf,
  partyKey,
  shingleSignature,
  SHINGLE_HASHES,
  SIGNATURE_VERSION,
  similarity,
  SYNDICATION_THRESHOLD,
  syndicationGroupId,
  syndicationComponents,
  toBytes,
  wordSignature,
  type ClaimRecord,
  type IncidentNeighbour,
  type IncidentRecord,
} from '../../incidents/index.js';
import type { Party, ResponseType, Span } from '../../types.js';
import type { IncidentFilter, IncidentState, IncidentUpdate, StoredIncident } from '../index.js';
import { json, toParty, type ClaimPartyRow, type ResponseRow } from './rows.js';

const SIGN_BATCH = 500;
/** An update for more new documents than this (and a fifth of those stored) runs as a rebuild instead. */
const LARGE_UPDATE = 5_000;
/** Above this many incidents in a listing, every neighbour row is read at once rather than looked up by key. */
const LOAD_ALL_NEIGHBOURS = 300;

interface ClaimRow {
  rid: number;
  document_id: string;
  local_id: string;
  operations: string;
  sectors: string;
  target_countries: string;
  techniques: string;
  evidence: string;
  individuals_named: number | null;
  period: string | null;
  hedged: 0 | 1;
  source: string;
  outlet: string | null;
  published: string | null;
  words: Buffer | null;
  syndication_group: string | null;
}

interface SignatureRow {
  key: number;
  document_id: string;
  shingles: Buffer | null;
  syndication_group: string;
}

const FILTERS = {
  actor: "i.id IN (SELECT incident_id FROM incident_facets WHERE facet = 'actor' AND value = @actor)",
  country: "i.id IN (SELECT incident_id FROM incident_facets WHERE facet = 'country' AND value = @country)",
  operation:
    "i.id IN (SELECT incident_id FROM incident_facets WHERE facet = 'operation' AND value = @operation)",
  since: 'i.first_reported >= @since',
  until: 'i.first_reported <= @until',
} as const;
type FilterKey = keyof typeof FILTERS;
const FILTER_KEYS = Object.keys(FILTERS) as FilterKey[];

function prepare(db: Database.Database) {
  return {
    getSetting: db.prepare('SELECT value FROM incident_settings WHERE key = ?').pluck(),
    setSetting: db.prepare(
      'INSERT INTO incident_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    outdatedSignature: db.prepare('SELECT 1 FROM doc_signatures WHERE version != ? LIMIT 1').pluck(),
    // Keyset pagination by id: each batch starts where the last ended instead of rescanning from the top.
    unsigned: db.prepare(`
      SELECT d.id, d.text FROM documents d
      WHERE d.id > ? AND NOT EXISTS (SELECT 1 FROM doc_signatures s WHERE s.document_id = d.id)
      ORDER BY d.id LIMIT ?`),
    countUnsigned: db
      .prepare(
        'SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM doc_signatures s WHERE s.document_id = d.id)',
      )
      .pluck(),
    countSigned: db.prepare('SELECT count(*) FROM doc_signatures').pluck(),
    unsignedOf: db.prepare(`
      SELECT d.id, d.text FROM documents d
      WHERE d.id IN (SELECT value FROM json_each(?))
        AND NOT EXISTS (SELECT 1 FROM doc_signatures s WHERE s.document_id = d.id)
      ORDER BY d.id`),
    insertSignature: db
      .prepare(
        `INSERT INTO doc_signatures (document_id, version, shingles, words, syndication_group)
         VALUES (?, ?, ?, ?, ?) RETURNING key`,
      )
      .pluck(),
    insertBucket: db.prepare('INSERT OR IGNORE INTO lsh_buckets (bucket, doc_key) VALUES (?, ?)'),
    candidates: db.prepare(`
      SELECT DISTINCT s.key, s.document_id, s.shingles, s.syndication_group
      FROM lsh_buckets b JOIN doc_signatures s ON s.key = b.doc_key
      WHERE b.bucket IN (SELECT value FROM json_each(?)) AND b.doc_key != ?`),
    allSignatures: db.prepare('SELECT key, document_id, shingles, syndication_group FROM doc_signatures'),
    groupMembers: db.prepare('SELECT document_id FROM doc_signatures WHERE syndication_group = ?').pluck(),
    renameGroup: db.prepare('UPDATE doc_signatures SET syndication_group = ? WHERE syndication_group = ?'),
    setGroup: db.prepare('UPDATE doc_signatures SET syndication_group = ? WHERE document_id = ?'),
    claimIdsOf: db
      .prepare('SELECT id FROM claims WHERE document_id IN (SELECT value FROM json_each(?))')
      .pluck(),
    blocksOfDocuments: db
      .prepare(
        `SELECT DISTINCT b.block FROM claim_blocks b JOIN claims c ON c.id = b.claim_id
         WHERE c.document_id IN (SELECT value FROM json_each(?))`,
      )
      .pluck(),
    claimsOfBlock: db.prepare('SELECT claim_id FROM claim_blocks WHERE block = ? ORDER BY claim_id').pluck(),
    allBlocks: db.prepare('SELECT block, json_group_array(claim_id) AS ids FROM claim_blocks GROUP BY block'),
    setBlock: db.prepare(
      'INSERT INTO claim_blocks (claim_id, block) VALUES (?, ?) ON CONFLICT (claim_id) DO UPDATE SET block = excluded.block',
    ),
    keyPartiesOf: db.prepare(`
      SELECT cp.claim_id, cp.role, p.kb_id, cp.name, cp.country, cp.kind, cp.aliases
      FROM claim_parties cp JOIN parties p ON p.id = cp.party_id
      WHERE cp.claim_id IN (SELECT value FROM json_each(?))
      ORDER BY cp.claim_id, cp.role, cp.position`),
    allKeyParties: db.prepare(`
      SELECT cp.claim_id, cp.role, p.kb_id, cp.name, cp.country, cp.kind, cp.aliases
      FROM claim_parties cp JOIN parties p ON p.id = cp.party_id
      ORDER BY cp.claim_id, cp.role, cp.position`),
    claimRows: db.prepare(`
      SELECT c.id AS rid, c.document_id, c.local_id, c.operations, c.sectors, c.target_countries, c.techniques,
        c.evidence, c.individuals_named, c.period, c.hedged, d.source, d.outlet, d.published,
        s.words, s.syndication_group
      FROM claims c JOIN documents d ON d.id = c.document_id
      LEFT JOIN doc_signatures s ON s.document_id = c.document_id
      WHERE c.id IN (SELECT value FROM json_each(?))
      ORDER BY c.id`),
    responsesOf: db.prepare(`
      SELECT r.document_id, r.type, p.kb_id, r.by_name, r.by_country, r.by_kind, r.by_aliases, r.claim_local_id
      FROM responses r JOIN parties p ON p.id = r.by_party_id
      WHERE r.document_id IN (SELECT value FROM json_each(?))
      ORDER BY r.document_id, r.position`),
    incidentsOfBlock: db.prepare('SELECT id, record FROM incidents WHERE block = ?'),
    deleteIncident: db.prepare('DELETE FROM incidents WHERE id = ?'),
    deleteAll: db.prepare('DELETE FROM incidents'),
    insertIncident: db.prepare(
      'INSERT INTO incidents (id, block, first_reported, neighbour, record) VALUES (?, ?, ?, ?, ?)',
    ),
    insertSource: db.prepare(
      'INSERT INTO incident_sources (incident_id, position, claim_id, document_id) VALUES (?, ?, ?, ?)',
    ),
    insertFacet: db.prepare(
      'INSERT OR IGNORE INTO incident_facets (facet, value, incident_id) VALUES (?, ?, ?)',
    ),
    incidentById: db.prepare('SELECT record FROM incidents WHERE id = ?').pluck(),
    allNeighbours: db.prepare('SELECT neighbour FROM incidents').pluck(),
    neighboursByKey: db
      .prepare(
        `SELECT DISTINCT i.neighbour FROM incident_facets f JOIN incidents i ON i.id = f.incident_id
         WHERE (f.facet = 'accused-key' AND f.value IN (SELECT value FROM json_each(@accused)))
            OR (f.facet = 'claimant-key' AND f.value IN (SELECT value FROM json_each(@claimants)))
            OR (f.facet = 'claimant-country' AND f.value IN (SELECT value FROM json_each(@countries)))`,
      )
      .pluck(),
  };
}

type Statements = ReturnType<typeof prepare>;

/** The incidents half of the SQLite store; SqliteStore delegates to it. Synchronous, like better-sqlite3. */
export class SqliteIncidents {
  readonly #db: Database.Database;
  readonly #q: Statements;
  readonly #list = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.#db = db;
    this.#q = prepare(db);
  }

  state(): IncidentState {
    const version = this.#q.getSetting.get('grouping_version') as string | undefined;
    const window = this.#q.getSetting.get('window_days') as string | undefined;
    return {
      built: version === String(GROUPING_VERSION) && window !== undefined,
      windowDays: window !== undefined ? Number(window) : null,
    };
  }

  #window(): number {
    return this.state().windowDays ?? DEFAULT_WINDOW_DAYS;
  }

  rebuild(windowDays?: number): IncidentUpdate {
    const window = windowDays ?? this.#window();
    const signed = this.#signAll();
    return this.#db
      .transaction((): IncidentUpdate => {
        this.#regroupSyndication();
        this.#assignBlocks(null);
        const before = new Set(this.#db.prepare('SELECT id FROM incidents').pluck().all() as string[]);
        this.#q.deleteAll.run();
        let written = 0;
        const blocks = this.#q.allBlocks.all() as { block: string; ids: string }[];
        for (const { ids } of blocks) {
          for (const id of this.#writeBlockIds(JSON.parse(ids) as number[], window)) {
            written++;
            before.delete(id);
          }
        }
        this.#q.setSetting.run('window_days', String(window));
        this.#q.setSetting.run('grouping_version', String(GROUPING_VERSION));
        this.#q.setSetting.run('built_at', new Date().toISOString());
        return { mode: 'rebuild', signed, blocks: blocks.length, written, removed: before.size };
      })
      .immediate();
  }

  update(documentIds: readonly string[]): IncidentUpdate {
    if (!this.state().built || this.#q.outdatedSignature.get(SIGNATURE_VERSION) !== undefined)
      return this.rebuild();
    // A batch that is large beside what is stored is cheaper (and streams, in batches) as a rebuild.
    const pending = this.#q.countUnsigned.get() as number;
    if (pending > Math.max(LARGE_UPDATE, (this.#q.countSigned.get() as number) / 5)) return this.rebuild();
    const window = this.#window();
    return this.#db
      .transaction((): IncidentUpdate => {
        // The documents named, and any other not yet signed (saved by something that did not update).
        const rows = this.#q.unsignedOf.all(json(documentIds)) as { id: string; text: string }[];
        const named = new Set(rows.map((r) => r.id));
        for (const r of this.#q.unsigned.all('', -1) as { id: string; text: string }[])
          if (!named.has(r.id)) rows.push(r);
        const touched = new Set<string>();
        for (const row of rows) {
          for (const id of this.#signAndLink(row.id, row.text)) touched.add(id);
        }
        const newClaims = this.#q.claimIdsOf.all(json(rows.map((r) => r.id))) as number[];
        this.#assignBlocks(newClaims);
        const blocks = this.#q.blocksOfDocuments.all(json([...touched])) as string[];
        let written = 0;
        let removed = 0;
        for (const block of blocks) {
          // Only incidents that changed are rewritten: a block with years of reports about one pair
          // usually gains one report in one incident.
          const old = new Map(
            (this.#q.incidentsOfBlock.all(block) as { id: string; record: string }[]).map((r) => [
              r.id,
              r.record,
            ]),
          );
          const { records, rowIds } = this.#records(this.#q.claimsOfBlock.all(block) as number[]);
          for (const inc of groupBlock(records, { windowDays: window })) {
            const record = json(inc);
            const before = old.get(inc.id);
            old.delete(inc.id);
            if (before === record) continue;
            if (before !== undefined) this.#q.deleteIncident.run(inc.id);
            this.#insertIncident(inc, rowIds, record);
            written++;
          }
          for (const id of old.keys()) this.#q.deleteIncident.run(id);
          removed += old.size;
        }
        return { mode: 'incremental', signed: rows.length, blocks: blocks.length, written, removed };
      })
      .immediate();
  }

  list(filter: IncidentFilter, page: { limit: number; offset: number }): StoredIncident[] {
    const used = FILTER_KEYS.filter((k) => filter[k] !== undefined);
    const key = used.join(',');
    let stmt = this.#list.get(key);
    if (!stmt) {
      const where = used.length ? `WHERE ${used.map((k) => FILTERS[k]).join(' AND ')}` : '';
      stmt = this.#db
        .prepare(
          `SELECT i.record FROM incidents i ${where}
           ORDER BY i.first_reported IS NULL, i.first_reported DESC, i.id LIMIT @limit OFFSET @offset`,
        )
        .pluck();
      this.#list.set(key, stmt);
    }
    const params: Record<string, string | number> = { ...page };
    if (filter.actor !== undefined) params.actor = filter.actor.trim().toLowerCase();
    if (filter.country !== undefined) params.country = filter.country.trim().toUpperCase();
    if (filter.operation !== undefined) params.operation = filter.operation.trim().toLowerCase();
    if (filter.since !== undefined) params.since = filter.since;
    if (filter.until !== undefined) params.until = filter.until;
    const records = (stmt.all(params) as string[]).map((r) => JSON.parse(r) as IncidentRecord);
    return this.#withNeighbours(records);
  }

  get(id: string): StoredIncident | null {
    const row = this.#q.incidentById.get(id) as string | undefined;
    return row ? this.#withNeighbours([JSON.parse(row) as IncidentRecord])[0]! : null;
  }

  #withNeighbours(records: readonly IncidentRecord[]): StoredIncident[] {
    if (records.length === 0) return [];
    let candidates: string[];
    if (records.length > LOAD_ALL_NEIGHBOURS) candidates = this.#q.allNeighbours.all() as string[];
    else {
      const accused = new Set<string>();
      const claimants = new Set<string>();
      const countries = new Set<string>();
      for (const r of records) {
        const k = neighbourKeys(r);
        k.accusedKeys.forEach((x) => accused.add(x));
        k.claimantKeys.forEach((x) => claimants.add(x));
        k.claimantCountries.forEach((x) => countries.add(x));
      }
      candidates = this.#q.neighboursByKey.all({
        accused: json([...accused]),
        claimants: json([...claimants]),
        countries: json([...countries]),
      }) as string[];
    }
    const index = neighbourIndex(
      candidates.map((c) => JSON.parse(c) as IncidentNeighbour),
      this.#window(),
    );
    return records.map((record) => ({ record, neighbours: index.for(record) }));
  }

  // --- signatures and syndication ------------------------------------------------------------

  /**
   * Signs every unsigned document; outdated signatures are dropped first. Signatures go in by batches
   * of documents, LSH buckets afterwards band by band in key order: inserted in the order documents
   * come, bucket keys are random and every batch would rewrite most of the index's pages.
   */
  #signAll(): number {
    if (this.#q.outdatedSignature.get(SIGNATURE_VERSION) !== undefined) {
      this.#db.exec('DELETE FROM lsh_buckets; DELETE FROM doc_signatures;');
    }
    const total = this.#q.countUnsigned.get() as number;
    if (total === 0) return 0;
    const bands = new Float64Array(total * BANDS).fill(Infinity);
    const docKeys = new Float64Array(total);
    let n = 0;
    let after = '';
    const batch = this.#db.transaction(() => {
      const rows = this.#q.unsigned.all(after, SIGN_BATCH) as { id: string; text: string }[];
      for (const row of rows) {
        if (n >= total) break; // documents saved meanwhile wait for the next update
        const { key, shingles } = this.#insertSignature(row.id, row.text, false);
        docKeys[n] = key;
        if (shingles) for (let b = 0; b < BANDS; b++) bands[n * BANDS + b] = bandKey(shingles, b);
        n++;
      }
      after = rows.at(-1)?.id ?? after;
      return rows.length > 0 && n < total;
    });
    while (batch.immediate());
    const order = new Int32Array(n);
    for (let b = 0; b < BANDS; b++) {
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((x, y) => bands[x * BANDS + b]! - bands[y * BANDS + b]! || 0);
      this.#db
        .transaction(() => {
          for (const i of order) {
            const bucket = bands[i * BANDS + b]!;
            if (Number.isFinite(bucket)) this.#q.insertBucket.run(bucket, docKeys[i]!);
          }
        })
        .immediate();
    }
    return n;
  }

  #insertSignature(
    documentId: string,
    text: string,
    withBuckets = true,
  ): { key: number; shingles: Uint32Array | null } {
    const shingles = shingleSignature(text);
    const words = wordSignature(text);
    const key = this.#q.insertSignature.get(
      documentId,
      SIGNATURE_VERSION,
      shingles ? toBytes(shingles) : null,
      words ? toBytes(words) : null,
      syndicationGroupId([documentId]),
    ) as number;
    if (shingles && withBuckets)
      for (const bucket of bandKeys(shingles)) this.#q.insertBucket.run(bucket, key);
    return { key, shingles };
  }

  /**
   * Signs one new document and joins it to the groups of the stored documents it nearly copies.
   * Returns the documents whose group is now different (the new one included).
   */
  #signAndLink(documentId: string, text: string): string[] {
    const { key, shingles } = this.#insertSignature(documentId, text);
    if (!shingles) return [documentId];
    const matched = new Set<string>();
    const candidates = this.#q.candidates.all(json(bandKeys(shingles)), key) as SignatureRow[];
    for (const c of candidates) {
      if (similarity(shingles, fromBytes(c.shingles)) >= SYNDICATION_THRESHOLD)
        matched.add(c.syndication_group);
    }
    if (matched.size === 0) return [documentId];
    const members = new Set<string>([documentId]);
    for (const g of matched) for (const m of this.#q.groupMembers.all(g) as string[]) members.add(m);
    const group = syndicationGroupId(members);
    const changed: string[] = [documentId];
    for (const g of matched) {
      if (g === group) continue;
      changed.push(...(this.#q.groupMembers.all(g) as string[]));
      this.#q.renameGroup.run(group, g);
    }
    this.#q.setGroup.run(group, documentId);
    return changed;
  }

  /**
   * Recomputes every syndication group from the stored signatures; rows change only where the group
   * did. Signatures are held in one flat typed array, so 100,000 documents take about 40 MB.
   */
  #regroupSyndication(): void {
    const n = this.#q.countSigned.get() as number;
    const flat = new Uint32Array(n * SHINGLE_HASHES);
    const views: (Uint32Array | null)[] = [];
    const ids: string[] = [];
    const old: string[] = [];
    for (const r of this.#q.allSignatures.iterate() as IterableIterator<SignatureRow>) {
      const i = ids.length;
      if (i >= n) break;
      ids.push(r.document_id);
      old.push(r.syndication_group);
      const buf = r.shingles;
      if (buf && buf.length === SHINGLE_HASHES * 4) {
        for (let k = 0; k < SHINGLE_HASHES; k++) flat[i * SHINGLE_HASHES + k] = buf.readUInt32LE(k * 4);
        views.push(flat.subarray(i * SHINGLE_HASHES, (i + 1) * SHINGLE_HASHES));
      } else views.push(null);
    }
    const groups = syndicationComponents(ids, (i) => views[i] ?? null);
    for (let i = 0; i < ids.length; i++) if (groups[i] !== old[i]) this.#q.setGroup.run(groups[i]!, ids[i]!);
  }

  // --- blocks and incidents ------------------------------------------------------------------------

  /** Records the block of each claim (all claims when `claimIds` is null). */
  #assignBlocks(claimIds: readonly number[] | null): void {
    if (claimIds !== null && claimIds.length === 0) return;
    const rows =
      claimIds === null ? this.#q.allKeyParties.iterate() : this.#q.keyPartiesOf.iterate(json(claimIds));
    // Computed first and written after: better-sqlite3 allows no write while a read is being iterated.
    const blocks: [number, string][] = [];
    let current: number | null = null;
    let claimant: string | null = null;
    let accused: Party[] = [];
    const flush = () => {
      if (current !== null && claimant !== null && accused.length > 0)
        blocks.push([current, blockKey(claimant, accusedKeys(accused))]);
    };
    for (const p of rows as IterableIterator<ClaimPartyRow>) {
      if (p.claim_id !== current) {
        flush();
        current = p.claim_id;
        claimant = null;
        accused = [];
      }
      const party = toParty(p.kb_id, p.name, p.country, p.kind, '[]');
      if (p.role === 'claimant') claimant = partyKey(party);
      else accused.push(party);
    }
    flush();
    if (claimIds === null) this.#db.exec('DELETE FROM claim_blocks');
    for (const [id, block] of blocks) this.#q.setBlock.run(id, block);
  }

  /** Groups one block's claims and writes its incidents; returns their ids. */
  #writeBlockIds(claimIds: readonly number[], window: number): string[] {
    const { records, rowIds } = this.#records(claimIds);
    const incidents = groupBlock(records, { windowDays: window });
    for (const inc of incidents) this.#insertIncident(inc, rowIds);
    return incidents.map((i) => i.id);
  }

  #insertIncident(inc: IncidentRecord, rowIds: ReadonlyMap<string, number>, record = json(inc)): void {
    this.#q.insertIncident.run(inc.id, inc.block, inc.firstReported, json(neighbourOf(inc)), record);
    inc.claims.forEach((storedId, i) => {
      const colon = storedId.indexOf(':');
      this.#q.insertSource.run(inc.id, i, rowIds.get(storedId)!, storedId.slice(0, colon));
    });
    const facet = (name: string, value: string | null | undefined) => {
      if (value) this.#q.insertFacet.run(name, value, inc.id);
    };
    for (const p of [inc.claimant, ...inc.accused]) {
      for (const n of [p.name, p.id, ...p.aliases]) facet('actor', n?.toLowerCase());
      facet('country', p.country);
    }
    for (const op of inc.operations) facet('operation', op);
    for (const k of inc.accusedKeys) facet('accused-key', k);
    facet('claimant-key', inc.claimantKey);
    facet('claimant-country', inc.claimant.country);
  }

  /** The grouping records of some claims, and their row ids by stored id. */
  #records(claimIds: readonly number[]): { records: ClaimRecord[]; rowIds: Map<string, number> } {
    const ids = json(claimIds);
    const rows = this.#q.claimRows.all(ids) as ClaimRow[];
    const parties = new Map<number, { claimant?: Party; accused: Party[] }>();
    for (const p of this.#q.keyPartiesOf.all(ids) as ClaimPartyRow[]) {
      let e = parties.get(p.claim_id);
      if (!e) parties.set(p.claim_id, (e = { accused: [] }));
      const party = toParty(p.kb_id, p.name, p.country, p.kind, p.aliases);
      if (p.role === 'claimant') e.claimant = party;
      else e.accused.push(party);
    }
    const responses = new Map<string, ClaimRecord['responses'][number][]>();
    for (const r of this.#q.responsesOf.all(json([...new Set(rows.map((r) => r.document_id))])) as Omit<
      ResponseRow,
      'evidence'
    >[]) {
      const list = responses.get(r.document_id) ?? [];
      list.push({
        type: r.type as ResponseType,
        by: toParty(r.kb_id, r.by_name, r.by_country, r.by_kind, r.by_aliases),
        claim: r.claim_local_id,
      });
      responses.set(r.document_id, list);
    }
    const rowIds = new Map<string, number>();
    const records: ClaimRecord[] = [];
    for (const r of rows) {
      const e = parties.get(r.rid);
      if (!e?.claimant || e.accused.length === 0) continue;
      const storedId = `${r.document_id}:${r.local_id}`;
      rowIds.set(storedId, r.rid);
      records.push({
        kind: 'claim-record',
        storedId,
        documentId: r.document_id,
        claimId: r.local_id,
        source: r.source,
        outlet: r.outlet,
        published: r.published,
        claimant: e.claimant,
        accused: e.accused,
        operations: JSON.parse(r.operations) as string[],
        sectors: JSON.parse(r.sectors) as string[],
        targetCountries: JSON.parse(r.target_countries) as string[],
        individualsNamed: r.individuals_named,
        period: r.period,
        hedged: r.hedged === 1,
        evidenceText: (JSON.parse(r.evidence) as Span[]).map((s) => s.text).join(' '),
        techniques: (JSON.parse(r.techniques) as { id: string }[]).map((t) => t.id),
        responses: (responses.get(r.document_id) ?? []).filter(
          (x) => x.claim === r.local_id || x.claim === null,
        ),
        syndicationGroup: r.syndication_group ?? syndicationGroupId([r.document_id]),
        words: fromBytes(r.words),
      });
    }
    return { records, rowIds };
  }
}
