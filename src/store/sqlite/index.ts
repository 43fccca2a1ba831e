import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CyberclaimsError } from '../../errors.js';
import type { Store } from '../index.js';
import { migrate } from './migrations.js';
import { SqliteStore } from './store.js';

const IN_MEMORY = ':memory:';

/**
 * Opens (creating if needed) the SQLite store at `location`, applying any missing migrations.
 * Refuses, with a DB_ERROR naming the path, files that are not SQLite, SQLite files that belong to
 * something else, and files written by a newer schema.
 */
export async function openSqliteStore(location: string): Promise<Store> {
  if (location !== IN_MEMORY) {
    try {
      mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
    } catch (e) {
      throw new CyberclaimsError('DB_ERROR', `${location}: cannot create its directory (${firstLine(e)})`);
    }
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(location);
    // Connection settings first: they change nothing in the file, so a foreign file stays untouched.
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    assertOurs(db, location);
    db.pragma('journal_mode = WAL');
    // NORMAL is durable under WAL except for the last commits on power loss; re-ingest recovers those.
    db.pragma('synchronous = NORMAL');
    migrate(db, location);
    return new SqliteStore(db, location);
  } catch (e) {
    db?.close();
    throw toOpenError(e, location);
  }
}

function assertOurs(db: Database.Database, location: string): void {
  // The first read of the file is where SQLite notices it is not a database (SQLITE_NOTADB).
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    .pluck()
    .all() as string[];
  if (tables.length > 0 && !tables.includes('schema_migrations')) {
    throw new CyberclaimsError(
      'DB_ERROR',
      `${location}: not a cyberclaims SQLite database (it has tables but no schema_migrations)`,
    );
  }
}

function toOpenError(e: unknown, location: string): unknown {
  if (e instanceof CyberclaimsError) return e;
  if (e instanceof Database.SqliteError) {
    if (e.code === 'SQLITE_NOTADB') {
      return new CyberclaimsError(
        'DB_ERROR',
        `${location}: not a cyberclaims SQLite database (${e.message})`,
      );
    }
    return new CyberclaimsError('DB_ERROR', `${location}: cannot open database (${firstLine(e)})`);
  }
  // better-sqlite3 reports an unopenable path (a directory, no permission) as a TypeError or plain Error.
  if (e instanceof Error && /cannot open|unable to open/i.test(e.message)) {
    return new CyberclaimsError('DB_ERROR', `${location}: cannot open database (${firstLine(e)})`);
  }
  return e;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}
