/** Plain text, in the annotated-sample layout: an optional title line, a blank line, the body. */
import type { SourceDocument } from '../types.js';
import { removeBoilerplate } from './boilerplate.js';
import { assertNotBlank, normaliseText } from './decode.js';
import { makeDocument, type DocumentMeta } from './document.js';

const MAX_TITLE_CHARS = 200;

/**
 * Splits a leading title line off plain text. The line counts as a title only when a blank line follows
 * it, it is at most 200 characters and it does not end like a sentence or a lead-in (. ! ? :), so a
 * first paragraph is never mistaken for a headline.
 */
export function splitTitle(text: string): { readonly title: string | null; readonly body: string } {
  const m = /^([^\n]+)\n[ \t]*\n/.exec(text);
  const line = m?.[1]?.trim();
  if (!m || !line || line.length > MAX_TITLE_CHARS) return { title: null, body: text };
  // Closing quotes and brackets do not hide the punctuation: 'He said "no."' still ends a sentence.
  if (/[.!?:]$/.test(line.replace(/["'”’»)\]]+$/, ''))) return { title: null, body: text };
  return { title: line, body: text.slice(m[0].length) };
}

/** Reads plain text; a title from `meta` wins over the first-line rule. */
export function readText(source: string, content: string, meta: DocumentMeta = {}): SourceDocument {
  const text = normaliseText(content);
  assertNotBlank(source, text);
  if (meta.title) return makeDocument(source, text, meta);
  // Furniture is removed before the title is looked for, so "Skip to content" never becomes the title.
  const { title, body } = splitTitle(removeBoilerplate(text));
  return makeDocument(source, body, { ...meta, title });
}
