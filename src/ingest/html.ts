/**
 * HTML articles: metadata from the head, main text from @mozilla/readability over a linkedom DOM.
 * Article HTML is untrusted; linkedom builds a tree without running scripts or loading anything, and
 * only text leaves this file.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { SourceDocument } from '../types.js';
import { CyberclaimsError } from '../errors.js';
import { assertNotBlank, binaryReason, bytesToText, normaliseText } from './decode.js';
import { absoluteUrl, hostOf, makeDocument, type DocumentMeta } from './document.js';

/**
 * The part of the DOM this file touches. linkedom's types lean on the DOM lib, which a Node project
 * does not load, so the shape is spelled out here (as Kysely describes its drivers) instead.
 */
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  readonly innerHTML: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument {
  readonly documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  toString(): string;
}

const parse = (html: string): DomDocument => parseHTML(html).document as unknown as DomDocument;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements whose content is never article text. */
// prettier-ignore
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'EMBED', 'BUTTON', 'SELECT',
  'TEXTAREA', 'INPUT', 'HEAD', 'TITLE', 'META', 'LINK', 'NAV', 'FORM',
]);
/** Elements that start a new paragraph: the ones readability keeps (p, h1–h6, li, blockquote, pre) and their containers. */
// prettier-ignore
const BLOCK = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DIV', 'SECTION', 'ARTICLE', 'MAIN',
  'HEADER', 'FOOTER', 'ASIDE', 'UL', 'OL', 'DL', 'DT', 'DD', 'TABLE', 'THEAD', 'TBODY', 'TR', 'FIGURE',
  'FIGCAPTION', 'ADDRESS', 'HR', 'BODY', 'HTML', 'CENTER', 'DETAILS', 'SUMMARY',
]);
const LINE_BREAK = '\u2028';

/** Paragraphs of an element's text, one per block element, inline markup flattened. */
export function blockParagraphs(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let buf: string[] = [];
  const flush = (): void => {
    const p = buf
      .join('')
      .split(LINE_BREAK)
      .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
      .filter((l) => l !== '')
      .join('\n');
    if (p !== '') paragraphs.push(p);
    buf = [];
  };
  // An explicit stack, not recursion: hostile pages nest thousands of elements deep.
  const BLOCK_END = null;
  const stack: (DomNode | typeof BLOCK_END)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === BLOCK_END || node === undefined) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      buf.push(node.textContent ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'BR') {
      buf.push(LINE_BREAK);
      continue;
    }
    if (tag === 'PRE') {
      // Preformatted text keeps its own line breaks.
      flush();
      const pre = normaliseText(node.textContent ?? '').replace(/^\n+|\s+$/g, '');
      if (pre.trim() !== '') paragraphs.push(pre);
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) {
      flush();
      stack.push(BLOCK_END);
    } else if (tag === 'TD' || tag === 'TH') buf.push(' ');
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return paragraphs;
}

/** Looks up meta tags by property, name or itemprop, e.g. <meta property="og:title" content="…">. */
function metaReader(doc: DomDocument): (...keys: string[]) => string | null {
  const byKey = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !byKey.has(key)) byKey.set(key, content);
    }
  }
  return (...keys) => {
    for (const k of keys) {
      const v = byKey.get(k);
      if (v) return v;
    }
    return null;
  };
}

/** First datePublished in the page's JSON-LD, preferring article objects; malformed blocks are ignored. */
function jsonLdPublished(doc: DomDocument): string | null {
  const found: { date: string; article: boolean }[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.datePublished === 'string') {
      found.push({ date: o.datePublished, article: /Article|Posting|Report/.test(String(o['@type'] ?? '')) });
    }
    for (const x of Object.values(o)) visit(x, depth + 1);
  };
  for (const el of Array.from(doc.querySelectorAll('script'))) {
    if (!/ld\+json/i.test(el.getAttribute('type') ?? '')) continue;
    try {
      visit(JSON.parse(el.textContent ?? ''), 0);
    } catch {
      // A broken JSON-LD block is the page's problem; the other date sources still apply.
    }
  }
  return (found.find((f) => f.article) ?? found[0])?.date ?? null;
}

/** Drops a " | Example News" or " - Example News" suffix from a <title> when it names the outlet. */
function stripSiteSuffix(title: string, outlet: string | null): string {
  if (!outlet) return title;
  const m = /^(.+?)\s+[|\-–—:·•]\s+(.+)$/.exec(title);
  if (!m) return title;
  const suffix = m[2]!.toLowerCase().replace(/\s+/g, '');
  const site = outlet.toLowerCase().replace(/\s+/g, '');
  return suffix === site || site.startsWith(suffix) || suffix.startsWith(site.split('.')[0]!) ? m[1]! : title;
}

/** Title, URL, outlet and date from the page head, in the order publishers fill them most reliably. */
export function htmlMeta(doc: DomDocument): DocumentMeta {
  const meta = metaReader(doc);
  const canonical = Array.from(doc.querySelectorAll('link')).find((l) =>
    /(^|\s)canonical(\s|$)/i.test(l.getAttribute('rel') ?? ''),
  );
  const url = absoluteUrl(meta('og:url')) ?? absoluteUrl(canonical?.getAttribute('href'));
  const outlet = meta('og:site_name') ?? hostOf(url);
  const titleTag = doc.querySelector('title')?.textContent?.trim();
  const title =
    meta('og:title', 'twitter:title') ??
    (titleTag ? stripSiteSuffix(titleTag.replace(/\s+/g, ' '), outlet) : null);
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const published =
    meta('article:published_time', 'og:published_time') ??
    jsonLdPublished(doc) ??
    meta('date', 'pubdate', 'dc.date', 'dc.date.issued', 'dcterms.date', 'datepublished', 'publishdate') ??
    time;
  return { title, url, outlet, published };
}

/**
 * linkedom does not repair documents the way browsers do: a fragment without <html>/<body> yields a
 * tree that readability cannot walk. So the body's markup is moved into a fresh, well-formed page.
 */
function bodyDocument(raw: DomDocument, html: string): DomDocument {
  const body = raw.querySelector('body');
  let inner: string;
  if (body) inner = body.innerHTML;
  else {
    for (const el of Array.from(raw.querySelectorAll('head, title, meta, link'))) el.remove();
    inner = raw.toString().replace(/^\s*<!doctype[^>]*>/i, '');
    if (inner.trim() === '' && !/<[a-z]/i.test(html)) inner = html;
  }
  return parse(`<!DOCTYPE html><html><head></head><body>${inner}</body></html>`);
}

/** Main text via readability, paragraph breaks kept; the whole body when readability finds nothing. */
function mainText(page: DomDocument): string {
  const fallback = parse(
    `<!DOCTYPE html><html><body>${page.querySelector('body')?.innerHTML ?? ''}</body></html>`,
  );
  let article: { content?: DomNode | null } | null = null;
  try {
    article = new Readability<DomNode>(page as never, {
      serializer: (el) => el as unknown as DomNode,
    }).parse();
  } catch {
    // Readability is a heuristic over hostile markup; when it fails, the whole body is still text.
    article = null;
  }
  let paragraphs = article?.content ? blockParagraphs(article.content) : [];
  if (paragraphs.length === 0)
    paragraphs = blockParagraphs(fallback.querySelector('body') ?? (fallback as never));
  return paragraphs.join('\n\n');
}

/** Reads an HTML page; `meta` fields that are set win over what the page says. */
export function readHtml(source: string, content: string, meta: DocumentMeta = {}): SourceDocument {
  const html = normaliseText(content);
  assertNotBlank(source, html);
  const raw = parse(html);
  const fromPage = htmlMeta(raw);
  const given = Object.fromEntries(Object.entries(meta).filter(([, v]) => v));
  return makeDocument(
    source,
    mainText(bodyDocument(raw, html)),
    { ...fromPage, ...given },
    { code: 'HTML_NO_TEXT', problem: 'no readable text found' },
  );
}

/**
 * Decodes HTML bytes: UTF-8 unless the page declares a legacy charset in its first 1 KB
 * (<meta charset="windows-1252">), which older news sites still do.
 */
export function decodeHtml(source: string, bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const label = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (!label || label === 'utf-8' || label === 'utf8') return bytesToText(source, bytes);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return bytesToText(source, bytes); // unknown label: browsers fall back too, and UTF-8 is the safe guess
  }
  if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16'))
    return bytesToText(source, bytes);
  const why = binaryReason(bytes);
  if (why)
    throw new CyberclaimsError('FILE_BINARY', `${source}: ${why}, expected text, HTML, Markdown or JSON`);
  return normaliseText(decoder.decode(bytes));
}
