/**
 * The read → extract loop shared by `extract`, `ingest` and `demo`: one result per document, in
 * input order; a bad document is a result, never an exception.
 */
import { describeError } from '../errors.js';
import { extractDocument } from '../extract/index.js';
import { readInputs } from '../ingest/index.js';
import type { KnowledgeBase } from '../kb/index.js';
import type { ExtractedDocument, SourceDocument } from '../types.js';

export type DocumentOutcome =
  | { readonly kind: 'extracted'; readonly doc: SourceDocument; readonly extracted: ExtractedDocument }
  | { readonly kind: 'failed'; readonly source: string; readonly message: string };

export async function* extractInputs(
  inputs: readonly string[],
  kb: KnowledgeBase,
  opts: { maxBytes?: number } = {},
): AsyncGenerator<DocumentOutcome> {
  for await (const r of readInputs(inputs, opts.maxBytes ? { maxBytes: opts.maxBytes } : {})) {
    if (r.kind === 'error') {
      yield { kind: 'failed', source: r.source, message: r.error.message };
      continue;
    }
    try {
      yield { kind: 'extracted', doc: r.doc, extracted: extractDocument(r.doc, kb) };
    } catch (e) {
      // an extractor bug on one document must not stop the batch
      yield { kind: 'failed', source: r.doc.source, message: `${r.doc.source}: ${describeError(e)}` };
    }
  }
}
