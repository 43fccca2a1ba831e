/**
 * MinHash signatures over word shingles, and LSH banding to find near-duplicate documents without
 * comparing every pair (Broder 1997; Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3).
 *
 * Written here rather than taken from npm: the packages there (`minhash` 0.0.9, last published years
 * ago) are unmaintained, and what is needed is a few dozen lines over typed arrays.
 *
 * Two signatures per document:
 * - the *shingle* signature (3-word shingles) recognises copies and light rewrites of one story:
 *   syndication. Two independent reports of one event share few 3-word runs.
 * - the *word* signature (the set of content words) measures topical overlap; it is what lets an
 *   undated report join the incident it is about.
 */
import { createHash } from 'node:crypto';

/** Hash functions in a shingle signature; with BANDS × ROWS LSH banding. */
export const SHINGLE_HASHES = 96;
export const BANDS = 32;
export const ROWS = SHINGLE_HASHES / BANDS;
/** Words per shingle. */
export const SHINGLE_SIZE = 3;
/** Hash functions in a word-set signature. */
export const WORD_HASHES = 64;
/**
 * Estimated Jaccard similarity of shingle sets at or above which two documents count as copies of one
 * story. Verbatim copies score 1; a wire story with a new headline and a changed sentence or two stays
 * well above 0.5; two outlets writing up the same event in their own words score under 0.1.
 * With 32 bands of 3 rows a pair at 0.4 becomes an LSH candidate with probability 1-(1-0.4³)³² ≈ 0.88,
 * at 0.5 ≈ 0.99, and a pair at 0.1 only ≈ 0.03.
 */
export const SYNDICATION_THRESHOLD = 0.4;
/** Bumped whenever tokenisation, hashing or the sizes above change: stored signatures are then recomputed. */
export const SIGNATURE_VERSION = 1;

const EMPTY = 0xffffffff;

/** Murmur3's finaliser: spreads the bits of a 32-bit value. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, then mixed. */
function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Per-function seeds, fixed so that signatures stored today compare with signatures computed tomorrow. */
function seeds(n: number, salt: number): Uint32Array {
  const out = new Uint32Array(n);
  let x = salt >>> 0;
  for (let i = 0; i < n; i++) {
    x = (x + 0x9e3779b9) >>> 0;
    out[i] = fmix32(x);
  }
  return out;
}
const SHINGLE_SEEDS = seeds(SHINGLE_HASHES, 0x5eed0001);
const WORD_SEEDS = seeds(WORD_HASHES, 0x5eed0002);

// Function words carry no topic; without them two unrelated articles stop looking alike.
const STOPWORDS = new Set(
  `a about after again against all also an and any are as at be because been before being between both but by
  can could did do does during each few for from further had has have having he her here hers him his how i if
  in into is it its itself just me more most my no nor not now of off on once only or other our out over own
  said same says she should so some such than that the their them then there these they this those through to
  too under until up very was we were what when where which while who whom why will with would you your`.split(
    /\s+/,
  ),
);

/** Lower-cased words (letters and digits) in reading order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function signatureOf(hashes: Iterable<number>, seedsFor: Uint32Array): Uint32Array {
  const n = seedsFor.length;
  const sig = new Uint32Array(n).fill(EMPTY);
  for (const x of hashes) {
    for (let i = 0; i < n; i++) {
      // One multiply-xorshift per function: x is already well mixed, so this acts as a random permutation.
      let h = Math.imul(x ^ seedsFor[i]!, 0x9e3779b1);
      h = (h ^ (h >>> 15)) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/**
 * The shingle signature of a text, or null when it has fewer than SHINGLE_SIZE words (such a text
 * cannot be told apart from any other short text, so it is never taken for a copy).
 */
export function shingleSignature(text: string): Uint32Array | null {
  const ws = words(text);
  if (ws.length < SHINGLE_SIZE) return null;
  const wh = ws.map(stringHash);
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE_SIZE <= wh.length; i++) {
    let h = wh[i]!;
    for (let j = 1; j < SHINGLE_SIZE; j++) h = fmix32(Math.imul(h, 0x9e3779b1) ^ wh[i + j]!);
    shingles.add(h);
  }
  return signatureOf(shingles, SHINGLE_SEEDS);
}

/** The signature of a text's set of content words, or null when it has none. */
export function wordSignature(text: string): Uint32Array | null {
  const set = new Set<number>();
  for (const w of words(text)) if (w.length > 2 && !STOPWORDS.has(w)) set.add(stringHash(w));
  return set.size ? signatureOf(set, WORD_SEEDS) : null;
}

/** The fraction of positions where two signatures agree: an unbiased estimate of Jaccard similarity. */
export function similarity(a: Uint32Array | null, b: Uint32Array | null): number {
  if (!a || !b || a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** The LSH bucket key of one band: the band number in the high bits, a hash of the band's rows in the low 32. */
export function bandKey(sig: Uint32Array, band: number): number {
  let h = 0x9747b28c ^ band;
  for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h, 0x01000193) ^ sig[band * ROWS + r]!);
  return band * 0x100000000 + h;
}

/** LSH bucket keys of a shingle signature, one per band; one integer column holds them all (safe below 2^53). */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) keys.push(bandKey(sig, b));
  return keys;
}

/** Signatures as stored: little-endian 32-bit words. */
export function toBytes(sig: Uint32Array): Buffer {
  const buf = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) buf.writeUInt32LE(sig[i]!, i * 4);
  return buf;
}

export function fromBytes(buf: Uint8Array | null): Uint32Array | null {
  if (!buf || buf.length === 0 || buf.length % 4 !== 0) return null;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out = new Uint32Array(buf.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

/** Short stable hash, hex. */
export function stableHash(...parts: readonly (string | null)[]): string {
  return createHash('sha256')
    .update(parts.map((p) => p ?? '\u0000').join('\u001f'))
    .digest('hex')
    .slice(0, 16);
}

/** A syndication group is named after its member with the smallest document id: the same whatever order documents arrived in. */
export function syndicationGroupId(memberDocumentIds: Iterable<string>): string {
  let min: string | null = null;
  for (const id of memberDocumentIds) if (min === null || id < min) min = id;
  return `syn-${stableHash(min)}`;
}

/** Beyond this many members a bucket is compared through one representative per group (see linkBucket). */
const LARGE_BUCKET = 64;

/**
 * Syndication groups of `n` documents: those whose signatures agree at `threshold` or above are one
 * story (connected components). Candidates come from LSH buckets only — per band, documents sorted by
 * their band key, runs of equal keys being the buckets — so the cost grows with the number of near
 * duplicates, not with the square of the number of documents, and memory stays a few typed arrays of
 * length n. `sigAt(i)` gives document i's shingle signature (null: never a copy); `ids[i]` its id.
 * Returns the group id of each document, in the same order.
 */
export function syndicationComponents(
  ids: readonly string[],
  sigAt: (i: number) => Uint32Array | null,
  threshold = SYNDICATION_THRESHOLD,
): string[] {
  const n = ids.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const signed: number[] = [];
  for (let i = 0; i < n; i++) if (sigAt(i)) signed.push(i);
  const keys = new Float64Array(n);
  const order = Int32Array.from(signed);
  for (let b = 0; b < BANDS; b++) {
    for (const i of signed) keys[i] = bandKey(sigAt(i)!, b);
    order.sort((x, y) => keys[x]! - keys[y]!);
    for (let start = 0; start < order.length;) {
      let end = start + 1;
      while (end < order.length && keys[order[end]!] === keys[order[start]!]) end++;
      if (end - start > 1) linkBucket(order.subarray(start, end), sigAt, threshold, find, parent);
      start = end;
    }
  }
  // Each group is named after its smallest document id, whatever order the documents came in.
  const minOf = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const m = minOf.get(r);
    if (m === undefined || ids[i]! < m) minOf.set(r, ids[i]!);
  }
  const names = new Map<number, string>();
  return ids.map((_, i) => {
    const r = find(i);
    let g = names.get(r);
    if (g === undefined) names.set(r, (g = syndicationGroupId([minOf.get(r)!])));
    return g;
  });
}

/**
 * Links the verified near-duplicates among one bucket's members. Pairs already in one group are
 * skipped, so a bucket of many copies of one story costs about one comparison per member. A very
 * large bucket (shared boilerplate) is compared member against one representative per group found so
 * far, at most LARGE_BUCKET of them, so it cannot turn quadratic.
 */
function linkBucket(
  members: Int32Array,
  sigAt: (i: number) => Uint32Array | null,
  threshold: number,
  find: (x: number) => number,
  parent: Int32Array,
): void {
  const large = members.length > LARGE_BUCKET;
  const reps: number[] = [];
  for (let i = 0; i < members.length; i++) {
    const a = members[i]!;
    let linked = false;
    const count = large ? reps.length : i;
    for (let j = 0; j < count; j++) {
      const b = large ? reps[j]! : members[j]!;
      const ra = find(a);
      const rb = find(b);
      if (ra === rb) {
        linked = true;
        continue;
      }
      if (similarity(sigAt(a), sigAt(b)) >= threshold) {
        parent[ra] = rb;
        linked = true;
      }
    }
    if (large && !linked && reps.length < LARGE_BUCKET) reps.push(a);
  }
}

/** Syndication groups of documents given by id → signature; returns id → group id. */
export function syndicationGroups(
  docs: ReadonlyMap<string, Uint32Array | null>,
  threshold = SYNDICATION_THRESHOLD,
): Map<string, string> {
  const ids = [...docs.keys()];
  const sigs = [...docs.values()];
  const groups = syndicationComponents(ids, (i) => sigs[i] ?? null, threshold);
  return new Map(ids.map((id, i) => [id, groups[i]!]));
}
