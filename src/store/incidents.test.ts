import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Claim, ExtractedDocument, Party, Response, SourceDocument } from '../types.js';
import { documentIdFor, openStore, type Store, type StoredIncident } from './index.js';

/** Each backend opens a fresh, empty store (PostgreSQL joins this list when it arrives). */
const tempDirs: string[] = [];
const BACKENDS = [
  {
    name: 'sqlite',
    fresh(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-incidents-'));
      tempDirs.push(dir);
      return path.join(dir, 'cyberclaims.db');
    },
  },
];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const MSS: Party = {
  name: 'Ministry of State Security',
  id: 'cn-mss',
  country: 'CN',
  kind: 'government-agency',
  aliases: ['MSS'],
};
const ICEFCOM: Party = {
  name: 'Information, Communications and Electronic Force Command',
  id: 'tw-icefcom',
  country: 'TW',
  kind: 'military-unit',
  aliases: ['ICEFCOM'],
};
const TAIWAN: Party = { name: 'Taiwan', id: 'tw', country: 'TW', kind: 'state', aliases: ['Taiwan'] };
const NCSC: Party = {
  name: 'National Cyber Security Centre',
  id: 'gb-ncsc',
  country: 'GB',
  kind: 'government-agency',
  aliases: ['NCSC'],
};
const GRU: Party = { name: 'GRU', id: 'ru-gru', country: 'RU', kind: 'military-unit', aliases: ['GRU'] };

const MARCH_WIRE = `China names Taiwan military hackers

BEIJING, March 17 - China's Ministry of State Security on Monday named four people it said were members of the
ICEFCOM internet analytical centre of Taiwan's military, publishing their photographs, and accused them of attacking
water, electricity and gas systems on the mainland and of spreading disinformation on social media platforms.
The ministry offered rewards for information about the four. Taiwan's defence ministry rejected the accusation as
an attempt to intimidate the island and said the unit protects the island's networks.`;
const MARCH_OWN = `Beijing publishes photos of alleged Taiwanese cyber soldiers

State security officials in China identified three Taiwanese officers of the Information, Communications and
Electronic Force Command and said the unit hired hackers to break into utilities and disseminate propaganda. The
statement, posted online, included names and job titles. Officials in Taipei dismissed the claims.`;
const SEPT = `China says Taiwan unit runs Anonymous 64 hacking group

China's Ministry of State Security said a hacking group called Anonymous 64 that hijacked outdoor screens and websites
in Hong Kong and Macau was run by Taiwan's ICEFCOM, and named three members of the unit. Taiwan rejected it.`;
const NCSC_TEXT = `UK names Russian military intelligence over years of hacking

The National Cyber Security Centre accused Russia's GRU of a sustained campaign of cyberattacks against British
government departments and energy companies, using phishing emails to break into ministries.`;

function doc(source: string, text: string, outlet: string | null, published: string | null): SourceDocument {
  return {
    kind: 'source-document',
    source,
    title: null,
    outlet,
    published,
    url: null,
    text,
    contentHash: createHash('sha256').update(text).digest('hex'),
  };
}

function claim(claimant: Party, accused: Party[], over: Partial<Claim> = {}): Claim {
  return {
    id: 'c1',
    type: 'accusation',
    claimant,
    accused,
    operations: ['intrusion', 'disinformation'],
    sectors: ['water', 'energy'],
    targetCountries: ['CN'],
    individualsNamed: null,
    period: null,
    hedged: false,
    evidence: [{ text: 'x', start: 0, end: 1 }],
    techniques: [],
    ...over,
  };
}

function extracted(d: SourceDocument, claims: Claim[], responses: Response[] = []): ExtractedDocument {
  return { source: d.source, title: null, outlet: d.outlet, published: d.published, claims, responses };
}

async function save(
  store: Store,
  d: SourceDocument,
  claims: Claim[],
  responses: Response[] = [],
): Promise<string> {
  const r = await store.saveDocument(d, extracted(d, claims, responses));
  return r.documentId;
}

const mssClaim = (n: number | null) => claim(MSS, [ICEFCOM], { individualsNamed: n });
const denial: Response = {
  type: 'denial',
  by: TAIWAN,
  claim: 'c1',
  evidence: [{ text: 'x', start: 0, end: 1 }],
};

/** What a listing says, without the parts that carry reasons in words. */
function shape(list: readonly StoredIncident[]) {
  return list
    .map((s) => ({
      id: s.record.id,
      sources: s.record.sources.map((x) => `${x.document}|${x.syndicationGroup}`),
      independent: s.record.independentSources,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

for (const backend of BACKENDS) {
  describe(`incidents in the store (${backend.name})`, () => {
    it('groups reports into incidents, counts syndicated copies once and keeps events apart', async () => {
      const store = await openStore(backend.fresh());
      const ids = [
        await save(store, doc('a.txt', MARCH_WIRE, 'wire.example', '2025-03-17'), [mssClaim(4)], [denial]),
        // the wire story reprinted with a new headline
        await save(
          store,
          doc('b.txt', MARCH_WIRE.replace('China names', 'Beijing names'), 'paper.example', '2025-03-17'),
          [mssClaim(4)],
        ),
        await save(store, doc('c.txt', MARCH_OWN, 'other.example', '2025-03-18'), [mssClaim(3)]),
        await save(store, doc('d.txt', SEPT, 'wire.example', '2024-09-23'), [mssClaim(3)]),
        await save(store, doc('e.txt', NCSC_TEXT, null, '2025-03-18'), [claim(NCSC, [GRU])]),
      ];
      const update = await store.updateIncidentsFor(ids);
      expect(update.mode).toBe('rebuild'); // never built before
      const all = await store.listIncidents();
      expect(all).toHaveLength(3);
      expect(all.map((i) => i.record.firstReported)).toEqual(['2025-03-18', '2025-03-17', '2024-09-23']);
      const march = all.find((i) => i.record.firstReported === '2025-03-17')!.record;
      // a and b were published the same day: their order is by document id
      expect(march.sources.map((s) => s.document).sort()).toEqual(['a.txt', 'b.txt', 'c.txt']);
      expect(march.sources[2]!.document).toBe('c.txt');
      expect(march.sources[0]!.syndicationGroup).toBe(march.sources[1]!.syndicationGroup);
      expect(march.independentSources).toBe(2);
      expect(march.comparison.find((r) => r.attribute === 'individualsNamed')!.conflict).toBe(true);
      expect(await store.getIncident(march.id)).toEqual(all.find((i) => i.record.id === march.id));
      expect(await store.getIncident('inc-0000000000000000')).toBeNull();
      expect(await store.incidentState()).toEqual({ built: true, windowDays: 21 });
      await store.close();
    });

    it('updates only the affected pairs on ingest, and gives what a rebuild gives', async () => {
      const file = backend.fresh();
      const store = await openStore(file);
      await store.updateIncidentsFor([
        await save(store, doc('e.txt', NCSC_TEXT, null, '2025-03-18'), [claim(NCSC, [GRU])]),
      ]);
      const a = await save(store, doc('a.txt', MARCH_WIRE, 'wire.example', '2025-03-17'), [mssClaim(4)]);
      const first = await store.updateIncidentsFor([a]);
      expect(first).toMatchObject({ mode: 'incremental', signed: 1, blocks: 1, written: 1, removed: 0 });
      const ncscBefore = (await store.listIncidents({ actor: 'NCSC' }))[0]!.record;

      // a reprint of a.txt arriving later joins its syndication group; an undated report joins by its text
      const b = await save(
        store,
        doc('b.txt', MARCH_WIRE.replace('China names', 'Beijing names'), 'p.example', null),
        [mssClaim(4)],
      );
      const c = await save(store, doc('c.txt', MARCH_OWN, 'other.example', null), [mssClaim(3)]);
      const second = await store.updateIncidentsFor([b, c]);
      expect(second).toMatchObject({ mode: 'incremental', signed: 2, blocks: 1, written: 1, removed: 0 });
      const march = (await store.listIncidents({ actor: 'icefcom' }))[0]!.record;
      expect(march.sources.map((s) => s.document)).toEqual(['a.txt', 'b.txt', 'c.txt']);
      expect(march.independentSources).toBe(2);
      expect(march.sources[1]!.reason).toMatch(/syndicated copy of a\.txt/);
      // the other pair's incident was not rewritten
      expect((await store.listIncidents({ actor: 'NCSC' }))[0]!.record).toEqual(ncscBefore);

      // a later, separate event between the same parties
      await store.updateIncidentsFor([
        await save(store, doc('d.txt', SEPT, 'w.example', '2025-09-23'), [mssClaim(3)]),
      ]);
      const incremental = shape(await store.listIncidents());
      expect(incremental).toHaveLength(3);
      await store.rebuildIncidents();
      expect(shape(await store.listIncidents())).toEqual(incremental);
      await store.close();

      // and it is all still there after reopening
      const again = await openStore(file);
      expect(shape(await again.listIncidents())).toEqual(incremental);
      await again.close();
    });

    it('a copy arriving with an earlier document id renames the group and updates its incident', async () => {
      const store = await openStore(backend.fresh());
      const texts = [MARCH_WIRE, `${MARCH_WIRE}\nUpdated with comment.`, `${MARCH_WIRE}\nCorrects spelling.`];
      const ids = texts.map((t) => documentIdFor(createHash('sha256').update(t).digest('hex'))).sort();
      // save in an order where the smallest id comes last
      const order = texts
        .map((t, i) => ({ t, i, id: documentIdFor(createHash('sha256').update(t).digest('hex')) }))
        .sort((x, y) => (y.id < x.id ? -1 : 1));
      for (const [k, o] of order.entries()) {
        await store.updateIncidentsFor([
          await save(store, doc(`${k}.txt`, o.t, `o${k}.example`, `2025-03-1${7 + k}`), [mssClaim(4)]),
        ]);
      }
      const [inc] = await store.listIncidents();
      expect(inc!.record.sources).toHaveLength(3);
      expect(inc!.record.independentSources).toBe(1);
      expect(new Set(inc!.record.sources.map((s) => s.syndicationGroup)).size).toBe(1);
      const before = shape(await store.listIncidents());
      await store.rebuildIncidents();
      expect(shape(await store.listIncidents())).toEqual(before);
      expect(ids).toHaveLength(3);
      await store.close();
    });

    it('filters by actor, country, operation and date, and rebuilds with another window', async () => {
      const store = await openStore(backend.fresh());
      const ids = [
        await save(store, doc('a.txt', MARCH_WIRE, null, '2025-03-17'), [mssClaim(4)]),
        await save(store, doc('d.txt', SEPT, null, '2024-09-23'), [mssClaim(3)]),
        await save(store, doc('e.txt', NCSC_TEXT, null, '2025-03-18'), [
          claim(NCSC, [GRU], { operations: ['phishing'] }),
        ]),
      ];
      await store.updateIncidentsFor(ids);
      const parties = (f: Parameters<Store['listIncidents']>[0]) =>
        store.listIncidents(f).then((l) => l.map((i) => `${i.record.claimantKey}>${i.record.firstReported}`));
      expect(await parties({ actor: 'Information, Communications and Electronic Force Command' })).toEqual([
        'cn-mss>2025-03-17',
        'cn-mss>2024-09-23',
      ]);
      expect(await parties({ actor: 'RU-GRU' })).toEqual(['gb-ncsc>2025-03-18']);
      expect(await parties({ country: 'tw' })).toHaveLength(2);
      expect(await parties({ operation: 'phishing' })).toEqual(['gb-ncsc>2025-03-18']);
      expect(await parties({ since: '2025-01-01', until: '2025-03-17' })).toEqual(['cn-mss>2025-03-17']);
      expect(await parties({ limit: 1, offset: 1 })).toEqual(['cn-mss>2025-03-17']);
      await expect(store.listIncidents({ since: 'March' })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });

      const wide = await store.rebuildIncidents({ windowDays: 365 });
      expect(wide.mode).toBe('rebuild');
      expect(await store.incidentState()).toEqual({ built: true, windowDays: 365 });
      expect(await parties({ actor: 'ICEFCOM' })).toEqual(['cn-mss>2024-09-23']);
      await expect(store.rebuildIncidents({ windowDays: 0 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
      await store.close();
    });

    it('hands back the neighbours a grade needs: other accusers of the same actor', async () => {
      const store = await openStore(backend.fresh());
      const ids = [
        await save(store, doc('a.txt', MARCH_WIRE, null, '2025-03-17'), [mssClaim(4)]),
        await save(store, doc('t.txt', NCSC_TEXT.replace('GRU', 'ICEFCOM'), null, '2025-03-20'), [
          claim(TAIWAN, [MSS], { operations: ['espionage'] }),
        ]),
      ];
      await store.updateIncidentsFor(ids);
      const [mss] = await store.listIncidents({ actor: 'ICEFCOM' });
      expect(mss!.record.claimantKey).toBe('cn-mss');
      expect(mss!.neighbours.map((n) => n.claimantKey)).toEqual(['tw']);
      await store.close();
    });
  });
}
