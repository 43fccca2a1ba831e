/**
 * The acceptance checks on the two seed articles in ../shared/reference/seeds, through the
 * built CLI. Skips when the seeds are not present (e.g. outside the project workspace).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/ingest/index.js';
import type { Claim, ExtractedDocument, ExtractOutput, Party, SourceDocument } from '../../src/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const dir = path.resolve(repoRoot, '..', 'shared', 'reference', 'seeds');

const names = (p: Party): string[] => [p.name, ...p.aliases];
const is = (p: Party, re: RegExp): boolean => names(p).some((n) => re.test(n));
const claimsOf = (d: ExtractedDocument, claimant: RegExp, accused: RegExp): Claim[] =>
  d.claims.filter((c) => is(c.claimant, claimant) && c.accused.some((a) => is(a, accused)));
const summary = (d: ExtractedDocument): string =>
  JSON.stringify(
    d.claims.map((c) => [c.id, c.claimant.name, c.accused.map((a) => a.name), c.individualsNamed]),
  );

const MSS = /Ministry of State Security|\bMSS\b/;
const ICEFCOM = /ICEFCOM|Information, Communications and Electronic Force Command/;

describe.skipIf(!fs.existsSync(dir))('seed articles (shared/reference/seeds)', () => {
  let seed0: ExtractedDocument;
  let seed1: ExtractedDocument;
  let read: Map<string, SourceDocument>;

  beforeAll(async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-seeds-'));
    const r = spawnSync(process.execPath, [CLI, 'extract', '--format', 'json', dir], {
      encoding: 'utf8',
      env: { ...process.env, CYBERCLAIMS_DB: path.join(tmp, 'x.db'), NO_COLOR: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as ExtractOutput;
    const bySeed = (n: string): ExtractedDocument => {
      const d = out.documents.find(
        (x) => path.basename(x.source).startsWith(`${n}_`) || path.basename(x.source) === `${n}.txt`,
      );
      if (!d) throw new Error(`seed ${n} missing from the output`);
      return d;
    };
    seed0 = bySeed('000');
    seed1 = bySeed('001');
    read = new Map();
    for await (const x of readInputs([dir])) {
      if (x.kind === 'document') read.set(x.doc.source, x.doc);
    }
  });

  it('000: MSS accuses ICEFCOM, four individuals, intrusion and disinformation', () => {
    const cs = claimsOf(seed0, MSS, ICEFCOM);
    expect(cs.length, summary(seed0)).toBeGreaterThan(0);
    const c = cs.find((x) => x.individualsNamed === 4);
    expect(c, summary(seed0)).toBeDefined();
    expect(c!.operations).toEqual(expect.arrayContaining(['intrusion', 'disinformation']));
  });

  it('001: MSS accuses ICEFCOM / the Taiwan Information and Communications Army, three individuals', () => {
    const cs = claimsOf(
      seed1,
      MSS,
      /ICEFCOM|Information, Communications and Electronic Force Command|Taiwan Information and Communications Army/,
    );
    expect(cs.length, summary(seed1)).toBeGreaterThan(0);
    expect(
      cs.some((c) => c.individualsNamed === 3),
      summary(seed1),
    ).toBe(true);
  });

  it('001: a claim accuses RedJuliett', () => {
    expect(
      seed1.claims.some((c) => c.accused.some((a) => is(a, /RedJuliett/))),
      summary(seed1),
    ).toBe(true);
  });

  it('001: the Information and Communications Army denies', () => {
    const denials = seed1.responses.filter(
      (r) => r.type === 'denial' && is(r.by, /Information and Communications Army|ICEFCOM/),
    );
    expect(denials.length, JSON.stringify(seed1.responses)).toBeGreaterThan(0);
    const ids = seed1.claims.map((c) => c.id);
    for (const r of denials) if (r.claim !== null) expect(ids).toContain(r.claim);
  });

  it('000: no response yet from a Taiwanese party', () => {
    expect(
      seed0.responses.some((r) => r.type === 'no-response' && r.by.country === 'TW'),
      JSON.stringify(seed0.responses),
    ).toBe(true);
  });

  it('titles: 000 has one, 001 has none', () => {
    expect(seed0.title).toMatch(/Beijing Accuses Taiwanese Defense Officials/);
    expect(seed1.title).toBeNull();
  });

  it('page furniture is gone from the text the evidence points into', () => {
    expect(read.size).toBe(2);
    for (const doc of read.values()) {
      expect(doc.text).not.toContain('Exit mobile version');
      expect(doc.text).not.toMatch(/^Share\.$/m);
      expect(doc.text.trimEnd()).not.toMatch(/Reference:$/);
      const extracted = [seed0, seed1].find((d) => d.source === doc.source);
      expect(extracted).toBeDefined();
      for (const c of extracted!.claims)
        for (const e of c.evidence) expect(e.text).toBe(doc.text.slice(e.start, e.end));
      for (const r of extracted!.responses)
        for (const e of r.evidence) expect(e.text).toBe(doc.text.slice(e.start, e.end));
    }
  });

  it('the two seeds are two MSS → ICEFCOM incidents (three people named in one, four in the other)', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-seeds-inc-'));
    const db = path.join(tmp, 'seeds.db');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args, '--db', db], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    expect(run(['ingest', '--quiet', dir]).status).toBe(0);
    const r = run(['incidents', '--format', 'json', '--actor', 'ICEFCOM']);
    expect(r.status).toBe(0);
    const incidents = (
      JSON.parse(r.stdout) as {
        incidents: {
          claimant: Party;
          sources: { document: string }[];
          comparison: { attribute: string; values: { value: unknown }[] }[];
        }[];
      }
    ).incidents.filter((i) => is(i.claimant, MSS));
    // one incident per report: different wording, different counts, nothing to join them
    const bySeed = new Map<string, number>();
    for (const i of incidents)
      for (const s of i.sources)
        bySeed.set(
          path.basename(s.document).slice(0, 3),
          (bySeed.get(path.basename(s.document).slice(0, 3)) ?? 0) + 1,
        );
    expect([...bySeed.keys()].sort()).toEqual(['000', '001']);
    expect(incidents.every((i) => new Set(i.sources.map((s) => s.document)).size === 1)).toBe(true);
    const counts = incidents.flatMap((i) =>
      i.comparison
        .filter((c) => c.attribute === 'individualsNamed')
        .flatMap((c) => c.values.map((v) => v.value)),
    );
    expect(counts).toEqual(expect.arrayContaining([3, 4]));
  });
});
