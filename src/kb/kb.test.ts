import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CyberclaimsError } from '../errors.js';
import { analyse } from '../nlp/index.js';
import { KINDS } from '../types.js';
import {
  buildKnowledgeBase,
  builtinEntries,
  loadKnowledgeBase,
  matchTokens,
  packageRoot,
  readKbFile,
  validateEntry,
  type KbEntry,
  type KnowledgeBase,
} from './index.js';

const tmpDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'cc-kb-'));

/** The knowledge-base matches in a sentence, as [matched text, candidate ids]. */
function matches(kb: KnowledgeBase, text: string): [string, string[]][] {
  const a = analyse(text);
  return matchTokens(kb.root, kb.entries, a.tokens).map((m) => [
    text.slice(a.tokens[m.start]!.start, a.tokens[m.end - 1]!.end),
    m.candidates.map((c) => c.id),
  ]);
}

/** Entries whose name or an alias is `alias`, compared without case. */
const byAlias = (entries: readonly KbEntry[], alias: string): KbEntry[] =>
  entries.filter((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase() === alias.toLowerCase()));

describe('the built-in knowledge base', () => {
  const kb = loadKnowledgeBase(null);
  const dir = path.join(packageRoot(), 'data', 'kb');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('loads without error and is large enough', () => {
    expect(kb.kind).toBe('knowledge-base');
    expect(kb.entries.length).toBeGreaterThanOrEqual(300);
    expect(loadKnowledgeBase(null)).toBe(kb); // built once per process
  });

  it('every data file is read (none skipped), and ids are unique across files', () => {
    const perFile = files.map((f) => readKbFile(path.join(dir, f), 'builtin'));
    const ids = perFile.flat().map((e) => e.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
    expect(builtinEntries()).toHaveLength(ids.length);
    expect(kb.entries).toHaveLength(ids.length);
  });

  it('kinds and countries are in their vocabularies', () => {
    for (const e of kb.entries) {
      expect(KINDS, e.id).toContain(e.kind);
      if (e.country !== null) expect(e.country, e.id).toMatch(/^[A-Z]{2}$/);
    }
  });

  it('a name shared by two entries belongs to different countries', () => {
    const owners = new Map<string, KbEntry[]>();
    for (const e of kb.entries) {
      for (const n of new Set([e.name, ...e.aliases].map((x) => x.toLowerCase()))) {
        owners.set(n, [...(owners.get(n) ?? []), e]);
      }
    }
    const clashes: string[] = [];
    for (const [n, es] of owners) {
      es.forEach((a, i) =>
        es.slice(i + 1).forEach((b) => {
          if (a.country === b.country)
            clashes.push(`"${n}": ${a.id} and ${b.id} (${a.country ?? 'no country'})`);
        }),
      );
    }
    expect(clashes).toEqual([]);
  });

  it.each([
    ['MSS', 'CN'],
    ['ICEFCOM', 'TW'],
    ['NSA', 'US'],
    ['FBI', 'US'],
    ['CISA', 'US'],
    ['NCSC', null],
    ['GCHQ', 'GB'],
    ['GRU', 'RU'],
    ['FSB', 'RU'],
    ['SVR', 'RU'],
    ['MOIS', 'IR'],
    ['IRGC', 'IR'],
    ['Volt Typhoon', 'CN'],
    ['APT28', 'RU'],
    ['Fancy Bear', 'RU'],
    ['Lazarus Group', 'KP'],
    ['Microsoft', 'US'],
    ['Mandiant', 'US'],
    ['Recorded Future', 'US'],
  ])('knows %s', (alias, country) => {
    const found = byAlias(kb.entries, alias);
    expect(found.length, alias).toBeGreaterThan(0);
    // NCSC is both the British and other national centres; the UK one must be among them
    if (alias === 'NCSC') expect(found.map((e) => e.country)).toContain('GB');
    else expect(found.map((e) => e.country)).toContain(country);
    // and the matcher finds it in running text
    expect(matches(kb, `A statement from ${alias} followed.`).some(([t]) => t === alias)).toBe(true);
  });

  it('APT28 and Fancy Bear are one actor', () => {
    const [a] = byAlias(kb.entries, 'APT28');
    const [b] = byAlias(kb.entries, 'Fancy Bear');
    expect(a?.id).toBeDefined();
    expect(a?.id).toBe(b?.id);
  });

  it('each country has demonyms', () => {
    const states = kb.entries.filter((e) => e.kind === 'state');
    expect(states.length).toBeGreaterThanOrEqual(190);
    // "Congolese" and "Dominican" name the DRC and the Dominican Republic; their smaller namesakes
    // deliberately have none, so that "Dominican hackers" never becomes Dominica.
    const noDemonymByDesign = new Set(['cg', 'dm']);
    for (const s of states) {
      expect(Array.isArray(s.demonyms), s.id).toBe(true);
      if (!noDemonymByDesign.has(s.id)) expect(s.demonyms!.length, s.id).toBeGreaterThan(0);
    }
    for (const id of ['cn', 'tw', 'ru', 'us', 'gb', 'ir', 'kp'])
      expect(kb.byId.get(id)?.demonyms?.length, id).toBeGreaterThan(0);
  });
});

describe('validateEntry', () => {
  const good = {
    id: 'xx-agency',
    name: 'Example Agency',
    kind: 'government-agency',
    country: 'FR',
    aliases: ['EA'],
  };

  it('accepts a good entry', () => {
    expect(validateEntry(good, 'my-kb.json', 0)).toEqual(good);
    expect(validateEntry({ ...good, country: null }, 'my-kb.json', 0).country).toBeNull();
  });

  it.each([
    ['a bad id', { ...good, id: 'Bad ID' }, /id "Bad ID"/],
    ['a kind out of the vocabulary', { ...good, kind: 'spy-agency' }, /kind "spy-agency"/],
    ['a country name instead of a code', { ...good, country: 'China' }, /country/],
    ['a lower-case country code', { ...good, country: 'fr' }, /country/],
    ['no name', { ...good, name: '' }, /"name"/],
    ['aliases that are not a list of names', { ...good, aliases: 'EA' }, /aliases/],
    ['not an object', ['xx'], /expected an object/],
    ['spokespeople that are not a list of names', { ...good, spokespeople: [''] }, /spokespeople/],
  ])('rejects %s with KB_INVALID naming the file', (_what, raw, re) => {
    let err: unknown;
    try {
      validateEntry(raw, '/tmp/user-kb.json', 2);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CyberclaimsError);
    const e = err as CyberclaimsError;
    expect(e.code).toBe('KB_INVALID');
    expect(e.message).toContain('/tmp/user-kb.json');
    expect(e.message).toContain('entry 3');
    expect(e.message).toMatch(re);
    expect(e.message).not.toContain('\n');
  });
});

describe('readKbFile and user knowledge bases', () => {
  it('a malformed JSON file is a one-line KB_INVALID error', () => {
    const file = path.join(tmpDir(), 'broken.json');
    fs.writeFileSync(file, '[{"id": "x",\n  "name": \n');
    let err: unknown;
    try {
      readKbFile(file, file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CyberclaimsError);
    expect((err as CyberclaimsError).code).toBe('KB_INVALID');
    expect((err as CyberclaimsError).message).toContain(file);
    expect((err as CyberclaimsError).message).not.toContain('\n');
  });

  it('a file that is not an array is rejected', () => {
    const file = path.join(tmpDir(), 'object.json');
    fs.writeFileSync(file, JSON.stringify({ id: 'x' }));
    expect(() => readKbFile(file, file)).toThrow(/expected a JSON array/);
  });

  it('an invalid entry in a user file fails loading with the file named', () => {
    const file = path.join(tmpDir(), 'user.json');
    fs.writeFileSync(
      file,
      JSON.stringify([{ id: 'ok', name: 'Ok', kind: 'state', country: 'China', aliases: [] }]),
    );
    expect(() => loadKnowledgeBase(file)).toThrow(file);
  });

  it('a user file overrides a built-in by id and adds actors the matcher then finds', () => {
    const file = path.join(tmpDir(), 'cyberclaims-kb.json');
    const builtinMss = loadKnowledgeBase(null).byId.get('cn-mss')!;
    fs.writeFileSync(
      file,
      JSON.stringify([
        { ...builtinMss, origin: undefined, aliases: [...builtinMss.aliases, 'Guojia Anquanbu'] },
        {
          id: 'xx-quartz-heron',
          name: 'Quartz Heron',
          kind: 'threat-group',
          country: 'IR',
          aliases: ['QH-17'],
        },
      ]),
    );
    const kb = loadKnowledgeBase(file);
    const builtinCount = loadKnowledgeBase(null).entries.length;
    expect(kb.entries).toHaveLength(builtinCount + 1);
    expect(kb.byId.get('cn-mss')!.origin).toBe(file);
    expect(kb.byId.get('cn-mss')!.aliases).toContain('Guojia Anquanbu');
    expect(kb.byId.get('xx-quartz-heron')!.kind).toBe('threat-group');

    expect(matches(kb, 'Analysts said Quartz Heron, also tracked as QH-17, broke into the network.')).toEqual(
      expect.arrayContaining([
        ['Quartz Heron', ['xx-quartz-heron']],
        ['QH-17', ['xx-quartz-heron']],
      ]),
    );
    expect(matches(kb, 'The Guojia Anquanbu issued a notice.')).toEqual([['Guojia Anquanbu', ['cn-mss']]]);
    // the built-in knowledge base is not changed by loading a user file
    expect(matches(loadKnowledgeBase(null), 'Analysts said Quartz Heron broke in.')).toEqual([]);
  });

  it('a user file that does not exist leaves the built-in knowledge base', () => {
    expect(loadKnowledgeBase(path.join(tmpDir(), 'none.json'))).toBe(loadKnowledgeBase(null));
  });
});

describe('matchTokens', () => {
  const kb = loadKnowledgeBase(null);

  it('an all-caps acronym does not match a lower-case word', () => {
    expect(matches(kb, 'The mss file was corrupted, said the gru technician.')).toEqual([]);
    expect(matches(kb, 'The MSS said so.')).toEqual([['MSS', expect.arrayContaining(['cn-mss'])]]);
  });

  it('a glued possessive still matches an acronym', () => {
    expect(matches(kb, "He described the MSS's methods.").map(([, ids]) => ids)).toEqual([
      expect.arrayContaining(['cn-mss']),
    ]);
  });

  it('a multi-word name matches after a possessive ("Taiwan\'s")', () => {
    const m = matches(kb, "Taiwan's Information, Communications and Electronic Force Command was named.");
    expect(m).toEqual([
      ['Taiwan', ['tw']],
      ['Information, Communications and Electronic Force Command', ['tw-icefcom']],
    ]);
    // an alias written with the possessive matches whole, in straight or curly quotes
    const curly = matches(kb, 'Taiwan’s Ministry of National Defense responded.');
    expect(curly).toEqual([['Taiwan’s Ministry of National Defense', ['tw-mnd']]]);
  });

  it('the longest match wins, through a possessive the alias itself contains', () => {
    const m = matches(kb, "Beijing's Ministry of State Security (MSS) published the names.");
    expect(m.map(([t]) => t)).toEqual(["Beijing's Ministry of State Security", 'MSS']);
    expect(m[0]![1]).toContain('cn-mss');
    const prc = matches(kb, "a state-sponsored actor from the People's Republic of China");
    expect(prc).toEqual([["People's Republic of China", ['cn']]]);
  });

  it("a body's spokesperson matches as a person who speaks for it", () => {
    const mini = buildKnowledgeBase([
      {
        id: 'x-mfa',
        name: 'Foreign Ministry',
        kind: 'government-agency',
        country: 'XX',
        aliases: [],
        spokespeople: ['Anna Berg'],
      },
    ]);
    const a = analyse('Anna Berg and the Foreign Ministry spoke.');
    const found = matchTokens(mini.root, mini.entries, a.tokens);
    expect(found.map((m) => [m.candidates[0]!.id, m.person])).toEqual([
      ['x-mfa', true],
      ['x-mfa', false],
    ]);
  });

  it('works on a knowledge base built from entries alone', () => {
    const mini = buildKnowledgeBase([
      { id: 'a', name: 'State Security', kind: 'government-agency', country: 'AA', aliases: [] },
      { id: 'b', name: 'Ministry of State Security', kind: 'government-agency', country: 'BB', aliases: [] },
    ]);
    expect(matches(mini, 'The Ministry of State Security and State Security.')).toEqual([
      ['Ministry of State Security', ['b']],
      ['State Security', ['a']],
    ]);
  });
});
