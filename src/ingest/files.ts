/** Paths → files: folder expansion, size and permission checks, and reading with a byte limit. */
import { constants, type Stats } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { CyberclaimsError } from '../errors.js';

/** The formats a file extension selects; anything else is unsupported. */
export type FileFormat = 'text' | 'markdown' | 'html' | 'json' | 'jsonl';

export const EXTENSIONS: Readonly<Record<string, FileFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** The extension as written after the last dot of the file name ("" when none), lower-cased. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

const grouped = (n: number): string => n.toLocaleString('en-US');

export function tooLargeError(label: string, size: number, maxBytes: number, exact = true): CyberclaimsError {
  return new CyberclaimsError(
    'FILE_TOO_LARGE',
    `${label}: ${exact ? '' : 'more than '}${grouped(size)} bytes exceeds the ${grouped(maxBytes)}-byte limit (--max-bytes)`,
  );
}

/** A filesystem error as a one-line, user-facing message about `source`. */
export function fsError(source: string, e: unknown): CyberclaimsError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new CyberclaimsError('FILE_NOT_FOUND', `${source}: no such file or directory`);
    case 'ENOTDIR':
      return new CyberclaimsError(
        'FILE_NOT_FOUND',
        `${source}: no such file or directory (a parent is not a folder)`,
      );
    case 'EACCES':
    case 'EPERM':
      return new CyberclaimsError('FILE_UNREADABLE', `${source}: permission denied`);
    case 'EISDIR':
      return new CyberclaimsError('FILE_UNREADABLE', `${source}: is a folder, expected a file`);
    case 'ELOOP':
      return new CyberclaimsError('FILE_UNREADABLE', `${source}: too many levels of symbolic links`);
    default: {
      const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      return new CyberclaimsError('FILE_UNREADABLE', `${source}: cannot read (${code ?? msg})`);
    }
  }
}

/** What one command-line input expands to, in reading order. */
export type Entry =
  | { readonly kind: 'file'; readonly source: string; readonly format: FileFormat | null }
  | { readonly kind: 'error'; readonly source: string; readonly error: CyberclaimsError };

/**
 * Annotation files sit beside the sample texts (NNN.txt + NNN.gold.json, see annotation-schema.md);
 * they are not articles, so a folder of samples reads as its articles only.
 */
const isAnnotation = (name: string): boolean => name.toLowerCase().endsWith('.gold.json');

/**
 * Expands one input. Files named explicitly always yield an entry (an unsupported type is an error);
 * inside folders, dotfiles, unsupported types and annotation files are skipped silently, entries are
 * sorted by name (code-point order, so the order is the same in every locale) and symlinked folders
 * are visited once.
 */
export async function* expandInput(input: string): AsyncGenerator<Entry> {
  let st: Stats;
  try {
    st = await stat(input);
  } catch (e) {
    yield { kind: 'error', source: input, error: fsError(input, e) };
    return;
  }
  if (!st.isDirectory()) {
    const ext = extensionOf(input);
    const format = EXTENSIONS[ext];
    if (format) yield { kind: 'file', source: input, format };
    else if (ext === '')
      yield { kind: 'file', source: input, format: null }; // no extension: sniff the content
    else {
      yield {
        kind: 'error',
        source: input,
        error: new CyberclaimsError(
          'UNSUPPORTED_TYPE',
          `${input}: unsupported file type "${ext}", expected .txt, .md, .html, .json or .jsonl`,
        ),
      };
    }
    return;
  }
  yield* walkFolder(input, new Set());
}

async function* walkFolder(dir: string, seen: Set<string>): AsyncGenerator<Entry> {
  let names: string[];
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    names = (await readdir(dir))
      .filter((n) => !n.startsWith('.'))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (e) {
    yield { kind: 'error', source: dir, error: fsError(dir, e) };
    return;
  }
  for (const name of names) {
    // Joined by hand, not with path.join, so sources keep the folder exactly as the user wrote it.
    const path = dir.endsWith('/') ? dir + name : `${dir}/${name}`;
    let st: Stats;
    try {
      st = await stat(path);
    } catch (e) {
      yield { kind: 'error', source: path, error: fsError(path, e) };
      continue;
    }
    if (st.isDirectory()) yield* walkFolder(path, seen);
    else if (st.isFile() && EXTENSIONS[extensionOf(name)] && !isAnnotation(name)) {
      yield { kind: 'file', source: path, format: EXTENSIONS[extensionOf(name)]! };
    }
  }
}

/**
 * Reads a whole file, checking its size on the open handle first so an oversized file is rejected
 * without being read, and a file that grows after the check is still cut off at the limit.
 */
export async function readFileLimited(source: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(source, constants.O_RDONLY);
  } catch (e) {
    throw fsError(source, e);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new CyberclaimsError('FILE_UNREADABLE', `${source}: not a regular file`);
    if (st.size > maxBytes) throw tooLargeError(source, st.size, maxBytes);
    // Read to EOF rather than trusting st.size: the file may be growing (a log, a download).
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLargeError(source, maxBytes, maxBytes, false);
      parts.push(buf.subarray(0, bytesRead));
    }
    return Buffer.concat(parts, total);
  } catch (e) {
    throw e instanceof CyberclaimsError ? e : fsError(source, e);
  } finally {
    await handle.close();
  }
}

/** Reads a stream fully, stopping as soon as it passes the limit (stdin has no size to stat). */
export async function readStreamLimited(
  source: string,
  stream: NodeJS.ReadableStream,
  maxBytes: number,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += b.length;
    if (size > maxBytes) throw tooLargeError(source, maxBytes, maxBytes, false);
    parts.push(b);
  }
  return Buffer.concat(parts);
}
