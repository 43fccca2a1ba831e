import { describe, expect, it } from 'vitest';
import type { Party, Response } from '../types.js';
import { groupClaims } from './group.js';
import { gradeIncident, toIncident } from './grade.js';
import { syndicationGroupId, wordSignature } from './minhash.js';
import { neighbourIndex, neighbourOf } from './neighbours.js';
import { buildRegistry } from './outlets.js';
import type { ClaimRecord, IncidentRecord, OutletEntry } from './types.js';

const MSS: Party = {
  name: 'Ministry of State Security',
  id: 'cn-mss',
  country: 'CN',
  kind: 'government-agency',
  aliases: ['MSS'],
};
const ICEFCOM: Party = {
  name: 'Information, Communications and Electronic Force Command',
  id: 'tw-icefcom',
  country: 'TW',
  kind: 'military-unit',
  aliases: ['ICEFCOM'],
};
const ICEFCOM_OTHER_NAME: Party = { ...ICEFCOM, aliases: ['Taiwan Information and Communications Army'] };
const TAIWAN: Party = { name: 'Taiwan', id: 'tw', country: 'TW', kind: 'state', aliases: ['Taiwan'] };
const MICROSOFT: Party = {
  name: 'Microsoft',
  id: 'org-microsoft',
  country: 'US',
  kind: 'company',
  aliases: [],
};
const NSA: Party = {
  name: 'National Security Agency',
  id: 'us-nsa',
  country: 'US',
  kind: 'government-agency',
  aliases: ['NSA'],
};
const VOLT: Party = {
  name: 'Volt Typhoon',
  id: 'tg-volt-typhoon',
  country: 'CN',
  kind: 'threat-group',
  aliases: [],
};

const STORY_2025 =
  'The Ministry of State Security named four members of the ICEFCOM internet analytical centre, publishing photographs, and said they attacked water, electricity and gas systems and spread disinformation on social media.';
const STORY_2024 =
  'The ministry said the Anonymous 64 group hijacked outdoor screens and websites in Hong Kong and Macau and named three members of the unit behind it.';
const UNRELATED =
  'Quarterly revenue at the chipmaker rose on demand for servers, while analysts expect tariffs to weigh on margins next year.';

let n = 0;
/** A claim record as the store would hand it to grouping. */
function rec(
  over: Partial<ClaimRecord> & { text?: string; responses?: ClaimRecord['responses'] } = {},
): ClaimRecord {
  n++;
  const documentId = over.documentId ?? `doc-${String(n).padStart(16, '0')}`;
  const { text, ...rest } = over;
  return {
    kind: 'claim-record',
    storedId: `${documentId}:c1`,
    documentId,
    claimId: 'c1',
    source: `samples/${n}.txt`,
    outlet: null,
    published: null,
    claimant: MSS,
    accused: [ICEFCOM],
    operations: ['intrusion', 'disinformation'],
    sectors: [],
    targetCountries: ['CN'],
    individualsNamed: null,
    period: null,
    hedged: false,
    evidenceText: text ?? STORY_2025,
    techniques: [],
    responses: [],
    syndicationGroup: syndicationGroupId([documentId]),
    words: wordSignature(text ?? STORY_2025),
    ...rest,
  };
}

const denial = (by: Party = TAIWAN): Response & { claim: string } => ({
  type: 'denial',
  by,
  claim: 'c1',
  evidence: [],
});

const REGISTRY = buildRegistry([
  { domain: 'gov.cn', type: 'official', country: 'CN', reliability: 'F' },
  { domain: 'mss.gov.cn', type: 'official', country: 'CN', party: 'cn-mss', reliability: 'F' },
  { domain: 'globaltimes.cn', type: 'state-media', country: 'CN', reliability: 'F' },
  { domain: 'wire.example', type: 'wire', reliability: 'B' },
] satisfies OutletEntry[]);

function grade(inc: IncidentRecord, all: readonly IncidentRecord[] = [inc], window = 21) {
  const index = neighbourIndex(all.map(neighbourOf), window);
  return gradeIncident(inc, index.for(inc), REGISTRY, window);
}

describe('grouping', () => {
  it('the seed case: two reports of the MSS naming ICEFCOM officers are one incident, 4 vs 3 a conflict', () => {
    const a = rec({ published: '2025-03-17', outlet: 'a.example', individualsNamed: 4 });
    const b = rec({
      published: '2025-03-18',
      outlet: 'b.example',
      individualsNamed: 3,
      accused: [ICEFCOM_OTHER_NAME],
      text: STORY_2025.replace('four', 'three'),
    });
    const incidents = groupClaims([b, a], { windowDays: 21 });
    expect(incidents).toHaveLength(1);
    const inc = incidents[0]!;
    expect(inc.id).toMatch(/^inc-[0-9a-f]{16}$/);
    expect(inc.firstReported).toBe('2025-03-17');
    expect(inc.independentSources).toBe(2);
    expect(inc.sources.map((s) => s.document)).toEqual([a.source, b.source]);
    expect(inc.sources[0]!.reason).toMatch(/first report/);
    expect(inc.sources[1]!.reason).toMatch(/1 day after the first report .*21-day window/);

    const named = inc.comparison.find((r) => r.attribute === 'individualsNamed')!;
    expect(named.conflict).toBe(true);
    expect(named.values).toEqual([
      { value: 4, sources: [a.source] },
      { value: 3, sources: [b.source] },
    ]);
    expect(named.note).toBe('individuals named: 4 (a.example) vs 3 (b.example)');

    // one actor under two names: aliases, not a conflict
    const accused = inc.comparison.find((r) => r.attribute === 'accused')!;
    expect(accused.values.map((v) => v.value)).toEqual([
      'ICEFCOM',
      'Taiwan Information and Communications Army',
    ]);
    expect(accused.conflict).toBe(false);
    expect(accused.note).toMatch(/aliases, not a disagreement/);
    expect(inc.accused[0]!.aliases).toEqual(['ICEFCOM', 'Taiwan Information and Communications Army']);
    expect(inc.comparison.find((r) => r.attribute === 'claimant')!.values).toHaveLength(1);
    expect(inc.comparison.find((r) => r.attribute === 'operations')!.conflict).toBe(false);
  });

  it('two events between the same parties months apart stay two incidents', () => {
    const sept = rec({ published: '2024-09-23', individualsNamed: 3, text: STORY_2024 });
    const sept2 = rec({ published: '2024-09-24', individualsNamed: 3, text: STORY_2024 });
    const march = rec({ published: '2025-03-17', individualsNamed: 4 });
    const incidents = groupClaims([march, sept2, sept], { windowDays: 21 });
    expect(incidents).toHaveLength(2);
    expect(incidents.map((i) => i.firstReported)).toEqual(['2024-09-23', '2025-03-17']);
    expect(incidents[0]!.sources).toHaveLength(2);
    expect(incidents[1]!.sources[0]!.reason).toMatch(
      /175 days after .*beyond the 21-day window, so a separate event/,
    );
    expect(new Set(incidents.map((i) => i.id)).size).toBe(2);
    // a window long enough joins them: the window is a setting, not a constant
    expect(groupClaims([march, sept2, sept], { windowDays: 200 })).toHaveLength(1);
  });

  it('anchors the window on the first report, so a steady stream does not chain into one incident', () => {
    const days = ['2024-01-01', '2024-01-15', '2024-01-29', '2024-02-12'];
    const incidents = groupClaims(
      days.map((d) => rec({ published: d })),
      { windowDays: 21 },
    );
    expect(incidents.map((i) => i.sources.length)).toEqual([2, 2]);
  });

  it('undated documents join the incident their text resembles, when an attribute agrees too', () => {
    const sept = rec({ published: '2024-09-23', individualsNamed: 3, text: STORY_2024 });
    const march = rec({ published: '2025-03-17', individualsNamed: 4 });
    const undatedMarch = rec({ individualsNamed: 4, text: `${STORY_2025} Taipei rejected the claims.` });
    const undatedOther = rec({ operations: ['espionage'], targetCountries: [], text: UNRELATED });
    const incidents = groupClaims([undatedOther, march, undatedMarch, sept], { windowDays: 21 });
    const withMarch = incidents.find((i) => i.firstReported === '2025-03-17')!;
    expect(withMarch.sources.map((s) => s.document)).toEqual([march.source, undatedMarch.source]);
    expect(withMarch.sources[1]!.reason).toMatch(
      /^undated; its text resembles .* \(word similarity 0\.\d\d\) and it agrees on/,
    );
    const alone = incidents.find((i) => i.sources.some((s) => s.document === undatedOther.source))!;
    expect(alone.sources).toHaveLength(1);
    expect(alone.firstReported).toBeNull();
    expect(alone.sources[0]!.reason).toMatch(/kept as its own incident/);
    expect(incidents).toHaveLength(3);
  });

  it('syndicated copies count as one independent source', () => {
    const wire = rec({ published: '2025-03-17', outlet: 'wire.example' });
    const copy = rec({
      published: '2025-03-17',
      outlet: 'paper.example',
      syndicationGroup: wire.syndicationGroup,
    });
    const own = rec({ published: '2025-03-19', outlet: 'other.example' });
    const [inc] = groupClaims([wire, copy, own], { windowDays: 21 });
    expect(inc!.sources).toHaveLength(3);
    expect(inc!.independentSources).toBe(2);
    expect(inc!.sources[0]!.syndicationGroup).toBe(inc!.sources[1]!.syndicationGroup);
  });

  it('never groups claims with different parties', () => {
    const incidents = groupClaims(
      [
        rec({ published: '2025-03-17' }),
        rec({ published: '2025-03-17', claimant: TAIWAN, accused: [MSS] }),
        rec({ published: '2025-03-17', accused: [ICEFCOM, TAIWAN] }),
      ],
      { windowDays: 21 },
    );
    expect(incidents).toHaveLength(3);
  });

  it('groups a state body with reports that also name its front group or officers, not its state', () => {
    const persona: Party = {
      name: 'Anonymous 64',
      id: 'tg-anonymous-64',
      country: 'TW',
      kind: 'threat-group',
      aliases: [],
    };
    const officer: Party = { name: 'Wang Ming', id: null, country: 'TW', kind: 'person', aliases: [] };
    const incidents = groupClaims(
      [
        rec({ published: '2025-03-17' }),
        rec({ published: '2025-03-18', accused: [persona, ICEFCOM] }),
        rec({ published: '2025-03-19', accused: [ICEFCOM, officer] }),
        rec({ published: '2025-03-19', accused: [persona] }),
      ],
      { windowDays: 21 },
    );
    expect(incidents.map((i) => i.sources.length).sort()).toEqual([1, 3]);
  });

  it('takes unknown actors of one country and kind as one party', () => {
    const hackers = (name: string): Party => ({
      name,
      id: null,
      country: 'CN',
      kind: 'threat-group',
      aliases: [name],
    });
    const incidents = groupClaims(
      [
        rec({ published: '2025-01-10', claimant: MICROSOFT, accused: [hackers('Chinese hackers')] }),
        rec({
          published: '2025-01-12',
          claimant: MICROSOFT,
          accused: [hackers('Chinese state-backed actors')],
        }),
      ],
      { windowDays: 21 },
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.accusedKeys).toEqual(['~CN:threat-group']);
    const row = incidents[0]!.comparison.find((r) => r.attribute === 'accused')!;
    expect(row.conflict).toBe(false);
    expect(row.note).toMatch(/taken as one by country and kind/);
  });

  it('gives the same incidents whatever order the claims come in', () => {
    const claims = [
      rec({ published: '2024-09-23', text: STORY_2024 }),
      rec({ published: '2024-09-30', text: STORY_2024 }),
      rec({ published: '2025-03-17' }),
      rec({ individualsNamed: 4 }),
      rec({ text: UNRELATED, operations: ['espionage'], targetCountries: [] }),
    ];
    const a = groupClaims(claims, { windowDays: 21 });
    const b = groupClaims([...claims].reverse(), { windowDays: 21 });
    expect(b).toEqual(a);
  });
});

describe('comparison', () => {
  it('flags operations with nothing in common, denial against confirmation, and years that differ', () => {
    const a = rec({
      published: '2025-03-17',
      operations: ['disinformation'],
      period: 'since at least 2023',
      responses: [denial()],
    });
    const b = rec({
      published: '2025-03-18',
      operations: ['espionage'],
      period: 'since 2021',
      responses: [{ type: 'confirmation', by: TAIWAN, claim: 'c1' }],
    });
    const [inc] = groupClaims([a, b], { windowDays: 21 });
    const row = (attr: string) => inc!.comparison.find((r) => r.attribute === attr)!;
    expect(row('operations').conflict).toBe(true);
    expect(row('period').conflict).toBe(true);
    expect(row('denial').conflict).toBe(true);
    expect(row('denial').values.map((v) => v.value)).toEqual(['denied', 'confirmed']);
    expect(row('published').conflict).toBe(false);
    expect(row('published').note).toMatch(/span 1 day,/);
    expect(inc!.comparison.some((r) => r.attribute === 'sectors')).toBe(false);
  });
});

describe('grades', () => {
  it("an accusation only the accuser's own statement and outlets repeating it carry has low credibility, and says so", () => {
    const own = rec({ published: '2025-03-17', outlet: 'mss.gov.cn', responses: [] });
    const stateMedia = rec({ published: '2025-03-17', outlet: 'www.globaltimes.cn', hedged: false });
    const repeat1 = rec({
      published: '2025-03-18',
      outlet: 'paper.example',
      hedged: true,
      responses: [denial()],
    });
    const repeat2 = rec({ published: '2025-03-19', outlet: 'daily.example', hedged: true });
    const [inc] = groupClaims([own, stateMedia, repeat1, repeat2], { windowDays: 21 });
    const g = grade(inc!);
    expect(g.grade.credibility).toBeGreaterThanOrEqual(4);
    expect(g.grade.reliability).toBe('F');
    const text = g.grade.reasons.join(' ');
    expect(text).toMatch(
      /2 are the accuser's own statement or its state's media \(mss\.gov\.cn and globaltimes\.cn\)/,
    );
    expect(text).toMatch(/only the accusing side asserts it, and the outlets only repeat it/);
    expect(text).toMatch(/Denied by the accused side \(Taiwan/);
    expect(text).toMatch(/No evidence disclosed/);
    expect(text).toMatch(
      /Credibility 5 \(improbable\): asserted only by the accusing side, and denied by the accused/,
    );
    expect(g.basis).toBe('state');
  });

  it('the seed case: evidence disclosed but uncorroborated and denied stays doubtful', () => {
    const a = rec({
      published: '2025-03-17',
      outlet: 'a.example',
      individualsNamed: 4,
      responses: [denial()],
    });
    const b = rec({ published: '2025-03-18', outlet: 'b.example', individualsNamed: 3 });
    const [inc] = groupClaims([a, b], { windowDays: 21 });
    const g = grade(inc!);
    expect(g.grade.credibility).toBe(4);
    expect(g.grade.reasons.join(' ')).toMatch(/individuals named \(the sources disagree: 4 vs 3\)/);
  });

  it('corroboration by parties other than the accuser or its state raises credibility', () => {
    const ms = rec({ published: '2023-05-24', claimant: MICROSOFT, accused: [VOLT], outlet: 'wire.example' });
    const ms2 = rec({
      published: '2023-05-25',
      claimant: MICROSOFT,
      accused: [VOLT],
      outlet: 'other.example',
    });
    // the NSA is the state of a US accuser: it does not count as independent of it
    const nsa = rec({ published: '2023-05-24', claimant: NSA, accused: [VOLT] });
    const alone = groupClaims([ms, ms2, nsa], { windowDays: 21 });
    expect(
      grade(
        alone.find((i) => i.claimantKey === 'org-microsoft')!,
        alone,
      ).grade.credibility,
    ).toBe(4);

    const NCSC: Party = {
      name: 'National Cyber Security Centre',
      id: 'gb-ncsc',
      country: 'GB',
      kind: 'government-agency',
      aliases: [],
    };
    const ncsc = rec({ published: '2023-05-25', claimant: NCSC, accused: [VOLT] });
    const later = rec({ published: '2024-02-01', claimant: NCSC, accused: [VOLT] });
    const all = groupClaims([ms, ms2, nsa, ncsc, later], { windowDays: 21 });
    const msInc = all.find((i) => i.claimantKey === 'org-microsoft')!;
    const g = grade(msInc, all);
    expect(g.grade.reasons.join(' ')).toMatch(
      /Also asserted within 21 days by 1 party independent of the accuser: National Cyber Security Centre \(GB\)\./,
    );
    expect(g.grade.credibility).toBe(2);
    expect(g.grade.reliability).toBe('B');
    expect(g.grade.reasons[0]).toMatch(
      /Reliability B \(usually reliable\): the best-rated source is wire\.example/,
    );
    expect(g.basis).toBe('it-security');
  });

  it('a denial with a counter-accusation makes the basis contested', () => {
    const acc = rec({ published: '2024-04-01', claimant: NSA, accused: [VOLT], responses: [denial(VOLT)] });
    const china: Party = { name: 'China', id: 'cn', country: 'CN', kind: 'state', aliases: [] };
    const counter = rec({ published: '2024-04-10', claimant: china, accused: [NSA] });
    const all = groupClaims([acc, counter], { windowDays: 21 });
    const inc = all.find((i) => i.claimantKey === 'us-nsa')!;
    expect(grade(inc, all).basis).toBe('contested');
  });

  it('indictments make the basis legal; every grade has reasons; the contract object has its fields', () => {
    const doj: Party = {
      name: 'Justice Department',
      id: 'us-doj',
      country: 'US',
      kind: 'government-agency',
      aliases: [],
    };
    const a = rec({
      published: '2024-03-25',
      claimant: doj,
      accused: [MSS],
      text: 'Prosecutors unsealed an indictment charging seven hackers.',
      evidenceText: 'Prosecutors unsealed an indictment charging seven hackers.',
      individualsNamed: 7,
    });
    const [inc] = groupClaims([a], { windowDays: 21 });
    const g = grade(inc!);
    expect(g.basis).toBe('legal');
    expect(g.grade.reasons.length).toBeGreaterThanOrEqual(4);
    for (const r of g.grade.reasons) expect(r).toMatch(/^[A-Z0-9].*\.$/);
    const out = toIncident(inc!, g);
    expect(Object.keys(out)).toEqual([
      'id',
      'claimant',
      'accused',
      'operations',
      'sectors',
      'firstReported',
      'sources',
      'independentSources',
      'comparison',
      'basis',
      'grade',
    ]);
    expect(Object.keys(out.sources[0]!)).toEqual(
      expect.arrayContaining(['document', 'claim', 'outlet', 'published', 'syndicationGroup']),
    );
  });
});
