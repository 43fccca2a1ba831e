/**
 * Sentence-level cues read off tokens: operations, sectors, target countries, individuals named and
 * activity periods. Each function is pure and reads one token range.
 */
import type { Token } from '../nlp/index.js';
import type { Operation, Sector } from '../types.js';
import type { Mention } from './mentions.js';
import {
  NUMBER_WORDS,
  OPERATION_PHRASES,
  PERSON_NOUNS,
  SECTOR_PHRASES,
  TARGET_CUES,
  TARGET_NOUNS,
  WEAK_OPERATION_PHRASES,
  WEAK_SECTOR_WORDS,
} from './lexicon.js';

export interface OperationCue {
  readonly token: number;
  readonly operations: readonly Operation[];
}

const MANIPULATION =
  /^(manipulat\w*|spread\w*|amplif\w*|flood\w*|push\w*|sow\w*|fake|false|shape|shaping|sway\w*|influence|distort\w*|inauthentic)$/;

/** Operation words in tokens [from, to), skipping tokens inside actor names. e.g. "spreading counter-propaganda" */
/** First words of the two-word phrases, so that a pair is only built where a phrase can start. */
const firstWords = (keys: Iterable<string>): Set<string> =>
  new Set([...keys].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]!));
const OP_FIRST_WORDS = firstWords(OPERATION_PHRASES.keys());
const SECTOR_FIRST_WORDS = firstWords(SECTOR_PHRASES.keys());

const opCache = new WeakMap<Uint8Array, Map<number, readonly OperationCue[]>>();

/** Operation cues in tokens [from, to), computed once per span of a document (keyed by its mention mask). */
export function operationCues(
  tokens: readonly Token[],
  from: number,
  to: number,
  inMention: Uint8Array,
): readonly OperationCue[] {
  let byStart = opCache.get(inMention);
  if (!byStart) opCache.set(inMention, (byStart = new Map()));
  const key = from * 100003 + to;
  let out = byStart.get(key);
  if (!out) byStart.set(key, (out = findOperationCues(tokens, from, to, inMention)));
  return out;
}

/** Operation cues in tokens [from, to), uncached: for a mention's own words, outside any document's mask. */
export function findOperationCues(
  tokens: readonly Token[],
  from: number,
  to: number,
  inMention: Uint8Array,
): OperationCue[] {
  const out: OperationCue[] = [];
  for (let i = from; i < to; i++) {
    if (inMention[i]) continue;
    const t = tokens[i]!;
    const two = i + 1 < to && OP_FIRST_WORDS.has(t.norm) ? `${t.norm} ${tokens[i + 1]!.norm}` : '';
    let key = two && OPERATION_PHRASES.has(two) ? two : OPERATION_PHRASES.has(t.norm) ? t.norm : null;
    // "had been targeting Unitronics controllers": aiming at machines is an intrusion attempt
    if (!key && /^(targeting|targeted|targets|target)$/.test(t.norm) && machineAfter(tokens, i + 1, to)) {
      out.push({ token: i, operations: ['intrusion'] });
      continue;
    }
    // "manufactured a viral video", "forged documents": made-up content is disinformation
    if (
      !key &&
      /^(manufactured|manufacturing|fabricated|fabricating|forged|faked|doctored|staged)$/.test(t.norm)
    ) {
      for (let k = i + 1; k < Math.min(to, i + 4); k++)
        if (MEDIA_ITEMS.test(tokens[k]!.norm)) {
          out.push({ token: i, operations: ['disinformation'] });
          break;
        }
      continue;
    }
    if (!key) continue;
    if (WEAK_OPERATION_PHRASES.has(key) && !nearManipulation(tokens, i, from, to)) key = null;
    if (!key) continue;
    out.push({ token: i, operations: refine(tokens, i, from, to, OPERATION_PHRASES.get(key)!) });
    if (key === two) i++;
  }
  return out;
}

const MEDIA_ITEMS =
  /^(videos?|clips?|stories|story|documents?|evidence|news|content|articles?|images?|photos?|recordings?|quotes?|letters?|posts?|reports?|dispatch)$/;
const STEAL = /^(steal|stole|stolen|stealing|theft|thefts|heist|heists)$/;
const LOOT =
  /^(cryptocurrency|crypto|bitcoin|ether|tokens?|funds|money|cash|\$|million|billion|credentials|passwords?|keys|cookies)$/;
const SECRETS =
  /^(data|secrets|information|intellectual|documents|emails|files|research|designs|correspondence)$/;
const INTENT =
  /^(could|would|might|may|can|able|capable|capability|capabilities|prepare|preparing|prepared|ready|readying|positioning|position|future|potential|potentially|intend|intended|planning)$/;

/**
 * The sense of an operation word in its context: stealing money or passwords is an intrusion, not
 * espionage; being able to disrupt in a future crisis is pre-positioning, not disruption.
 */
function refine(
  tokens: readonly Token[],
  i: number,
  from: number,
  to: number,
  ops: readonly Operation[],
): readonly Operation[] {
  const n = tokens[i]!.norm;
  if (ops.includes('espionage') && STEAL.test(n)) {
    for (let k = i + 1; k < Math.min(to, i + 5); k++) {
      if (LOOT.test(tokens[k]!.norm)) return ['intrusion'];
      if (SECRETS.test(tokens[k]!.norm)) return ops;
    }
    // "the theft", "the heist": taking money unless data is said to be taken
    if (/^(theft|thefts|heist|heists)$/.test(n)) return ['intrusion'];
  }
  if (ops.includes('disruption') && /^disrupt/.test(n)) {
    for (let k = Math.max(from, i - 5); k < i; k++)
      if (INTENT.test(tokens[k]!.norm)) return ['pre-positioning'];
  }
  return ops;
}

const MACHINES =
  /^(networks?|systems?|servers?|routers?|devices?|controllers?|computers?|accounts|emails?|infrastructure|websites?|databases?|endpoints|firewalls?|plcs?|vpns?|appliances?)$/;

function machineAfter(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < Math.min(to, from + 5); k++) {
    if (MACHINES.test(tokens[k]!.norm)) return true;
    if (/^[,.;:]$/.test(tokens[k]!.norm)) return false;
  }
  return false;
}

function nearManipulation(tokens: readonly Token[], i: number, from: number, to: number): boolean {
  for (let k = Math.max(from, i - 4); k < Math.min(to, i + 5); k++)
    if (MANIPULATION.test(tokens[k]!.norm)) return true;
  // "leaked" counts as hack-and-leak only where hacking or stolen data is in the same sentence
  const n = tokens[i]!.norm;
  if (n === 'leaked' || n === 'leaking') {
    for (let k = from; k < to; k++)
      if (/^(hack\w*|stole|stolen|breach\w*)$/.test(tokens[k]!.norm)) return true;
  }
  return false;
}

/** Sectors named as targets in tokens [from, to). e.g. "water, electricity, gas, heating, communications" */
export function sectorCues(
  tokens: readonly Token[],
  from: number,
  to: number,
  inMention: Uint8Array,
): Sector[] {
  const out = new Set<Sector>();
  let listed = false;
  for (let i = from; i < to; i++) {
    if (inMention[i]) continue;
    const t = tokens[i]!;
    const two = i + 1 < to && SECTOR_FIRST_WORDS.has(t.norm) ? `${t.norm} ${tokens[i + 1]!.norm}` : '';
    if (two && SECTOR_PHRASES.has(two)) {
      out.add(SECTOR_PHRASES.get(two)!);
      i++;
      continue;
    }
    const s = SECTOR_PHRASES.get(t.norm);
    if (!s) continue;
    if (WEAK_SECTOR_WORDS.has(t.norm)) {
      // "government agencies", "media outlets" — or inside a list that already named a sector
      const next = tokens[i + 1];
      const nextIsTarget =
        next !== undefined &&
        (TARGET_NOUNS.has(next.norm) ||
          (SECTOR_PHRASES.has(next.norm) && TARGET_NOUNS.has(tokens[i + 2]?.norm ?? '')));
      // "communications and water utilities": a weak word heading a list of sectors
      const headsList =
        (next?.norm === 'and' || next?.norm === ',') && SECTOR_PHRASES.has(tokens[i + 2]?.norm ?? '');
      const inList =
        headsList ||
        (listed &&
          (tokens[i - 1]?.norm === ',' || tokens[i - 1]?.norm === 'and' || tokens[i + 1]?.norm === ','));
      if (!nextIsTarget && !inList) continue;
    }
    out.add(s);
    listed = true;
  }
  return [...out];
}

/** Countries in the target role: "against mainland China", "Taiwanese organizations", "in Taiwan". */
export function targetCountries(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  from: number,
  to: number,
  demonymCountries: ReadonlyMap<number, string>,
): string[] {
  const out = new Set<string>();
  for (const m of mentions) {
    if (m.start < from || m.end > to || m.partyKind !== 'state' || !m.country || m.modifier) continue;
    if (precededByTargetCue(tokens, m.start, from)) out.add(m.country);
  }
  for (const [i, country] of demonymCountries) {
    if (i < from || i >= to) continue;
    // the nationality of an actor name ("Chinese hackers") is not a target; of a victim noun it is
    let k = i + 1;
    while (
      k < to &&
      k - i < 4 &&
      (SECTOR_PHRASES.has(tokens[k]!.norm) ||
        /^(critical|private|public|state|key|major|local|national|\w+-based)$/.test(tokens[k]!.norm))
    )
      k++;
    if (TARGET_NOUNS.has(tokens[k]?.norm ?? '') && !PERSON_NOUNS.has(tokens[k]?.norm ?? '')) out.add(country);
    else if (precededByTargetCue(tokens, i, from) && TARGET_NOUNS.has(tokens[k]?.norm ?? ''))
      out.add(country);
  }
  return [...out];
}

function precededByTargetCue(tokens: readonly Token[], i: number, from: number): boolean {
  for (let k = i - 1; k >= Math.max(from, i - 3); k--) {
    const n = tokens[k]!.norm;
    if (TARGET_CUES.has(n))
      return (
        n !== 'of' ||
        /^(networks|systems|infrastructure|sovereignty|security)$/.test(tokens[k - 1]?.norm ?? '')
      );
    if (
      !/^(the|mainland|critical|its|their|western|southern|northern|eastern|central|self-ruled|democratic)$/.test(
        n,
      )
    )
      return false;
  }
  return false;
}

const DIGITS = /^\d{1,3}$/;

/** "four members", "three Taiwanese officials", "seven Chinese nationals" → the number of people. */
export function individualsNamed(
  tokens: readonly Token[],
  from: number,
  to: number,
  nationals: ReadonlySet<string> = NO_WORDS,
): number | null {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const n = NUMBER_WORDS.get(t.norm) ?? (DIGITS.test(t.value) ? Number(t.value) : undefined);
    if (n === undefined || n === 0) continue;
    // skip "24 organizations", "14-year": look for a person noun within three tokens
    for (let k = i + 1; k < Math.min(to, i + 4); k++) {
      const w = tokens[k]!.norm;
      // "three officers", and "three Iranians": people counted by their nationality
      if (PERSON_NOUNS.has(w) || nationals.has(w)) {
        // "two of its officers" is fine; "people's" or "hackers said" is still people
        const other = tokens[i + 1]?.norm === 'others' ? 0 : n;
        if (other > 0) return other + morePeople(tokens, k + 1, to);
      }
      // "five Unit 29155 officers": a unit's number may stand between the count and the people
      const unitNumber = /^\d+$/.test(w) && tokens[k - 1]?.norm === 'unit';
      if ((!/^(\p{L}+|-)$/u.test(w) && !unitNumber) || NUMBER_WORDS.has(w)) break;
    }
  }
  return null;
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** "five GRU officers and a civilian", "three officials and two others": the people added after "and". */
function morePeople(tokens: readonly Token[], from: number, to: number): number {
  let k = from;
  // skip a qualifier: "five officers of Unit 29155 of the Russian Main Intelligence Directorate (GRU)
  // and a civilian"
  while (k < Math.min(to, from + 12) && !/^(and|plus|as)$/.test(tokens[k]!.norm)) {
    // "… officers of the GRU with hacking the email of an official and two employees": past a verb or
    // "with", the people after "and" are someone else
    if (/^[,.;:]$/.test(tokens[k]!.norm) || tokens[k]!.pos === 'VERB' || tokens[k]!.norm === 'with') return 0;
    k++;
  }
  if (k >= to || !/^(and|plus)$/.test(tokens[k]!.norm)) return 0;
  const w = tokens[k + 1]?.norm ?? '';
  const n = /^(a|an|one|another)$/.test(w) ? 1 : (NUMBER_WORDS.get(w) ?? (DIGITS.test(w) ? Number(w) : 0));
  if (!n) return 0;
  for (let j = k + 2; j < Math.min(to, k + 5); j++) {
    const x = tokens[j]!.norm;
    if (PERSON_NOUNS.has(x) || x === 'others' || x === 'other') return n;
    if (!/^\p{L}+$/u.test(x)) return 0;
  }
  return 0;
}

const PERIOD_PATTERNS: readonly RegExp[] = [
  // e.g. "since at least 2023"
  /\bsince\s+(?:at\s+least\s+|as\s+early\s+as\s+|early\s+|late\s+|mid-)?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d\b/i,
  // e.g. "between late 2023 and early 2024"
  /\bbetween\s+(?:(?:early|late|mid-?)\s*)?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d\s+and\s+(?:(?:early|late|mid-?)\s*)?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d\b/i,
  // e.g. "from 2010 to 2024"
  /\bfrom\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d\s+(?:to|until|through)\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d\b/i,
  // e.g. "starting earlier this year", "beginning last year"
  /\b(?:starting|beginning|since)\s+(?:earlier\s+)?(?:this|last)\s+(?:year|month|spring|summer|autumn|fall|winter)\b/i,
  // e.g. "over the past 14 years", "for more than a decade"
  /\b(?:over|for|during)\s+(?:the\s+)?(?:past|last|more\s+than|nearly|almost|about)\s+(?:a\s+|an\s+|\w+\s+)?(?:decade|years|months)\b/i,
  /\b(?:a|an)\s+\w+-year\s+(?:campaign|operation|effort|period)\b/i,
];

/** The activity period as written, from the first sentence that states one. */
export function periodIn(text: string): string | null {
  for (const re of PERIOD_PATTERNS) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
}
