import type { Kind } from '../types.js';

/** One actor of the knowledge base, as written in data/kb/*.json or a user knowledge-base file. */
export interface KbEntry {
  readonly id: string;
  readonly name: string;
  readonly kind: Kind;
  readonly country: string | null;
  readonly aliases: readonly string[];
  /** Mixed-case aliases that are also ordinary words and so must match with their exact case. */
  readonly caseSensitive?: readonly string[];
  /** Adjective forms of a state ("Chinese"), used for context, never as a party by themselves. */
  readonly demonyms?: readonly string[];
  /** People who speak for the body ("Lin Jian" for China's foreign ministry): they stand for it when quoted. */
  readonly spokespeople?: readonly string[];
  /** Where the entry came from: "builtin" or the path of a user knowledge base. */
  readonly origin?: string;
}

/** What the trie stores at the end of an alias. */
export interface AliasTarget {
  readonly entry: number;
  /** The alias' original tokens when it must match with exact case (acronyms such as "MSS"). */
  readonly exact: readonly string[] | null;
  /** The alias starts with a capital, so the text must too ("Equation" the group, not "equation"). */
  readonly capitalised: boolean;
  readonly demonym: boolean;
  readonly person: boolean;
}

export interface TrieNode {
  readonly next: Map<string, TrieNode>;
  targets: AliasTarget[] | null;
}

export interface KnowledgeBase {
  readonly kind: 'knowledge-base';
  readonly entries: readonly KbEntry[];
  readonly byId: ReadonlyMap<string, KbEntry>;
  readonly root: TrieNode;
}

/** A knowledge-base hit in a token sequence: tokens [start, end), one or more candidate entries. */
export interface KbMatch {
  readonly kind: 'kb-match';
  readonly start: number;
  readonly end: number;
  readonly candidates: readonly KbEntry[];
  readonly demonym: boolean;
  /** The name is one of a body's spokespeople. */
  readonly person: boolean;
}
