import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Claim, ExtractedDocument, ExtractOutput, Party, Response } from '../src/types.js';
import { loadGold, normaliseName, prf, report, sameParty, score, summaryLine } from './score.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GOLD = path.join(repoRoot, 'test', 'fixtures', 'score');
const REFERENCE = path.resolve(repoRoot, '..', 'shared', 'tools', 'score-extraction.mjs');

const party = (name: string, country: string | null, aliases: string[] = []): Party => ({
  name,
  id: null,
  country,
  kind: 'unknown',
  aliases,
});

function claim(id: string, claimant: Party, accused: Party[], more: Partial<Claim> = {}): Claim {
  return {
    id,
    type: 'accusation',
    claimant,
    accused,
    operations: [],
    sectors: [],
    targetCountries: [],
    individualsNamed: null,
    period: null,
    hedged: false,
    evidence: [{ text: 'x', start: 0, end: 1 }],
    techniques: [],
    ...more,
  };
}

const doc = (source: string, claims: Claim[], responses: Response[] = []): ExtractedDocument => ({
  source,
  title: null,
  outlet: null,
  published: null,
  claims,
  responses,
});

/**
 * Hand-made predictions for test/fixtures/score. What each should score:
 * 001: NCSC → GRU matches the required accusation; UK → "Russian hackers" matches only the optional one
 *      (by country), so it is neither a hit nor a false positive; the Kremlin's unlinked denial is
 *      matched to the GRU by country.
 * 002: Microsoft → Volt Typhoon matches; Microsoft → "Chinese hackers" is a duplicate by name (fp) but
 *      matches CISA → Volt Typhoon by country (US → CN); CISA → Volt Typhoon is missed by name (fn). The
 *      denial answers c2 explicitly, so c1 counts as not denied.
 * 003: the negative document gets one claim: fp for both metrics.
 */
const PREDICTIONS: ExtractOutput = {
  version: 1,
  documents: [
    doc(
      'some/where/001.txt',
      [
        claim(
          'c1',
          party('National Cyber Security Centre', 'GB', ['NCSC']),
          [party('Main Directorate of the General Staff', 'RU', ['GRU'])],
          {
            operations: ['intrusion', 'phishing'],
            sectors: ['government'],
            individualsNamed: 2,
          },
        ),
        claim('c2', party('United Kingdom', 'GB'), [party('Russian hackers', 'RU')], {
          operations: ['intrusion'],
        }),
      ],
      [{ type: 'denial', by: party('Kremlin', 'RU'), claim: null, evidence: [] }],
    ),
    doc(
      '002.txt',
      [
        claim('c1', party('Microsoft', 'US'), [party('Volt Typhoon', 'CN')], {
          operations: ['intrusion', 'disruption'],
          sectors: ['water'],
        }),
        claim('c2', party('Microsoft', 'US'), [party('Chinese hackers', 'CN')], {
          operations: ['intrusion'],
        }),
      ],
      [{ type: 'denial', by: party('China', 'CN'), claim: 'c2', evidence: [] }],
    ),
    doc('003.txt', [claim('c1', party('trade minister', null), [party('neighbouring country', null)])]),
  ],
};

const EMPTY: ExtractOutput = { version: 1, documents: [] };

describe('score', () => {
  const gold = loadGold(GOLD);

  it('loads the gold folder', () => {
    expect(gold.map((g) => g.file)).toEqual(['001.txt', '002.txt', '003.txt']);
    expect(gold.map((g) => g.accusations.length)).toEqual([2, 2, 0]);
  });

  it('counts exactly what was computed by hand', () => {
    const s = score(gold, PREDICTIONS);
    expect(s.documents).toBe(3);
    expect(s.missing).toBe(0);
    expect(s.strict).toEqual({ tp: 2, fp: 2, fn: 1 });
    expect(s.country).toEqual({ tp: 3, fp: 1, fn: 0 });
    expect(s.operations).toEqual({ tp: 2, fp: 2, fn: 2 });
    expect(s.sectors).toEqual({ tp: 2, fp: 0, fn: 1 });
    expect(s.individuals).toEqual({ right: 1, total: 2 });
    expect(s.denials).toEqual({ right: 2, total: 2 });
    expect(s.negativesWithClaims).toEqual(['003.txt']);
    expect(s.perDocument).toEqual([
      { file: '001.txt', tp: 1, fp: 0, fn: 0 },
      { file: '002.txt', tp: 1, fp: 1, fn: 1 },
      { file: '003.txt', tp: 0, fp: 1, fn: 0 },
    ]);
    expect(summaryLine(s)).toBe('SUMMARY strictF1=0.571 countryF1=0.857 opsF1=0.500 sectorsF1=0.800');
    expect(report(s).at(-1)).toBe(summaryLine(s));
  });

  it('a denial linked to another claim does not deny this one; an unlinked one matches by country', () => {
    const flipped: ExtractOutput = {
      version: 1,
      documents: PREDICTIONS.documents.map((d) =>
        d.source === '002.txt'
          ? { ...d, responses: [{ type: 'denial', by: party('China', 'CN'), claim: null, evidence: [] }] }
          : d,
      ),
    };
    // unlinked, China (CN) now denies Volt Typhoon (CN) by country: the gold says "not denied"
    expect(score(gold, flipped).denials).toEqual({ right: 1, total: 2 });
  });

  it('an empty prediction scores 0, never 1', () => {
    const s = score(gold, EMPTY);
    expect(s.missing).toBe(3);
    expect(s.strict).toEqual({ tp: 0, fp: 0, fn: 3 });
    expect(s.country).toEqual({ tp: 0, fp: 0, fn: 3 });
    expect(s.negativesWithClaims).toEqual([]);
    expect(summaryLine(s)).toBe('SUMMARY strictF1=0.000 countryF1=0.000 opsF1=0.000 sectorsF1=0.000');
    // only negatives and nothing predicted: nothing to be right about, still 0
    const negatives = gold.filter((g) => g.accusations.length === 0);
    expect(prf(score(negatives, EMPTY).strict)).toEqual({ p: 0, r: 0, f: 0 });
  });

  it('names match by normal form or as whole words of 4+ characters', () => {
    expect(normaliseName('The UK’s “National Cyber Security Centre”')).toBe(
      'uk national cyber security centre',
    );
    expect(sameParty({ name: 'ICEFCOM cyber warfare unit' }, { name: 'ICEFCOM' })).toBe(true);
    expect(sameParty({ name: 'GRU unit' }, { name: 'GRU' })).toBe(false); // 3 characters: too short to contain
    expect(sameParty({ name: 'Main Directorate', aliases: ['GRU'] }, { name: 'gru' })).toBe(true);
    expect(
      sameParty(
        { name: 'Microsoft' },
        { name: 'Cybersecurity and Infrastructure Security Agency', aliases: ['CISA'] },
      ),
    ).toBe(false);
  });
});

describe.skipIf(!fs.existsSync(REFERENCE))('agrees with the reference scorer', () => {
  it.each([
    ['hand-made predictions', PREDICTIONS],
    ['empty predictions', EMPTY],
  ])('%s: same SUMMARY line', (_name, predictions) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-score-'));
    const file = path.join(tmp, 'pred.json');
    fs.writeFileSync(file, JSON.stringify(predictions));
    const r = spawnSync(process.execPath, [REFERENCE, GOLD, file], {
      encoding: 'utf8',
      env: { ...process.env, SCORE_EVENTS_OUT: path.join(tmp, 'events.json') },
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const ours = score(loadGold(GOLD), predictions);
    expect(lines.at(-1)).toBe(summaryLine(ours));
    expect(r.stdout).toMatch(
      new RegExp(`individuals named, exact:\\s+${ours.individuals.right}/${ours.individuals.total}`),
    );
    expect(r.stdout).toMatch(
      new RegExp(`denial detected correctly:\\s+${ours.denials.right}/${ours.denials.total}`),
    );
    expect(r.stdout).toContain(`(tp=${ours.strict.tp} fp=${ours.strict.fp} fn=${ours.strict.fn})`);
  });
});
