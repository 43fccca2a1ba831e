/** Full-text search helpers for SQLite FTS5: what a person types → an FTS5 query, and snippets → highlights. */
import type { Highlight } from '../index.js';

/** Marks FTS5's snippet() puts around matches: control characters, which normaliseText never leaves in a document. */
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The FTS5 query for a search box's text, or null when it has no words. Every word and quoted phrase
 * becomes a quoted FTS5 string (implicitly AND-ed), so operators, column filters and stray quotes in
 * the input are plain words and never a syntax error; a trailing `*` keeps a word a prefix.
 * e.g. `volt typh* "water utilities"` → `"volt" "typh"* "water utilities"`
 */
export function ftsQuery(input: string): string | null {
  const parts: string[] = [];
  // Quoted phrases first; what is left is single words.
  const rest = input.replace(/"([^"]*)"/g, (_m, phrase: string) => {
    const words = phrase.match(WORD);
    if (words) parts.push(`"${words.join(' ')}"`);
    return ' ';
  });
  for (const m of rest.matchAll(/([\p{L}\p{N}]+)(\*?)/gu)) parts.push(`"${m[1]}"${m[2] ? '*' : ''}`);
  return parts.length ? parts.join(' ') : null;
}

/** Splits a snippet with MARK_OPEN/MARK_CLOSE around matches into plain text and highlight offsets. */
export function parseSnippet(marked: string): { snippet: string; highlights: Highlight[] } {
  let snippet = '';
  const highlights: Highlight[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_OPEN) open = snippet.length;
    else if (ch === MARK_CLOSE) {
      if (open >= 0 && snippet.length > open) highlights.push({ start: open, end: snippet.length });
      open = -1;
    } else snippet += ch;
  }
  return { snippet, highlights };
}
