/**
 * A generated corpus of news-like articles (~3 KB each) for benchmarks: accusation paragraphs,
 * responses and background filler assembled from templates with a seeded random generator, so
 * every run measures the same texts.
 */

/** Mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACCUSERS = [
  "China's Ministry of State Security",
  'the US Justice Department',
  "Britain's National Cyber Security Centre",
  'Microsoft',
  'Recorded Future',
  'the Czech government',
  "Taiwan's National Security Bureau",
  'Mandiant researchers',
  'the FBI and CISA',
  "France's VIGINUM agency",
];
const ACCUSED = [
  'Volt Typhoon',
  'APT28',
  'Unit 29155 of Russia’s GRU',
  'the Lazarus Group',
  'Salt Typhoon',
  'APT31',
  'Storm-1516',
  'a hacker group called "Anonymous 64"',
  'ICEFCOM',
  'CyberAv3ngers',
  'Sandworm',
  'APT40',
];
const OPS = [
  'breaching telecommunications networks',
  'stealing state secrets from defence contractors',
  'spreading disinformation on social media',
  'sending phishing emails to officials',
  'deploying destructive wiper malware',
  'pre-positioning inside water and energy utilities',
  'defacing government websites and hijacking billboards',
  'running a network of fake news sites',
];
const VERBS = [
  'accused',
  'blamed',
  'publicly named',
  'attributed the campaign to',
  'linked the intrusions to',
];
const FILLER = [
  'Officials at the meeting discussed trade, tariffs and the outlook for regional growth over the coming year.',
  'The announcement came as lawmakers debated a budget bill that would expand funding for schools and hospitals.',
  'Analysts said the broader relationship between the two capitals remains tense but stable, with talks planned for spring.',
  'The company reported quarterly revenue above expectations and said it would hire more engineers in its new office.',
  'Weather forecasters warned of heavy rain across the southern provinces later in the week.',
  'Security experts have long said that attribution in cyberspace is slow, technical and often contested.',
  'The exhibition attracted thousands of visitors, and organisers plan to extend it through the end of the month.',
  'Markets were little changed on the news, with investors focused on interest-rate decisions.',
];
const RESPONSES = [
  'The accused government dismissed the allegations as groundless smears.',
  'The embassy did not respond to a request for comment.',
  'A spokesperson rejected the claims, calling them politically motivated.',
  'Officials there have yet to respond to the accusations.',
];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** One article of roughly `bytes` characters. */
export function article(r: () => number, bytes = 3000): string {
  const title = `${pick(r, ACCUSERS).replace(/^the /, 'The ')} ${pick(r, ['accuses', 'blames', 'names'])} ${pick(r, ACCUSED)} over cyber campaign`;
  const parts: string[] = [title, ''];
  let size = title.length;
  while (size < bytes) {
    const kind = r();
    let p: string;
    if (kind < 0.35) {
      const who = pick(r, ACCUSERS);
      p = `${who.charAt(0).toUpperCase()}${who.slice(1)} ${pick(r, VERBS)} ${pick(r, ACCUSED)} of ${pick(r, OPS)} since at least ${2015 + Math.floor(r() * 10)}. The agency said ${Math.floor(r() * 9) + 2} officers were involved in ${pick(r, OPS)}.`;
    } else if (kind < 0.45) {
      p = pick(r, RESPONSES);
    } else {
      p = `${pick(r, FILLER)} ${pick(r, FILLER)}`;
    }
    parts.push(p, '');
    size += p.length + 2;
  }
  return parts.join('\n');
}

export function corpus(n: number, seed = 42, bytes = 3000): string[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => article(r, bytes));
}
