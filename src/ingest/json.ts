/** JSON records: one object, an array of objects, or one object per line (JSON Lines). */
import { CyberclaimsError } from '../errors.js';
import type { SourceDocument } from '../types.js';
import { decodeUtf8 } from './decode.js';
import { makeDocument, type DocumentMeta } from './document.js';
import { attempt, errorResult, type ReadResult } from './result.js';

/** Field names accepted for each piece of metadata, first match wins; feeds disagree on "published". */
const FIELDS: Readonly<Record<keyof DocumentMeta, readonly string[]>> = {
  title: ['title', 'headline'],
  url: ['url', 'link'],
  outlet: ['outlet', 'site', 'source_name'],
  published: ['published', 'date', 'publishedAt', 'published_at', 'datePublished'],
};

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

/** JSON.parse's message on one short line: V8 quotes the input, which may span lines. */
export function jsonProblem(e: unknown): string {
  const msg = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
  return `malformed JSON (${msg.length > 120 ? `${msg.slice(0, 119)}…` : msg})`;
}

/**
 * One record → document. `label` names the record in messages ("a.jsonl:3" for lines, "a.json#2" in arrays).
 * Throws JSON_NO_TEXT when there is no string "text" or "body".
 */
export function recordToDocument(source: string, label: string, value: unknown): SourceDocument {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CyberclaimsError(
      'JSON_NO_TEXT',
      `${label}: expected an object with a "text" or "body" field, found ${describe(value)}`,
    );
  }
  const o = value as Record<string, unknown>;
  const key = 'text' in o ? 'text' : 'body' in o ? 'body' : null;
  if (key === null) throw new CyberclaimsError('JSON_NO_TEXT', `${label}: no "text" or "body" field`);
  const body = o[key];
  if (typeof body !== 'string') {
    throw new CyberclaimsError('JSON_NO_TEXT', `${label}: "${key}" is ${describe(body)}, expected a string`);
  }
  if (body.trim() === '') throw new CyberclaimsError('FILE_EMPTY', `${label}: "${key}" is empty`);
  const meta: Record<string, string> = {};
  for (const [field, names] of Object.entries(FIELDS)) {
    const v = names.map((n) => o[n]).find((x) => typeof x === 'string' && x.trim() !== '');
    if (typeof v === 'string') meta[field] = v;
  }
  return makeDocument(source, body, meta, {
    code: 'FILE_EMPTY',
    problem: `"${key}" has no text left after removing page furniture`,
  });
}

/** A whole .json file: one object is one document; an array gives one result per element. */
export function readJson(source: string, content: string): ReadResult[] {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (e) {
    return [errorResult(source, new CyberclaimsError('JSON_MALFORMED', `${source}: ${jsonProblem(e)}`))];
  }
  if (!Array.isArray(value)) return [attempt(source, () => recordToDocument(source, source, value))];
  if (value.length === 0)
    return [errorResult(source, new CyberclaimsError('FILE_EMPTY', `${source}: empty JSON array`))];
  return value.map((v, i) => {
    const id = `${source}#${i + 1}`;
    return attempt(id, () => recordToDocument(id, id, v));
  });
}

/** One JSON Lines record; its source is "path#line", its messages say "path:line" as editors do. */
export function jsonLineResult(path: string, lineNo: number, line: string): ReadResult {
  const id = `${path}#${lineNo}`;
  const label = `${path}:${lineNo}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return errorResult(id, new CyberclaimsError('JSON_MALFORMED', `${label}: ${jsonProblem(e)}`));
  }
  return attempt(id, () => recordToDocument(id, label, value));
}

/** JSON Lines held in memory (stdin); blank lines are skipped but still counted. */
export function readJsonLinesText(path: string, content: string): ReadResult[] {
  const out: ReadResult[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() !== '') out.push(jsonLineResult(path, i + 1, line.replace(/^\uFEFF/, '')));
  });
  if (out.length === 0)
    out.push(errorResult(path, new CyberclaimsError('FILE_EMPTY', `${path}: file is empty`)));
  return out;
}

/**
 * Splits a byte stream into lines without holding more than one line. readline would buffer a line of
 * any length before we could look at it; here a line over `maxBytes` is counted and skipped, not kept.
 */
export async function* byteLines(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<{
  readonly lineNo: number;
  readonly offset: number;
  readonly bytes: Buffer | null;
  readonly size: number;
}> {
  let parts: Buffer[] = [];
  let size = 0;
  let over = false;
  let lineNo = 1;
  let offset = 0; // file offset of the current line's first byte
  for await (const chunk of chunks) {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = buf.indexOf(10, start); ; nl = buf.indexOf(10, start)) {
      const end = nl === -1 ? buf.length : nl;
      size += end - start;
      if (size > maxBytes) {
        over = true;
        parts = [];
      } else if (end > start) parts.push(buf.subarray(start, end));
      if (nl === -1) break;
      yield { lineNo, offset, bytes: over ? null : Buffer.concat(parts), size };
      offset += size + 1;
      lineNo++;
      parts = [];
      size = 0;
      over = false;
      start = nl + 1;
    }
  }
  if (size > 0 || parts.length > 0) yield { lineNo, offset, bytes: over ? null : Buffer.concat(parts), size };
}

/** Reads a JSON Lines stream record by record; one bad line is one error result, the rest still read. */
export async function* readJsonLinesStream(
  path: string,
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
  tooLarge: (label: string, size: number) => CyberclaimsError,
): AsyncGenerator<ReadResult> {
  let any = false;
  for await (const { lineNo, offset, bytes, size } of byteLines(chunks, maxBytes)) {
    const label = `${path}:${lineNo}`;
    if (bytes === null) {
      any = true;
      yield errorResult(`${path}#${lineNo}`, tooLarge(label, size));
      continue;
    }
    let line: string;
    try {
      line = decodeUtf8(label, bytes, offset).replace(/^\uFEFF/, '');
    } catch (e) {
      any = true;
      yield errorResult(`${path}#${lineNo}`, e as CyberclaimsError);
      continue;
    }
    if (line.trim() === '') continue;
    any = true;
    yield jsonLineResult(path, lineNo, line);
  }
  if (!any) yield errorResult(path, new CyberclaimsError('FILE_EMPTY', `${path}: file is empty`));
}
