/** Assembles the SourceDocument every reader returns, so text layout and hashing live in one place. */
import { createHash } from 'node:crypto';
import { CyberclaimsError, type ErrorCode } from '../errors.js';
import type { SourceDocument } from '../types.js';
import { removeBoilerplate } from './boilerplate.js';
import { findPublishedDate, normaliseDate } from './dates.js';
import { normaliseText } from './decode.js';

export interface DocumentMeta {
  readonly title?: string | null;
  readonly url?: string | null;
  readonly outlet?: string | null;
  readonly published?: string | null;
}

/** Host of an absolute http(s) URL without "www.", e.g. "https://www.example.com/a" → "example.com". */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** An absolute http(s) URL as given, else null: relative or script URLs say nothing about the source. */
export function absoluteUrl(url: string | null | undefined): string | null {
  return url && hostOf(url.trim()) ? url.trim() : null;
}

/** One line, single spaces: titles come from tags and fields that may hold newlines or runs of spaces. */
export function cleanTitle(title: string | null | undefined): string | null {
  const t = normaliseText(title ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return t === '' ? null : t;
}

const sameText = (a: string, b: string): boolean =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Builds the document from a title and a body that is already plain text. The text is
 * `title + "\n\n" + body` (or the body alone): the layout evidence offsets are computed against.
 * Throws `ifEmpty` when the body has no text once furniture is removed.
 */
export function makeDocument(
  source: string,
  rawBody: string,
  meta: DocumentMeta,
  ifEmpty: { readonly code: ErrorCode; readonly problem: string } = {
    code: 'FILE_EMPTY',
    problem: 'no text left after removing page furniture',
  },
): SourceDocument {
  const title = cleanTitle(meta.title);
  let body = removeBoilerplate(normaliseText(rawBody)).replace(/^\n+|\n+$/g, '');
  // Pages and feeds often repeat the headline as the first paragraph; keep it once.
  if (title) {
    const nl = body.indexOf('\n');
    const first = nl === -1 ? body : body.slice(0, nl);
    if (sameText(first, title)) body = body.slice(first.length).replace(/^\n+/, '');
  }
  if (body.trim() === '') throw new CyberclaimsError(ifEmpty.code, `${source}: ${ifEmpty.problem}`);
  const text = title ? `${title}\n\n${body}` : body;
  const url = absoluteUrl(meta.url);
  return {
    kind: 'source-document',
    source,
    title,
    outlet: cleanTitle(meta.outlet) ?? hostOf(url),
    published: normaliseDate(meta.published) ?? findPublishedDate(body),
    url,
    text,
    contentHash: createHash('sha256').update(text, 'utf8').digest('hex'),
  };
}
