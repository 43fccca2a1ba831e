import type { Command } from 'commander';
import { CyberclaimsError } from '../errors.js';
import { openStore, type StoredDocument } from '../store/index.js';
import type { Span } from '../types.js';
import { dbPath, type CommonOptions } from './context.js';
import { style } from './output.js';
import { claimLines, responseLine } from './render.js';

/** The evidence sentence with some text either side, the sentence itself marked. */
export function inContext(text: string, e: Span, width = 220): string {
  const from = Math.max(0, text.lastIndexOf('\n', e.start - 1) + 1, e.start - width);
  const to = Math.min(text.length, e.end + width);
  const nl = text.indexOf('\n', e.end);
  const end = nl >= 0 && nl < to ? nl : to;
  return `${from > 0 ? '…' : ''}${text.slice(from, e.start)}${style.mark(text.slice(e.start, e.end))}${text.slice(e.end, end)}${end < text.length ? '…' : ''}`;
}

function documentView(d: StoredDocument): string {
  const lines = [
    style.bold(`${d.id}  ${d.title ?? '(no title)'}`),
    `source: ${d.source}`,
    `outlet: ${d.outlet ?? '—'}   published: ${d.published ?? '—'}   ingested: ${d.ingestedAt}`,
    '',
  ];
  if (d.claims.length === 0) lines.push('no accusations found');
  for (const c of d.claims) {
    lines.push(...claimLines(c));
    for (const e of c.evidence) lines.push(`       ${inContext(d.text, e)}`);
    lines.push('');
  }
  for (const r of d.responses) lines.push(responseLine(r));
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('show')
    .description('show one stored claim or document with its evidence sentences in context')
    .argument('<id>', 'a claim id (doc-…:c1), a document id (doc-…) or the source as ingested')
    .option('--db <path>', 'SQLite database file (default $CYBERCLAIMS_DB or ./cyberclaims.db)')
    .addHelpText(
      'after',
      `
Examples:
  $ cyberclaims show doc-3f2a9c01d4e5b6a7:c1
  $ cyberclaims show samples/dev/000.txt`,
    )
    .action(async (id: string, o: CommonOptions) => {
      const store = await openStore(dbPath(o));
      try {
        const claim = id.includes(':c') ? await store.getClaim(id) : null;
        if (claim) {
          const doc = await store.getDocument(claim.documentId);
          const lines = [
            style.bold(`${claim.storedId}  ${claim.title ?? ''}`),
            `source: ${claim.source}`,
            ...claimLines(claim),
          ];
          if (doc) for (const e of claim.evidence) lines.push(`       ${inContext(doc.text, e)}`);
          for (const r of claim.responses) lines.push(responseLine(r));
          process.stdout.write(`${lines.join('\n')}\n`);
          return;
        }
        const doc = await store.getDocument(id);
        if (!doc)
          throw new CyberclaimsError(
            'NOT_FOUND',
            `${id}: no stored claim or document with this id or source`,
          );
        process.stdout.write(`${documentView(doc)}\n`);
      } finally {
        await store.close();
      }
    });
}
