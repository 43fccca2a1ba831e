/** Full-text search over stored documents (SQLite FTS5 behind the Store interface). */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceDocument } from '../types.js';
import { openStore, type Store } from './index.js';
import { ftsQuery, parseSnippet } from './sqlite/fts.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function fresh(): Promise<{ store: Store; file: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-fts-'));
  dirs.push(dir);
  const file = path.join(dir, 'x.db');
  return { store: await openStore(file), file };
}

function doc(source: string, title: string | null, body: string): SourceDocument {
  const text = title ? `${title}\n\n${body}` : body;
  return {
    kind: 'source-document',
    source,
    title,
    outlet: null,
    published: null,
    url: null,
    text,
    contentHash: createHash('sha256').update(text).digest('hex'),
  };
}

const empty = (d: SourceDocument) => ({
  source: d.source,
  title: d.title,
  outlet: null,
  published: null,
  claims: [],
  responses: [],
});

describe('ftsQuery', () => {
  it('quotes every word so that operators and stray quotes are plain words', () => {
    expect(ftsQuery('volt typh* "water  utilities"')).toBe('"water utilities" "volt" "typh"*');
    expect(ftsQuery('NOT AND( title:x "')).toBe('"NOT" "AND" "title" "x"');
    expect(ftsQuery('  ;;; ')).toBeNull();
  });

  it('turns snippet marks into highlight offsets', () => {
    const { snippet, highlights } = parseSnippet('a \u0002Volt\u0003 b \u0002Typhoon\u0003');
    expect(snippet).toBe('a Volt b Typhoon');
    expect(highlights.map((h) => snippet.slice(h.start, h.end))).toEqual(['Volt', 'Typhoon']);
  });
});

describe('searchDocuments', () => {
  it('finds documents by words, prefixes and phrases, best first, with highlighted snippets and a total', async () => {
    const { store } = await fresh();
    const a = doc('a.txt', 'Microsoft on Volt Typhoon', 'Volt Typhoon targeted water utilities in Guam.');
    const b = doc('b.txt', null, 'The ministry accused Taiwan of disinformation. Volt was not named.');
    const c = doc('c.txt', null, 'Officials in Sofía denied the report.');
    for (const d of [a, b, c]) await store.saveDocument(d, empty(d));

    const volt = await store.searchDocuments('volt');
    expect(volt.total).toBe(2);
    expect(volt.hits[0]!.document.source).toBe('a.txt');
    const h = volt.hits[0]!;
    expect(h.highlights.length).toBeGreaterThan(0);
    for (const x of h.highlights) expect(h.snippet.slice(x.start, x.end).toLowerCase()).toBe('volt');

    expect((await store.searchDocuments('typh*')).hits.map((x) => x.document.source)).toEqual(['a.txt']);
    expect((await store.searchDocuments('"water utilities"')).total).toBe(1);
    expect((await store.searchDocuments('"utilities water"')).total).toBe(0);
    expect((await store.searchDocuments('sofia')).hits.map((x) => x.document.source)).toEqual(['c.txt']);
    expect((await store.searchDocuments('volt', { limit: 1, offset: 1 })).hits).toHaveLength(1);
    expect(await store.searchDocuments('"')).toEqual({ total: 0, hits: [] });
    await store.close();
  });

  it('indexes documents stored before the index existed when an older database is opened', async () => {
    const { store, file } = await fresh();
    const a = doc('a.txt', null, 'GRU unit 74455 attacked the grid.');
    await store.saveDocument(a, empty(a));
    await store.close();
    // Simulate a database from before migration 3: drop the index and its record, then reopen.
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(file);
    db.exec(`DROP TRIGGER documents_fts_insert; DROP TRIGGER documents_fts_delete; DROP TRIGGER documents_fts_update;
      DROP TABLE documents_fts; DELETE FROM schema_migrations WHERE version = 3;`);
    db.close();
    const again = await openStore(file);
    expect((await again.searchDocuments('74455')).total).toBe(1);
    await again.close();
  });
});
