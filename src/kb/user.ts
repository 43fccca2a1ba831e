/** Files around an import: the catalogue read, and the user knowledge base read and written. */
import fs from 'node:fs';
import path from 'node:path';
import { CyberclaimsError } from '../errors.js';
import {
  countryIndex,
  mergeImport,
  parseAttackBundle,
  parseMispGalaxy,
  summariseImport,
  type ImportFormat,
  type ImportOutcome,
  type ImportSummary,
} from './import.js';
import { builtinEntries, readKbFile, validateEntry } from './load.js';
import type { KbEntry } from './types.js';

/** Parses a JSON file to import; a missing, unreadable or malformed file is a one-line error naming it. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CyberclaimsError('FILE_NOT_FOUND', `${file}: no such file`);
    if (code === 'EISDIR') throw new CyberclaimsError('FILE_UNREADABLE', `${file}: is a folder, not a file`);
    throw new CyberclaimsError('FILE_UNREADABLE', `${file}: cannot read (${code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const why = (e as Error).message.split('\n')[0];
    throw new CyberclaimsError('JSON_MALFORMED', `${file}: expected JSON, found a syntax error (${why})`);
  }
}

/** The entries of a user knowledge base; none when the file does not exist yet. */
export function readUserKb(file: string): KbEntry[] {
  return fs.existsSync(file) ? readKbFile(file, file) : [];
}

/**
 * Writes a knowledge-base file atomically: every entry is validated first, the JSON goes to a temporary
 * file in the same folder, is flushed, and replaces the old file by rename, so a crash or a full disk
 * leaves the old file whole.
 */
export function writeKbFile(file: string, entries: readonly KbEntry[]): void {
  const clean = entries.map((e, i) => {
    const { origin: _origin, ...rest } = e;
    validateEntry(rest, file, i);
    return rest;
  });
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, `${JSON.stringify(clean, null, 2)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof CyberclaimsError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CyberclaimsError('FILE_UNWRITABLE', `${file}: cannot write the knowledge base (${code})`);
  }
}

/** One `kb import`: what was read, what happened to each record, and where the result went. */
export interface ImportRun {
  readonly kind: 'import-run';
  readonly file: string;
  /** What the file is, e.g. "MISP galaxy cluster threat-actor" or "ATT&CK bundle". */
  readonly label: string;
  readonly records: number;
  readonly outcomes: readonly ImportOutcome[];
  readonly summary: ImportSummary;
  readonly kbFile: string;
  readonly entries: number;
  readonly written: boolean;
}

/**
 * Imports a catalogue into the user knowledge base `kbFile`: reads and checks the catalogue and the
 * existing user file (either failing stops before anything is written), merges, and writes atomically
 * unless `dryRun`.
 */
export function importCatalogue(
  format: ImportFormat,
  file: string,
  kbFile: string,
  options: { readonly dryRun?: boolean } = {},
): ImportRun {
  const raw = readJsonFile(file);
  const builtin = builtinEntries();
  const records =
    format === 'attack' ? parseAttackBundle(raw, file) : parseMispGalaxy(raw, file, countryIndex(builtin));
  const label =
    format === 'attack' ? 'ATT&CK bundle' : `MISP galaxy cluster ${String((raw as { type: unknown }).type)}`;
  const result = mergeImport(records, builtin, readUserKb(kbFile));
  if (!options.dryRun) writeKbFile(kbFile, result.entries);
  return {
    kind: 'import-run',
    file,
    label,
    records: records.length,
    outcomes: result.outcomes,
    summary: summariseImport(result.outcomes),
    kbFile,
    entries: result.entries.length,
    written: !options.dryRun,
  };
}
