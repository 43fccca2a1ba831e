/** `kb`: import public actor catalogues into the user knowledge base; list, search and show its entries. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { CyberclaimsError } from '../errors.js';
import {
  findEntries,
  importCatalogue,
  loadKnowledgeBase,
  searchKb,
  type ImportFormat,
  type ImportRun,
  type KbEntry,
} from '../kb/index.js';
import { KINDS } from '../types.js';
import { kbPath, parsePositive, type CommonOptions } from './context.js';
import { style, table } from './output.js';

interface ImportOptions extends CommonOptions {
  dryRun?: boolean;
  verbose?: boolean;
}

interface ListOptions extends CommonOptions {
  kind?: string;
  country?: string;
  source?: 'builtin' | 'user';
  format: 'table' | 'json';
}

interface SearchOptions extends CommonOptions {
  format: 'table' | 'json';
  limit: number;
}

interface ShowOptions extends CommonOptions {
  format: 'text' | 'json';
}

const KB_OPTION =
  'user knowledge base (default $CYBERCLAIMS_KB, else cyberclaims-kb.json next to the database)';
const DB_OPTION = 'SQLite database file, whose folder holds the default knowledge base';

const withKb = (c: Command): Command => c.option('--kb <path>', KB_OPTION).option('--db <path>', DB_OPTION);

/** Where an entry comes from, as `kb list` and `kb show` report it. */
interface Presented extends KbEntry {
  readonly source: 'builtin' | 'user';
  /** A user entry with the id of a built-in one replaces it. */
  readonly overridesBuiltin: boolean;
}

function presenter(): (e: KbEntry) => Presented {
  const builtin = loadKnowledgeBase(null).byId;
  return (e) => {
    const { origin: _origin, ...rest } = e;
    const source = e.origin === 'builtin' ? 'builtin' : 'user';
    return { ...rest, source, overridesBuiltin: source === 'user' && builtin.has(e.id) };
  };
}

const countText = (counts: Readonly<Partial<Record<string, number>>>): string =>
  Object.entries(counts)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');

export function importReport(run: ImportRun, verbose: boolean): string {
  const s = run.summary;
  const lines: string[] = [];
  if (verbose) {
    for (const o of run.outcomes) {
      const bits = [
        o.status.padEnd(9),
        (o.id ?? '—').padEnd(24),
        o.name,
        o.aliasesAdded.length ? `+${o.aliasesAdded.join(', +')}` : '',
        o.reason ? `(${o.reason})` : '',
        o.aliasesDropped.length
          ? `dropped: ${o.aliasesDropped.map((d) => `${d.alias} (${d.reason})`).join(', ')}`
          : '',
      ];
      lines.push(bits.filter(Boolean).join('  '));
    }
    lines.push('');
  }
  lines.push(`${style.bold('import:')} ${run.file}: ${run.label}, ${run.records} records`);
  const skipped = s.skipped ? ` (${countText(s.skipReasons)})` : '';
  lines.push(
    `${s.added} added, ${s.merged} merged, ${s.unchanged} unchanged, ${s.skipped} skipped${skipped}`,
  );
  const dropped = Object.values(s.aliasesDropped).reduce((a, b) => a + (b ?? 0), 0);
  lines.push(
    `aliases: ${s.aliasesAdded} added, ${dropped} dropped${dropped ? ` (${countText(s.aliasesDropped)})` : ''}`,
  );
  lines.push(
    run.written
      ? `wrote ${run.kbFile} (${run.entries} entries)`
      : `dry run: nothing written; ${run.kbFile} would hold ${run.entries} entries`,
  );
  return lines.join('\n');
}

const row = (e: Presented): string[] => [
  e.id,
  e.name,
  e.kind,
  e.country ?? '—',
  e.source === 'builtin' ? 'built-in' : e.overridesBuiltin ? 'user*' : 'user',
  e.aliases.join(', '),
];
const HEAD = ['id', 'name', 'kind', 'country', 'source', 'aliases'];

function showText(e: Presented, kbFile: string): string {
  const source =
    e.source === 'builtin'
      ? 'built-in (data/kb)'
      : `user knowledge base ${kbFile}${e.overridesBuiltin ? ', replacing the built-in entry with this id' : ''}`;
  const lines = [
    style.bold(`${e.id}  ${e.name}`),
    `kind:       ${e.kind}`,
    `country:    ${e.country ?? '—'}`,
    `source:     ${source}`,
    `aliases:    ${e.aliases.length ? e.aliases.join(', ') : '—'}`,
  ];
  if (e.caseSensitive?.length) lines.push(`exact case: ${e.caseSensitive.join(', ')}`);
  if (e.demonyms?.length) lines.push(`demonyms:   ${e.demonyms.join(', ')}`);
  if (e.spokespeople?.length) lines.push(`speakers:   ${e.spokespeople.join(', ')}`);
  return lines.join('\n');
}

function checkCountry(cc: string | undefined): string | undefined {
  if (cc === undefined || cc.toLowerCase() === 'none') return cc?.toLowerCase();
  if (!/^[A-Za-z]{2}$/.test(cc))
    throw new CyberclaimsError(
      'BAD_ARGUMENT',
      `--country: expected a two-letter ISO code or "none", found "${cc}"`,
    );
  return cc.toUpperCase();
}

export function register(program: Command): void {
  const kb = program
    .command('kb')
    .description(
      'the actor knowledge base: import MISP galaxy clusters and ATT&CK groups; list, search, show',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ cyberclaims kb import misp-galaxy misp-galaxy/clusters/threat-actor.json
  $ cyberclaims kb import attack enterprise-attack.json --kb team-kb.json
  $ cyberclaims kb search "fancy bear"
  $ cyberclaims kb show APT28`,
    );

  const imp = kb
    .command('import')
    .description('merge a public catalogue into the user knowledge base, which overrides the built-in one');
  const formats: [ImportFormat, string, string][] = [
    [
      'misp-galaxy',
      'a MISP galaxy cluster: threat-actor, intelligence-agency, mitre-intrusion-set or microsoft-activity-group',
      'misp-galaxy/clusters/intelligence-agencies.json',
    ],
    ['attack', 'an ATT&CK STIX bundle: its intrusion-set objects (groups)', 'enterprise-attack.json'],
  ];
  for (const [format, what, example] of formats) {
    withKb(imp.command(format).description(`import ${what}`).argument('<file>', 'the JSON file'))
      .option('--dry-run', 'report what would change, write nothing')
      .option(
        '-v, --verbose',
        'one line per record: added, merged, unchanged or skipped, and dropped aliases',
      )
      .addHelpText(
        'after',
        `
Names that match an existing entry (without regard to case) merge into it: it keeps its id, kind and
country and gains the new aliases. Aliases shorter than 3 characters, placeholders ("Unknown",
"Group 3"), everyday acronyms ("UPS") and common English words ("Silence") are dropped unless written
in capitals ("MERCURY", then matched with exact case); so is an alias that already names another entry.

Examples:
  $ cyberclaims kb import ${format} ${example}
  $ cyberclaims kb import ${format} ${example} --dry-run --verbose`,
      )
      .action((file: string, o: ImportOptions) => {
        const run = importCatalogue(format, file, kbPath(o), { dryRun: o.dryRun === true });
        process.stdout.write(`${importReport(run, o.verbose === true)}\n`);
      });
  }

  withKb(kb.command('list').description('list knowledge-base entries, built-in and user'))
    .addOption(new Option('--kind <kind>', 'only this kind').choices([...KINDS]))
    .option('--country <cc>', 'only this country (ISO 3166-1 alpha-2), or "none"')
    .addOption(
      new Option('--source <source>', 'only built-in or only user entries').choices(['builtin', 'user']),
    )
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ cyberclaims kb list --kind threat-group --country KP
  $ cyberclaims kb list --source user --format json`,
    )
    .action((o: ListOptions) => {
      const country = checkCountry(o.country);
      const present = presenter();
      const entries = loadKnowledgeBase(kbPath(o))
        .entries.map(present)
        .filter(
          (e) =>
            (!o.kind || e.kind === o.kind) &&
            (!country || (country === 'none' ? e.country === null : e.country === country)) &&
            (!o.source || e.source === o.source),
        );
      if (o.format === 'json') {
        process.stdout.write(`${JSON.stringify({ version: 1, entries }, null, 2)}\n`);
        return;
      }
      if (entries.length === 0) {
        process.stdout.write('no entries match\n');
        return;
      }
      const user = entries.filter((e) => e.source === 'user').length;
      process.stdout.write(
        `${table(HEAD, entries.map(row))}\n${entries.length} entries (${entries.length - user} built-in, ${user} user; user* replaces a built-in)\n`,
      );
    });

  withKb(kb.command('search').description('find entries by id, name or alias (any case, any part)'))
    .argument('<query>', 'text to look for')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .option('--limit <n>', 'at most this many', parsePositive('--limit'), 50)
    .addHelpText(
      'after',
      `
Examples:
  $ cyberclaims kb search sofacy
  $ cyberclaims kb search typhoon --limit 10`,
    )
    .action((query: string, o: SearchOptions) => {
      if (query.trim() === '') throw new CyberclaimsError('BAD_ARGUMENT', 'kb search: the query is empty');
      const present = presenter();
      const hits = searchKb(loadKnowledgeBase(kbPath(o)).entries, query).slice(0, o.limit);
      if (o.format === 'json') {
        const out = hits.map((h) => ({ matched: h.matched, field: h.field, entry: present(h.entry) }));
        process.stdout.write(`${JSON.stringify({ version: 1, query, hits: out }, null, 2)}\n`);
        return;
      }
      if (hits.length === 0) {
        process.stdout.write(`nothing matches "${query}"\n`);
        return;
      }
      const rows = hits.map((h) => {
        const p = present(h.entry);
        return [p.id, p.name, p.kind, p.country ?? '—', row(p)[4]!, h.field === 'alias' ? h.matched : ''];
      });
      process.stdout.write(
        `${table(['id', 'name', 'kind', 'country', 'source', 'matched alias'], rows)}\n${hits.length} found\n`,
      );
    });

  withKb(
    kb
      .command('show')
      .description('every field of an entry, and whether it is built-in or from the user file'),
  )
    .argument('<id-or-name>', 'an entry id, or a name or alias (any case)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ cyberclaims kb show tg-apt28
  $ cyberclaims kb show "Fancy Bear" --format json`,
    )
    .action((idOrName: string, o: ShowOptions) => {
      const file = kbPath(o);
      const found = findEntries(loadKnowledgeBase(file).entries, idOrName).map(presenter());
      if (found.length === 0) {
        throw new CyberclaimsError(
          'NOT_FOUND',
          `${idOrName}: no knowledge-base entry has this id, name or alias (try: cyberclaims kb search "${idOrName}")`,
        );
      }
      if (o.format === 'json')
        process.stdout.write(`${JSON.stringify({ version: 1, entries: found }, null, 2)}\n`);
      else process.stdout.write(`${found.map((e) => showText(e, file)).join('\n\n')}\n`);
    });
}
