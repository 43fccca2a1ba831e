import type { Command } from 'commander';
import { Option } from 'commander';
import { CyberclaimsError } from '../errors.js';
import { OPERATIONS } from '../types.js';
import { openStore, type StoredClaim } from '../store/index.js';
import { dbPath, parsePositive, type CommonOptions } from './context.js';
import { table } from './output.js';

interface ClaimsOptions extends CommonOptions {
  actor?: string;
  country?: string;
  operation?: string;
  format: 'table' | 'json';
  limit: number;
}

export function claimRow(c: StoredClaim): string[] {
  return [
    c.storedId,
    c.published ?? '—',
    `${c.claimant.name}${c.claimant.country ? ` (${c.claimant.country})` : ''}`,
    c.accused.map((p) => `${p.name}${p.country ? ` (${p.country})` : ''}`).join(', '),
    c.operations.join(', '),
    c.responses.length ? c.responses.map((r) => r.type).join(', ') : '',
    c.source,
  ];
}

export const CLAIM_HEAD = ['id', 'published', 'claimant', 'accused', 'operations', 'responses', 'source'];

export function register(program: Command): void {
  program
    .command('claims')
    .description('list stored accusations')
    .option('--actor <name>', 'claimant or accused: name, alias or knowledge-base id')
    .option('--country <cc>', 'claimant or accused country (ISO 3166-1 alpha-2)')
    .addOption(new Option('--operation <op>', 'an alleged operation').choices([...OPERATIONS]))
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .option('--limit <n>', 'at most this many', parsePositive('--limit'), 200)
    .option('--db <path>', 'SQLite database file (default $CYBERCLAIMS_DB or ./cyberclaims.db)')
    .addHelpText(
      'after',
      `
Examples:
  $ cyberclaims claims --actor ICEFCOM
  $ cyberclaims claims --country RU --operation disinformation --format json`,
    )
    .action(async (o: ClaimsOptions) => {
      if (o.country && !/^[A-Za-z]{2}$/.test(o.country)) {
        throw new CyberclaimsError(
          'BAD_ARGUMENT',
          `--country: expected a two-letter ISO code, found "${o.country}"`,
        );
      }
      const store = await openStore(dbPath(o));
      try {
        const claims = await store.listClaims({
          ...(o.actor ? { actor: o.actor } : {}),
          ...(o.country ? { country: o.country.toUpperCase() } : {}),
          ...(o.operation ? { operation: o.operation } : {}),
          limit: o.limit,
        });
        if (o.format === 'json') process.stdout.write(`${JSON.stringify({ version: 1, claims }, null, 2)}\n`);
        else if (claims.length === 0) process.stdout.write('no accusations match\n');
        else
          process.stdout.write(`${table(CLAIM_HEAD, claims.map(claimRow))}\n${claims.length} accusations\n`);
      } finally {
        await store.close();
      }
    });
}
