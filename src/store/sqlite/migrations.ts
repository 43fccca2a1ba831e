import type Database from 'better-sqlite3';
import { CyberclaimsError } from '../../errors.js';

/**
 * One step of the schema. Migrations are append-only: a released migration is never edited, because
 * files in the wild have already recorded it as applied.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** Runs inside the migration's transaction; `sql` executes one or more statements. */
  readonly up: (sql: (statements: string) => void) => void;
}

export interface AppliedMigration {
  readonly version: number;
  readonly name: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    up(sql) {
      // Vocabulary columns (kind, response type, operations…) carry no CHECK on their values: the
      // contract grows by adding values, and a CHECK would turn every addition into a migration.
      // Structural CHECKs stay, so a malformed extraction fails inside the transaction.
      sql(`
        CREATE TABLE documents (
          id           TEXT PRIMARY KEY,
          content_hash TEXT NOT NULL UNIQUE,
          source       TEXT NOT NULL,
          title        TEXT,
          outlet       TEXT,
          published    TEXT,
          url          TEXT,
          text         TEXT NOT NULL,
          ingested_at  TEXT NOT NULL
        );
        CREATE INDEX documents_source ON documents (source);
        CREATE INDEX documents_published ON documents (published);

        -- One row per actor: knowledge-base actors by kb_id; unknown actors by what the text
        -- calls them. name/country/kind hold the latest canonical form, for actor pages.
        CREATE TABLE parties (
          id       INTEGER PRIMARY KEY,
          kb_id    TEXT UNIQUE,
          name     TEXT NOT NULL,
          name_key TEXT NOT NULL,
          country  TEXT,
          kind     TEXT NOT NULL
        );
        CREATE INDEX parties_name_key ON parties (name_key);
        -- ifnull: NULLs are distinct in a UNIQUE index, and "the hackers" with no country must be one party.
        CREATE UNIQUE INDEX parties_unknown ON parties (name_key, ifnull(country, ''), kind) WHERE kb_id IS NULL;

        CREATE TABLE claims (
          id                INTEGER PRIMARY KEY,
          document_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
          local_id          TEXT NOT NULL,
          position          INTEGER NOT NULL,
          type              TEXT NOT NULL,
          claimant_party_id INTEGER NOT NULL REFERENCES parties (id),
          operations        TEXT NOT NULL CHECK (json_type(operations) = 'array'),
          sectors           TEXT NOT NULL CHECK (json_type(sectors) = 'array'),
          target_countries  TEXT NOT NULL CHECK (json_type(target_countries) = 'array'),
          techniques        TEXT NOT NULL CHECK (json_type(techniques) = 'array'),
          evidence          TEXT NOT NULL CHECK (json_type(evidence) = 'array'),
          individuals_named INTEGER,
          period            TEXT,
          hedged            INTEGER NOT NULL CHECK (hedged IN (0, 1)),
          UNIQUE (document_id, local_id)
        );
        CREATE INDEX claims_claimant ON claims (claimant_party_id);

        -- name/country/kind/aliases repeat the Party as this document had it, so a claim reads back
        -- exactly as extracted even after the knowledge base renames the actor or another document
        -- writes an unknown actor's name with different capitals.
        CREATE TABLE claim_parties (
          claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
          party_id INTEGER NOT NULL REFERENCES parties (id),
          role     TEXT NOT NULL CHECK (role IN ('claimant', 'accused')),
          position INTEGER NOT NULL,
          name     TEXT NOT NULL,
          country  TEXT,
          kind     TEXT NOT NULL,
          aliases  TEXT NOT NULL CHECK (json_type(aliases) = 'array'),
          PRIMARY KEY (claim_id, role, position)
        ) WITHOUT ROWID;
        CREATE INDEX claim_parties_party ON claim_parties (party_id);
        CREATE INDEX claim_parties_country ON claim_parties (country);

        CREATE TABLE responses (
          id             INTEGER PRIMARY KEY,
          document_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
          position       INTEGER NOT NULL,
          type           TEXT NOT NULL,
          by_party_id    INTEGER NOT NULL REFERENCES parties (id),
          by_name        TEXT NOT NULL,
          by_country     TEXT,
          by_kind        TEXT NOT NULL,
          by_aliases     TEXT NOT NULL CHECK (json_type(by_aliases) = 'array'),
          claim_local_id TEXT,
          evidence       TEXT NOT NULL CHECK (json_type(evidence) = 'array'),
          UNIQUE (document_id, position),
          -- Not enforced while claim_local_id is NULL ("the claim it answers, when known").
          FOREIGN KEY (document_id, claim_local_id) REFERENCES claims (document_id, local_id)
        );
        CREATE INDEX responses_party ON responses (by_party_id);
      `);
    },
  },
  {
    version: 2,
    name: 'incidents',
    up(sql) {
      // Everything here is derived from documents and claims and can be rebuilt from them
      // (`incidents --rebuild`), so the JSON columns hold whole records rather than normalised rows.
      sql(`
        -- MinHash signatures (little-endian uint32 arrays) and the syndication group of each document.
        CREATE TABLE doc_signatures (
          key               INTEGER PRIMARY KEY,
          document_id       TEXT NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
          version           INTEGER NOT NULL,
          shingles          BLOB,
          words             BLOB,
          syndication_group TEXT NOT NULL
        );
        CREATE INDEX doc_signatures_group ON doc_signatures (syndication_group);

        -- LSH: one row per document and band; bucket = band * 2^32 + hash of the band's rows.
        -- No foreign key: the table is large and only ever emptied whole with doc_signatures.
        CREATE TABLE lsh_buckets (
          bucket  INTEGER NOT NULL,
          doc_key INTEGER NOT NULL,
          PRIMARY KEY (bucket, doc_key)
        ) WITHOUT ROWID;

        -- The block (claimant key > accused keys) of each claim: only claims of one block are compared.
        CREATE TABLE claim_blocks (
          claim_id INTEGER PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
          block    TEXT NOT NULL
        );
        CREATE INDEX claim_blocks_block ON claim_blocks (block);

        CREATE TABLE incidents (
          id             TEXT PRIMARY KEY,
          block          TEXT NOT NULL,
          first_reported TEXT,
          neighbour      TEXT NOT NULL CHECK (json_type(neighbour) = 'object'),
          record         TEXT NOT NULL CHECK (json_type(record) = 'object')
        );
        CREATE INDEX incidents_block ON incidents (block);
        CREATE INDEX incidents_first_reported ON incidents (first_reported);

        CREATE TABLE incident_sources (
          incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
          position    INTEGER NOT NULL,
          claim_id    INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
          document_id TEXT NOT NULL,
          PRIMARY KEY (incident_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX incident_sources_document ON incident_sources (document_id);
        CREATE INDEX incident_sources_claim ON incident_sources (claim_id);

        -- What incidents are filtered and their neighbours found by: actor (lower-cased names, aliases,
        -- ids), country, operation, accused-key, claimant-key, claimant-country.
        CREATE TABLE incident_facets (
          facet       TEXT NOT NULL,
          value       TEXT NOT NULL,
          incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
          PRIMARY KEY (facet, value, incident_id)
        ) WITHOUT ROWID;
        CREATE INDEX incident_facets_incident ON incident_facets (incident_id);

        -- window_days, grouping_version, signature_version, built_at.
        CREATE TABLE incident_settings (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 3,
    name: 'documents full-text search',
    up(sql) {
      // An external-content FTS5 index over the documents' title and text: the text is stored once, in
      // documents, and triggers keep the index in step (https://sqlite.org/fts5.html, section 4.4.3).
      // remove_diacritics 2 lets "Sofia" find "Sofía".
      sql(`
        CREATE VIRTUAL TABLE documents_fts USING fts5(
          title, text, content = 'documents', content_rowid = 'rowid',
          tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO documents_fts (rowid, title, text) SELECT rowid, title, text FROM documents;
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
          INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
          INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
          INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
          INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
      `);
    },
  },
];

/** The schema version this code writes; a file recording a higher one was written by a newer cyberclaims. */
export const LATEST_VERSION: number = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

const BOOTSTRAP = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`;

function recordedVersion(db: Database.Database): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Brings the database at `location` (named in errors only) up to the newest of `migrations`, each in
 * its own transaction, and returns the ones it applied. Refuses a file written by a newer schema
 * rather than guessing what that schema means.
 */
export function migrate(
  db: Database.Database,
  location: string,
  migrations: readonly Migration[] = MIGRATIONS,
): AppliedMigration[] {
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  db.exec(BOOTSTRAP);
  const found = recordedVersion(db);
  if (found > known) {
    throw new CyberclaimsError(
      'DB_ERROR',
      `${location}: database schema version ${found} is newer than this cyberclaims supports (${known})`,
    );
  }
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: AppliedMigration[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    // IMMEDIATE takes the write lock before checking, so two processes opening a new file at once
    // cannot both apply the same migration.
    const ran = db
      .transaction(() => {
        if (isApplied.get(m.version) !== undefined) return false;
        m.up((statements) => db.exec(statements));
        record.run(m.version, m.name, new Date().toISOString());
        return true;
      })
      .immediate();
    if (ran) applied.push({ version: m.version, name: m.name });
  }
  return applied;
}
