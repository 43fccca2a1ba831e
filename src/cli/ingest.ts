import type { Command } from 'commander';
import type { KnowledgeBase } from '../kb/index.js';
import { openStore, type Store } from '../store/index.js';
import { dbPath, knowledgeBase, parsePositive, type CommonOptions } from './context.js';
import { printError, style } from './output.js';
import { extractInputs } from './pipeline.js';
import { progress } from './progress.js';

interface IngestOptions extends CommonOptions {
  maxBytes?: number;
  quiet?: boolean;
}

export interface IngestSummary {
  stored: number;
  duplicate: number;
  failed: number;
  claims: number;
}

/** Reads, extracts and stores every input; one bad document never stops the rest. */
export async function ingestInputs(
  inputs: readonly string[],
  store: Store,
  kb: KnowledgeBase,
  opts: { maxBytes?: number; quiet?: boolean } = {},
): Promise<IngestSummary> {
  const sum: IngestSummary = { stored: 0, duplicate: 0, failed: 0, claims: 0 };
  const bar = progress(!opts.quiet);
  for await (const r of extractInputs(inputs, kb, opts.maxBytes ? { maxBytes: opts.maxBytes } : {})) {
    if (r.kind === 'failed') {
      bar.done();
      sum.failed++;
      printError(r.message);
      continue;
    }
    bar.tick(r.doc.source);
    try {
      const saved = await store.saveDocument(r.doc, r.extracted);
      if (saved.status === 'stored') {
        sum.stored++;
        sum.claims += r.extracted.claims.length;
      } else sum.duplicate++;
    } catch (e) {
      bar.done();
      sum.failed++;
      printError(e instanceof Error ? e.message : String(e));
    }
  }
  bar.done();
  return sum;
}

export function summaryLine(s: IngestSummary, db: string): string {
  const parts = [`${s.stored} stored`, `${s.duplicate} already stored`, `${s.failed} failed`];
  return `${parts.join(', ')}; ${s.claims} new accusations → ${db}`;
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('extract accusations from articles and store them in the database (idempotent)')
    .argument('<inputs...>', 'files, folders (recursive) or - for standard input')
    .option('--db <path>', 'SQLite database file (default $CYBERCLAIMS_DB or ./cyberclaims.db)')
    .option('--kb <path>', 'user knowledge base (default cyberclaims-kb.json next to the database)')
    .option(
      '--max-bytes <n>',
      'largest document accepted, in bytes (default 10 MiB)',
      parsePositive('--max-bytes'),
    )
    .option('-q, --quiet', 'no progress line')
    .addHelpText(
      'after',
      `
Examples:
  $ cyberclaims ingest samples/
  $ cyberclaims ingest --db team.db feed.jsonl
  $ cat story.html | cyberclaims ingest -`,
    )
    .action(async (inputs: string[], o: IngestOptions) => {
      const db = dbPath(o);
      const store = await openStore(db);
      try {
        const s = await ingestInputs(inputs, store, knowledgeBase(o), o);
        process.stderr.write(`${style.bold('ingest:')} ${summaryLine(s, db)}\n`);
        if (s.failed > 0) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
