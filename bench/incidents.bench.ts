/**
 * `npm run bench` (second part): incidents at scale. Generates a corpus of claim-bearing documents
 * (default 100,000) straight into a fresh SQLite store — extraction results are made up, no NLP — with
 * several reports per event, syndicated reprints and undated reports; then times and measures
 *   1. a full rebuild (signatures, LSH buckets, syndication groups, incidents),
 *   2. a recomputation (rebuild with signatures already stored),
 *   3. an incremental ingest of 1,000 more documents (updateIncidentsFor),
 * and, as the baseline measured in the same run, naive all-pairs grouping and syndication on a
 * 5,000-claim subset against the blocked / LSH versions on the same subset.
 * Usage: node dist/bench/incidents.bench.js [--documents N] [--increment N] [--subset N]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  groupClaims,
  isoDay,
  partyKey,
  accusedKeys,
  shingleSignature,
  similarity,
  SYNDICATION_THRESHOLD,
  syndicationGroupId,
  syndicationGroups,
  wordSignature,
  type ClaimRecord,
} from '../src/incidents/index.js';
import { openStore, type Store } from '../src/store/index.js';
import type { Claim, ExtractedDocument, Kind, Party, SourceDocument } from '../src/types.js';
import { rng } from './corpus.js';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('--documents', 100_000);
const INCREMENT = arg('--increment', 1_000);
const SUBSET = arg('--subset', 5_000);
const WINDOW = 21;

const r = rng(20250317);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** Skewed choice: a few parties take most of the accusations, as in real news. */
const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(r() ** 2.2 * xs.length)]!;

// --- parties ---------------------------------------------------------------------------------------
const COUNTRIES = [
  'US',
  'CN',
  'RU',
  'GB',
  'TW',
  'IR',
  'KP',
  'FR',
  'DE',
  'AU',
  'UA',
  'IL',
  'CZ',
  'JP',
  'IN',
  'NL',
];
const KINDS: readonly Kind[] = ['state', 'government-agency', 'military-unit', 'company', 'researchers'];
function party(i: number, role: 'claimant' | 'accused'): Party {
  const country = COUNTRIES[i % COUNTRIES.length]!;
  const known = i % 5 !== 4; // one in five is an unknown actor, grouped by country and kind
  const kind: Kind =
    role === 'accused' ? (i % 3 === 0 ? 'threat-group' : 'military-unit') : KINDS[i % KINDS.length]!;
  const name = `${role === 'claimant' ? 'Agency' : 'Group'} ${i} of ${country}`;
  return { name, id: known ? `${role}-${i}` : null, country, kind, aliases: [name, `${role[0]}${i}`] };
}
const CLAIMANTS = Array.from({ length: 60 }, (_, i) => party(i, 'claimant'));
const ACCUSED = Array.from({ length: 120 }, (_, i) => party(i, 'accused'));

// --- text ------------------------------------------------------------------------------------------
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'to',
  'vas',
  'el',
  'qu',
  'dor',
  'pin',
  'sa',
  'tel',
  'un',
  'bri',
  'go',
  'zem',
];
const VOCAB = Array.from({ length: 30_000 }, () => {
  const n = 2 + Math.floor(r() * 3);
  return Array.from({ length: n }, () => pick(SYLLABLES)).join('');
});
const OPERATIONS = [
  'intrusion',
  'espionage',
  'disruption',
  'destruction',
  'phishing',
  'disinformation',
] as const;
const SECTORS = ['water', 'energy', 'communications', 'government', 'defense', 'media', 'finance'] as const;

interface Event {
  claimant: Party;
  accused: Party;
  day: string;
  topic: string[];
  operations: Claim['operations'];
  sectors: Claim['sectors'];
  individuals: number | null;
  reports: string[];
}

function sentence(topic: readonly string[]): string {
  const words = Array.from({ length: 8 + Math.floor(r() * 10) }, () =>
    r() < 0.3 ? pick(topic) : pick(VOCAB),
  );
  return `${words.join(' ')}.`;
}
/** An original report of the event: ~1.2 KB, with the event's topic words sprinkled in. */
function report(e: Event): string {
  const parts = [`${e.claimant.name} accuses ${e.accused.name} of ${e.operations.join(' and ')}`, ''];
  for (let i = 0; i < 12; i++) parts.push(sentence(e.topic));
  return parts.join(' ');
}
/** A reprint: the same story with a new headline and a few words changed. */
function reprint(text: string): string {
  const words = text.split(' ');
  for (let i = 0; i < words.length / 20; i++) words[Math.floor(r() * words.length)] = pick(VOCAB);
  return `${pick(VOCAB)} ${pick(VOCAB)} ${words.slice(3).join(' ')}`;
}

const START = Date.parse('2015-01-01');
const SPAN_DAYS = 11 * 365;
function newEvent(): Event {
  const day = new Date(START + Math.floor(r() * SPAN_DAYS) * 86_400_000).toISOString().slice(0, 10);
  return {
    claimant: skewed(CLAIMANTS),
    accused: skewed(ACCUSED),
    day,
    topic: Array.from({ length: 12 }, () => pick(VOCAB)),
    operations: [pick(OPERATIONS), ...(r() < 0.5 ? [pick(OPERATIONS)] : [])].filter(
      (x, i, a) => a.indexOf(x) === i,
    ),
    sectors: r() < 0.7 ? [pick(SECTORS)] : [],
    individuals: r() < 0.3 ? 1 + Math.floor(r() * 6) : null,
    reports: [],
  };
}

let serial = 0;
/** One more document: mostly a further report of a recent event, sometimes a reprint, sometimes a new event. */
function nextDocument(events: Event[]): { doc: SourceDocument; extracted: ExtractedDocument } {
  let e: Event;
  if (events.length === 0 || r() < 0.3) events.push((e = newEvent()));
  else e = events[events.length - 1 - Math.floor(r() ** 3 * Math.min(events.length, 2000))]!;
  const text = e.reports.length && r() < 0.3 ? reprint(pick(e.reports)) : report(e);
  // Only the latest few are kept for reprints, so the generator's own memory stays small.
  e.reports.push(text);
  if (e.reports.length > 3) e.reports.shift();
  const offset = Math.floor(r() * 10);
  const published =
    r() < 0.05 ? null : new Date(Date.parse(e.day) + offset * 86_400_000).toISOString().slice(0, 10);
  const source = `bench/${serial++}.txt`;
  const doc: SourceDocument = {
    kind: 'source-document',
    source,
    title: null,
    outlet: `outlet${Math.floor(r() * 500)}.example`,
    published,
    url: null,
    text,
    contentHash: crypto.createHash('sha256').update(text).update(source).digest('hex'),
  };
  const claim: Claim = {
    id: 'c1',
    type: 'accusation',
    claimant: e.claimant,
    accused: [e.accused],
    operations: e.operations,
    sectors: e.sectors,
    targetCountries: [pick(COUNTRIES)],
    individualsNamed: r() < 0.8 ? e.individuals : null,
    period: null,
    hedged: r() < 0.5,
    evidence: [{ text: text.slice(0, 80), start: 0, end: 80 }],
    techniques: [],
  };
  const responses = r() < 0.3 ? [{ type: 'denial' as const, by: e.accused, claim: 'c1', evidence: [] }] : [];
  return {
    doc,
    extracted: { source, title: null, outlet: doc.outlet, published, claims: [claim], responses },
  };
}

// --- measuring ---------------------------------------------------------------------------------------
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
async function timed<T>(label: string, fn: () => Promise<T> | T): Promise<{ value: T; sec: number }> {
  const rssBefore = peakRss();
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const sec = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = peakRss();
  console.log(
    `${label.padEnd(50)} ${sec.toFixed(2).padStart(8)} s   peak RSS ${mb(rss).padStart(7)}${
      rss > rssBefore ? ` (+${mb(rss - rssBefore)} in this step)` : ''
    }   heap now ${mb(process.memoryUsage().heapUsed)}`,
  );
  return { value, sec };
}

async function seed(
  store: Store,
  events: Event[],
  n: number,
): Promise<{ ids: string[]; samples: ClaimRecord[] }> {
  const ids: string[] = [];
  const samples: ClaimRecord[] = [];
  for (let i = 0; i < n; i++) {
    const { doc, extracted } = nextDocument(events);
    const saved = await store.saveDocument(doc, extracted);
    ids.push(saved.documentId);
    if (samples.length < SUBSET) {
      const c = extracted.claims[0]!;
      samples.push({
        kind: 'claim-record',
        storedId: `${saved.documentId}:c1`,
        documentId: saved.documentId,
        claimId: 'c1',
        source: doc.source,
        outlet: doc.outlet,
        published: doc.published,
        claimant: c.claimant,
        accused: c.accused,
        operations: c.operations,
        sectors: c.sectors,
        targetCountries: c.targetCountries,
        individualsNamed: c.individualsNamed,
        period: null,
        hedged: c.hedged,
        evidenceText: '',
        techniques: [],
        responses: [],
        syndicationGroup: syndicationGroupId([saved.documentId]),
        words: wordSignature(doc.text),
        text: doc.text,
      } as ClaimRecord & { text: string });
    }
  }
  return { ids, samples };
}

/** Union-find over indexes, for the all-pairs baselines. */
function components(n: number, linked: (i: number, j: number) => boolean): { groups: number; pairs: number } {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  let pairs = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      pairs++;
      if (linked(i, j)) parent[find(i)] = find(j);
    }
  return { groups: new Set(parent.map((_, i) => find(i))).size, pairs };
}

/**
 * The baseline for grouping: every pair of dated claims compared (same parties, published within the
 * window of each other), linked into incidents. Single-linkage, so its incidents can chain where the
 * blocked sweep anchors on the first report; the point is its cost.
 */
function naiveGrouping(claims: readonly ClaimRecord[]): { groups: number; pairs: number } {
  const dated = claims
    .filter((c) => isoDay(c.published))
    .map((c) => ({
      key: `${partyKey(c.claimant)}>${accusedKeys(c.accused).join('+')}`,
      day: Date.parse(c.published!),
    }));
  return components(dated.length, (i, j) => {
    const a = dated[i]!;
    const b = dated[j]!;
    return a.key === b.key && Math.abs(a.day - b.day) <= WINDOW * 86_400_000;
  });
}

/** The baseline for syndication: every pair of documents compared. */
function naiveSyndication(sigs: readonly (Uint32Array | null)[]): { groups: number; pairs: number } {
  return components(sigs.length, (i, j) => similarity(sigs[i]!, sigs[j]!) >= SYNDICATION_THRESHOLD);
}

const duration = (sec: number) =>
  sec < 120
    ? `${sec.toFixed(0)} s`
    : sec < 7200
      ? `${(sec / 60).toFixed(0)} min`
      : `${(sec / 3600).toFixed(1)} h`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-incidents-'));
try {
  const store = await openStore(path.join(dir, 'bench.db'));
  const events: Event[] = [];
  console.log(
    `\nincidents: ${N.toLocaleString('en')} generated documents with one accusation each, ~1.2 KB of text, ${CLAIMANTS.length} claimants × ${ACCUSED.length} accused (skewed), several reports per event, 30% reprints, 5% undated`,
  );
  const { value: seeded } = await timed(
    `seed ${N.toLocaleString('en')} documents (saveDocument, no NLP)`,
    () => seed(store, events, N),
  );
  const full = await timed('full rebuild (sign + LSH + syndication + group)', () => store.rebuildIncidents());
  console.log(
    `    → ${full.value.written.toLocaleString('en')} incidents in ${full.value.blocks.toLocaleString('en')} claimant → accused blocks; ${full.value.signed.toLocaleString('en')} documents signed  (target: recomputation under 60 s)`,
  );
  const again = await timed('recompute (rebuild, signatures stored)', () => store.rebuildIncidents());
  console.log(`    → ${again.value.written.toLocaleString('en')} incidents`);
  const { value: more } = await timed(`seed ${INCREMENT.toLocaleString('en')} more documents`, () =>
    seed(store, events, INCREMENT),
  );
  const inc = await timed(`incremental update for ${INCREMENT.toLocaleString('en')} new documents`, () =>
    store.updateIncidentsFor(more.ids),
  );
  console.log(
    `    → ${inc.value.blocks} blocks regrouped, ${inc.value.written.toLocaleString('en')} incidents written, ${inc.value.removed} removed  (${(full.sec / inc.sec).toFixed(0)}× faster than the full rebuild)`,
  );
  const stats = await store.stats();
  await store.close();
  console.log(
    `    store: ${stats.documents.toLocaleString('en')} documents, ${stats.claims.toLocaleString('en')} claims, file ${mb(fs.statSync(path.join(dir, 'bench.db')).size)}`,
  );

  // Baseline in the same run, on the first SUBSET claims.
  const subset = seeded.samples;
  console.log(
    `\nbaseline on a ${subset.length.toLocaleString('en')}-document subset (same documents for both):`,
  );
  const naive = await timed('  naive grouping (every pair of claims)', () => naiveGrouping(subset));
  const blocked = await timed('  blocked grouping (groupClaims, full records)', () =>
    groupClaims(subset, { windowDays: WINDOW }),
  );
  const blockedDated = blocked.value.filter((i) => i.firstReported !== null).length;
  console.log(
    `    → naive: ${naive.value.pairs.toLocaleString('en')} pairs compared (quadratic) → ${naive.value.groups} incidents of dated claims, links only; blocked: each claim meets only its block's open incident → ${blockedDated} dated incidents (+${blocked.value.length - blockedDated} undated) with comparison, facts and reasons built`,
  );
  const texts = subset.map((c) => shingleSignature((c as ClaimRecord & { text: string }).text));
  const allPairs = await timed('  naive syndication (every pair of documents)', () =>
    naiveSyndication(texts),
  );
  const lsh = await timed('  LSH syndication (syndicationGroups)', () =>
    syndicationGroups(new Map(subset.map((c, i) => [c.documentId, texts[i]!] as const))),
  );
  const groups = new Set(lsh.value.values()).size;
  console.log(
    `    → all pairs: ${allPairs.value.pairs.toLocaleString('en')} comparisons, ${allPairs.value.groups} syndication groups; LSH: ${groups} groups (same result: ${groups === allPairs.value.groups ? 'yes' : 'no'}); ${(allPairs.sec / lsh.sec).toFixed(0)}× faster with LSH`,
  );
  const scale = (N / subset.length) ** 2;
  console.log(
    `    → all pairs on ${N.toLocaleString('en')} documents would take ~${duration((allPairs.sec + naive.sec) * scale)} (quadratic: ×${scale.toFixed(0)}); the full rebuild above took ${duration(full.sec)}`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
