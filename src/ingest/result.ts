import { CyberclaimsError, isCyberclaimsError } from '../errors.js';
import type { SourceDocument } from '../types.js';

/** One input document, read or not: a batch reports per document and never stops at a bad one. */
export type ReadResult =
  | { readonly kind: 'document'; readonly doc: SourceDocument }
  | { readonly kind: 'error'; readonly source: string; readonly error: CyberclaimsError };

export const documentResult = (doc: SourceDocument): ReadResult => ({ kind: 'document', doc });

/** Turns a reader's CyberclaimsError into a result; anything else is a bug and keeps propagating. */
export function attempt(source: string, read: () => SourceDocument): ReadResult {
  try {
    return documentResult(read());
  } catch (e) {
    if (isCyberclaimsError(e)) return { kind: 'error', source, error: e };
    throw e;
  }
}

export const errorResult = (source: string, error: CyberclaimsError): ReadResult => ({
  kind: 'error',
  source,
  error,
});
