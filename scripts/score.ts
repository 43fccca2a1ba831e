/**
 * Scores `extract` output against annotated documents (NNN.txt + NNN.gold.json, see
 * shared/docs/annotation-schema.md). Reports the same metrics as the project's reference scorer:
 * accusations matched by name and by country, operations and sectors on matched accusations,
 * individuals named, denials.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExtractedDocument, ExtractOutput, Party } from '../src/types.js';

export interface GoldParty {
  name: string;
  aliases?: string[];
  country?: string | null;
  kind?: string;
}
export interface GoldAccusation {
  accuser: GoldParty;
  accused: GoldParty[];
  operations?: string[];
  sectors?: string[];
  individuals_named?: number | null;
  denied?: boolean | null;
  optional?: boolean;
}
export interface GoldDocument {
  id: string;
  file: string;
  event?: string;
  accusations: GoldAccusation[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Score {
  documents: number;
  missing: number;
  strict: Counts;
  country: Counts;
  operations: Counts;
  sectors: Counts;
  individuals: { right: number; total: number };
  denials: { right: number; total: number };
  /** Documents with no gold accusation that got at least one claim. */
  negativesWithClaims: string[];
  perDocument: { file: string; tp: number; fp: number; fn: number }[];
}

/** Name normal form: case, quotes, possessive, a leading article and punctuation do not matter. */
export function normaliseName(s: unknown): string {
  return String(s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”"]/g, '')
    .replace(/'s\b/g, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

type AnyParty = Partial<Party> & {
  name?: string;
  aliases?: readonly string[] | string[];
  canonicalName?: string;
};

function nameSet(p: AnyParty | GoldParty | null | undefined): string[] {
  if (!p) return [];
  const all = [p.name, (p as AnyParty).canonicalName, ...(p.aliases ?? [])]
    .map(normaliseName)
    .filter((x) => x !== '');
  return [...new Set(all)];
}

/** Two parties match when a name is equal, or a name of 4+ characters stands as whole words in the other. */
export function sameParty(
  a: AnyParty | GoldParty | null | undefined,
  b: AnyParty | GoldParty | null | undefined,
): boolean {
  const xs = nameSet(a);
  const ys = nameSet(b);
  return xs.some((x) =>
    ys.some((y) => {
      if (x === y) return true;
      const [short, long] = x.length <= y.length ? [x, y] : [y, x];
      return short.length >= 4 && ` ${long} `.includes(` ${short} `);
    }),
  );
}

const countryOf = (p: { country?: string | null } | null | undefined): string | null =>
  p?.country ? String(p.country).toUpperCase() : null;

export function loadGold(dir: string): GoldDocument[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => {
      const g = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Omit<GoldDocument, 'file'>;
      return { ...g, file: f.replace(/\.gold\.json$/, '.txt') };
    });
}

function addSets(pred: readonly string[] = [], gold: readonly string[] = [], c: Counts) {
  const p = new Set(pred);
  const g = new Set(gold);
  for (const x of p) {
    if (g.has(x)) c.tp++;
    else c.fp++;
  }
  for (const x of g) if (!p.has(x)) c.fn++;
}

type PredClaim = ExtractedDocument['claims'][number];

function deniedIn(doc: ExtractedDocument | undefined, claim: PredClaim): boolean {
  return (doc?.responses ?? []).some(
    (r) =>
      r.type === 'denial' &&
      (r.claim
        ? r.claim === claim.id
        : claim.accused.some(
            (a) => sameParty(r.by, a) || (countryOf(r.by) !== null && countryOf(r.by) === countryOf(a)),
          )),
  );
}

/** Scores predictions (the JSON of `extract`) against a folder of gold documents. */
export function score(gold: readonly GoldDocument[], predictions: ExtractOutput): Score {
  const byFile = new Map<string, ExtractedDocument>();
  for (const d of predictions.documents) byFile.set(path.basename(d.source), d);
  const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  const out: Score = {
    documents: gold.length,
    missing: 0,
    strict: zero(),
    country: zero(),
    operations: zero(),
    sectors: zero(),
    individuals: { right: 0, total: 0 },
    denials: { right: 0, total: 0 },
    negativesWithClaims: [],
    perDocument: [],
  };

  for (const g of gold) {
    const doc = byFile.get(g.file);
    if (!doc) out.missing++;
    const claims = (doc?.claims ?? []).filter((c) => (c.type ?? 'accusation') === 'accusation');
    const required = g.accusations.filter((a) => !a.optional);
    const optional = g.accusations.filter((a) => a.optional);
    if (g.accusations.length === 0 && claims.length > 0) out.negativesWithClaims.push(g.file);

    const byName = (c: PredClaim, a: GoldAccusation) =>
      sameParty(c.claimant, a.accuser) && c.accused.some((x) => a.accused.some((y) => sameParty(x, y)));
    const byCountry = (c: PredClaim, a: GoldAccusation) => {
      const cc = countryOf(c.claimant);
      return (
        cc !== null &&
        cc === countryOf(a.accuser) &&
        c.accused.some((x) => a.accused.some((y) => countryOf(x) !== null && countryOf(x) === countryOf(y)))
      );
    };
    const either = (c: PredClaim, a: GoldAccusation) => byName(c, a) || byCountry(c, a);

    for (const [metric, hit] of [
      ['strict', byName],
      ['country', byCountry],
    ] as const) {
      // by country, only gold accusations whose accuser and some accused have a country can be found
      const scored =
        metric === 'country'
          ? required.filter((a) => countryOf(a.accuser) && a.accused.some((y) => countryOf(y)))
          : required;
      const unscored = required.filter((a) => !scored.includes(a));
      const taken = new Set<number>();
      let tp = 0;
      let fn = 0;
      for (const a of scored) {
        const k = claims.findIndex((c, i) => !taken.has(i) && hit(c, a));
        if (k < 0) fn++;
        else {
          taken.add(k);
          tp++;
        }
      }
      let fp = 0;
      claims.forEach((c, i) => {
        if (taken.has(i)) return;
        if (optional.some((a) => either(c, a))) return;
        if (metric === 'country' && unscored.some((a) => either(c, a))) return;
        fp++;
      });
      out[metric].tp += tp;
      out[metric].fp += fp;
      out[metric].fn += fn;
      if (metric === 'strict') out.perDocument.push({ file: g.file, tp, fp, fn });
    }

    const taken = new Set<number>();
    for (const a of required) {
      const k = claims.findIndex((c, i) => !taken.has(i) && byName(c, a));
      if (k < 0) continue;
      taken.add(k);
      const c = claims[k]!;
      addSets(c.operations, a.operations, out.operations);
      addSets(c.sectors, a.sectors, out.sectors);
      if (a.individuals_named != null) {
        out.individuals.total++;
        if (c.individualsNamed === a.individuals_named) out.individuals.right++;
      }
      if (a.denied != null) {
        out.denials.total++;
        if (deniedIn(doc, c) === a.denied) out.denials.right++;
      }
    }
  }
  return out;
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

const line = (label: string, c: Counts): string => {
  const m = prf(c);
  return `${label.padEnd(40)} P=${m.p.toFixed(3)} R=${m.r.toFixed(3)} F1=${m.f.toFixed(3)} (tp=${c.tp} fp=${c.fp} fn=${c.fn})`;
};

/** The report lines; the last one has the same form as the reference scorer's SUMMARY line. */
export function report(s: Score): string[] {
  return [
    `documents: ${s.documents} (missing from output: ${s.missing})`,
    line('accusations, strict (by name)', s.strict),
    line('accusations, by country', s.country),
    line('operations on matched accusations', s.operations),
    line('sectors on matched accusations', s.sectors),
    `${'individuals named, exact'.padEnd(40)} ${s.individuals.right}/${s.individuals.total}`,
    `${'denial detected correctly'.padEnd(40)} ${s.denials.right}/${s.denials.total}`,
    `${'negative documents with a claim'.padEnd(40)} ${s.negativesWithClaims.length}${s.negativesWithClaims.length ? ` (${s.negativesWithClaims.join(', ')})` : ''}`,
    summaryLine(s),
  ];
}

export function summaryLine(s: Score): string {
  return `SUMMARY strictF1=${prf(s.strict).f.toFixed(3)} countryF1=${prf(s.country).f.toFixed(3)} opsF1=${prf(s.operations).f.toFixed(3)} sectorsF1=${prf(s.sectors).f.toFixed(3)}`;
}
