import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CyberclaimsError } from '../errors.js';
import type { Claim, ExtractedDocument, Party, Response, SourceDocument, Span } from '../types.js';
import { defaultDbPath, documentIdFor, openStore, type Store, type StoredClaim } from './index.js';

/**
 * Each backend opens a fresh, empty store and can reopen the same one. PostgreSQL joins this list
 * with a factory that creates a throwaway schema.
 */
interface Backend {
  readonly name: string;
  /** Returns the location to pass to openStore; each call is a new empty store. */
  fresh(): string;
}

const tempDirs: string[] = [];
const BACKENDS: readonly Backend[] = [
  {
    name: 'sqlite',
    fresh() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-store-'));
      tempDirs.push(dir);
      return path.join(dir, 'cyberclaims.db');
    },
  },
];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// --- realistic fixtures -------------------------------------------------------------------------

function span(text: string, fragment: string): Span {
  const start = text.indexOf(fragment);
  if (start < 0) throw new Error(`fixture: "${fragment}" not in text`);
  return { text: fragment, start, end: start + fragment.length };
}

function sourceDoc(source: string, text: string, meta: Partial<SourceDocument> = {}): SourceDocument {
  return {
    kind: 'source-document',
    source,
    title: null,
    outlet: null,
    published: null,
    url: null,
    text,
    contentHash: createHash('sha256').update(text).digest('hex'),
    ...meta,
  };
}

function extractedFor(doc: SourceDocument, claims: Claim[], responses: Response[] = []): ExtractedDocument {
  return {
    source: doc.source,
    title: doc.title,
    outlet: doc.outlet,
    published: doc.published,
    claims,
    responses,
  };
}

const US_DOJ: Party = {
  name: 'US Department of Justice',
  id: 'us-doj',
  country: 'US',
  kind: 'government-agency',
  aliases: ['Justice Department', 'DOJ'],
};
const MSS: Party = {
  name: 'Ministry of State Security',
  id: 'cn-mss',
  country: 'CN',
  kind: 'government-agency',
  aliases: ['MSS', "Beijing's Ministry of State Security"],
};
const I_SOON: Party = { name: 'i-Soon', id: 'cn-isoon', country: 'CN', kind: 'company', aliases: ['Anxun'] };
const CONTRACTORS: Party = {
  name: 'contract hackers',
  id: null,
  country: 'CN',
  kind: 'unknown',
  aliases: ['contract hackers', 'the hackers'],
};

const ARTICLE_1 = [
  'Justice Department charges 12 Chinese contract hackers',
  '',
  "The US Department of Justice on Wednesday accused Beijing's Ministry of State Security of directing",
  'i-Soon, also known as Anxun, and contract hackers to break into the email systems of foreign ministries',
  'and water utilities since at least 2016, the DOJ said. The MSS allegedly paid the hackers per mailbox.',
  'A spokesperson for the Chinese embassy denied the accusations, calling them "groundless smears".',
].join('\n');

function article1(source = 'samples/doj-isoon.txt'): {
  doc: SourceDocument;
  extracted: ExtractedDocument;
  claim: Claim;
} {
  const doc = sourceDoc(source, ARTICLE_1, {
    title: 'Justice Department charges 12 Chinese contract hackers',
    outlet: 'example.com',
    published: '2025-03-05',
    url: 'https://example.com/doj-isoon',
  });
  const claim: Claim = {
    id: 'c1',
    type: 'accusation',
    claimant: US_DOJ,
    accused: [MSS, I_SOON, CONTRACTORS],
    operations: ['intrusion', 'espionage'],
    sectors: ['government', 'water'],
    targetCountries: ['US', 'TW'],
    individualsNamed: 12,
    period: 'since at least 2016',
    hedged: true,
    evidence: [
      span(
        ARTICLE_1,
        "The US Department of Justice on Wednesday accused Beijing's Ministry of State Security",
      ),
      span(ARTICLE_1, 'The MSS allegedly paid the hackers per mailbox.'),
    ],
    techniques: [
      { framework: 'attack', id: 'T1114', name: 'Email Collection' },
      { framework: 'attack', id: 'T1190', name: 'Exploit Public-Facing Application' },
    ],
  };
  const denial: Response = {
    type: 'denial',
    by: {
      name: 'Chinese embassy',
      id: null,
      country: 'CN',
      kind: 'government-agency',
      aliases: ['the Chinese embassy'],
    },
    claim: 'c1',
    evidence: [span(ARTICLE_1, 'A spokesperson for the Chinese embassy denied the accusations')],
  };
  const unattached: Response = { type: 'no-response', by: I_SOON, claim: null, evidence: [] };
  return { doc, extracted: extractedFor(doc, [claim], [denial, unattached]), claim };
}

/** A small article with one claim, for filter and ordering tests. */
function simpleArticle(
  n: number,
  claimant: Party,
  accused: Party[],
  opts: { published?: string | null; operations?: Claim['operations']; claims?: number } = {},
): { doc: SourceDocument; extracted: ExtractedDocument } {
  const text = `Article ${n}: ${claimant.name} accuses ${accused.map((a) => a.name).join(' and ')}.`;
  const doc = sourceDoc(`samples/${n}.txt`, text, {
    published: opts.published ?? null,
    outlet: 'news.example',
  });
  const claims: Claim[] = Array.from({ length: opts.claims ?? 1 }, (_, i) => ({
    id: `c${i + 1}`,
    type: 'accusation',
    claimant,
    accused,
    operations: opts.operations ?? ['intrusion'],
    sectors: [],
    targetCountries: [],
    individualsNamed: null,
    period: null,
    hedged: false,
    evidence: [{ text, start: 0, end: text.length }],
    techniques: [],
  }));
  return { doc, extracted: extractedFor(doc, claims) };
}

const NCSC: Party = {
  name: 'National Cyber Security Centre',
  id: 'gb-ncsc',
  country: 'GB',
  kind: 'government-agency',
  aliases: ['NCSC'],
};
const GRU: Party = {
  name: 'GRU',
  id: 'ru-gru',
  country: 'RU',
  kind: 'military-unit',
  aliases: ['Russian military intelligence'],
};
const SANDWORM: Party = {
  name: 'Sandworm',
  id: 'sandworm',
  country: 'RU',
  kind: 'threat-group',
  aliases: ['Voodoo Bear', 'APT44'],
};
const SALT_TYPHOON: Party = {
  name: 'Salt Typhoon',
  id: 'salt-typhoon',
  country: 'CN',
  kind: 'threat-group',
  aliases: ['GhostEmperor'],
};
const CN_MFA: Party = {
  name: 'Ministry of Foreign Affairs of China',
  id: 'cn-mfa',
  country: 'CN',
  kind: 'government-agency',
  aliases: [],
};
const UNKNOWN_SPIES: Party = {
  name: 'Бюро Спецопераций',
  id: null,
  country: null,
  kind: 'unknown',
  aliases: ['Бюро'],
};

// --- the same tests for every backend ------------------------------------------------------------

describe.each(BACKENDS)('Store ($name)', (backend) => {
  let location: string;
  let store: Store;

  beforeEach(async () => {
    location = backend.fresh();
    store = await openStore(location);
  });
  afterEach(async () => {
    await store.close();
  });

  function expectedStored(claim: Claim, doc: SourceDocument, responses: Response[]): StoredClaim {
    const documentId = documentIdFor(doc.contentHash);
    return {
      ...claim,
      storedId: `${documentId}:${claim.id}`,
      documentId,
      source: doc.source,
      title: doc.title,
      outlet: doc.outlet,
      published: doc.published,
      responses,
    };
  }

  it('reads a claim back exactly as it was saved', async () => {
    const { doc, extracted, claim } = article1();
    const result = await store.saveDocument(doc, extracted);
    expect(result).toEqual({ status: 'stored', documentId: `doc-${doc.contentHash.slice(0, 16)}` });

    const expected = expectedStored(claim, doc, [extracted.responses[0]!]);
    const got = await store.getClaim(expected.storedId);
    expect(got).toStrictEqual(expected);
    // The contract part alone deep-equals the extracted claim.
    const {
      storedId: _s,
      documentId: _d,
      source: _so,
      title: _t,
      outlet: _o,
      published: _p,
      responses: _r,
      ...asClaim
    } = got!;
    expect(asClaim).toStrictEqual(claim);
    expect(await store.listClaims()).toStrictEqual([expected]);
  });

  it('reads a whole document back with its text, claims and every response in order', async () => {
    const { doc, extracted, claim } = article1();
    const { documentId } = await store.saveDocument(doc, extracted);
    const stored = await store.getDocument(documentId);
    expect(stored).not.toBeNull();
    expect(stored!.text).toBe(doc.text);
    expect(stored!.contentHash).toBe(doc.contentHash);
    expect(stored!.url).toBe(doc.url);
    expect(stored!.ingestedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(stored!.claims).toStrictEqual([expectedStored(claim, doc, [extracted.responses[0]!])]);
    expect(stored!.responses).toStrictEqual(extracted.responses);
    for (const e of stored!.claims[0]!.evidence) expect(stored!.text.slice(e.start, e.end)).toBe(e.text);
  });

  it('keeps claim order within a document beyond c9', async () => {
    const { doc, extracted } = simpleArticle(1, NCSC, [GRU], { claims: 11 });
    await store.saveDocument(doc, extracted);
    const ids = (await store.listClaims()).map((c) => c.id);
    expect(ids).toEqual(extracted.claims.map((c) => c.id));
  });

  it('stores the same content once and reports the second save as a duplicate', async () => {
    const { doc, extracted } = article1();
    const first = await store.saveDocument(doc, extracted);
    const before = await store.getDocument(first.documentId);
    const statsBefore = await store.stats();

    const again = await store.saveDocument(doc, extracted);
    expect(again).toEqual({ status: 'duplicate', documentId: first.documentId });
    // Same text under another path is still the same content.
    const copy = article1('mirror/doj-isoon.html');
    expect(await store.saveDocument(copy.doc, copy.extracted)).toEqual({
      status: 'duplicate',
      documentId: first.documentId,
    });

    expect(await store.stats()).toEqual(statsBefore);
    expect(await store.getDocument(first.documentId)).toStrictEqual(before);
    expect(await store.getDocument('mirror/doj-isoon.html')).toBeNull();
  });

  it('keeps everything across close and reopen', async () => {
    const { doc, extracted, claim } = article1();
    const { documentId } = await store.saveDocument(doc, extracted);
    const stats = await store.stats();
    await store.close();

    store = await openStore(location);
    expect(await store.stats()).toEqual(stats);
    expect(await store.getClaim(`${documentId}:c1`)).toStrictEqual(
      expectedStored(claim, doc, [extracted.responses[0]!]),
    );
  });

  it('finds documents by id and by source as given', async () => {
    const { doc, extracted } = article1();
    const { documentId } = await store.saveDocument(doc, extracted);
    const byId = await store.getDocument(documentId);
    const bySource = await store.getDocument('samples/doj-isoon.txt');
    expect(byId?.id).toBe(documentId);
    expect(bySource).toStrictEqual(byId);
    expect(await store.getDocument('samples/nope.txt')).toBeNull();
    expect(await store.getDocument('doc-0000000000000000')).toBeNull();
    expect(await store.getClaim(`${documentId}:c9`)).toBeNull();
    expect(await store.getClaim('no-colon')).toBeNull();
  });

  it('finds a re-ingested source with changed content at its latest version', async () => {
    const a = sourceDoc('https://example.com/live', 'First version.');
    const b = sourceDoc('https://example.com/live', 'Second version, updated.');
    await store.saveDocument(a, extractedFor(a, []));
    const second = await store.saveDocument(b, extractedFor(b, []));
    expect(second.status).toBe('stored');
    expect((await store.getDocument('https://example.com/live'))?.id).toBe(second.documentId);
  });

  it('keeps one party per knowledge-base actor and per unknown actor, whatever the capitals', async () => {
    const a = simpleArticle(1, NCSC, [
      GRU,
      { ...UNKNOWN_SPIES, name: 'the hackers', aliases: ['the hackers'] },
    ]);
    const b = simpleArticle(2, NCSC, [
      GRU,
      { ...UNKNOWN_SPIES, name: 'The Hackers', aliases: ['The Hackers'] },
    ]);
    await store.saveDocument(a.doc, a.extracted);
    await store.saveDocument(b.doc, b.extracted);
    expect((await store.stats()).parties).toBe(3);
    // Each document still reads back its own spelling.
    const [first] = (await store.getDocument('samples/1.txt'))!.claims;
    const [second] = (await store.getDocument('samples/2.txt'))!.claims;
    expect(first!.accused[1]!.name).toBe('the hackers');
    expect(second!.accused[1]!.name).toBe('The Hackers');
    // Same name but another country or kind is another actor.
    const c = simpleArticle(3, NCSC, [{ ...UNKNOWN_SPIES, name: 'the hackers', country: 'RU' }]);
    await store.saveDocument(c.doc, c.extracted);
    expect((await store.stats()).parties).toBe(4);
  });

  it('follows a renamed knowledge-base actor without rewriting what older documents said', async () => {
    const a = simpleArticle(1, NCSC, [GRU]);
    const renamed: Party = { ...GRU, name: 'Main Intelligence Directorate', aliases: ['GU'] };
    const b = simpleArticle(2, NCSC, [renamed]);
    await store.saveDocument(a.doc, a.extracted);
    await store.saveDocument(b.doc, b.extracted);
    expect((await store.stats()).parties).toBe(2);
    expect((await store.getDocument('samples/1.txt'))!.claims[0]!.accused).toStrictEqual([GRU]);
    expect((await store.getDocument('samples/2.txt'))!.claims[0]!.accused).toStrictEqual([renamed]);
    // The id and the current canonical name find every claim of the actor; an old name finds the documents that used it.
    expect(await store.listClaims({ actor: 'ru-gru' })).toHaveLength(2);
    expect(await store.listClaims({ actor: 'GRU' })).toHaveLength(1);
    expect(await store.listClaims({ actor: 'main intelligence directorate' })).toHaveLength(2);
  });

  describe('filters', () => {
    beforeEach(async () => {
      const docs = [
        simpleArticle(1, NCSC, [GRU, SANDWORM], {
          published: '2024-02-01',
          operations: ['disruption', 'intrusion'],
        }),
        simpleArticle(2, US_DOJ, [MSS, SALT_TYPHOON], { published: '2025-01-10', operations: ['espionage'] }),
        simpleArticle(
          3,
          CN_MFA,
          [{ ...US_DOJ, id: null, name: 'US intelligence agencies', aliases: ['Volt Typhoon'] }],
          {
            published: null,
            operations: ['disinformation'],
          },
        ),
        simpleArticle(4, NCSC, [UNKNOWN_SPIES], { published: '2024-06-30', operations: ['phishing'] }),
        simpleArticle(5, US_DOJ, [SALT_TYPHOON], {
          published: '2025-01-10',
          operations: ['intrusion', 'espionage'],
        }),
      ];
      for (const { doc, extracted } of docs) await store.saveDocument(doc, extracted);
    });

    const sources = (claims: StoredClaim[]) => claims.map((c) => c.source);

    it('orders by published, newest first and undated last, then by document id', async () => {
      const all = await store.listClaims();
      expect(all.map((c) => c.published)).toEqual([
        '2025-01-10',
        '2025-01-10',
        '2024-06-30',
        '2024-02-01',
        null,
      ]);
      const [x, y] = all;
      expect(x!.documentId < y!.documentId).toBe(true);
    });

    it('matches an actor by alias, by knowledge-base id and by name, ignoring case', async () => {
      expect(sources(await store.listClaims({ actor: 'ghostemperor' }))).toEqual(
        expect.arrayContaining(['samples/2.txt', 'samples/5.txt']),
      );
      expect(await store.listClaims({ actor: 'ghostemperor' })).toHaveLength(2);
      expect(sources(await store.listClaims({ actor: 'APT44' }))).toEqual(['samples/1.txt']);
      expect(sources(await store.listClaims({ actor: 'SANDWORM' }))).toEqual(['samples/1.txt']);
      expect(sources(await store.listClaims({ actor: 'RU-GRU' }))).toEqual(['samples/1.txt']);
      expect(sources(await store.listClaims({ actor: 'russian military intelligence' }))).toEqual([
        'samples/1.txt',
      ]);
      // The claimant counts as much as the accused.
      expect(sources(await store.listClaims({ actor: 'ncsc' }))).toEqual(['samples/4.txt', 'samples/1.txt']);
      // Non-ASCII names fold too.
      expect(sources(await store.listClaims({ actor: 'бюро спецопераций' }))).toEqual(['samples/4.txt']);
      expect(sources(await store.listClaims({ actor: 'БЮРО' }))).toEqual(['samples/4.txt']);
      // Unknown actors are found by what the document called them.
      expect(sources(await store.listClaims({ actor: 'volt typhoon' }))).toEqual(['samples/3.txt']);
      expect(await store.listClaims({ actor: 'Lazarus' })).toEqual([]);
      // A fragment of a name is not a match.
      expect(await store.listClaims({ actor: 'Salt' })).toEqual([]);
    });

    it('matches a country of the claimant or of any accused', async () => {
      expect(sources(await store.listClaims({ country: 'ru' }))).toEqual(['samples/1.txt']);
      expect(sources(await store.listClaims({ country: 'CN' })).sort()).toEqual([
        'samples/2.txt',
        'samples/3.txt',
        'samples/5.txt',
      ]);
      expect(sources(await store.listClaims({ country: 'GB' }))).toEqual(['samples/4.txt', 'samples/1.txt']);
      expect(await store.listClaims({ country: 'FR' })).toEqual([]);
    });

    it('matches an operation listed by the claim', async () => {
      expect(sources(await store.listClaims({ operation: 'espionage' })).sort()).toEqual([
        'samples/2.txt',
        'samples/5.txt',
      ]);
      expect(sources(await store.listClaims({ operation: 'intrusion' }))).toHaveLength(2);
      expect(await store.listClaims({ operation: 'ransomware' })).toEqual([]);
    });

    it('combines filters and pages through the result', async () => {
      expect(sources(await store.listClaims({ actor: 'us-doj', operation: 'intrusion' }))).toEqual([
        'samples/5.txt',
      ]);
      expect(
        sources(await store.listClaims({ actor: 'us-doj', country: 'CN', operation: 'espionage' })).sort(),
      ).toEqual(['samples/2.txt', 'samples/5.txt']);
      const all = await store.listClaims();
      expect(await store.listClaims({ limit: 2 })).toStrictEqual(all.slice(0, 2));
      expect(await store.listClaims({ limit: 2, offset: 2 })).toStrictEqual(all.slice(2, 4));
      expect(await store.listClaims({ offset: 4 })).toStrictEqual(all.slice(4));
      expect(await store.listClaims({ limit: 0 })).toEqual([]);
      expect(await store.listClaims({ country: 'CN', limit: 1, offset: 1 })).toHaveLength(1);
    });

    it('lists documents in the same order, without their text', async () => {
      const docs = await store.listDocuments();
      expect(docs.map((d) => d.source)).toEqual((await store.listClaims()).map((c) => c.source));
      expect(docs[0]).not.toHaveProperty('text');
      expect(docs[0]).not.toHaveProperty('claims');
      expect(await store.listDocuments({ limit: 2, offset: 1 })).toStrictEqual(docs.slice(1, 3));
      expect(await store.stats()).toEqual({ documents: 5, claims: 5, responses: 0, parties: 9 });
    });

    it('rejects a negative or fractional page', async () => {
      await expect(store.listClaims({ limit: -1 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
      await expect(store.listDocuments({ offset: 1.5 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    });
  });

  describe('when a save fails', () => {
    async function saveEarlier() {
      const a = article1();
      const b = simpleArticle(2, NCSC, [GRU]);
      await store.saveDocument(a.doc, a.extracted);
      await store.saveDocument(b.doc, b.extracted);
      return { stats: await store.stats(), claims: await store.listClaims() };
    }

    it('rolls back a document whose evidence cannot be serialised, keeping earlier ones', async () => {
      const before = await saveEarlier();
      const { doc, extracted } = simpleArticle(7, US_DOJ, [{ ...SALT_TYPHOON, id: 'brand-new-actor' }], {
        claims: 3,
      });
      const claims = extracted.claims.map((c, i) =>
        // The third claim fails after the document, two claims and a new party are already written.
        i === 2 ? { ...c, evidence: [{ text: 'x', start: 0n, end: 1 }] as unknown as Span[] } : c,
      );
      await expect(store.saveDocument(doc, { ...extracted, claims })).rejects.toThrow(/BigInt/);

      expect(await store.stats()).toEqual(before.stats);
      expect(await store.listClaims()).toStrictEqual(before.claims);
      expect(await store.getDocument(doc.source)).toBeNull();
      // Nothing half-written blocks a corrected retry.
      expect((await store.saveDocument(doc, extracted)).status).toBe('stored');
    });

    it('rolls back on a constraint error and reports it as DB_ERROR naming the source', async () => {
      const before = await saveEarlier();
      const { doc, extracted } = simpleArticle(8, NCSC, [GRU], { claims: 2 });
      const sameIds = extracted.claims.map((c) => ({ ...c, id: 'c1' }));
      const err: unknown = await store
        .saveDocument(doc, { ...extracted, claims: sameIds })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CyberclaimsError);
      expect(err).toMatchObject({
        code: 'DB_ERROR',
        message: expect.stringMatching(/^samples\/8\.txt: could not store/),
      });

      const malformed = {
        ...extracted,
        claims: [{ ...extracted.claims[0]!, operations: null }],
      } as unknown as ExtractedDocument;
      await expect(store.saveDocument(doc, malformed)).rejects.toMatchObject({ code: 'DB_ERROR' });

      const dangling = {
        ...extracted,
        responses: [{ type: 'denial', by: GRU, claim: 'c9', evidence: [] }],
      } as ExtractedDocument;
      await expect(store.saveDocument(doc, dangling)).rejects.toMatchObject({ code: 'DB_ERROR' });

      expect(await store.stats()).toEqual(before.stats);
      expect(await store.listClaims()).toStrictEqual(before.claims);
    });

    it('refuses an extraction paired with another document, or a malformed hash, before writing', async () => {
      const a = article1();
      const other = simpleArticle(9, NCSC, [GRU]);
      await expect(store.saveDocument(a.doc, other.extracted)).rejects.toMatchObject({
        code: 'BAD_ARGUMENT',
      });
      await expect(store.saveDocument({ ...a.doc, contentHash: 'abc' }, a.extracted)).rejects.toMatchObject({
        code: 'BAD_ARGUMENT',
      });
      expect((await store.stats()).documents).toBe(0);
    });
  });

  it('rejects calls after close, and close twice is harmless', async () => {
    await store.close();
    await store.close();
    await expect(store.stats()).rejects.toMatchObject({ code: 'DB_ERROR' });
    store = await openStore(location);
  });

  it('saves a thousand documents quickly', async () => {
    const started = performance.now();
    for (let i = 0; i < 1000; i++) {
      const { doc, extracted } = simpleArticle(1000 + i, NCSC, [GRU, SANDWORM], { claims: 2 });
      await store.saveDocument(doc, extracted);
    }
    const ms = performance.now() - started;
    expect(await store.stats()).toMatchObject({ documents: 1000, claims: 2000 });
    // Generous bound: a per-call prepare or a commit per row would blow far past it.
    expect(ms).toBeLessThan(10_000);
  });
});

describe('openStore', () => {
  it('does not take PostgreSQL URLs yet, and does not echo their password', async () => {
    const err = await openStore('postgres://user:s3cret@db/cc').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DB_ERROR' });
    expect((err as Error).message).not.toContain('s3cret');
  });
});

describe('defaultDbPath', () => {
  const saved = process.env.CYBERCLAIMS_DB;
  afterEach(() => {
    if (saved === undefined) delete process.env.CYBERCLAIMS_DB;
    else process.env.CYBERCLAIMS_DB = saved;
  });

  it('uses CYBERCLAIMS_DB, else ./cyberclaims.db, resolved from the current directory', () => {
    process.env.CYBERCLAIMS_DB = 'data/x.db';
    expect(defaultDbPath()).toBe(path.resolve('data/x.db'));
    delete process.env.CYBERCLAIMS_DB;
    expect(defaultDbPath()).toBe(path.resolve('cyberclaims.db'));
    process.env.CYBERCLAIMS_DB = '';
    expect(defaultDbPath()).toBe(path.resolve('cyberclaims.db'));
  });
});
