/**
 * `cyberclaims kb` from the outside: the built CLI imports catalogues into a user knowledge base in a
 * fresh temp folder, lists, searches and shows it, and `extract --kb` then knows the imported actors.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ExtractOutput, Party } from '../../src/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'kb');
const THREAT_ACTORS = path.join(FIXTURES, 'misp-threat-actor.json');
const AGENCIES = path.join(FIXTURES, 'misp-intelligence-agencies.json');
const ATTACK = path.join(FIXTURES, 'attack-bundle.json');
const MALFORMED = path.join(FIXTURES, 'malformed-misp.json');
const ARTICLE = path.join(FIXTURES, 'glass-lantern.txt');

let tmp: string;
let kbFile: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-kb-cli-'));
  kbFile = path.join(tmp, 'team-kb.json');
});

function run(args: readonly string[]): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, CYBERCLAIMS_DB: path.join(tmp, 'x.db'), NO_COLOR: '1' };
  delete env.CYBERCLAIMS_KB;
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: tmp, env });
  if (r.error) throw r.error;
  return r;
}

/** Runs and expects success with nothing on stderr. */
function ok(args: readonly string[]): string {
  const r = run(args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/** A failure: exit code 1, one line on stderr, no stack. */
function fails(args: readonly string[]): string {
  const r = run(args);
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  return r.stderr;
}

interface Presented {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  aliases: string[];
  source: 'builtin' | 'user';
  overridesBuiltin: boolean;
}

const accusedOf = (out: ExtractOutput): Party[] =>
  out.documents.flatMap((d) => d.claims.flatMap((c) => c.accused));

describe('kb', () => {
  it('--help lists the subcommands with examples', () => {
    const help = ok(['kb', '--help']);
    for (const cmd of ['import', 'list', 'search', 'show'])
      expect(help).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
    expect(help).toContain('Examples:');
    expect(ok(['--help'])).toMatch(/^\s+kb\b/m);
    for (const sub of [['import', 'misp-galaxy'], ['import', 'attack'], ['list'], ['search'], ['show']])
      expect(ok(['kb', ...sub, '--help']), sub.join(' ')).toContain('Examples:');
  });

  it('import → list → search → show, then extract --kb knows an actor only the import has', () => {
    // before the import, the group is only a name in the text
    const before = JSON.parse(ok(['extract', '--format', 'json', '--kb', kbFile, ARTICLE])) as ExtractOutput;
    expect(accusedOf(before).some((p) => p.id === 'misp-glass-lantern')).toBe(false);

    const imported = ok(['kb', 'import', 'misp-galaxy', THREAT_ACTORS, '--kb', kbFile]);
    expect(imported).toContain('MISP galaxy cluster threat-actor, 6 records');
    expect(imported).toMatch(/^2 added, 3 merged, 0 unchanged, 1 skipped \(1 no usable name\)$/m);
    expect(imported).toMatch(
      /^aliases: 6 added, 10 dropped \(4 generic, 3 common word, 2 names another entry, 1 too short\)$/m,
    );
    expect(imported).toContain(`wrote ${kbFile} (4 entries)`);

    const agencies = ok(['kb', 'import', 'misp-galaxy', AGENCIES, '--kb', kbFile]);
    expect(agencies).toMatch(/^3 added, 1 merged, 1 unchanged, 0 skipped$/m);
    const attack = ok(['kb', 'import', 'attack', ATTACK, '--kb', kbFile, '--verbose']);
    expect(attack).toMatch(/^1 added, 1 merged, 0 unchanged, 2 skipped \(1 revoked, 1 deprecated\)$/m);
    expect(attack).toMatch(/^added\s+attack-g9001\s+Velvet Chisel/m);
    expect(attack).toMatch(/^skipped\s+—\s+Rusty Bellows\s+\(revoked\)/m);

    // list: filters and sources
    const users = (
      JSON.parse(ok(['kb', 'list', '--kb', kbFile, '--source', 'user', '--format', 'json'])) as {
        entries: Presented[];
      }
    ).entries;
    expect(users.map((e) => e.id).sort()).toEqual(
      [
        'attack-g9001',
        'cn-mss',
        'misp-ashen-kite-team',
        'misp-glass-lantern',
        'misp-military-intelligence-department',
        'misp-national-intelligence-service-albania',
        'misp-strategic-services-agency-ssa',
        'tg-apt28',
        'tg-volt-typhoon',
      ].sort(),
    );
    expect(users.find((e) => e.id === 'tg-apt28')).toMatchObject({ source: 'user', overridesBuiltin: true });
    expect(users.find((e) => e.id === 'misp-glass-lantern')).toMatchObject({
      overridesBuiltin: false,
      country: 'IR',
    });
    const iranGroups = (
      JSON.parse(
        ok(['kb', 'list', '--kb', kbFile, '--kind', 'threat-group', '--country', 'ir', '--format', 'json']),
      ) as { entries: Presented[] }
    ).entries;
    expect(iranGroups.length).toBeGreaterThan(1);
    expect(iranGroups.every((e) => e.kind === 'threat-group' && e.country === 'IR')).toBe(true);
    expect(iranGroups.map((e) => e.id)).toContain('misp-glass-lantern');
    const table = ok(['kb', 'list', '--kb', kbFile, '--country', 'none', '--kind', 'threat-group']);
    expect(table).toMatch(/^attack-g9001\s+Velvet Chisel\s+threat-group\s+—\s+user\s+VC-12$/m);
    expect(ok(['kb', 'list', '--kb', kbFile, '--country', 'ZZ'])).toBe('no entries match\n');

    // search: exact first, any case, the matched alias shown
    const search = ok(['kb', 'search', 'glass lantern', '--kb', kbFile]);
    expect(search.split('\n')[1]).toMatch(/^misp-glass-lantern\s+Glass Lantern\s+threat-group\s+IR\s+user/);
    const ochre = ok(['kb', 'search', 'OCHRE', '--kb', kbFile]);
    expect(ochre.split('\n')[1]).toMatch(/^tg-apt28\s+APT28\s+threat-group\s+RU\s+user\*\s+Ochre Hussar$/);
    const bear = JSON.parse(ok(['kb', 'search', 'bear', '--kb', kbFile, '--format', 'json'])) as {
      hits: { matched: string; entry: Presented }[];
    };
    expect(bear.hits.length).toBeGreaterThan(3);
    expect(ok(['kb', 'search', 'zzzz-nothing', '--kb', kbFile])).toBe('nothing matches "zzzz-nothing"\n');

    // show: all fields and where the entry comes from
    const shown = ok(['kb', 'show', 'glass lantern', '--kb', kbFile]);
    expect(shown).toContain('misp-glass-lantern  Glass Lantern');
    expect(shown).toContain('country:    IR');
    expect(shown).toContain(`source:     user knowledge base ${kbFile}`);
    expect(shown).toContain('aliases:    Storm-9901, LANTERN');
    expect(shown).toContain('exact case: LANTERN');
    expect(ok(['kb', 'show', 'Fancy Bear', '--kb', kbFile])).toContain('replacing the built-in entry');
    expect(ok(['kb', 'show', 'GCHQ', '--kb', kbFile])).toContain('source:     built-in');
    const json = JSON.parse(ok(['kb', 'show', 'tg-apt28', '--kb', kbFile, '--format', 'json'])) as {
      entries: Presented[];
    };
    expect(json.entries[0]!.aliases).toEqual(
      expect.arrayContaining(['Fancy Bear', 'Ochre Hussar', 'Amber Lynx']),
    );
    expect(fails(['kb', 'show', 'No Such Actor', '--kb', kbFile])).toContain('No Such Actor');

    // extract with the user knowledge base: the imported group is a known party with its country
    const after = JSON.parse(ok(['extract', '--format', 'json', '--kb', kbFile, ARTICLE])) as ExtractOutput;
    const lantern = accusedOf(after).find((p) => p.id === 'misp-glass-lantern');
    expect(lantern, JSON.stringify(accusedOf(after))).toBeDefined();
    expect(lantern).toMatchObject({ name: 'Glass Lantern', country: 'IR', kind: 'threat-group' });
  });

  it('the default knowledge base sits next to the database', () => {
    ok(['kb', 'import', 'attack', ATTACK]);
    const file = path.join(tmp, 'cyberclaims-kb.json');
    expect(fs.existsSync(file)).toBe(true);
    expect(ok(['kb', 'show', 'Velvet Chisel'])).toContain(`source:     user knowledge base ${file}`);
    const other = path.join(tmp, 'other');
    fs.mkdirSync(other);
    ok(['kb', 'import', 'attack', ATTACK, '--db', path.join(other, 'y.db')]);
    expect(fs.existsSync(path.join(other, 'cyberclaims-kb.json'))).toBe(true);
  });

  it('--dry-run writes nothing', () => {
    const out = ok(['kb', 'import', 'misp-galaxy', THREAT_ACTORS, '--kb', kbFile, '--dry-run']);
    expect(out).toContain('dry run: nothing written');
    expect(fs.existsSync(kbFile)).toBe(false);
  });

  it('malformed and wrong files are one-line errors that leave the knowledge base as it was', () => {
    ok(['kb', 'import', 'attack', ATTACK, '--kb', kbFile]);
    const before = fs.readFileSync(kbFile, 'utf8');

    expect(fails(['kb', 'import', 'misp-galaxy', MALFORMED, '--kb', kbFile])).toContain(
      `${MALFORMED}: value 2: expected a non-empty string "value"`,
    );
    expect(fails(['kb', 'import', 'attack', THREAT_ACTORS, '--kb', kbFile])).toContain('not a STIX bundle');
    expect(fails(['kb', 'import', 'misp-galaxy', ATTACK, '--kb', kbFile])).toContain(
      'not a MISP galaxy cluster',
    );
    const broken = path.join(tmp, 'broken.json');
    fs.writeFileSync(broken, '{"values": [');
    expect(fails(['kb', 'import', 'misp-galaxy', broken, '--kb', kbFile])).toContain(
      `${broken}: expected JSON`,
    );
    expect(fails(['kb', 'import', 'attack', path.join(tmp, 'none.json'), '--kb', kbFile])).toContain(
      'no such file',
    );
    expect(fails(['kb', 'list', '--kb', kbFile, '--country', 'Iran'])).toContain('--country');
    expect(fs.readFileSync(kbFile, 'utf8')).toBe(before);
    expect(fs.readdirSync(tmp).sort()).toEqual(['broken.json', 'team-kb.json']);
  });
});
