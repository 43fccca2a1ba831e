import type { Token } from '../nlp/index.js';
import { tokenizeName } from '../nlp/index.js';
import { commonWords } from './aliases.js';
import type { AliasTarget, KbEntry, KbMatch, TrieNode } from './types.js';

const node = (): TrieNode => ({ next: new Map(), targets: null });

/**
 * An upper-case alias must match with its case ("MSS", "GRU", "CNCERT/CC": "mss" in running text is not
 * the ministry), except a long name a vendor writes in capitals ("COLDRIVER"), which news also writes
 * "Coldriver" — unless that is an ordinary word ("MERCURY", not "Mercury").
 */
const isAcronym = (s: string): boolean =>
  /\p{Lu}/u.test(s) &&
  !/\p{Ll}/u.test(s) &&
  !(/^\p{Lu}{7,}$/u.test(s) && !commonWords().has(s.toLowerCase()));

/** Strips a leading article: "the Kremlin" is matched from "Kremlin" so "the" never decides a match. */
const stripArticle = (s: string): string => s.replace(/^the\s+/i, '').trim();

/**
 * The key an alias is stored under in the trie (lower-cased tokens without a leading article): two
 * names with the same key are the same name to the matcher, e.g. "the Lazarus Group" and "LAZARUS group".
 */
export const aliasKey = (alias: string): string => tokenizeName(stripArticle(alias)).norms.join(' ');

function insert(
  root: TrieNode,
  alias: string,
  target: Omit<AliasTarget, 'exact' | 'capitalised'>,
  exactCase: boolean,
) {
  const name = stripArticle(alias);
  const { values, norms } = tokenizeName(name);
  if (norms.length === 0) return;
  let n = root;
  for (const t of norms.map((x, k) => edgeKey(x, values[k]!))) {
    let child = n.next.get(t);
    if (!child) {
      child = node();
      n.next.set(t, child);
    }
    n = child;
  }
  const full: AliasTarget = {
    ...target,
    exact: exactCase || isAcronym(name) ? values : null,
    capitalised: /^\p{Lu}/u.test(name),
  };
  n.targets ??= [];
  // The same entry reached twice through equal aliases keeps one target.
  if (
    !n.targets.some((x) => x.entry === full.entry && x.demonym === full.demonym && x.person === full.person)
  )
    n.targets.push(full);
}

/**
 * The trie edge of a token: a possessive is its own edge, so "People's Republic of China" continues
 * through "People's" while "Taiwan's" ends the name "Taiwan" (see matchTokens).
 */
function edgeKey(norm: string, value: string): string {
  if (norm === "'s" || norm === "'") return norm;
  return /^.{2,}['’]s$/.test(value) ? `${norm}'s` : norm;
}

/** A token trie over every name, alias and demonym: lookup cost depends on the text, not on the number of actors. */
/**
 * "New Zealand's National Cyber Security Centre": the text stops a name at a possessive, so the owned
 * name of three or more words is matched on its own too, and the owner in front of it (or the
 * document) decides between the countries that have one.
 */
function ownedNames(aliases: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of aliases) {
    const m = /^[^']+['’]s\s+(.+)$/.exec(a);
    if (m && m[1]!.split(/\s+/).length >= 3 && /^\p{Lu}/u.test(m[1]!)) out.push(m[1]!);
  }
  return out;
}

export function buildTrie(entries: readonly KbEntry[]): TrieNode {
  const root = node();
  entries.forEach((e, entry) => {
    const cs = new Set(e.caseSensitive ?? []);
    for (const alias of new Set([e.name, ...e.aliases, ...ownedNames(e.aliases)]))
      insert(root, alias, { entry, demonym: false, person: false }, cs.has(alias));
    for (const d of e.demonyms ?? []) insert(root, d, { entry, demonym: true, person: false }, false);
    for (const p of e.spokespeople ?? []) insert(root, p, { entry, demonym: false, person: true }, false);
  });
  return root;
}

function accepts(t: AliasTarget, tokens: readonly Token[], start: number): boolean {
  if (t.exact) {
    for (let k = 0; k < t.exact.length; k++) {
      const tok = tokens[start + k]!;
      const want = t.exact[k]!;
      // a glued possessive ("MSS's") still matches the acronym
      if (tok.value !== want && !(tok.possessive && tok.value.startsWith(want))) return false;
    }
    return true;
  }
  return !t.capitalised || tokens[start]!.capitalised;
}

/**
 * Finds knowledge-base names in tokens [from, to), longest match first, left to right.
 * e.g. "Beijing's Ministry of State Security (MSS)" → Beijing, Ministry of State Security, MSS.
 */
export function matchTokens(
  root: TrieNode,
  entries: readonly KbEntry[],
  tokens: readonly Token[],
  from = 0,
  to = tokens.length,
): KbMatch[] {
  const out: KbMatch[] = [];
  let i = from;
  while (i < to) {
    let n: TrieNode | undefined = root;
    let best: { end: number; targets: AliasTarget[] } | null = null;
    for (let j = i; j < to && n; j++) {
      const tok = tokens[j]!;
      const glued = tok.possessive && tok.norm !== "'s" && tok.norm !== "'";
      // "Taiwan's" ends the name "Taiwan" here, and continues only into a name written with it
      const here: TrieNode | undefined = n.next.get(tok.norm);
      if (here?.targets) {
        const ok = here.targets.filter((t) => accepts(t, tokens, i));
        if (ok.length > 0) best = { end: j + 1, targets: ok };
      }
      n = glued ? n.next.get(`${tok.norm}'s`) : here;
      if (!n) break;
      if (glued && n.targets) {
        const ok = n.targets.filter((t) => accepts(t, tokens, i));
        if (ok.length > 0) best = { end: j + 1, targets: ok };
      }
    }
    if (best) {
      const nonDemonym = best.targets.filter((t) => !t.demonym);
      const chosen = nonDemonym.length > 0 ? nonDemonym : best.targets;
      out.push({
        kind: 'kb-match',
        start: i,
        end: best.end,
        candidates: chosen.map((t) => entries[t.entry]!),
        demonym: nonDemonym.length === 0,
        person: chosen.every((t) => t.person),
      });
      i = best.end;
    } else {
      i++;
    }
  }
  return out;
}
