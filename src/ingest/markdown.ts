/** Markdown → plain text: the markup is dropped, the words and line structure stay. */
import type { SourceDocument } from '../types.js';
import { assertNotBlank, normaliseText } from './decode.js';
import { makeDocument, type DocumentMeta } from './document.js';
import { decodeEntities } from './entities.js';
import { readText } from './text.js';

/** YAML front matter keys that carry metadata, e.g. "date: 2024-09-24". */
const FRONT_MATTER_KEYS: Readonly<Record<string, keyof DocumentMeta>> = {
  title: 'title',
  url: 'url',
  link: 'url',
  canonical_url: 'url',
  outlet: 'outlet',
  source: 'outlet',
  site: 'outlet',
  published: 'published',
  date: 'published',
  pubdate: 'published',
};

function frontMatter(text: string): { meta: Record<string, string>; rest: string } {
  const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { meta: {}, rest: text };
  const meta: Record<string, string> = {};
  for (const line of m[1]!.split('\n')) {
    const kv = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    const key = kv && FRONT_MATTER_KEYS[kv[1]!.toLowerCase()];
    if (kv && key && !(key in meta)) meta[key] = kv[2]!.replace(/^(["'])(.*)\1$/, '$2').trim();
  }
  return { meta, rest: text.slice(m[0].length) };
}

/** Inline markup → text; each rule with the markup it handles. Spans stay within a paragraph. */
const INLINE: readonly (readonly [RegExp, string])[] = [
  [/!\[[^\]]*\]\([^)]*\)/g, ''], // e.g. "![map](map.png)"
  [/!\[[^\]]*\]\[[^\]]*\]/g, ''], // e.g. "![map][fig1]"
  [/\[([^\]]*)\]\([^)]*\)/g, '$1'], // e.g. "[the report](https://…)"
  [/\[([^\]]+)\]\[[^\]]*\]/g, '$1'], // e.g. "[the report][1]"
  [/<(https?:\/\/[^>\s]+)>/g, '$1'], // e.g. "<https://example.com>"
  [/<\/?[A-Za-z][^>]*>/g, ''], // e.g. "<br/>", "<span class=x>"
  [/<!--[\s\S]*?-->/g, ''], // e.g. "<!-- note -->"
  [/(`+)([^`\n]|[^`\n](?:[^\n]|\n(?!\n))*?[^`\n])\1(?!`)/g, '$2'], // e.g. "`whoami`"
  [/(\*\*|__)(?=\S)((?:[^\n]|\n(?!\n))*?\S)\1/g, '$2'], // e.g. "**bold**", "__bold__"
  [/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\*)/g, '$1$2'], // e.g. "*emphasis*"
  [/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2'], // e.g. "_emphasis_" but not "snake_case_name"
  [/~~(?=\S)((?:[^\n]|\n(?!\n))*?\S)~~/g, '$1'], // e.g. "~~struck~~"
  [/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1'], // e.g. "\*" → "*"
];

/** Line-level markup; returns null to drop the line. */
function stripLine(line: string, inFence: boolean): string | null {
  if (inFence) return line;
  if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return null; // rule, e.g. "---", "* * *"
  if (/^\s{0,3}(=+|-+)\s*$/.test(line)) return null; // setext underline, e.g. "====="
  if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) return null; // link definition, e.g. "[1]: https://…"
  if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) return null; // table rule "|---|---|"
  return line
    .replace(/^\s{0,3}(>\s?)+/, '') // quote, e.g. "> said the ministry"
    .replace(/^\s{0,3}#{1,6}\s+(.*?)(\s+#+)?\s*$/, '$1') // heading, e.g. "## Background ##"
    .replace(/^(\s*)[-*+]\s+(\[[ xX]\]\s+)?/, '$1'); // bullet, e.g. "- item" → "item"
}

/** Strips Markdown markup to plain text, keeping line and paragraph breaks. */
export function markdownToText(md: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of md.split('\n')) {
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      inFence = !inFence; // fenced code keeps its content (it may quote a statement) but not the fences
      continue;
    }
    const s = stripLine(line, inFence);
    if (s !== null) out.push(s);
  }
  let text = out.join('\n');
  // Inline rules run on the whole text because links and emphasis may wrap across lines.
  for (const [re, to] of INLINE) text = text.replace(re, to);
  return decodeEntities(text);
}

/** Reads Markdown: title from front matter or the first "# " heading, else the plain-text rule. */
export function readMarkdown(source: string, content: string, meta: DocumentMeta = {}): SourceDocument {
  const normalised = normaliseText(content);
  assertNotBlank(source, normalised);
  const { meta: fm, rest } = frontMatter(normalised);
  const merged: DocumentMeta = { ...fm, ...Object.fromEntries(Object.entries(meta).filter(([, v]) => v)) };
  const h1 = /^[ ]{0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/m.exec(rest);
  if (!merged.title && h1) {
    // The heading becomes the title line; the body is everything else, in order.
    const body = rest.slice(0, h1.index) + rest.slice(h1.index + h1[0].length);
    return makeDocument(source, markdownToText(body), { ...merged, title: markdownToText(h1[1]!) });
  }
  return readText(source, markdownToText(rest), merged);
}
