import type { Command } from 'commander';
import { Option } from 'commander';
import { CyberclaimsError } from '../errors.js';
import {
  CREDIBILITY_WORDS,
  loadOutletRegistry,
  RELIABILITY_WORDS,
  type Incident,
} from '../incidents/index.js';
import { openStore } from '../store/index.js';
import { dbPath } from './context.js';
import { addIncidentOptions, ensureIncidents, present, type IncidentOptions } from './incidents.js';
import { partyLabel, style, table } from './output.js';

interface IncidentViewOptions extends IncidentOptions {
  format: 'text' | 'json';
}

// Conflicts are coloured only on a terminal; elsewhere the CONFLICT column says it in words.
const colour = (): boolean =>
  process.stdout.isTTY === true && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
const conflictStyle = (s: string): string => (colour() ? `\x1b[1;31m${s}\x1b[22;39m` : s);

const show = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : String(v));

/** The incident as text: parties, sources with why each was grouped, the comparison table, the grade and its reasons. */
export function incidentView(i: Incident): string {
  const outletOf = new Map(i.sources.map((s) => [s.document, s.outlet]));
  const label = (doc: string) => outletOf.get(doc) ?? doc;
  const lines: string[] = [
    style.bold(
      `${i.id}  ${partyLabel(i.claimant)} ${style.dim('accuses')} ${i.accused.map(partyLabel).join(', ')}`,
    ),
    `first reported: ${i.firstReported ?? 'undated'}   sources: ${i.sources.length} (${i.independentSources} independent)   basis: ${i.basis}   grade: ${i.grade.reliability}${i.grade.credibility}`,
  ];
  const facts = [
    i.operations.length ? `operations: ${i.operations.join(', ')}` : null,
    i.sectors.length ? `sectors: ${i.sectors.join(', ')}` : null,
  ].filter((x): x is string => x !== null);
  if (facts.length) lines.push(facts.join(' · '));

  lines.push('', style.bold('Sources'));
  i.sources.forEach((s, n) => {
    lines.push(
      `${String(n + 1).padStart(3)}. ${s.outlet ?? '(outlet unknown)'}, ${s.published ?? 'undated'} — ${s.document} ${style.dim(`(claim ${s.claim}, ${s.syndicationGroup})`)}`,
      `     ${style.dim(s.reason)}`,
    );
  });

  lines.push('', style.bold('What each source says'));
  const rows: string[][] = [];
  const conflictRows = new Set<number>();
  for (const r of i.comparison) {
    r.values.forEach((v, k) => {
      if (r.conflict) conflictRows.add(rows.length);
      rows.push([
        k === 0 ? r.attribute : '',
        show(v.value),
        k === 0 ? (r.conflict ? 'CONFLICT' : r.values.length > 1 ? 'differs' : 'agree') : '',
        v.sources.map(label).join(', '),
      ]);
    });
  }
  const rendered = table(['attribute', 'value', '', 'sources'], rows).split('\n');
  lines.push(rendered[0]!, ...rendered.slice(1).map((l, n) => (conflictRows.has(n) ? conflictStyle(l) : l)));
  const conflicts = i.comparison.filter((r) => r.conflict).map((r) => r.attribute);
  lines.push(
    conflicts.length ? conflictStyle(`conflicts: ${conflicts.join(', ')}`) : 'no conflicts between sources',
  );
  for (const r of i.comparison.filter((x) => x.note))
    lines.push(`  ${r.conflict ? conflictStyle(`${r.attribute}: ${r.note}`) : `${r.attribute}: ${r.note}`}`);

  lines.push(
    '',
    style.bold(
      `Grade ${i.grade.reliability}${i.grade.credibility}: ${RELIABILITY_WORDS[i.grade.reliability]}; ${CREDIBILITY_WORDS[i.grade.credibility]}`,
    ),
    ...i.grade.reasons.map((r) => `  - ${r}`),
  );
  return lines.join('\n');
}

export function register(program: Command): void {
  const cmd = program
    .command('incident')
    .description(
      'one incident: what each source says side by side, conflicts, and the grade with its reasons',
    )
    .argument('<id>', 'an incident id (inc-…), as listed by `incidents`')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'),
    );
  addIncidentOptions(cmd)
    .addHelpText(
      'after',
      `
Examples:
  $ cyberclaims incident inc-3f2a9c01d4e5b6a7
  $ cyberclaims incident inc-3f2a9c01d4e5b6a7 --format json --outlets my-outlets.json`,
    )
    .action(async (id: string, o: IncidentViewOptions) => {
      const registry = loadOutletRegistry(o.outlets);
      const store = await openStore(dbPath(o));
      try {
        const { windowDays } = await ensureIncidents(store, o);
        const stored = await store.getIncident(id);
        if (!stored)
          throw new CyberclaimsError(
            'NOT_FOUND',
            `${id}: no incident with this id (run \`cyberclaims incidents\` to list them)`,
          );
        const [incident] = present([stored], registry, windowDays);
        process.stdout.write(
          o.format === 'json' ? `${JSON.stringify(incident, null, 2)}\n` : `${incidentView(incident!)}\n`,
        );
      } finally {
        await store.close();
      }
    });
}
