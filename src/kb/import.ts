/**
 * Importers for public actor catalogues. `parseMispGalaxy` reads a MISP galaxy cluster (threat-actor and
 * intelligence-agency, and the mitre-intrusion-set and microsoft-activity-group clusters, which have the
 * same shape); `parseAttackBundle` reads the intrusion-set objects of an ATT&CK STIX 2.x bundle. Both
 * give plain import candidates, which `mergeImport` folds into a user knowledge base. Everything here
 * is pure: reading and writing files is in user.ts.
 */
import { CyberclaimsError } from '../errors.js';
import type { Kind } from '../types.js';
import { cleanName, screenAlias, type DropReason } from './aliases.js';
import { aliasKey } from './matcher.js';
import type { KbEntry } from './types.js';

export type ImportFormat = 'misp-galaxy' | 'attack';

/** One actor read from a catalogue, before it meets the knowledge base. */
export interface ImportCandidate {
  readonly kind: 'import-candidate';
  /** Where it came from, for reports: "misp:<uuid>" or "attack:G0007". */
  readonly source: string;
  /** The id a new entry gets: "misp-<slug>" or "attack-g0007". */
  readonly id: string;
  /** The name a new entry gets (it may carry a qualifier, "Military Intelligence (Czech Republic)"). */
  readonly name: string;
  readonly actorKind: Kind;
  readonly country: string | null;
  /** Names that may become aliases; they are screened when merged. */
  readonly aliases: readonly string[];
  /** Aliases made up from the name and the country ("Albanian National Intelligence Service"), for a new entry only. */
  readonly derived: readonly string[];
  /** Names that identify the actor, for finding an entry to merge into; the first is the main one. */
  readonly matchNames: readonly string[];
}

export type SkipReason = 'revoked' | 'deprecated' | 'no usable name';

/** A catalogue row that is not imported, and why. */
export interface ImportSkip {
  readonly kind: 'import-skip';
  readonly source: string;
  readonly name: string;
  readonly reason: SkipReason;
}

export type ImportRecord = ImportCandidate | ImportSkip;

export interface DroppedAlias {
  readonly alias: string;
  readonly reason: DropReason;
}

/** What happened to one catalogue row. */
export interface ImportOutcome {
  readonly kind: 'import-outcome';
  readonly source: string;
  readonly name: string;
  readonly status: 'added' | 'merged' | 'unchanged' | 'skipped';
  /** The entry the row became or was merged into; null when skipped. */
  readonly id: string | null;
  readonly reason: SkipReason | null;
  readonly aliasesAdded: readonly string[];
  readonly aliasesDropped: readonly DroppedAlias[];
}

export interface ImportResult {
  readonly kind: 'import-result';
  /** The whole new user knowledge base: every earlier user entry (some updated), then the new ones. */
  readonly entries: readonly KbEntry[];
  readonly outcomes: readonly ImportOutcome[];
}

export interface ImportSummary {
  readonly added: number;
  readonly merged: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly skipReasons: Readonly<Partial<Record<SkipReason, number>>>;
  readonly aliasesAdded: number;
  readonly aliasesDropped: Readonly<Partial<Record<DropReason, number>>>;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const invalid = (where: string, what: string) => new CyberclaimsError('IMPORT_INVALID', `${where}: ${what}`);
const shown = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v).slice(0, 60));

// ---------------------------------------------------------------------------------------------------
// Countries

/** Country names, codes and demonyms of the built-in states, for reading a catalogue's country field. */
export interface CountryIndex {
  readonly kind: 'country-index';
  readonly codes: ReadonlySet<string>;
  readonly byName: ReadonlyMap<string, string>;
  /** code → the state's name and first demonym. */
  readonly labels: ReadonlyMap<string, { readonly name: string; readonly demonym: string | null }>;
}

const countryKey = (s: string): string => cleanName(s).toLowerCase().replace(/^the /, '');

export function countryIndex(entries: readonly KbEntry[]): CountryIndex {
  const codes = new Set<string>();
  const byName = new Map<string, string>();
  const labels = new Map<string, { name: string; demonym: string | null }>();
  for (const e of entries) {
    if (e.kind !== 'state' || !e.country) continue;
    codes.add(e.country);
    if (!labels.has(e.country)) labels.set(e.country, { name: e.name, demonym: e.demonyms?.[0] ?? null });
    for (const n of [e.name, ...e.aliases])
      if (!byName.has(countryKey(n))) byName.set(countryKey(n), e.country);
  }
  return { kind: 'country-index', codes, byName, labels };
}

/**
 * An ISO 3166-1 alpha-2 code from a code or a country name; null when unknown ("Unknown", "").
 * e.g. "CN", "Russian Federation", "Korea (Democratic People's Republic of)", "UK" → CN, RU, KP, GB.
 */
export function resolveCountry(raw: unknown, idx: CountryIndex): string | null {
  if (typeof raw !== 'string') return null;
  const s = cleanName(raw);
  if (/^[A-Za-z]{2}$/.test(s) && idx.codes.has(s.toUpperCase())) return s.toUpperCase();
  // ISO 3166 short names put the form last: "Iran (Islamic Republic of)" is the Islamic Republic of Iran.
  const m = /^(.+?)\s*\((.+ of)\)$/.exec(s);
  for (const name of m ? [`${m[2]} ${m[1]}`, m[1]!] : [s]) {
    const cc = idx.byName.get(countryKey(name));
    if (cc) return cc;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Names

/** A lower-case id part: "Ajax Security Team" → "ajax-security-team"; empty for a name without Latin letters. */
export const slug = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60)
    .replace(/-+$/, '');

/**
 * A catalogue name without what Wikipedia lists leave in the MISP intelligence-agencies cluster:
 * footnote marks and red links ("Strategic Services Agency (SSA)[28]", "… (page does not exist)"),
 * and without the brackets of "[Vault 7/8]".
 */
const tidy = (s: string): string =>
  cleanName(
    cleanName(s)
      .replace(/\[\d+\]/g, '')
      .replace(/\s*\(page does not exist\)$/i, '')
      .replace(/^\[(.*)\]$/, '$1')
      // an interlanguage link ("es:Secretaría de Inteligencia…") and a trailing comma
      .replace(/^[a-z]{2,3}:(?=\p{L})/u, '')
      .replace(/[,;:]+$/, ''),
  );

// e.g. "National Crime Intelligence Agency (NCIA)": a name and its acronym.
const WITH_ACRONYM = /^(.+?)\s+\(([\p{Lu}\p{N}][\p{Lu}\p{N}&.-]{1,11})\)$/u;

/**
 * The names in one catalogue field. e.g. "Suojelupoliisi / Skyddspolisen" is two names, and
 * "Sous-direction anti-terroriste (SDAT)" a name and its acronym. With `hyphens`, " - " separates too,
 * as in agency names given in English and then in the country's language.
 */
export function splitNames(raw: string, hyphens = false): string[] {
  // e.g. "Suojelupoliisi / Skyddspolisen", "National Cyber Security Commission – الهيئة الوطنية للأمن السيبراني"
  return tidy(raw)
    .split(hyphens ? /\s+[-/\u2013\u2014]\s+/ : /\s+[/\u2013\u2014]\s+/)
    .flatMap((part) => {
      let s = cleanName(part);
      // a closing bracket left over from a field cut at " / "
      if (s.endsWith(')') && s.split('(').length < s.split(')').length) s = s.slice(0, -1).trim();
      const m = WITH_ACRONYM.exec(s);
      if (m && /\p{Lu}.*\p{Lu}/u.test(m[2]!)) return [m[1]!, m[2]!];
      return s ? [s] : [];
    });
}

const uniqueNames = (names: readonly string[]): string[] => {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = n.toLowerCase();
    if (n === '' || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

// ---------------------------------------------------------------------------------------------------
// MISP galaxy clusters (https://github.com/MISP/misp-galaxy, clusters/*.json)

const MISP_KINDS: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ['threat-actor', 'threat-group'],
  ['mitre-intrusion-set', 'threat-group'],
  ['microsoft-activity-group', 'threat-group'],
  ['intelligence-agency', 'government-agency'],
]);

/** The cluster types `parseMispGalaxy` reads. */
export const MISP_CLUSTER_TYPES: readonly string[] = [...MISP_KINDS.keys()];

/** Converts a parsed MISP galaxy cluster; a file of another shape is an IMPORT_INVALID error naming it. */
export function parseMispGalaxy(raw: unknown, file: string, countries: CountryIndex): ImportRecord[] {
  if (!isObject(raw) || typeof raw.type !== 'string' || !Array.isArray(raw.values)) {
    throw invalid(file, 'not a MISP galaxy cluster: expected an object with a "type" and a "values" list');
  }
  const actorKind = MISP_KINDS.get(raw.type);
  if (!actorKind) {
    throw invalid(
      file,
      `a MISP galaxy cluster of type "${raw.type}" cannot be imported; expected one of ${MISP_CLUSTER_TYPES.join(', ')}`,
    );
  }
  return raw.values.map((v, i) => mispValue(v, `${file}: value ${i + 1}`, actorKind, countries));
}

function mispValue(v: unknown, where: string, actorKind: Kind, countries: CountryIndex): ImportCandidate {
  if (!isObject(v)) throw invalid(where, 'expected an object');
  if (typeof v.value !== 'string' || cleanName(v.value) === '') {
    throw invalid(where, `expected a non-empty string "value", found ${shown(v.value)}`);
  }
  const at = `${where} ("${cleanName(v.value)}")`;
  const meta = v.meta ?? {};
  if (!isObject(meta)) throw invalid(at, `expected "meta" to be an object, found ${shown(meta)}`);
  const synonyms = meta.synonyms ?? [];
  if (!Array.isArray(synonyms) || synonyms.some((s) => typeof s !== 'string')) {
    throw invalid(at, `expected "meta.synonyms" to be a list of names, found ${shown(synonyms)}`);
  }
  const uuid = typeof v.uuid === 'string' ? v.uuid : null;
  // e.g. "Ajax Security Team - G0130": the mitre-intrusion-set cluster appends the ATT&CK id to the name.
  const attackId =
    typeof meta.external_id === 'string' && /^G\d{4}$/.test(meta.external_id) ? meta.external_id : null;
  const value = tidy(v.value).replace(/\s+-\s+G\d{4}$/, '');
  const sponsor = meta['cfr-suspected-state-sponsor'];
  const country =
    resolveCountry(meta.country, countries) ??
    (Array.isArray(sponsor) ? null : resolveCountry(sponsor, countries)) ??
    resolveCountry(meta.country_name, countries);
  const id = attackId
    ? `attack-${attackId.toLowerCase()}`
    : `misp-${slug(value) || (uuid ?? '').replace(/[^a-f0-9]/gi, '').slice(0, 8) || 'actor'}`;
  const source = attackId ? `attack:${attackId}` : `misp:${uuid ?? value}`;
  // e.g. "National Directorate of Information and Intelligence - Dirección Nacional de Información e Inteligencia (DNII)"
  const [primary = value, ...otherNames] = splitNames(value, actorKind === 'government-agency');
  const names = uniqueNames([
    primary,
    ...otherNames,
    ...(synonyms as string[]).flatMap((n) => splitNames(n)),
  ]);
  const base = { kind: 'import-candidate', source, id, actorKind, country } as const;
  const agency = actorKind === 'government-agency' ? agencyNames(primary, country, countries) : null;
  if (agency) {
    // the bare name again among the synonyms is no less shared
    const aliases = names.filter((n) => n !== primary && aliasKey(n) !== aliasKey(agency.bare));
    return {
      ...base,
      name: agency.name,
      aliases,
      derived: agency.derived,
      matchNames: uniqueNames([agency.bare, ...agency.derived, ...aliases]),
    };
  }
  return { ...base, name: primary, aliases: names, derived: [], matchNames: names };
}

/**
 * Agency names that many states share ("National Intelligence Service (Albania)", "Military
 * Intelligence Department") identify an agency only together with its country: the bare name is used
 * only to find an entry of the same country, and in text the agency answers to "<Demonym> <name>".
 * Returns null for a name that is distinctive by itself ("Bundesnachrichtendienst").
 */
function agencyNames(
  value: string,
  country: string | null,
  countries: CountryIndex,
): { name: string; bare: string; derived: string[] } | null {
  const q = /^(.+?)\s+\(([^()]+)\)$/.exec(value);
  const qualifier = q ? resolveCountry(q[2], countries) : null;
  const bare = q && qualifier ? q[1]! : value;
  const cc = country ?? qualifier;
  const label = cc ? countries.labels.get(cc) : undefined;
  if (!qualifier) {
    const generic = screenAlias(bare).kind === 'keep' && isAllCommonWords(bare);
    const named = label && [label.name, label.demonym].some((n) => n && bare.includes(n));
    if (!generic || named || !label) return null;
  }
  const name = qualifier ? value : `${bare} (${label!.name})`;
  if (!label) return { name, bare, derived: [] };
  // a noun demonym reads wrong before a name ("New Zealander Security Intelligence Service")
  const adjective = label.demonym && !/er$/.test(label.demonym) ? label.demonym : label.name;
  const rest = bare.replace(/^the\s+/i, '');
  return { name, bare, derived: rest.startsWith(adjective) ? [] : [`${adjective} ${rest}`] };
}

function isAllCommonWords(name: string): boolean {
  // screenAlias keeps a multi-word name of common words when it is capitalised, so test the words here
  const words = name.split(/[^\p{L}']+/u).filter((w) => w !== '');
  return words.length > 0 && words.every((w) => screenAlias(w).kind === 'drop');
}

// ---------------------------------------------------------------------------------------------------
// ATT&CK STIX bundles (https://github.com/mitre-attack/attack-stix-data): intrusion-set objects

/** Converts the intrusion sets of a parsed STIX bundle; revoked and deprecated ones are skipped. */
export function parseAttackBundle(raw: unknown, file: string): ImportRecord[] {
  if (!isObject(raw) || raw.type !== 'bundle' || !Array.isArray(raw.objects)) {
    throw invalid(file, 'not a STIX bundle: expected an object with "type": "bundle" and an "objects" list');
  }
  const out: ImportRecord[] = [];
  raw.objects.forEach((o, i) => {
    const where = `${file}: object ${i + 1}`;
    if (!isObject(o)) throw invalid(where, 'expected an object');
    if (o.type !== 'intrusion-set') return;
    if (typeof o.name !== 'string' || cleanName(o.name) === '') {
      throw invalid(where, `expected the intrusion-set to have a "name", found ${shown(o.name)}`);
    }
    const name = cleanName(o.name);
    const at = `${where} ("${name}")`;
    const aliases = o.aliases ?? [];
    if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string')) {
      throw invalid(at, `expected "aliases" to be a list of names, found ${shown(aliases)}`);
    }
    const refs = o.external_references ?? [];
    if (!Array.isArray(refs)) throw invalid(at, `expected "external_references" to be a list`);
    // STIX 2.1 §2.5: the ATT&CK id is the external reference whose source_name is "mitre-attack".
    const ref = refs.find((r) => isObject(r) && r.source_name === 'mitre-attack');
    const attackId =
      isObject(ref) && typeof ref.external_id === 'string' && /^[A-Za-z0-9-]+$/.test(ref.external_id)
        ? ref.external_id
        : null;
    const source = `attack:${attackId ?? (typeof o.id === 'string' ? o.id : name)}`;
    if (o.revoked === true) {
      out.push({ kind: 'import-skip', source, name, reason: 'revoked' });
      return;
    }
    if (o.x_mitre_deprecated === true) {
      out.push({ kind: 'import-skip', source, name, reason: 'deprecated' });
      return;
    }
    const names = uniqueNames([name, ...(aliases as string[]).map(cleanName)]);
    out.push({
      kind: 'import-candidate',
      source,
      id: `attack-${attackId ? attackId.toLowerCase() : slug(name) || 'group'}`,
      name,
      actorKind: 'threat-group',
      // ATT&CK records no country; a group gets one by merging into an entry that has it.
      country: null,
      aliases: names,
      derived: [],
      matchNames: names,
    });
  });
  if (out.length === 0) throw invalid(file, 'the bundle holds no intrusion-set objects (ATT&CK groups)');
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Merging

// Which kinds an imported actor may be merged into: a threat group named like a military unit or an
// agency of its country is that unit ("Unit 8200"); nothing is ever merged into a state or a company.
const MERGE_INTO: Readonly<Partial<Record<Kind, readonly Kind[]>>> = {
  'threat-group': ['threat-group', 'military-unit', 'government-agency'],
  'government-agency': ['government-agency', 'military-unit'],
};

/**
 * Whether candidate `c` may merge into entry `e`. A threat group's own name identifies it and vendors
 * disagree on attribution, so a group found by its main name merges whatever the countries; found only
 * through a synonym, or for an agency, whose name several states may share, the countries must agree.
 */
function compatible(e: KbEntry, c: ImportCandidate, byMainName: boolean): boolean {
  if (!(MERGE_INTO[c.actorKind] ?? [c.actorKind]).includes(e.kind)) return false;
  if (byMainName && e.kind === 'threat-group' && c.actorKind === 'threat-group') return true;
  return e.country === null || c.country === null || e.country === c.country;
}

/** A name dropped only for being a common word still identifies an entry that already has it ("Tick"). */
const isWordDrop = (n: string): boolean => {
  const v = screenAlias(n);
  return v.kind === 'drop' && v.reason === 'common word';
};

const withoutOrigin = (e: KbEntry): KbEntry => {
  const { origin: _origin, ...rest } = e;
  return rest;
};

/**
 * Folds import records into a user knowledge base. A record whose name or alias (compared as the
 * matcher compares them, so without case) names a compatible built-in or user entry is merged into it:
 * the entry keeps its id, kind and country (a missing country is filled in) and gains the record's
 * new aliases; a built-in entry that gains something is copied into the user knowledge base, which
 * overrides it. Other records become new entries. Aliases are screened (`screenAlias`), and an alias
 * that already names another entry is dropped, so an import never makes a name ambiguous. Earlier user
 * entries are all kept.
 */
export function mergeImport(
  records: readonly ImportRecord[],
  builtin: readonly KbEntry[],
  user: readonly KbEntry[],
): ImportResult {
  const builtinById = new Map(builtin.map((e) => [e.id, withoutOrigin(e)]));
  const entries: KbEntry[] = [];
  const userIndex = new Map<string, number>();
  for (const e of user) {
    if (userIndex.has(e.id)) entries[userIndex.get(e.id)!] = withoutOrigin(e);
    else {
      userIndex.set(e.id, entries.length);
      entries.push(withoutOrigin(e));
    }
  }
  const current = (id: string): KbEntry | undefined => {
    const i = userIndex.get(id);
    return i === undefined ? builtinById.get(id) : entries[i];
  };

  const keyCache = new Map<string, string>();
  const keyOf = (name: string): string => {
    let k = keyCache.get(name);
    if (k === undefined) {
      k = aliasKey(name);
      keyCache.set(name, k);
    }
    return k;
  };
  const owners = new Map<string, Set<string>>();
  const ownedKeys = new Map<string, Set<string>>();
  const own = (e: KbEntry) => {
    let mine = ownedKeys.get(e.id);
    if (!mine) ownedKeys.set(e.id, (mine = new Set()));
    for (const n of [e.name, ...e.aliases, ...(e.demonyms ?? [])]) {
      const k = keyOf(n);
      if (!k) continue;
      mine.add(k);
      let ids = owners.get(k);
      if (!ids) owners.set(k, (ids = new Set()));
      ids.add(e.id);
    }
  };
  for (const e of builtinById.values()) if (!userIndex.has(e.id)) own(e);
  for (const e of entries) own(e);

  const put = (e: KbEntry) => {
    const i = userIndex.get(e.id);
    if (i === undefined) {
      userIndex.set(e.id, entries.length);
      entries.push(e);
    } else entries[i] = e;
    own(e);
  };

  /** The existing entry a candidate belongs to, if any. */
  const findTarget = (c: ImportCandidate): KbEntry | undefined => {
    // A main name that is a common word still finds the entry that has it ("Tick"); a synonym that is
    // one finds nothing, or "Mask" would merge any group into Careto ("The Mask").
    const [first, ...others] = c.matchNames;
    const usable = (n: string) => screenAlias(n).kind === 'keep';
    const main = first !== undefined && (usable(first) || isWordDrop(first)) ? keyOf(first) : undefined;
    const keys = [...(main !== undefined ? [main] : []), ...others.filter(usable).map(keyOf)];
    const ids = new Set(keys.flatMap((k) => [...(owners.get(k) ?? [])]));
    // the same catalogue row imported before
    if (current(c.id)) ids.add(c.id);
    let best: { e: KbEntry; score: number } | undefined;
    for (const id of ids) {
      const e = current(id)!;
      const mine = ownedKeys.get(id) ?? new Set<string>();
      if (!compatible(e, c, id === c.id || (main !== undefined && mine.has(main)))) continue;
      const score =
        (id === c.id ? 1000 : 0) +
        (main !== undefined && keyOf(e.name) === main ? 100 : 0) +
        (main !== undefined && mine.has(main) ? 50 : 0) +
        2 * keys.filter((k) => mine.has(k)).length +
        (e.kind === c.actorKind ? 1 : 0);
      if (!best || score > best.score) best = { e, score };
    }
    return best?.e;
  };

  /** The candidate's aliases that are new to `targetId`, and those dropped with a reason. */
  const screen = (names: readonly string[], targetId: string | null) => {
    const kept: { alias: string; caseSensitive: boolean; key: string }[] = [];
    const dropped: DroppedAlias[] = [];
    const known = new Set(targetId ? (ownedKeys.get(targetId) ?? []) : []);
    for (const n of names) {
      const v = screenAlias(n);
      if (v.kind === 'drop') {
        dropped.push({ alias: v.alias, reason: v.reason });
        continue;
      }
      const key = keyOf(v.alias);
      if (!key) {
        dropped.push({ alias: v.alias, reason: 'too short' });
        continue;
      }
      if (known.has(key)) continue;
      const others = [...(owners.get(key) ?? [])].filter((id) => id !== targetId);
      if (others.length > 0) {
        dropped.push({ alias: v.alias, reason: 'names another entry' });
        continue;
      }
      known.add(key);
      kept.push({ alias: v.alias, caseSensitive: v.caseSensitive, key });
    }
    return { kept, dropped };
  };

  const freeId = (id: string): string => {
    let n = 2;
    let out = id;
    while (current(out)) out = `${id}-${n++}`;
    return out;
  };

  const outcomes: ImportOutcome[] = [];
  for (const r of records) {
    const outcome = { kind: 'import-outcome', source: r.source, name: r.name } as const;
    if (r.kind === 'import-skip') {
      outcomes.push({
        ...outcome,
        status: 'skipped',
        id: null,
        reason: r.reason,
        aliasesAdded: [],
        aliasesDropped: [],
      });
      continue;
    }
    const target = findTarget(r);
    if (target) {
      const { kept, dropped } = screen(r.aliases, target.id);
      const country = target.country ?? r.country;
      if (kept.length === 0 && country === target.country) {
        outcomes.push({
          ...outcome,
          status: 'unchanged',
          id: target.id,
          reason: null,
          aliasesAdded: [],
          aliasesDropped: dropped,
        });
        continue;
      }
      const cs = [
        ...(target.caseSensitive ?? []),
        ...kept.filter((k) => k.caseSensitive).map((k) => k.alias),
      ];
      put({
        ...withoutOrigin(target),
        country,
        aliases: [...target.aliases, ...kept.map((k) => k.alias)],
        ...(cs.length > 0 ? { caseSensitive: cs } : {}),
      });
      outcomes.push({
        ...outcome,
        status: 'merged',
        id: target.id,
        reason: null,
        aliasesAdded: kept.map((k) => k.alias),
        aliasesDropped: dropped,
      });
      continue;
    }
    const { kept, dropped } = screen(uniqueNames([r.name, ...r.derived, ...r.aliases]), null);
    const [first, ...rest] = kept;
    if (!first) {
      outcomes.push({
        ...outcome,
        status: 'skipped',
        id: null,
        reason: 'no usable name',
        aliasesAdded: [],
        aliasesDropped: dropped,
      });
      continue;
    }
    const id = freeId(r.id);
    const cs = kept.filter((k) => k.caseSensitive).map((k) => k.alias);
    put({
      id,
      name: first.alias,
      kind: r.actorKind,
      country: r.country,
      aliases: rest.map((k) => k.alias),
      ...(cs.length > 0 ? { caseSensitive: cs } : {}),
    });
    outcomes.push({
      ...outcome,
      status: 'added',
      id,
      reason: null,
      aliasesAdded: rest.map((k) => k.alias),
      aliasesDropped: dropped,
    });
  }
  return { kind: 'import-result', entries, outcomes };
}

/** Counts for the line printed after an import. */
export function summariseImport(outcomes: readonly ImportOutcome[]): ImportSummary {
  const count = <K extends string>(keys: readonly K[]): Partial<Record<K, number>> => {
    const out: Partial<Record<K, number>> = {};
    for (const k of keys) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const by = (s: ImportOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return {
    added: by('added'),
    merged: by('merged'),
    unchanged: by('unchanged'),
    skipped: by('skipped'),
    skipReasons: count(outcomes.flatMap((o) => (o.reason ? [o.reason] : []))),
    aliasesAdded: outcomes.reduce((n, o) => n + o.aliasesAdded.length, 0),
    aliasesDropped: count(outcomes.flatMap((o) => o.aliasesDropped.map((d) => d.reason))),
  };
}
