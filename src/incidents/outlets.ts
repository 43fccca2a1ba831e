/**
 * The outlets registry: how reliable each outlet is (Admiralty A–F) and whether it is a government's
 * own channel or state media. Built in: data/outlets.json; a user file (`--outlets PATH`, same format)
 * is merged over it, an entry for the same domain replacing the built-in one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CyberclaimsError } from '../errors.js';
import { packageRoot } from '../kb/index.js';
import type { OutletEntry, OutletRegistry, Reliability } from './types.js';

const RELIABILITY = new Set(['A', 'B', 'C', 'D', 'E', 'F']);
const TYPES = new Set(['official', 'state-media', 'wire', 'news', 'security-vendor', 'research', 'other']);

export const RELIABILITY_WORDS: Readonly<Record<Reliability, string>> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

/** "https://www.Example.com/path" → "example.com"; a name without a dot ("Reuters") is lower-cased only. */
export function normaliseOutlet(outlet: string): string {
  return outlet
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

function parseEntries(value: unknown, label: string): OutletEntry[] {
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && Array.isArray((value as { outlets?: unknown }).outlets)
      ? (value as { outlets: unknown[] }).outlets
      : null;
  if (!list)
    throw new CyberclaimsError(
      'BAD_ARGUMENT',
      `${label}: expecting {"outlets": [...]} or an array of outlets`,
    );
  return list.map((e, i) => {
    const where = `${label}: outlet ${i + 1}`;
    if (!e || typeof e !== 'object' || Array.isArray(e))
      throw new CyberclaimsError('BAD_ARGUMENT', `${where}: expecting an object`);
    const o = e as Record<string, unknown>;
    if (typeof o.domain !== 'string' || !o.domain.trim())
      throw new CyberclaimsError('BAD_ARGUMENT', `${where}: expecting a "domain" string`);
    const reliability = String(o.reliability ?? 'F').toUpperCase();
    if (!RELIABILITY.has(reliability))
      throw new CyberclaimsError(
        'BAD_ARGUMENT',
        `${where} (${o.domain}): expecting reliability A–F, instead found "${String(o.reliability)}"`,
      );
    if (o.type !== undefined && !TYPES.has(String(o.type)))
      throw new CyberclaimsError(
        'BAD_ARGUMENT',
        `${where} (${o.domain}): expecting type one of ${[...TYPES].join(', ')}, instead found "${String(o.type)}"`,
      );
    const str = (k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
    const country = str('country')?.toUpperCase();
    return {
      domain: normaliseOutlet(o.domain),
      reliability: reliability as Reliability,
      ...(str('name') ? { name: str('name')! } : {}),
      ...(o.type !== undefined ? { type: o.type as OutletEntry['type'] } : {}),
      ...(country ? { country } : {}),
      ...(str('party') ? { party: str('party')! } : {}),
      ...(str('note') ? { note: str('note')! } : {}),
    };
  });
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CyberclaimsError(
      code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
      `${file}: ${code === 'ENOENT' ? 'no such outlets file' : `cannot read the outlets file (${code ?? 'error'})`}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CyberclaimsError(
      'JSON_MALFORMED',
      `${file}: malformed JSON in the outlets file (${(e as Error).message.split('\n')[0]})`,
    );
  }
}

/** Builds a registry from entries; later entries replace earlier ones with the same domain. */
export function buildRegistry(...lists: readonly (readonly OutletEntry[])[]): OutletRegistry {
  const byDomain = new Map<string, OutletEntry>();
  for (const list of lists) for (const e of list) byDomain.set(e.domain, e);
  return { entries: [...byDomain.values()] };
}

/** The built-in registry, with the user file at `userPath` merged over it when given. */
export function loadOutletRegistry(userPath?: string | null): OutletRegistry {
  const builtin = path.join(packageRoot(), 'data', 'outlets.json');
  const lists = [parseEntries(readJson(builtin), builtin)];
  if (userPath) lists.push(parseEntries(readJson(userPath), userPath));
  return buildRegistry(...lists);
}

/** The registry entry for an outlet: the longest matching domain (a subdomain's own entry beats its parent's), or a name match. */
export function lookupOutlet(registry: OutletRegistry, outlet: string | null): OutletEntry | null {
  if (!outlet) return null;
  const key = normaliseOutlet(outlet);
  let best: OutletEntry | null = null;
  for (const e of registry.entries) {
    const hit =
      key === e.domain ||
      key.endsWith(`.${e.domain}`) ||
      (e.name !== undefined && e.name.toLowerCase() === key);
    if (hit && (!best || e.domain.length > best.domain.length)) best = e;
  }
  return best;
}
