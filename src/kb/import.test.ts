import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CyberclaimsError } from '../errors.js';
import { analyse } from '../nlp/index.js';
import { splitNames } from './import.js';
import {
  aliasKey,
  buildKnowledgeBase,
  builtinEntries,
  commonWords,
  countryIndex,
  findEntries,
  importCatalogue,
  loadKnowledgeBase,
  matchTokens,
  mergeImport,
  packageRoot,
  parseAttackBundle,
  parseMispGalaxy,
  readJsonFile,
  readKbFile,
  resolveCountry,
  screenAlias,
  searchKb,
  summariseImport,
  writeKbFile,
  type ImportOutcome,
  type ImportResult,
  type KbEntry,
  type KnowledgeBase,
} from './index.js';

const root = packageRoot();
const FIXTURES = path.join(root, 'test', 'fixtures', 'kb');
const THREAT_ACTORS = path.join(FIXTURES, 'misp-threat-actor.json');
const AGENCIES = path.join(FIXTURES, 'misp-intelligence-agencies.json');
const ATTACK = path.join(FIXTURES, 'attack-bundle.json');
const MALFORMED = path.join(FIXTURES, 'malformed-misp.json');

const builtin = builtinEntries();
const countries = countryIndex(builtin);
const tmpDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'cc-kb-import-'));

const importMisp = (file: string, user: readonly KbEntry[] = []): ImportResult =>
  mergeImport(parseMispGalaxy(readJsonFile(file), file, countries), builtin, user);
const entry = (r: ImportResult, id: string): KbEntry | undefined => r.entries.find((e) => e.id === id);
const outcome = (r: ImportResult, name: string): ImportOutcome => r.outcomes.find((o) => o.name === name)!;

/** The CyberclaimsError `fn` throws. */
function failure(fn: () => unknown): CyberclaimsError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CyberclaimsError);
    return e as CyberclaimsError;
  }
  throw new Error('expected a CyberclaimsError, nothing was thrown');
}

/** Knowledge-base matches in `text`, as [matched text, candidate ids]. */
function matches(kb: KnowledgeBase, text: string): [string, string[]][] {
  const a = analyse(text);
  return matchTokens(kb.root, kb.entries, a.tokens).map((m) => [
    text.slice(a.tokens[m.start]!.start, a.tokens[m.end - 1]!.end),
    m.candidates.map((c) => c.id),
  ]);
}

describe('screenAlias', () => {
  it.each([
    ['Sofacy', 'keep', false],
    ['Fancy Bear', 'keep', false],
    ['APT28', 'keep', true],
    ['FSB', 'keep', true],
    ['MERCURY', 'keep', true], // capitals: matched with exact case only
    ['BlackJack', 'keep', true], // an inner capital marks a coined name
    ['Operation Triangulation', 'keep', false],
    ['Unit 8200', 'keep', false],
    ['Silence', 'common word', false],
    ['mask', 'common word', false],
    ['Play', 'common word', false],
    ['sticky note', 'common word', false],
    ['GL', 'too short', false],
    ['G3', 'too short', false],
    ['Group 3', 'generic', false],
    ['Team 12', 'generic', false],
    ['Unknown', 'generic', false],
    ['Unnamed group', 'generic', false],
    ['UPS', 'generic', false],
    ['GOP', 'generic', false],
    ['61398', 'generic', false],
  ])('%s → %s', (alias, verdict, caseSensitive) => {
    const v = screenAlias(alias);
    if (verdict === 'keep') {
      expect(v).toEqual({ kind: 'keep', alias, caseSensitive });
    } else {
      expect(v).toEqual({ kind: 'drop', alias, reason: verdict });
    }
  });

  it('cleans white space before judging', () => {
    expect(screenAlias('  Fancy   Bear ')).toEqual({
      kind: 'keep',
      alias: 'Fancy Bear',
      caseSensitive: false,
    });
  });

  it('the common-word list is large and lower case', () => {
    const words = commonWords();
    expect(words.size).toBeGreaterThan(30_000);
    for (const w of ['silence', 'mask', 'play', 'snake', 'equation']) expect(words.has(w), w).toBe(true);
    for (const w of ['sofacy', 'turla', 'kimsuky', 'lazarus']) expect(words.has(w), w).toBe(false);
  });
});

describe('resolveCountry and splitNames', () => {
  it.each([
    ['CN', 'CN'],
    ['ru', 'RU'],
    ['China', 'CN'],
    ['Russian Federation', 'RU'],
    ['Iran (Islamic Republic of)', 'IR'],
    ["Korea (Democratic People's Republic of)", 'KP'],
    ['Korea (Republic of)', 'KR'],
    ['UK', 'GB'],
    ['the Gambia', 'GM'],
    ['Unknown', null],
    ['', null],
    [42, null],
  ])('%s → %s', (raw, cc) => {
    expect(resolveCountry(raw, countries)).toBe(cc);
  });

  it.each([
    ['Suojelupoliisi / Skyddspolisen', false, ['Suojelupoliisi', 'Skyddspolisen']],
    ['Sous-direction anti-terroriste (SDAT)', false, ['Sous-direction anti-terroriste', 'SDAT']],
    ['Strategic Services Agency (SSA)[28]', false, ['Strategic Services Agency', 'SSA']],
    [
      'es:Secretaría de Inteligencia Estratégica de Estado',
      false,
      ['Secretaría de Inteligencia Estratégica de Estado'],
    ],
    ['NoName057(16)', false, ['NoName057(16)']],
    ['APT-C-38 (QiAnXin)', false, ['APT-C-38 (QiAnXin)']],
    ['Directorate - Dirección Nacional (DNII)', true, ['Directorate', 'Dirección Nacional', 'DNII']],
    ['Directorate - Dirección Nacional', false, ['Directorate - Dirección Nacional']],
  ])('%s', (raw, hyphens, names) => {
    expect(splitNames(raw, hyphens)).toEqual(names);
  });
});

describe('importing a MISP threat-actor cluster', () => {
  const r = importMisp(THREAT_ACTORS);

  it('reads every value', () => {
    const records = parseMispGalaxy(readJsonFile(THREAT_ACTORS), THREAT_ACTORS, countries);
    expect(records).toHaveLength(6);
    expect(records.every((x) => x.kind === 'import-candidate')).toBe(true);
    expect(r.outcomes).toHaveLength(6);
  });

  it('merges a known group into the built-in entry: new aliases only, id, kind and country kept', () => {
    expect(outcome(r, 'APT28')).toMatchObject({
      status: 'merged',
      id: 'tg-apt28',
      aliasesAdded: ['Ochre Hussar'],
    });
    const apt28 = entry(r, 'tg-apt28')!;
    const before = builtin.find((e) => e.id === 'tg-apt28')!;
    expect(apt28).toMatchObject({ name: before.name, kind: before.kind, country: 'RU' });
    expect(apt28.aliases).toEqual([...before.aliases, 'Ochre Hussar']);
    expect(apt28.origin).toBeUndefined();
  });

  it('drops an alias of another entry, generic labels and common words, saying why', () => {
    expect(outcome(r, 'APT28').aliasesDropped).toEqual([
      { alias: 'Cozy Bear', reason: 'names another entry' }, // APT29's
      { alias: 'Group 74', reason: 'generic' },
      { alias: 'Snake', reason: 'common word' },
    ]);
    expect(outcome(r, 'Glass Lantern').aliasesDropped).toEqual([
      { alias: 'Mask', reason: 'common word' },
      { alias: 'UPS', reason: 'generic' },
      { alias: 'Group 7', reason: 'generic' },
      { alias: 'GL', reason: 'too short' },
      { alias: 'Iran', reason: 'names another entry' },
      { alias: 'Unknown', reason: 'generic' },
    ]);
  });

  it('adds a new group with a country from the CFR sponsor field and an exact-case all-capitals alias', () => {
    expect(outcome(r, 'Glass Lantern')).toMatchObject({ status: 'added', id: 'misp-glass-lantern' });
    expect(entry(r, 'misp-glass-lantern')).toEqual({
      id: 'misp-glass-lantern',
      name: 'Glass Lantern',
      kind: 'threat-group',
      country: 'IR',
      aliases: ['Storm-9901', 'LANTERN'],
      caseSensitive: ['LANTERN'],
    });
  });

  it('a common-word synonym does not merge a group into the entry that has that word ("Mask", Careto)', () => {
    expect(entry(r, 'tg-careto')).toBeUndefined();
  });

  it('finds an entry through an alias, and merges a second row of the same group into the first', () => {
    expect(outcome(r, 'Vanguard Panda')).toMatchObject({ status: 'merged', id: 'tg-volt-typhoon' });
    expect(entry(r, 'tg-volt-typhoon')!.aliases).toContain('Quiet Loom');
    expect(outcome(r, 'ASHEN KITE')).toMatchObject({ status: 'merged', id: 'misp-ashen-kite-team' });
    expect(entry(r, 'misp-ashen-kite-team')).toMatchObject({
      country: 'KP',
      aliases: ['Ashen Kite', 'Kite Crew'],
    });
  });

  it('skips a row whose only name is a common word', () => {
    expect(outcome(r, 'Silence')).toMatchObject({ status: 'skipped', reason: 'no usable name', id: null });
  });

  it('summarises', () => {
    expect(summariseImport(r.outcomes)).toEqual({
      added: 2,
      merged: 3,
      unchanged: 0,
      skipped: 1,
      skipReasons: { 'no usable name': 1 },
      aliasesAdded: 6,
      aliasesDropped: { 'names another entry': 2, generic: 4, 'common word': 3, 'too short': 1 },
    });
  });

  it('importing again changes nothing', () => {
    const again = importMisp(THREAT_ACTORS, r.entries);
    expect(again.entries).toEqual(r.entries);
    expect(again.outcomes.filter((o) => o.status === 'added' || o.status === 'merged')).toEqual([]);
  });

  it('keeps every earlier user entry, and merges into a user entry that replaces a built-in', () => {
    const mine: KbEntry = {
      id: 'xx-mine',
      name: 'Quartz Heron',
      kind: 'threat-group',
      country: 'IR',
      aliases: [],
    };
    const myApt28: KbEntry = {
      ...builtin.find((e) => e.id === 'tg-apt28')!,
      origin: '/somewhere/kb.json',
      aliases: ['Fancy Bear', 'My Own Alias'],
    };
    const r2 = importMisp(THREAT_ACTORS, [mine, myApt28]);
    expect(r2.entries[0]).toEqual(mine);
    expect(r2.entries[1]!.id).toBe('tg-apt28');
    expect(r2.entries[1]!.aliases).toEqual(['Fancy Bear', 'My Own Alias', 'Sofacy', 'Ochre Hussar']);
  });

  it('the result validates and the matcher finds the new names, but not the dropped words', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'kb.json');
    writeKbFile(file, r.entries);
    expect(readKbFile(file, file)).toHaveLength(r.entries.length);
    const kb = loadKnowledgeBase(file);
    expect(
      matches(kb, 'Officials said Glass Lantern, which Microsoft tracks as Storm-9901, struck.'),
    ).toEqual(
      expect.arrayContaining([
        ['Glass Lantern', ['misp-glass-lantern']],
        ['Storm-9901', ['misp-glass-lantern']],
      ]),
    );
    expect(matches(kb, 'The LANTERN operators returned.')).toEqual([['LANTERN', ['misp-glass-lantern']]]);
    // no match the built-in knowledge base does not already make (it has "The Mask" for Careto)
    const words = 'A lantern was lit. Lantern festivals. Mask wearing. Silence fell. UPS delivered.';
    expect(matches(kb, words)).toEqual(matches(loadKnowledgeBase(null), words));
    expect(matches(kb, words).map(([t]) => t)).not.toContain('Lantern');
  });
});

describe('importing a MISP intelligence-agencies cluster', () => {
  const r = importMisp(AGENCIES);

  it("a name several states share stays with its country: Albania's NIS is not South Korea's", () => {
    expect(outcome(r, 'National Intelligence Service (Albania)')).toMatchObject({ status: 'added' });
    expect(entry(r, 'kr-nis')).toBeUndefined();
    const al = entry(r, 'misp-national-intelligence-service-albania')!;
    expect(al).toMatchObject({
      name: 'National Intelligence Service (Albania)',
      kind: 'government-agency',
      country: 'AL',
    });
    expect(al.aliases).toContain('Albanian National Intelligence Service');
    expect(al.aliases).toContain('Sherbimi Informativ Shteteror');
    // the bare shared name is never an alias of the new entry
    expect(al.aliases).not.toContain('National Intelligence Service');
  });

  it('merges an agency of the same country, and leaves one with nothing new unchanged', () => {
    expect(outcome(r, 'Ministry of State Security (China)')).toMatchObject({
      status: 'merged',
      id: 'cn-mss',
      aliasesAdded: ['Guojia Anquan Bu'],
    });
    expect(outcome(r, 'Bundesnachrichtendienst')).toMatchObject({ status: 'unchanged', id: 'de-bnd' });
    expect(entry(r, 'de-bnd')).toBeUndefined(); // not copied into the user file for nothing
  });

  it('a name of common words only gets its country too ("Military Intelligence Department", Georgia)', () => {
    expect(entry(r, 'misp-military-intelligence-department')).toMatchObject({
      name: 'Military Intelligence Department (Georgia)',
      country: 'GE',
      aliases: ['Georgian Military Intelligence Department'],
    });
  });

  it('footnote marks go, an acronym in brackets becomes an exact-case alias', () => {
    expect(entry(r, 'misp-strategic-services-agency-ssa')).toMatchObject({
      name: 'Strategic Services Agency (Trinidad and Tobago)',
      country: 'TT',
      aliases: ['Trinidadian Strategic Services Agency', 'SSA'],
      caseSensitive: ['SSA'],
    });
  });
});

describe('importing an ATT&CK bundle', () => {
  const records = parseAttackBundle(readJsonFile(ATTACK), ATTACK);
  const r = mergeImport(records, builtin, []);

  it('reads intrusion sets only, skipping revoked and deprecated ones', () => {
    expect(records.map((x) => [x.kind, x.name])).toEqual([
      ['import-candidate', 'APT28'],
      ['import-candidate', 'Velvet Chisel'],
      ['import-skip', 'Rusty Bellows'],
      ['import-skip', 'Faded Signet'],
    ]);
    expect(summariseImport(r.outcomes)).toMatchObject({
      added: 1,
      merged: 1,
      skipped: 2,
      skipReasons: { revoked: 1, deprecated: 1 },
    });
  });

  it('merges a known group and adds a new one as attack-<id>, without a country', () => {
    expect(outcome(r, 'APT28')).toMatchObject({
      status: 'merged',
      id: 'tg-apt28',
      aliasesAdded: ['Amber Lynx'],
    });
    expect(entry(r, 'attack-g9001')).toEqual({
      id: 'attack-g9001',
      name: 'Velvet Chisel',
      kind: 'threat-group',
      country: null,
      aliases: ['VC-12'],
      caseSensitive: ['VC-12'],
    });
  });
});

describe('malformed files', () => {
  it('a MISP value without a name fails with IMPORT_INVALID naming the file and the value', () => {
    const e = failure(() => parseMispGalaxy(readJsonFile(MALFORMED), MALFORMED, countries));
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message).toBe(`${MALFORMED}: value 2: expected a non-empty string "value", found nothing`);
  });

  it.each([
    ['an array', [], /not a MISP galaxy cluster/],
    ['no values', { type: 'threat-actor' }, /not a MISP galaxy cluster/],
    [
      'another cluster type',
      { type: 'country', values: [] },
      /type "country" cannot be imported; expected one of/,
    ],
    ['a value that is a string', { type: 'threat-actor', values: ['APT1'] }, /value 1: expected an object/],
    [
      'synonyms that are not a list',
      { type: 'threat-actor', values: [{ value: 'APT1', meta: { synonyms: 'Comment Crew' } }] },
      /value 1 \("APT1"\): expected "meta.synonyms" to be a list of names/,
    ],
    [
      'meta that is a list',
      { type: 'threat-actor', values: [{ value: 'APT1', meta: [] }] },
      /"meta" to be an object/,
    ],
  ])('MISP: %s', (_what, raw, re) => {
    const e = failure(() => parseMispGalaxy(raw, 'cluster.json', countries));
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message).toMatch(/^cluster\.json: /);
    expect(e.message).toMatch(re);
    expect(e.message).not.toContain('\n');
  });

  it.each([
    ['a MISP cluster', { type: 'threat-actor', values: [] }, /not a STIX bundle/],
    [
      'no intrusion sets',
      { type: 'bundle', objects: [{ type: 'attack-pattern', name: 'x' }] },
      /no intrusion-set objects/,
    ],
    [
      'a nameless intrusion set',
      { type: 'bundle', objects: [{ type: 'intrusion-set' }] },
      /object 1: expected the intrusion-set to have a "name"/,
    ],
    [
      'aliases that are not names',
      { type: 'bundle', objects: [{ type: 'intrusion-set', name: 'X', aliases: [1] }] },
      /object 1 \("X"\): expected "aliases" to be a list of names/,
    ],
  ])('ATT&CK: %s', (_what, raw, re) => {
    const e = failure(() => parseAttackBundle(raw, 'bundle.json'));
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message).toMatch(/^bundle\.json: /);
    expect(e.message).toMatch(re);
  });

  it('a file that is not JSON, or not there, is a one-line error naming it', () => {
    const dir = tmpDir();
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{"type": "bundle",\n "objects": [');
    const e = failure(() => readJsonFile(broken));
    expect(e.code).toBe('JSON_MALFORMED');
    expect(e.message).toContain(broken);
    expect(e.message).not.toContain('\n');
    expect(failure(() => readJsonFile(path.join(dir, 'none.json'))).code).toBe('FILE_NOT_FOUND');
  });
});

describe('importCatalogue and the user file', () => {
  it('writes atomically, keeps what was there, and a dry run writes nothing', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'cyberclaims-kb.json');
    const mine: KbEntry = {
      id: 'xx-mine',
      name: 'Quartz Heron',
      kind: 'threat-group',
      country: 'IR',
      aliases: [],
    };
    writeKbFile(file, [mine]);

    const dry = importCatalogue('misp-galaxy', THREAT_ACTORS, file, { dryRun: true });
    expect(dry.written).toBe(false);
    expect(readKbFile(file, file).map((e) => e.id)).toEqual(['xx-mine']);

    const run = importCatalogue('misp-galaxy', THREAT_ACTORS, file);
    expect(run).toMatchObject({ label: 'MISP galaxy cluster threat-actor', records: 6, written: true });
    const run2 = importCatalogue('attack', ATTACK, file);
    expect(run2.label).toBe('ATT&CK bundle');
    const ids = readKbFile(file, file).map((e) => e.id);
    expect(ids).toEqual([
      'xx-mine',
      'tg-apt28',
      'misp-glass-lantern',
      'tg-volt-typhoon',
      'misp-ashen-kite-team',
      'attack-g9001',
    ]);
    expect(loadKnowledgeBase(file).byId.get('tg-apt28')!.aliases).toEqual(
      expect.arrayContaining(['Fancy Bear', 'Ochre Hussar', 'Amber Lynx']),
    );
    // no temporary file left behind
    expect(fs.readdirSync(dir)).toEqual(['cyberclaims-kb.json']);
  });

  it('a malformed catalogue or user file stops the import before anything is written', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'kb.json');
    const mine: KbEntry = {
      id: 'xx-mine',
      name: 'Quartz Heron',
      kind: 'threat-group',
      country: 'IR',
      aliases: [],
    };
    writeKbFile(file, [mine]);
    const before = fs.readFileSync(file, 'utf8');
    expect(failure(() => importCatalogue('misp-galaxy', MALFORMED, file)).code).toBe('IMPORT_INVALID');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);

    const bad = path.join(dir, 'bad-kb.json');
    fs.writeFileSync(bad, '[{"id": "x"}]');
    expect(failure(() => importCatalogue('misp-galaxy', THREAT_ACTORS, bad)).code).toBe('KB_INVALID');
    expect(fs.readFileSync(bad, 'utf8')).toBe('[{"id": "x"}]');
  });

  it('an invalid entry is refused before the file is touched', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'kb.json');
    fs.writeFileSync(file, '[]\n');
    const bad = { id: 'Bad Id', name: 'X', kind: 'state', country: null, aliases: [] } as KbEntry;
    expect(failure(() => writeKbFile(file, [bad])).code).toBe('KB_INVALID');
    expect(fs.readFileSync(file, 'utf8')).toBe('[]\n');
    expect(fs.readdirSync(dir)).toEqual(['kb.json']);
  });
});

describe('searchKb and findEntries', () => {
  const kb = buildKnowledgeBase([
    ...builtin,
    {
      id: 'misp-glass-lantern',
      name: 'Glass Lantern',
      kind: 'threat-group',
      country: 'IR',
      aliases: ['Storm-9901'],
    },
  ]);

  it('exact matches first, then prefixes, then the rest; any case', () => {
    const hits = searchKb(kb.entries, 'apt28');
    expect(hits[0]!.entry.id).toBe('tg-apt28');
    expect(hits[0]!.rank).toBe(0);
    const lantern = searchKb(kb.entries, 'LANTERN');
    expect(lantern.map((h) => h.entry.id)).toContain('misp-glass-lantern');
    const ranks = searchKb(kb.entries, 'bear').map((h) => h.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(searchKb(kb.entries, 'fancy bear')[0]).toMatchObject({ matched: 'Fancy Bear', field: 'alias' });
    // without spaces or punctuation
    expect(searchKb(kb.entries, 'storm9901')[0]!.entry.id).toBe('misp-glass-lantern');
    expect(searchKb(kb.entries, '   ')).toEqual([]);
  });

  it('findEntries: an id, else every entry with that name or alias', () => {
    expect(findEntries(kb.entries, 'tg-apt28').map((e) => e.id)).toEqual(['tg-apt28']);
    expect(findEntries(kb.entries, 'fancy bear').map((e) => e.id)).toEqual(['tg-apt28']);
    expect(findEntries(kb.entries, 'ncsc').map((e) => e.id)).toContain('gb-ncsc');
    expect(findEntries(kb.entries, 'no such actor')).toEqual([]);
  });
});

// The real catalogue, when the shared reference data sits beside the repository.
const MISP_DIR = path.resolve(root, '..', 'shared', 'reference', 'misp-galaxy', 'clusters');
const REAL_THREAT_ACTORS = path.join(MISP_DIR, 'threat-actor.json');
const REAL_AGENCIES = path.join(MISP_DIR, 'intelligence-agencies.json');

describe.skipIf(!fs.existsSync(REAL_THREAT_ACTORS))('the real MISP galaxy threat-actor cluster', () => {
  // vitest collects a skipped block too: import only when the shared data is there
  const present = fs.existsSync(REAL_THREAT_ACTORS);
  const dir = tmpDir();
  const file = path.join(dir, 'cyberclaims-kb.json');
  const run = present
    ? importCatalogue('misp-galaxy', REAL_THREAT_ACTORS, file)
    : (undefined as unknown as ReturnType<typeof importCatalogue>);
  const kb = loadKnowledgeBase(present ? file : null);
  const builtinKb = loadKnowledgeBase(null);
  const user = present ? readKbFile(file, file) : [];

  /** Aliases the import gave each entry: all of a new entry's names, the new ones of a merged entry. */
  const imported = user.flatMap((e) => {
    const before = builtinKb.byId.get(e.id);
    const old = new Set(before ? [before.name, ...before.aliases] : []);
    return [e.name, ...e.aliases].filter((a) => !old.has(a)).map((alias) => ({ entry: e, alias }));
  });

  it('imports most rows and the result validates', () => {
    expect(run.records).toBeGreaterThan(500);
    expect(run.summary.added).toBeGreaterThan(300);
    expect(run.summary.merged + run.summary.unchanged).toBeGreaterThan(100);
    expect(run.summary.skipped).toBeLessThan(run.records / 20);
    const ids = user.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(kb.entries.length).toBe(builtinKb.entries.length + run.summary.added);
  });

  it('well-known groups merge into the built-ins, not beside them', () => {
    const apt28 = kb.byId.get('tg-apt28')!;
    expect(apt28.aliases).toEqual(expect.arrayContaining(['Fancy Bear', 'Sofacy', 'Pawn Storm']));
    const known: [string, string][] = [
      ['APT28', 'tg-apt28'],
      ['APT29', 'tg-apt29'],
      ['Lazarus Group', 'tg-lazarus'],
      ['Turla', 'tg-turla'],
      ['Sandworm', 'tg-sandworm'],
      ['Volt Typhoon', 'tg-volt-typhoon'],
    ];
    for (const [name, id] of known) {
      const o = run.outcomes.find((x) => x.name === name);
      expect(o, name).toBeDefined();
      expect(o!.id, name).toBe(id);
      expect(
        findEntries(kb.entries, name).map((e) => e.id),
        name,
      ).toEqual([id]);
    }
    expect(kb.entries.filter((e) => e.kind === 'threat-group' && e.id.startsWith('misp-apt28'))).toEqual([]);
  });

  it('no imported alias is a common English word matched without regard to case', () => {
    const words = commonWords();
    const loose = imported.filter(({ entry: e, alias }) => {
      if (!words.has(alias.toLowerCase())) return false;
      const exact = /\p{Lu}/u.test(alias) && !/\p{Ll}/u.test(alias); // the matcher's acronym rule
      return !exact && !(e.caseSensitive ?? []).includes(alias);
    });
    expect(loose).toEqual([]);
    // and behaviourally: the common words among MISP's names, as they would open a sentence, match no
    // more than they did before the import
    const names = new Set<string>();
    for (const v of (
      readJsonFile(REAL_THREAT_ACTORS) as { values: { value: string; meta?: { synonyms?: string[] } }[] }
    ).values)
      for (const n of [v.value, ...(v.meta?.synonyms ?? [])]) if (words.has(n.toLowerCase())) names.add(n);
    expect(names.size).toBeGreaterThan(10);
    for (const n of names) {
      const word = n.toLowerCase();
      const text = `${word[0]!.toUpperCase()}${word.slice(1)} was the word. They said ${word} twice.`;
      expect(matches(kb, text), text).toEqual(matches(builtinKb, text));
    }
  });

  it('an imported alias never names two entries', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of kb.entries)
      for (const n of [e.name, ...e.aliases])
        owners.set(aliasKey(n), (owners.get(aliasKey(n)) ?? new Set()).add(e.id));
    const shared = imported
      .filter(({ alias }) => owners.get(aliasKey(alias))!.size > 1)
      .map(({ alias }) => alias);
    expect(shared).toEqual([]);
  });

  it.skipIf(!fs.existsSync(REAL_AGENCIES))('the intelligence-agencies cluster merges on top', () => {
    const agencies = importCatalogue('misp-galaxy', REAL_AGENCIES, file);
    expect(agencies.summary.added).toBeGreaterThan(200);
    const after = loadKnowledgeBase(file);
    // the threat actors are still there, and South Korea's NIS is still the only "National Intelligence Service"
    expect(after.entries.length).toBe(kb.entries.length + agencies.summary.added);
    expect(findEntries(after.entries, 'National Intelligence Service').map((e) => e.id)).toEqual(['kr-nis']);
  });
});
