/**
 * The CLI from the outside: the built `dist/src/cli/main.js` run as a child process against real files
 * in fresh temp folders and a real SQLite database.
 */
import type { SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { openStore } from '../../src/store/index.js';
import type { Claim, ExtractedDocument, ExtractOutput, Party } from '../../src/types.js';
import { KINDS, OPERATIONS, SECTORS } from '../../src/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'cli');
const NCSC = path.join(FIXTURES, 'ncsc-gru.txt');
const VOLT = path.join(FIXTURES, 'microsoft-volt-typhoon.txt');
const TRADE = path.join(FIXTURES, 'trade-dispute.txt');

let tmp: string;
let db: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-cli-'));
  db = path.join(tmp, 'x.db');
});

function run(args: readonly string[], input?: string): SpawnSyncReturns<string> {
  return runCli(args, { cwd: tmp, db, ...(input !== undefined ? { input } : {}) });
}

function extractJson(args: readonly string[], input?: string): ExtractOutput {
  const r = run(['extract', '--format', 'json', ...args], input);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as ExtractOutput;
}

/** No V8 stack frame ("    at fn (file:1:2)") anywhere in the output. */
function expectNoStack(s: string): void {
  expect(s).not.toMatch(/^\s+at /m);
}

const names = (p: Party): string[] => [p.name, ...p.aliases];
const partyMatches = (p: Party, re: RegExp): boolean => names(p).some((n) => re.test(n));
const findClaim = (d: ExtractedDocument, claimant: RegExp, accused: RegExp): Claim | undefined =>
  d.claims.find((c) => partyMatches(c.claimant, claimant) && c.accused.some((a) => partyMatches(a, accused)));

function expectParty(p: Party): void {
  expect(Object.keys(p).sort()).toEqual(expect.arrayContaining(['aliases', 'country', 'id', 'kind', 'name']));
  expect(typeof p.name).toBe('string');
  expect(p.name.length).toBeGreaterThan(0);
  expect(p.id === null || typeof p.id === 'string').toBe(true);
  if (p.country !== null) expect(p.country).toMatch(/^[A-Z]{2}$/);
  expect(KINDS).toContain(p.kind);
  expect(Array.isArray(p.aliases)).toBe(true);
  for (const a of p.aliases) expect(typeof a).toBe('string');
}

/** Every contract field of a claim, and every evidence span pointing into `text`. */
function expectContractClaim(c: Claim, text: string): void {
  expect(typeof c.id).toBe('string');
  expect(c.type).toBe('accusation');
  expectParty(c.claimant);
  expect(c.accused.length).toBeGreaterThan(0);
  c.accused.forEach(expectParty);
  for (const op of c.operations) expect(OPERATIONS).toContain(op);
  for (const s of c.sectors) expect(SECTORS).toContain(s);
  for (const cc of c.targetCountries) expect(cc).toMatch(/^[A-Z]{2}$/);
  expect(c.individualsNamed === null || Number.isInteger(c.individualsNamed)).toBe(true);
  expect(c.period === null || typeof c.period === 'string').toBe(true);
  expect(typeof c.hedged).toBe('boolean');
  expect(Array.isArray(c.techniques)).toBe(true);
  expect(c.evidence.length).toBeGreaterThan(0);
  for (const e of c.evidence) {
    expect(Number.isInteger(e.start) && Number.isInteger(e.end)).toBe(true);
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeGreaterThan(e.start);
    expect(e.text).toBe(text.slice(e.start, e.end));
  }
}

/** Documents in the store, counted through the public Store interface. */
async function storedDocuments(): Promise<number> {
  const store = await openStore(db);
  try {
    return (await store.stats()).documents;
  } finally {
    await store.close();
  }
}

describe('help', () => {
  it('--help exits 0 and lists every command', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const cmd of ['extract', 'ingest', 'claims', 'show', 'demo'])
      expect(r.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
  });

  it.each(['extract', 'ingest', 'claims', 'show', 'demo'])('%s --help has examples', (cmd) => {
    const r = run([cmd, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });
});

describe('extract', () => {
  it('--format json follows the contract, with evidence spans that point into the document text', () => {
    const out = extractJson([NCSC, VOLT]);
    expect(out.version).toBe(1);
    expect(out.documents.map((d) => d.source)).toEqual([NCSC, VOLT]);
    for (const d of out.documents) {
      expect(Object.keys(d)).toEqual(
        expect.arrayContaining(['source', 'title', 'outlet', 'published', 'claims', 'responses']),
      );
      // LF-only fixtures without a BOM: the reader's text is the file's content.
      const text = fs.readFileSync(d.source, 'utf8');
      const ids = d.claims.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of d.claims) expectContractClaim(c, text);
      for (const r of d.responses) {
        expect(['denial', 'no-response', 'confirmation']).toContain(r.type);
        expectParty(r.by);
        if (r.claim !== null) expect(ids).toContain(r.claim);
        for (const e of r.evidence) expect(e.text).toBe(text.slice(e.start, e.end));
      }
    }
  });

  it('finds the NCSC → GRU accusation', () => {
    const d = extractJson([NCSC]).documents[0]!;
    expect(d.title).toBe('UK names Russian military intelligence over years of hacking');
    const c = findClaim(d, /National Cyber Security Centre|NCSC/, /GRU|Main Directorate/);
    expect(
      c,
      JSON.stringify(d.claims.map((x) => [x.claimant.name, x.accused.map((a) => a.name)])),
    ).toBeDefined();
    expect(c!.claimant.country).toBe('GB');
    expect(c!.accused.find((a) => partyMatches(a, /GRU|Main Directorate/))!.country).toBe('RU');
    expect(c!.operations).toEqual(expect.arrayContaining(['intrusion', 'phishing']));
    // "Officials named two GRU officers they said had directed the operation."
    expect(c!.individualsNamed).toBe(2);
  });

  it('finds the Microsoft → Volt Typhoon accusation', () => {
    const d = extractJson([VOLT]).documents[0]!;
    const c = findClaim(d, /^Microsoft$/, /Volt Typhoon/);
    expect(
      c,
      JSON.stringify(d.claims.map((x) => [x.claimant.name, x.accused.map((a) => a.name)])),
    ).toBeDefined();
    expect(c!.claimant.kind).toBe('company');
    expect(c!.accused.find((a) => partyMatches(a, /Volt Typhoon/))!.country).toBe('CN');
    // "had gained access to communications and water utilities in the United States"
    expect(c!.sectors).toEqual(expect.arrayContaining(['communications', 'water']));
    expect(c!.targetCountries).toContain('US');
  });

  it('--format text prints the source and the claimant → accused line', () => {
    const r = run(['extract', '--format', 'text', NCSC]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(NCSC);
    expect(r.stdout).toMatch(/National Cyber Security Centre.* accuses .*(GRU|Main Directorate)/);
  });

  it('reads standard input with "-"', () => {
    const text = fs.readFileSync(NCSC, 'utf8');
    const out = extractJson(['-'], text);
    expect(out.documents).toHaveLength(1);
    const d = out.documents[0]!;
    expect(d.source).toBe('-');
    expect(findClaim(d, /National Cyber Security Centre|NCSC/, /GRU|Main Directorate/)).toBeDefined();
    for (const c of d.claims) expectContractClaim(c, text);
  });

  it('a non-cyber "accused" (a trade dispute) yields no claim', () => {
    const d = extractJson([TRADE]).documents[0]!;
    expect(d.source).toBe(TRADE);
    expect(d.claims).toEqual([]);
  });
});

describe('ingest, claims, show', () => {
  it('stores once, lists, filters and shows', async () => {
    const first = run(['ingest', NCSC, VOLT]);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/\b2 stored\b/);
    expect(first.stderr).toMatch(/\b0 already stored\b/);
    expect(first.stderr).toMatch(/\b0 failed\b/);
    expectNoStack(first.stderr);

    const again = run(['ingest', NCSC, VOLT]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/\b0 stored\b/);
    expect(again.stderr).toMatch(/\b2 already stored\b/);
    expect(await storedDocuments()).toBe(2);

    const list = run(['claims', '--format', 'json']);
    expect(list.status).toBe(0);
    const all = (
      JSON.parse(list.stdout) as { version: number; claims: (Claim & { storedId: string; source: string })[] }
    ).claims;
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(new Set(all.map((c) => c.source))).toEqual(new Set([NCSC, VOLT]));
    const ncsc = all.find(
      (c) =>
        partyMatches(c.claimant, /National Cyber Security Centre|NCSC/) &&
        c.accused.some((a) => partyMatches(a, /GRU|Main Directorate/)),
    );
    expect(ncsc).toBeDefined();

    // --actor by alias: only claims where Volt Typhoon takes part
    const byActor = JSON.parse(run(['claims', '--format', 'json', '--actor', 'Volt Typhoon']).stdout) as {
      claims: Claim[];
    };
    expect(byActor.claims.length).toBeGreaterThan(0);
    for (const c of byActor.claims)
      expect([c.claimant, ...c.accused].some((p) => partyMatches(p, /Volt Typhoon/))).toBe(true);
    const byAcronym = JSON.parse(run(['claims', '--format', 'json', '--actor', 'GRU']).stdout) as {
      claims: Claim[];
    };
    expect(byAcronym.claims.length).toBeGreaterThan(0);
    for (const c of byAcronym.claims)
      expect(c.accused.some((a) => partyMatches(a, /GRU|Main Directorate/))).toBe(true);

    // --country: claimant or any accused from that country; lower case accepted
    const ru = JSON.parse(run(['claims', '--format', 'json', '--country', 'ru']).stdout) as {
      claims: Claim[];
    };
    expect(ru.claims.length).toBeGreaterThan(0);
    for (const c of ru.claims) expect([c.claimant, ...c.accused].some((p) => p.country === 'RU')).toBe(true);
    expect(ru.claims.length).toBeLessThan(all.length);
    const none = run(['claims', '--country', 'ZZ']);
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('no accusations match');

    const shown = run(['show', ncsc!.storedId]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(ncsc!.storedId);
    expect(shown.stdout).toContain(ncsc!.evidence[0]!.text);

    const byDoc = run(['show', NCSC]);
    expect(byDoc.status).toBe(0);
    expect(byDoc.stdout).toContain(`source: ${NCSC}`);
  });

  it('show <unknown> is one line on stderr and exit code 1', () => {
    run(['ingest', NCSC]);
    for (const id of ['doc-0000000000000000:c9', 'no-such-thing']) {
      const r = run(['show', id]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(id);
      expectNoStack(r.stderr);
    }
  });

  it('claims --country with a bad code is a one-line error', () => {
    const r = run(['claims', '--country', 'Russia']);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expectNoStack(r.stderr);
  });
});

describe('bad input batch', () => {
  it('reports each bad input on one line, stores the good ones and loses nothing stored', async () => {
    // something stored before the batch
    expect(run(['ingest', VOLT]).status).toBe(0);
    expect(await storedDocuments()).toBe(1);

    const batch = path.join(tmp, 'batch');
    fs.mkdirSync(batch);
    fs.copyFileSync(NCSC, path.join(batch, 'good.txt'));
    fs.writeFileSync(path.join(batch, 'empty.txt'), '');
    fs.writeFileSync(
      path.join(batch, 'binary.txt'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x08]),
    );
    fs.writeFileSync(
      path.join(batch, 'latin1.txt'),
      Buffer.concat([Buffer.from('Title\n\nA caf'), Buffer.from([0xe9]), Buffer.from(' in town.\n')]),
    );
    const good1 = {
      title: 'Agency blames hackers',
      text: 'The National Security Agency said a North Korean group known as Lazarus Group had stolen cryptocurrency from exchanges.',
    };
    const good2 = {
      title: 'Weather',
      text: 'Rain is expected across the north on Tuesday, with sunshine later in the week.',
    };
    fs.writeFileSync(
      path.join(batch, 'feed.jsonl'),
      `${JSON.stringify(good1)}\n{"title": "broken", "text": \n${JSON.stringify(good2)}\n`,
    );
    const missing = path.join(tmp, 'does-not-exist.txt');

    const r = run(['ingest', batch, missing]);
    expect(r.status).toBe(1);
    expectNoStack(r.stderr);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
    const bad = [
      path.join(batch, 'empty.txt'),
      path.join(batch, 'binary.txt'),
      path.join(batch, 'latin1.txt'),
      `${path.join(batch, 'feed.jsonl')}:2`,
      missing,
    ];
    expect(errors).toHaveLength(bad.length);
    for (const b of bad) expect(errors.filter((l) => l.includes(b))).toHaveLength(1);
    expect(r.stderr).toMatch(/\b3 stored\b/);
    expect(r.stderr).toMatch(/\b5 failed\b/);

    // the good documents are stored: the article and both good JSON Lines records
    expect(await storedDocuments()).toBe(4);
    expect(run(['show', path.join(batch, 'good.txt')]).status).toBe(0);
    expect(run(['show', `${path.join(batch, 'feed.jsonl')}#1`]).status).toBe(0);
    expect(run(['show', `${path.join(batch, 'feed.jsonl')}#3`]).status).toBe(0);
    // and what was stored before the failed batch is still there
    const before = run(['show', VOLT]);
    expect(before.status).toBe(0);
    expect(before.stdout).toContain(`source: ${VOLT}`);
  });
});

describe('demo', () => {
  it('ingests the samples and prints a report', async () => {
    const demoDb = path.join(tmp, 'demo.db');
    const r = run(['demo', '--db', demoDb]);
    expect(r.status).toBe(0);
    expectNoStack(r.stderr);
    expect(r.stdout).toContain('accusations');
    expect(r.stdout).toMatch(/database now holds \d+ documents/);
    expect(fs.existsSync(demoDb)).toBe(true);
    // the temp db given by the environment is untouched
    expect(fs.existsSync(db)).toBe(false);
  });
});
