import type { Command } from 'commander';
import { Option } from 'commander';
import { CyberclaimsError } from '../errors.js';
import {
  DEFAULT_WINDOW_DAYS,
  gradeIncident,
  loadOutletRegistry,
  toIncident,
  type Incident,
  type IncidentsOutput,
  type OutletRegistry,
} from '../incidents/index.js';
import {
  openStore,
  type IncidentFilter,
  type IncidentUpdate,
  type Store,
  type StoredIncident,
} from '../store/index.js';
import { OPERATIONS } from '../types.js';
import { actorKey, type KnowledgeBase } from '../kb/index.js';
import { dbPath, knowledgeBase, parsePositive, type CommonOptions } from './context.js';
import { table } from './output.js';

export interface IncidentOptions extends CommonOptions {
  outlets?: string;
  window?: number;
  rebuild?: boolean;
}

interface IncidentsOptions extends IncidentOptions, FilterOptions {
  format: 'table' | 'json';
}

/**
 * Makes sure the stored incidents exist and were built with the window asked for: rebuilds when they
 * were never built (a database from before incidents existed), when asked to, or when the window
 * differs. Returns the rebuild's result, or null when the stored incidents were fine.
 */
export async function ensureIncidents(
  store: Store,
  o: { rebuild?: boolean; window?: number },
): Promise<{ windowDays: number; rebuilt: IncidentUpdate | null }> {
  const state = await store.incidentState();
  const windowDays = o.window ?? state.windowDays ?? DEFAULT_WINDOW_DAYS;
  if (o.rebuild || !state.built || windowDays !== state.windowDays) {
    return { windowDays, rebuilt: await store.rebuildIncidents({ windowDays }) };
  }
  return { windowDays, rebuilt: null };
}

/** Grades stored incidents into contract objects. */
export function present(
  stored: readonly StoredIncident[],
  registry: OutletRegistry,
  windowDays: number,
): Incident[] {
  return stored.map((s) => toIncident(s.record, gradeIncident(s.record, s.neighbours, registry, windowDays)));
}

const partyText = (p: { name: string; country: string | null }) =>
  `${p.name}${p.country ? ` (${p.country})` : ''}`;

export const INCIDENT_HEAD = [
  'id',
  'first reported',
  'claimant',
  'accused',
  'operations',
  'sources',
  'grade',
  'basis',
];

export function incidentRow(i: Incident): string[] {
  return [
    i.id,
    i.firstReported ?? '—',
    partyText(i.claimant),
    i.accused.map(partyText).join(', '),
    i.operations.join(', '),
    `${i.sources.length} (${i.independentSources} indep.)`,
    `${i.grade.reliability}${i.grade.credibility}`,
    i.basis,
  ];
}

/** The options `incidents` and `incident` share. */
export function addIncidentOptions(cmd: Command): Command {
  return cmd
    .option(
      '--window <days>',
      `grouping window in days (default: as last built, else ${DEFAULT_WINDOW_DAYS}); a change rebuilds`,
      parsePositive('--window'),
    )
    .option('--rebuild', 'recompute syndication groups and incidents from the stored claims')
    .option('--outlets <path>', 'outlets registry (JSON) merged over the built-in data/outlets.json')
    .option('--db <path>', 'SQLite database file (default $CYBERCLAIMS_DB or ./cyberclaims.db)');
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters of `incidents`, shared with `export`. */
export interface FilterOptions {
  actor?: string;
  country?: string;
  operation?: string;
  since?: string;
  until?: string;
  limit?: number;
}

export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--actor <name>', 'claimant or accused: name, alias or knowledge-base id')
    .option('--country <cc>', 'claimant or accused country (ISO 3166-1 alpha-2)')
    .addOption(new Option('--operation <op>', 'an alleged operation').choices([...OPERATIONS]))
    .option('--since <date>', 'first reported on or after this date (YYYY-MM-DD)')
    .option('--until <date>', 'first reported on or before this date (YYYY-MM-DD)')
    .option('--limit <n>', 'at most this many', parsePositive('--limit'));
}

/**
 * The store filter for the filter options; a bad country code or date is a BAD_ARGUMENT. `--actor`
 * is resolved through the knowledge base when one is given (see actorKey).
 */
export function incidentFilter(o: FilterOptions, kb?: KnowledgeBase): IncidentFilter {
  if (o.country && !/^[A-Za-z]{2}$/.test(o.country)) {
    throw new CyberclaimsError(
      'BAD_ARGUMENT',
      `--country: expected a two-letter ISO code, found "${o.country}"`,
    );
  }
  for (const k of ['since', 'until'] as const) {
    const v = o[k];
    if (v !== undefined && (!DAY.test(v) || Number.isNaN(Date.parse(v))))
      throw new CyberclaimsError('BAD_ARGUMENT', `--${k}: expected a date as YYYY-MM-DD, found "${v}"`);
  }
  return {
    ...(o.actor ? { actor: kb ? actorKey(kb.entries, o.actor) : o.actor } : {}),
    ...(o.country ? { country: o.country.toUpperCase() } : {}),
    ...(o.operation ? { operation: o.operation } : {}),
    ...(o.since ? { since: o.since } : {}),
    ...(o.until ? { until: o.until } : {}),
    ...(o.limit ? { limit: o.limit } : {}),
  };
}

export function register(program: Command): void {
  const cmd = addFilterOptions(
    program
      .command('incidents')
      .description('list incidents: reports of one accusation event grouped across sources, with grades'),
  ).addOption(
    new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'),
  );
  addIncidentOptions(cmd)
    .addHelpText(
      'after',
      `
Examples:
  $ cyberclaims incidents --actor MSS
  $ cyberclaims incidents --country RU --since 2024-01-01 --format json
  $ cyberclaims incidents --rebuild --window 30 --outlets my-outlets.json`,
    )
    .action(async (o: IncidentsOptions) => {
      const filter = incidentFilter(o, knowledgeBase(o));
      const registry = loadOutletRegistry(o.outlets);
      const store = await openStore(dbPath(o));
      try {
        const { windowDays, rebuilt } = await ensureIncidents(store, o);
        if (rebuilt && o.rebuild)
          process.stderr.write(
            `incidents: rebuilt ${rebuilt.written} incidents from ${rebuilt.blocks} claimant → accused pairs (window ${windowDays} days)\n`,
          );
        const stored = await store.listIncidents(filter);
        const incidents = present(stored, registry, windowDays);
        if (o.format === 'json') {
          const out: IncidentsOutput = { version: 1, incidents };
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        } else if (incidents.length === 0) process.stdout.write('no incidents match\n');
        else
          process.stdout.write(
            `${table(INCIDENT_HEAD, incidents.map(incidentRow))}\n${incidents.length} incidents (grade: reliability A–F, credibility 1–6)\n`,
          );
      } finally {
        await store.close();
      }
    });
}
