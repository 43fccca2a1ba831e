import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadOutletRegistry } from '../incidents/index.js';
import { packageRoot } from '../kb/index.js';
import { openStore, type StoredClaim } from '../store/index.js';
import { CLAIM_HEAD, claimRow } from './claims.js';
import { dbPath, knowledgeBase, type CommonOptions } from './context.js';
import { ensureIncidents, INCIDENT_HEAD, incidentRow, present } from './incidents.js';
import { ingestInputs, summaryLine } from './ingest.js';
import { style, table } from './output.js';

/** Who accuses whom, most frequent pairs first. */
function pairCounts(claims: readonly StoredClaim[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of claims) {
    for (const a of c.accused) {
      const key = `${c.claimant.name} → ${a.name}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
}

export function register(program: Command): void {
  program
    .command('demo')
    .description(
      'ingest the bundled sample articles into the database and print a report (what `npm start` runs)',
    )
    .option('--db <path>', 'SQLite database file (default $CYBERCLAIMS_DB or ./cyberclaims.db)')
    .addHelpText(
      'after',
      `
Examples:
  $ cyberclaims demo
  $ CYBERCLAIMS_DB=/tmp/try.db cyberclaims demo`,
    )
    .action(async (o: CommonOptions) => {
      const db = dbPath(o);
      const samples = path.join(packageRoot(), 'samples');
      const inputs = fs.existsSync(samples) ? [samples] : [];
      const store = await openStore(db);
      try {
        const s = await ingestInputs(inputs, store, knowledgeBase(o), { quiet: true });
        const stats = await store.stats();
        const claims = await store.listClaims({ limit: 10_000 });
        const { windowDays } = await ensureIncidents(store, {});
        const incidents = present(await store.listIncidents(), loadOutletRegistry(), windowDays);
        // The incidents most worth a look first: most sources, then most recent.
        const top = [...incidents].sort(
          (a, b) =>
            b.sources.length - a.sources.length ||
            (b.firstReported ?? '').localeCompare(a.firstReported ?? ''),
        );
        const out: string[] = [
          style.bold('cyberclaims — accusations of state cyber operations and disinformation'),
          `sample articles: ${summaryLine(s, db)}`,
          `database now holds ${stats.documents} documents, ${stats.claims} accusations, ${stats.responses} responses, ${stats.parties} actors`,
          '',
          style.bold('Who accuses whom (claims per pair)'),
          ...pairCounts(claims)
            .slice(0, 15)
            .map(([k, n]) => `  ${String(n).padStart(3)}  ${k}`),
          '',
          style.bold('Latest accusations'),
          table(CLAIM_HEAD, claims.slice(0, 25).map(claimRow)),
          '',
          style.bold(
            'Incidents across sources (reports of one accusation event grouped; grade = reliability A–F, credibility 1–6)',
          ),
          `${incidents.length} incidents; ${incidents.filter((i) => i.sources.length > 1).length} reported by more than one source; ${
            incidents.filter((i) => i.comparison.some((r) => r.conflict)).length
          } where the sources conflict`,
          table(INCIDENT_HEAD, top.slice(0, 12).map(incidentRow)),
          '',
          `Next: ${style.bold('npx cyberclaims claims --actor <name>')}, ${style.bold('npx cyberclaims show <id>')}, ${style.bold('npx cyberclaims incident <inc-id>')}, ${style.bold('npx cyberclaims extract --format text <file>')}`,
        ];
        process.stdout.write(`${out.join('\n')}\n`);
        if (s.failed > 0) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
