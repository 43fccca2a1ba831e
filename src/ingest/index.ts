/**
 * Ingest: the readers. Turns paths, folders and stdin into SourceDocuments — plain text plus metadata —
 * with one result per document, so a batch never stops at a bad file.
 */
import { createReadStream } from 'node:fs';
import { CyberclaimsError, isCyberclaimsError } from '../errors.js';
import type { SourceDocument } from '../types.js';
import { binaryReason, bytesToText } from './decode.js';
import type { DocumentMeta } from './document.js';
import {
  expandInput,
  EXTENSIONS,
  extensionOf,
  fsError,
  readFileLimited,
  readStreamLimited,
  tooLargeError,
  type FileFormat,
} from './files.js';
import { decodeHtml, readHtml } from './html.js';
import { readJson, readJsonLinesStream, readJsonLinesText } from './json.js';
import { readMarkdown } from './markdown.js';
import { attempt, errorResult, type ReadResult } from './result.js';
import { readText } from './text.js';

export type { ReadResult } from './result.js';

export interface ReadOptions {
  /** Per document (per record for JSON Lines). Default 10 MiB. */
  maxBytes?: number;
  /** Read for the input "-". Default process.stdin. */
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const STDIN = '-';

/**
 * Builds a SourceDocument from content already in memory (pasted text or HTML). Throws a
 * CyberclaimsError (FILE_EMPTY, HTML_NO_TEXT) when there is no text to extract from.
 */
export function documentFromContent(
  source: string,
  content: string,
  format: 'text' | 'markdown' | 'html',
  meta?: { title?: string | null; url?: string | null; outlet?: string | null; published?: string | null },
): SourceDocument {
  const m: DocumentMeta = meta ?? {};
  if (format === 'html') return readHtml(source, content, m);
  if (format === 'markdown') return readMarkdown(source, content, m);
  return readText(source, content, m);
}

/** Content without a telling extension (stdin, "README") is classified by its first character. */
function sniff(text: string): 'html' | 'json' | 'text' {
  const first = text.trimStart()[0];
  if (first === '<') return 'html';
  if (first === '{' || first === '[') return 'json';
  return 'text';
}

/** A whole document held in memory, by format; JSON may hold many records. */
function readContent(source: string, bytes: Buffer, format: FileFormat | null): ReadResult[] {
  let text: string;
  try {
    text = format === 'html' ? decodeHtml(source, bytes) : bytesToText(source, bytes);
  } catch (e) {
    if (isCyberclaimsError(e)) return [errorResult(source, e)];
    throw e;
  }
  const kind = format ?? sniff(text);
  if (text.trim() === '')
    return [errorResult(source, new CyberclaimsError('FILE_EMPTY', `${source}: file is empty`))];
  switch (kind) {
    case 'html':
      return [attempt(source, () => readHtml(source, text))];
    case 'markdown':
      return [attempt(source, () => readMarkdown(source, text))];
    case 'text':
      return [attempt(source, () => readText(source, text))];
    case 'jsonl':
      return readJsonLinesText(source, text);
    case 'json': {
      // Sniffed JSON may be JSON Lines: one parse of the whole decides, lines are the fallback.
      if (format === null && text.trim().includes('\n')) {
        try {
          JSON.parse(text);
        } catch {
          return readJsonLinesText(source, text);
        }
      }
      return readJson(source, text);
    }
  }
}

/**
 * Reads a file that arrived in memory (an upload): the format comes from `name`'s extension, else
 * from the first character; one result per document (JSON may hold several), never throws for bad
 * content. An extension that is not a supported type is an UNSUPPORTED_TYPE result.
 */
export function readBuffer(
  source: string,
  bytes: Buffer,
  name: string,
  maxBytes: number = DEFAULT_MAX_BYTES,
): ReadResult[] {
  if (bytes.length > maxBytes) return [errorResult(source, tooLargeError(source, bytes.length, maxBytes))];
  const ext = extensionOf(name);
  const format = ext === '' ? null : (EXTENSIONS[ext] ?? undefined);
  if (format === undefined) {
    return [
      errorResult(
        source,
        new CyberclaimsError(
          'UNSUPPORTED_TYPE',
          `${source}: "${ext}" files are not supported, expected ${Object.keys(EXTENSIONS).join(', ')}`,
        ),
      ),
    ];
  }
  return readContent(source, bytes, format);
}

/** Peeks at the first chunk so a binary file is one error, not a malformed line per chunk of noise. */
async function* checkedChunks(source: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let first = true;
  for await (const chunk of chunks) {
    if (first) {
      first = false;
      const why = binaryReason(chunk);
      if (why)
        throw new CyberclaimsError('FILE_BINARY', `${source}: ${why}, expected text, HTML, Markdown or JSON`);
    }
    yield chunk;
  }
}

async function* readJsonLinesFile(source: string, maxBytes: number): AsyncGenerator<ReadResult> {
  try {
    const stream = createReadStream(source, { highWaterMark: 64 * 1024 });
    yield* readJsonLinesStream(source, checkedChunks(source, stream), maxBytes, (label, size) =>
      tooLargeError(label, size, maxBytes),
    );
  } catch (e) {
    yield errorResult(source, isCyberclaimsError(e) ? e : fsError(source, e));
  }
}

/**
 * Expands folders (recursively, sorted, skipping dotfiles and files of unsupported types inside
 * folders silently), reads every input, yields one result per document in input order; never throws
 * for a bad input.
 */
export async function* readInputs(
  inputs: readonly string[],
  opts: ReadOptions = {},
): AsyncGenerator<ReadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new CyberclaimsError(
      'BAD_ARGUMENT',
      `--max-bytes: expected a positive whole number, found ${maxBytes}`,
    );
  }
  for (const input of inputs) {
    if (input === STDIN) {
      try {
        const bytes = await readStreamLimited(STDIN, opts.stdin ?? process.stdin, maxBytes);
        yield* readContent(STDIN, bytes, null);
      } catch (e) {
        yield errorResult(STDIN, isCyberclaimsError(e) ? e : fsError(STDIN, e));
      }
      continue;
    }
    for await (const entry of expandInput(input)) {
      if (entry.kind === 'error') {
        yield entry;
        continue;
      }
      if (entry.format === 'jsonl') {
        yield* readJsonLinesFile(entry.source, maxBytes);
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await readFileLimited(entry.source, maxBytes);
      } catch (e) {
        yield errorResult(entry.source, isCyberclaimsError(e) ? e : fsError(entry.source, e));
        continue;
      }
      yield* readContent(entry.source, bytes, entry.format);
    }
  }
}
