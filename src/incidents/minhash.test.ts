import { describe, expect, it } from 'vitest';
import {
  BANDS,
  bandKeys,
  fromBytes,
  shingleSignature,
  similarity,
  SYNDICATION_THRESHOLD,
  syndicationGroupId,
  syndicationGroups,
  toBytes,
  wordSignature,
} from './minhash.js';

// A wire story, a light rewrite of it by a second outlet, and a third outlet's own report of the same event.
const WIRE = `China accuses Taiwan military unit of running hacking group

TAIPEI/BEIJING, Sept 23 - China's Ministry of State Security on Monday accused a cyber warfare command of Taiwan's
military of running a hacking group called "Anonymous 64", which has claimed to have hijacked websites and public
screens in mainland China, Hong Kong and Macau. The ministry said in a statement on its WeChat account that the group
was a front for the Information, Communications and Electronic Force Command, and it named three people it said were
members of the unit. It said the group had sought to spread false information online and to hack into official
websites since the start of the year. Taiwan's defence ministry rejected the accusation, saying the claims were aimed
at suppressing Taiwan and that the unit's duty was to safeguard national cyber security. Beijing has long accused
Taipei of trying to sow discord, while Taiwan says China wages a daily campaign of cyberattacks against the island.`;

const REWRITE = `Beijing says Taiwan army unit is behind "Anonymous 64" hackers

TAIPEI/BEIJING, Sept 23 - China's Ministry of State Security on Monday accused a cyber warfare command of Taiwan's
military of running a hacking group called "Anonymous 64", which has claimed to have hijacked websites and public
screens in mainland China, Hong Kong and Macau. The ministry said in a statement on WeChat that the group was a front
for the Information, Communications and Electronic Force Command, and it named three people it said were members of
the unit. It said the group had sought to spread false information online and to hack into official websites since
the start of the year. Taiwan's defence ministry rejected the accusation, saying the claims were aimed at suppressing
Taiwan and that the unit's duty was to safeguard national cyber security.`;

const OWN_WORDS = `Taiwan's cyber command named as hackers by Chinese spy agency

Chinese state security officials have identified three people they say serve in Taiwan's Information, Communications
and Electronic Force Command and run the "Anonymous 64" hacking group. According to a post from the Ministry of State
Security, the group defaced sites and took over outdoor displays in several mainland cities as well as in Hong Kong and
Macau this year, and spread videos meant to undermine confidence in the government. Taipei dismissed the report. The
defence ministry in Taipei said the unit exists to protect the island's networks, and officials called the allegations
an attempt to intimidate. Analysts note that naming alleged foreign hackers has become a common tactic for both sides.`;

const UNRELATED = `Dutch intelligence says Russian hackers tried to sabotage a public service system

The Netherlands' military intelligence service said a pro-Russian hacking group tried last year to disrupt the control
system of a public service building, the first such attempt it has confirmed on Dutch soil. The agency's annual report
also warned that Moscow was stepping up espionage against ports and the defence industry, and that cyber sabotage of
critical infrastructure had become a real risk. The Russian embassy in The Hague did not respond to a request for
comment. The report said the group had no lasting effect on the building's operations.`;

const sig = (t: string) => shingleSignature(t)!;

describe('minhash signatures', () => {
  it('estimate similarity 1 for a verbatim copy, and are deterministic', () => {
    expect(similarity(sig(WIRE), sig(WIRE))).toBe(1);
    expect([...sig(WIRE)]).toEqual([...sig(`${WIRE}`)]);
    // case and punctuation do not matter: words do
    expect(similarity(sig(WIRE), sig(WIRE.toUpperCase().replace(/[.,]/g, ' ')))).toBe(1);
  });

  it('see a light rewrite (new headline, a word changed, a paragraph cut) as a copy', () => {
    expect(similarity(sig(WIRE), sig(REWRITE))).toBeGreaterThanOrEqual(SYNDICATION_THRESHOLD);
  });

  it('see an independent report of the same event, and a different story, as different', () => {
    expect(similarity(sig(WIRE), sig(OWN_WORDS))).toBeLessThan(SYNDICATION_THRESHOLD);
    expect(similarity(sig(WIRE), sig(UNRELATED))).toBeLessThan(SYNDICATION_THRESHOLD);
  });

  it('word signatures rate the same event above a different story', () => {
    const w = wordSignature(WIRE);
    expect(similarity(w, wordSignature(OWN_WORDS))).toBeGreaterThan(similarity(w, wordSignature(UNRELATED)));
  });

  it('give no signature to a text too short to compare', () => {
    expect(shingleSignature('Hackers')).toBeNull();
    expect(wordSignature('the and of')).toBeNull();
    expect(similarity(null, null)).toBe(0);
  });

  it('survive the round trip through bytes', () => {
    const s = sig(WIRE);
    expect([...fromBytes(toBytes(s))!]).toEqual([...s]);
    expect(fromBytes(Buffer.alloc(0))).toBeNull();
  });
});

describe('LSH banding', () => {
  it('gives one key per band, shared by copies in every band', () => {
    const a = bandKeys(sig(WIRE));
    expect(a).toHaveLength(BANDS);
    expect(new Set(a.map((k) => Math.floor(k / 2 ** 32)))).toEqual(new Set([...Array(BANDS).keys()]));
    expect(bandKeys(sig(WIRE))).toEqual(a);
    const shared = (x: number[], y: number[]) => x.filter((k, i) => y[i] === k).length;
    expect(shared(a, bandKeys(sig(REWRITE)))).toBeGreaterThan(0);
    expect(shared(a, bandKeys(sig(UNRELATED)))).toBe(0);
  });
});

describe('syndication groups', () => {
  it('put copies and light rewrites in one group and other stories in their own', () => {
    const docs = new Map([
      ['doc-a', sig(WIRE)],
      ['doc-b', sig(REWRITE)],
      ['doc-c', sig(WIRE)],
      ['doc-d', sig(OWN_WORDS)],
      ['doc-e', sig(UNRELATED)],
      ['doc-f', null],
    ]);
    const g = syndicationGroups(docs);
    expect(g.get('doc-a')).toBe(g.get('doc-b'));
    expect(g.get('doc-a')).toBe(g.get('doc-c'));
    expect(new Set([g.get('doc-a'), g.get('doc-d'), g.get('doc-e'), g.get('doc-f')]).size).toBe(4);
    for (const id of g.values()) expect(id).toMatch(/^syn-[0-9a-f]{16}$/);
  });

  it('name a group the same whatever order its documents arrive in', () => {
    const forward = syndicationGroups(
      new Map([
        ['doc-b', sig(REWRITE)],
        ['doc-a', sig(WIRE)],
      ]),
    );
    const backward = syndicationGroups(
      new Map([
        ['doc-a', sig(WIRE)],
        ['doc-b', sig(REWRITE)],
      ]),
    );
    expect(forward.get('doc-b')).toBe(backward.get('doc-b'));
    expect(forward.get('doc-a')).toBe(syndicationGroupId(['doc-b', 'doc-a']));
  });

  it('find every copy among many unrelated documents', () => {
    // 300 distinct pseudo-articles plus 3 copies of the wire story: only the copies group.
    const docs = new Map<string, Uint32Array | null>();
    let x = 7;
    const rnd = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 120 }, () => `w${Math.floor(rnd() * 5000)}`).join(' ');
      docs.set(`doc-r${i}`, sig(text));
    }
    for (const id of ['doc-x1', 'doc-x2', 'doc-x3']) docs.set(id, sig(WIRE));
    const g = syndicationGroups(docs);
    const sizes = new Map<string, number>();
    for (const v of g.values()) sizes.set(v, (sizes.get(v) ?? 0) + 1);
    expect([...sizes.values()].filter((n) => n > 1)).toEqual([3]);
  });
});
