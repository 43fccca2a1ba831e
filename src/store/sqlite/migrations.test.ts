import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CyberclaimsError } from '../../errors.js';
import { LATEST_VERSION, MIGRATIONS, migrate, type Migration } from './migrations.js';
import { openSqliteStore } from './index.js';

const tempDirs: string[] = [];
function tempDb(name = 'cyberclaims.db'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-store-'));
  tempDirs.push(dir);
  return path.join(dir, name);
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

interface MigrationRow {
  version: number;
  name: string;
  applied_at: string;
}

function recorded(file: string): MigrationRow[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')
      .all() as MigrationRow[];
  } finally {
    db.close();
  }
}

async function openError(file: string): Promise<CyberclaimsError> {
  const err: unknown = await openSqliteStore(file).then(
    async (s) => {
      await s.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CyberclaimsError);
  return err as CyberclaimsError;
}

describe('migrations', () => {
  it('are listed once each, in increasing order', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(LATEST_VERSION).toBe(versions.at(-1));
  });

  it('are all applied and recorded when a new file is opened, with the pragmas set', async () => {
    const file = tempDb();
    const store = await openSqliteStore(file);
    await store.close();
    expect(recorded(file).map(({ version, name }) => ({ version, name }))).toEqual(
      MIGRATIONS.map(({ version, name }) => ({ version, name })),
    );
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'claim_blocks',
      'claim_parties',
      'claims',
      'doc_signatures',
      'documents',
      // documents_fts (migration 3) and the shadow tables FTS5 keeps its index in
      'documents_fts',
      'documents_fts_config',
      'documents_fts_data',
      'documents_fts_docsize',
      'documents_fts_idx',
      'incident_facets',
      'incident_settings',
      'incident_sources',
      'incidents',
      'lsh_buckets',
      'parties',
      'responses',
      'schema_migrations',
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('are not applied again when the file is reopened', async () => {
    const file = tempDb();
    await (await openSqliteStore(file)).close();
    const first = recorded(file);
    await new Promise((r) => setTimeout(r, 5));
    await (await openSqliteStore(file)).close();
    expect(recorded(file)).toEqual(first);
  });

  it('apply only the missing ones to an existing file', () => {
    const file = tempDb();
    const db = new Database(file);
    expect(migrate(db, file)).toHaveLength(MIGRATIONS.length);
    const next: Migration = {
      version: LATEST_VERSION + 1,
      name: 'add notes',
      up: (sql) => sql('ALTER TABLE documents ADD COLUMN notes TEXT'),
    };
    expect(migrate(db, file, [...MIGRATIONS, next])).toEqual([{ version: next.version, name: 'add notes' }]);
    expect(migrate(db, file, [...MIGRATIONS, next])).toEqual([]);
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(next.version);
    db.close();
  });

  it('leave no trace of a migration that fails halfway', () => {
    const file = tempDb();
    const db = new Database(file);
    migrate(db, file);
    const broken: Migration = {
      version: LATEST_VERSION + 1,
      name: 'broken',
      up: (sql) => {
        sql('CREATE TABLE half_done (x INTEGER)');
        sql('SELECT * FROM no_such_table');
      },
    };
    expect(() => migrate(db, file, [...MIGRATIONS, broken])).toThrow(/no such table/);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(LATEST_VERSION);
    db.close();
  });
});

describe('openSqliteStore refuses', () => {
  it('a file written by a newer schema, leaving it as it was', async () => {
    const file = tempDb();
    await (await openSqliteStore(file)).close();
    const db = new Database(file);
    db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from the future', 'x')",
    ).run(LATEST_VERSION + 41);
    db.close();
    const before = recorded(file);

    const err = await openError(file);
    expect(err.code).toBe('DB_ERROR');
    expect(err.message).toBe(
      `${file}: database schema version ${LATEST_VERSION + 41} is newer than this cyberclaims supports (${LATEST_VERSION})`,
    );
    expect(recorded(file)).toEqual(before);
  });

  it('a file that is not a SQLite database, naming it in one line', async () => {
    const file = tempDb('notes.txt');
    const content = 'These are my notes, not a database.\n'.repeat(20);
    fs.writeFileSync(file, content);
    const err = await openError(file);
    expect(err.code).toBe('DB_ERROR');
    expect(err.message).toBe(`${file}: not a cyberclaims SQLite database (file is not a database)`);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
  });

  it("another program's SQLite database, without touching it", async () => {
    const file = tempDb('other.db');
    const db = new Database(file);
    db.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)');
    db.close();
    const err = await openError(file);
    expect(err.code).toBe('DB_ERROR');
    expect(err.message).toMatch(/other\.db: not a cyberclaims SQLite database/);
    const again = new Database(file, { readonly: true });
    expect(again.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all()).toEqual([
      'recipes',
    ]);
    expect(again.pragma('journal_mode', { simple: true })).toBe('delete');
    again.close();
  });

  it('a directory where the file should be', async () => {
    const file = tempDb('a-directory.db');
    fs.mkdirSync(file);
    const err = await openError(file);
    expect(err.code).toBe('DB_ERROR');
    expect(err.message).toMatch(/a-directory\.db: cannot open database/);
  });
});

describe('openSqliteStore creates', () => {
  it('the missing directories of the path', async () => {
    const file = path.join(path.dirname(tempDb()), 'nested', 'deeper', 'cc.db');
    const store = await openSqliteStore(file);
    expect(await store.stats()).toEqual({ documents: 0, claims: 0, responses: 0, parties: 0 });
    await store.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('an in-memory store for :memory:', async () => {
    const store = await openSqliteStore(':memory:');
    expect((await store.stats()).documents).toBe(0);
    await store.close();
    expect(fs.existsSync(':memory:')).toBe(false);
  });
});
