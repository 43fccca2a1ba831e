import fs from 'node:fs';
import path from 'node:path';
import { CyberclaimsError } from '../errors.js';
import { KINDS, type Kind } from '../types.js';
import { buildTrie } from './matcher.js';
import { packageRoot } from './paths.js';
import type { KbEntry, KnowledgeBase } from './types.js';

const BUILTIN_FILES = ['countries.json', 'agencies.json', 'threat-groups.json', 'organisations.json'];
const ID = /^[a-z0-9][a-z0-9-]*$/;
const COUNTRY = /^[A-Z]{2}$/;

/** Checks one raw entry and returns it typed; the message names the file and the entry. */
export function validateEntry(raw: unknown, file: string, index: number): KbEntry {
  const where = `${file}: entry ${index + 1}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CyberclaimsError('KB_INVALID', `${where}: expected an object`);
  }
  const o = raw as Record<string, unknown>;
  const str = (k: string): string => {
    const v = o[k];
    if (typeof v !== 'string' || v.trim() === '') {
      throw new CyberclaimsError(
        'KB_INVALID',
        `${where}: expected a non-empty string "${k}", found ${JSON.stringify(v)}`,
      );
    }
    return v;
  };
  const list = (k: string, required: boolean): string[] | undefined => {
    const v = o[k];
    if (v === undefined && !required) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) {
      throw new CyberclaimsError('KB_INVALID', `${where}: expected "${k}" to be a list of names`);
    }
    return v as string[];
  };
  const id = str('id');
  if (!ID.test(id)) throw new CyberclaimsError('KB_INVALID', `${where}: id "${id}" must match ${ID}`);
  const kind = str('kind');
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new CyberclaimsError(
      'KB_INVALID',
      `${where} (${id}): kind "${kind}" is not one of ${KINDS.join(', ')}`,
    );
  }
  const country = o.country ?? null;
  if (country !== null && (typeof country !== 'string' || !COUNTRY.test(country))) {
    throw new CyberclaimsError(
      'KB_INVALID',
      `${where} (${id}): country must be an ISO 3166-1 alpha-2 code or null`,
    );
  }
  const entry: KbEntry = {
    id,
    name: str('name'),
    kind: kind as Kind,
    country: country as string | null,
    aliases: list('aliases', true) ?? [],
  };
  const cs = list('caseSensitive', false);
  const dem = list('demonyms', false);
  const people = list('spokespeople', false);
  return {
    ...entry,
    ...(cs ? { caseSensitive: cs } : {}),
    ...(dem ? { demonyms: dem } : {}),
    ...(people ? { spokespeople: people } : {}),
  };
}

/** Reads a knowledge-base file: a JSON array of entries. */
export function readKbFile(file: string, origin: string): KbEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const why =
      (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message.split('\n')[0];
    throw new CyberclaimsError('KB_INVALID', `${file}: cannot read knowledge base (${why})`);
  }
  if (!Array.isArray(raw))
    throw new CyberclaimsError('KB_INVALID', `${file}: expected a JSON array of entries`);
  return raw.map((r, i) => ({ ...validateEntry(r, file, i), origin }));
}

export function builtinEntries(): KbEntry[] {
  const dir = path.join(packageRoot(), 'data', 'kb');
  return BUILTIN_FILES.filter((f) => fs.existsSync(path.join(dir, f))).flatMap((f) =>
    readKbFile(path.join(dir, f), 'builtin'),
  );
}

/** Builds a knowledge base from entries; later entries with the same id replace earlier ones. */
export function buildKnowledgeBase(entries: readonly KbEntry[]): KnowledgeBase {
  const byId = new Map<string, KbEntry>();
  for (const e of entries) byId.set(e.id, e);
  const list = [...byId.values()];
  return { kind: 'knowledge-base', entries: list, byId, root: buildTrie(list) };
}

let builtinCache: KnowledgeBase | null = null;

/**
 * The built-in knowledge base, merged with a user file when one is given (its entries override
 * built-ins with the same id). The built-in one is built once per process.
 */
export function loadKnowledgeBase(userFile?: string | null): KnowledgeBase {
  if (!userFile || !fs.existsSync(userFile)) {
    builtinCache ??= buildKnowledgeBase(builtinEntries());
    return builtinCache;
  }
  return buildKnowledgeBase([...builtinEntries(), ...readKbFile(userFile, userFile)]);
}
