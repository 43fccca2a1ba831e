/**
 * Which names from an imported catalogue may become aliases. MISP and ATT&CK list every name a vendor
 * ever used, and some are ordinary words ("Silence", "Tick", "Play") or everyday acronyms ("UPS"): as
 * aliases they would turn sentences such as "Silence fell over the room." into mentions of a threat
 * group. The matcher already needs a capital where an alias has one, so the danger is a word that is
 * capitalised anyway, at the start of a sentence or in a headline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from './paths.js';

export type DropReason = 'too short' | 'generic' | 'common word' | 'names another entry';

export type AliasVerdict =
  | { readonly kind: 'keep'; readonly alias: string; readonly caseSensitive: boolean }
  | { readonly kind: 'drop'; readonly alias: string; readonly reason: DropReason };

// Acronyms in everyday news use that name no threat actor or agency; as exact-case aliases they would
// still match every story about them. e.g. "UPS" (a MISP synonym; also the parcel company), "GOP", "TSB".
const GENERIC_ACRONYMS = new Set(
  [
    'AI',
    'API',
    'APT',
    'BBC',
    'C2',
    'CEO',
    'CFO',
    'CIO',
    'CISO',
    'CNN',
    'CTO',
    'CVE',
    'DDOS',
    'DNS',
    'DOS',
    'EDR',
    'FAQ',
    'GDP',
    'GOP',
    'HTTP',
    'HTTPS',
    'ICS',
    'IOC',
    'IOT',
    'IPO',
    'ISP',
    'MFA',
    'NGO',
    'PDF',
    'RAT',
    'SMS',
    'SSO',
    'TSB',
    'UPS',
    'URL',
    'USB',
    'VPN',
  ].map((s) => s.toLowerCase()),
);

// e.g. "Group 3", "Team 5": a counter in somebody's list, not a name ("Unit 8200" has four digits and stays).
const NUMBERED = /^(?:group|team|unit|cluster|actor|gang|crew|operation|campaign)\s*-?\s*\d{1,2}$/i;
// e.g. "Unknown", "N/A": placeholders some catalogue rows carry instead of a name.
const PLACEHOLDER = /^(?:unknown|unattributed|unnamed|n\/a|none|various|other|misc|tbd)(?: group| actor)?$/i;

let words: ReadonlySet<string> | null = null;

/** The common English words of data/kb/common-words.txt (SCOWL size 35), lower case; read once. */
export function commonWords(): ReadonlySet<string> {
  if (!words) {
    const text = fs.readFileSync(path.join(packageRoot(), 'data', 'kb', 'common-words.txt'), 'utf8');
    words = new Set(
      text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#')),
    );
  }
  return words;
}

/** Trims, joins runs of white space and composes accents, so "Fancy  Bear " and "Fancy Bear" are one alias. */
export const cleanName = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

// e.g. "ZINC", "MSS", "CNCERT/CC": letters, all of them capitals.
const isAllCaps = (s: string): boolean => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
// e.g. "BlackJack", "iKittens": a capital after the first letter marks a coined name, not the word.
const hasInnerCapital = (s: string): boolean => /.\p{Lu}/u.test(s.replace(/^\P{L}+/u, ''));

/**
 * Whether an imported name may be an alias, and whether it must match with its exact case:
 * - shorter than 3 characters: dropped ("G3");
 * - a placeholder, a numbered label or an everyday acronym: dropped ("Unknown", "Group 3", "UPS");
 * - one common English word: kept case-sensitive when written in capitals or with an inner capital
 *   ("MERCURY", "BlackJack"), else dropped ("Silence", "mask");
 * - several words, all common and none capitalised: dropped ("sticky note");
 * - an all-capitals acronym of up to 5 letters: kept case-sensitive ("FSB" is not "fsb").
 */
export function screenAlias(raw: string): AliasVerdict {
  const alias = cleanName(raw);
  const drop = (reason: DropReason): AliasVerdict => ({ kind: 'drop', alias, reason });
  const letters = alias.replace(/[^\p{L}\p{N}]/gu, '');
  if ([...alias].length < 3 || [...letters].length < 3) return drop('too short');
  if (PLACEHOLDER.test(alias) || NUMBERED.test(alias) || /^\d+$/.test(letters)) return drop('generic');
  if (/^[\p{L}\p{N}]+$/u.test(alias) && GENERIC_ACRONYMS.has(alias.toLowerCase())) return drop('generic');
  const common = commonWords();
  const wordList = alias.split(/[^\p{L}']+/u).filter((w) => w !== '');
  const single = wordList.length === 1 && /^[\p{L}']+$/u.test(alias);
  if (single && common.has(alias.toLowerCase())) {
    if (isAllCaps(alias) || hasInnerCapital(alias)) return { kind: 'keep', alias, caseSensitive: true };
    return drop('common word');
  }
  if (
    wordList.length > 1 &&
    !/\p{Lu}/u.test(alias) &&
    wordList.every((w) => common.has(w.toLowerCase())) &&
    !/\d/.test(alias)
  )
    return drop('common word');
  return { kind: 'keep', alias, caseSensitive: isAllCaps(alias) && [...letters].length <= 5 };
}
