import type { Command } from 'commander';
import type { KnowledgeBase } from '../kb/index.js';
import { openStore, type IncidentUpdate, type Store } from '../store/index.js';
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
  /** What updating the incidents for the stored documents did; null when nothing new was stored or it failed. */
  incidents?: IncidentUpdate | null;
  /** Set when the incident update failed: the documents are stored, the incidents need `incidents --rebuild`. */
  incidentError?: string;
}

/** Reads, extracts and stores every input; one bad document never stops the rest. */
export async function ingestInputs(
  inputs: readonly string[],
  store: Store,
  kb: KnowledgeBase,
  opts: { maxBytes?: number; quiet?: boolean } = {},
): Promise<IngestSummary> {
  const sum: IngestSummary = { stored: 0, duplicate: 0, failed: 0, claims: 0, incidents: null };
  const storedIds: string[] = [];
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
        storedIds.push(saved.documentId);
      } else sum.duplicate++;
    } catch (e) {
      bar.done();
      sum.failed++;
      printError(e instanceof Error ? e.message : String(e));
    }
  }
  bar.done();
  // Incidents are updated once per batch, for the affected claimant → accused pairs only.
  if (storedIds.length > 0) {
    try {
      sum.incidents = await store.updateIncidentsFor(storedIds);
    } catch (e) {
      sum.incidentError = `incidents not updated (${e instanceof Error ? e.message : String(e)}); the documents are stored: run \`cyberclaims incidents --rebuild\``;
      printError(sum.incidentError);
    }
  }
  return sum;
}

export function summaryLine(s: IngestSummary, db: string): string {
  const parts = [`${s.stored} stored`, `${s.duplicate} already stored`, `${s.failed} failed`];
  const inc = s.incidents ? `; ${s.incidents.written} incidents updated` : '';
  return `${parts.join(', ')}; ${s.claims} new accusations${inc} → ${db}`;
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
        if (s.failed > 0 || s.incidentError) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
