/**
 * Actor mentions: every place a document names (or refers back to) a state, agency, unit, group,
 * company or researcher. Known actors come from the knowledge base; unknown ones from naming schemes
 * and organisation-name shapes; "the ministry", "It" and "they" from coreference.
 */
import type { KbEntry, KnowledgeBase } from '../kb/index.js';
import { matchTokens } from '../kb/index.js';
import type { AnalysedText, Token } from '../nlp/index.js';
import type { Kind } from '../types.js';
import {
  ACTOR_NOUNS,
  COREF_NOUNS,
  DOCUMENT_NOUNS,
  GROUP_CODE,
  GROUP_FAMILY_WORDS,
  ORG_CONNECTORS,
  KNOWN_TOOLS,
  ORG_HEADS,
  PUBLISHING_VERBS,
  RESEARCHER_NOUNS,
  STATE_NOUNS,
  TITLES,
  TRIGGERS,
} from './lexicon.js';

export interface Mention {
  readonly kind: 'mention';
  /** Token range [start, end). */
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly surface: string;
  /** Grouping key: the knowledge-base id, or "u:" + the name of an unknown actor. */
  identity: string;
  entry: KbEntry | null;
  name: string;
  partyKind: Kind;
  country: string | null;
  readonly via: 'kb' | 'pattern' | 'nationality' | 'coref' | 'researchers';
  /** "Chinese hackers": a nationality and a noun, less specific than a named actor. */
  readonly generic: boolean;
  /** A guess from word shape alone (CamelCase): may be accused, never the accuser. */
  readonly weak: boolean;
  /** Followed by a possessive and another name: "Beijing's Ministry …", it modifies, it does not act. */
  modifier: boolean;
  /** A person who speaks for the organisation this mention now stands for (a spokesperson, an official). */
  speaker?: boolean;
  /** "The agencies said …" after a list of co-signers: every body the plural stands for. */
  group?: readonly Mention[];
}

interface Demonym {
  readonly start: number;
  readonly end: number;
  readonly entry: KbEntry;
}

const MEDIA_WORDS = new Set([
  'news',
  'press',
  'media',
  'times',
  'post',
  'herald',
  'radio',
  'television',
  'broadcasting',
  'tribune',
  'journal',
  'gazette',
  'wire',
]);
const MALWARE_NOUNS =
  /^(cyber-attack|cyberattack|attacks?|hack|breach|attack|campaign|compromise|incident|intrusion|systems?|devices?|appliances?|servers?|software|products?|routers?|firewalls?|vpns?|platforms?|app|apps|browser|accounts?|malware|wiper|ransomware|backdoor|implant|trojan|virus|worm|botnet|spyware|tool|toolkit|loader|exploit|rootkit|stealer|variant|strain|payload)$/;
const CAMEL = /^[A-Z][a-z]+[A-Z0-9][A-Za-z0-9]+$/;
/** Family names written in two capitals: McNally, MacArthur, DeSantis, LeBlanc, DiNapoli. */
const SURNAME_PREFIX = /^(Mc|Mac|De|Di|Le|La|Du|Van|Von)[A-Z][a-z]+$/;
const QUOTE_OPEN = new Set(['"', '“', "'", '‘']);
const QUOTE_CLOSE = new Set(['"', '”', "'", '’']);
const NAME_CUES = new Set([
  'called',
  'dubbed',
  'named',
  'as',
  'calling',
  'nicknamed',
  'codenamed',
  'moniker',
]);
const STATE_LINK =
  /^(.+?)-(linked|backed|sponsored|based|aligned|affiliated|nexus|connected|tied|directed|controlled|run|operated|funded|allied)$/;
/** Operation nouns a nationality can act through: "Russian cyberattacks", "Chinese hacking". */
const NATIONAL_OPERATION =
  /^(cyberattacks?|cyber-attacks?|cyber attacks?|hacking|hacks|intrusions|disinformation|propaganda|cyberespionage|cyber espionage|espionage campaigns?|interference|influence operations?|influence campaigns?|cyber operations|cyber campaigns?|hacking campaigns?)$/;

/** The one- or two-word operation noun at token i, e.g. "cyber attacks". */
function operationWordAt(tokens: readonly Token[], i: number): string {
  const one = tokens[i]?.norm ?? '';
  const two = `${one} ${tokens[i + 1]?.norm ?? ''}`;
  return NATIONAL_OPERATION.test(two) ? two : one;
}

const HYPHEN_SPONSOR =
  /^(affiliated|linked|backed|sponsored|aligned|nexus|based|directed|funded|controlled)$/;

const SPONSOR_WORDS = new Set([
  'based',
  'affiliated',
  'aligned',
  'nexus',
  'directed',
  'funded',
  'controlled',
  'state-sponsored',
  'state-backed',
  'government-backed',
  'state-linked',
  'state-affiliated',
  'state-aligned',
  'military-linked',
  'nation-state',
  'sponsored',
  'backed',
  'linked',
  'state',
  '-',
  'military',
  'intelligence',
  'cyber',
  'threat',
  'hacking',
  'apt',
  'espionage',
  'cyberespionage',
  'advanced',
  'persistent',
  'pro-russian',
  'pro-russia',
  'influence',
  'propaganda',
  'disinformation',
  'troll',
  'cybersecurity',
  'technology',
  'tech',
  'front',
  'security',
]);

const stateIndexCache = new WeakMap<KnowledgeBase, Map<string, KbEntry>>();
/** Single-token state names and demonyms, for "China-linked" and similar glued forms. */
function stateIndex(kb: KnowledgeBase): Map<string, KbEntry> {
  let idx = stateIndexCache.get(kb);
  if (idx) return idx;
  idx = new Map();
  for (const e of kb.entries) {
    if (e.kind !== 'state') continue;
    for (const n of [e.name, ...e.aliases, ...(e.demonyms ?? [])]) {
      if (!/\s/.test(n)) idx.set(n.toLowerCase().replace(/[’']/g, "'"), e);
    }
  }
  stateIndexCache.set(kb, idx);
  return idx;
}

const bySentenceCache = new WeakMap<readonly Mention[], Mention[][]>();
/** The mentions of one sentence, from an index built once per mention list. */
export function mentionsIn(mentions: readonly Mention[], sentence: number): readonly Mention[] {
  let idx = bySentenceCache.get(mentions);
  if (!idx) {
    idx = [];
    for (const m of mentions) (idx[m.sentence] ??= []).push(m);
    bySentenceCache.set(mentions, idx);
  }
  return idx[sentence] ?? [];
}

const textOf = (text: string, tokens: readonly Token[], s: number, e: number): string =>
  text.slice(tokens[s]!.start, tokens[e - 1]!.end);

/** Finds every actor mention in the document, resolved to an identity. */
export function findMentions(a: AnalysedText, kb: KnowledgeBase): Mention[] {
  return findMentionsAndNationalities(a, kb).mentions;
}

/** Mentions plus token index → country of every nationality word ("Chinese"), from one matcher pass. */
export function findMentionsAndNationalities(
  a: AnalysedText,
  kb: KnowledgeBase,
): { mentions: Mention[]; nationalities: Map<number, string> } {
  const ambiguous = new Map<Mention, readonly KbEntry[]>();
  const { tokens, text } = a;
  const covered = new Uint8Array(tokens.length);
  const mentions: Mention[] = [];
  const demonyms: Demonym[] = [];
  const states = stateIndex(kb);
  const tools = new Set<string>();

  const push = (m: Omit<Mention, 'kind' | 'sentence' | 'surface' | 'modifier'> & { surface?: string }) => {
    for (let k = m.start; k < m.end; k++) covered[k] = 1;
    // every field written in one order, so that all mentions share one object shape (a spread does not)
    mentions.push({
      kind: 'mention',
      start: m.start,
      end: m.end,
      sentence: tokens[m.start]!.sentence,
      surface: m.surface ?? textOf(text, tokens, m.start, m.end),
      identity: m.identity,
      entry: m.entry,
      name: m.name,
      partyKind: m.partyKind,
      country: m.country,
      via: m.via,
      generic: m.generic,
      weak: m.weak,
      modifier: false,
    });
  };

  /** The state of a nationality: "Chinese authorities", "Russian disinformation". */
  const pushState = (d: Demonym, end: number) =>
    push({
      start: d.start,
      end,
      identity: d.entry.id,
      entry: d.entry,
      name: d.entry.name,
      partyKind: 'state',
      country: d.entry.country,
      via: 'nationality',
      generic: false,
      weak: false,
    });

  // 1. Knowledge-base names and demonyms.
  for (const m of matchTokens(kb.root, kb.entries, tokens)) {
    if (m.demonym) {
      demonyms.push({ start: m.start, end: m.end, entry: m.candidates[0]! });
      continue;
    }
    const e = m.candidates[0]!;
    // "mainland Spain": an alias written in lower case ("the mainland") before a place's name describes it
    if (tokens[m.start]!.norm === 'mainland' && tokens[m.end]?.capitalised && tokens[m.end]!.pos === 'PROPN')
      continue;
    // "Seoul Metropolitan Police Agency": a known name inside a longer official name is not that body
    const after = tokens[m.end];
    if (
      (e.kind === 'government-agency' || e.kind === 'military-unit') &&
      after?.capitalised &&
      after.sentence === tokens[m.start]!.sentence &&
      GOVERNMENT_HEADS.test(after.norm)
    )
      continue;
    // "Chinese state-sponsored group": the nationality starts a phrase, "Chinese state" is not the state here
    const nextNorm = tokens[m.end]?.norm ?? '';
    // … and "Russian state hackers", a group of the state
    const stateThenSponsor =
      tokens[m.end - 1]!.norm === 'state' &&
      (/^(-|-sponsored|-backed|-linked|sponsored|backed)$/.test(nextNorm) || ACTOR_NOUNS.has(nextNorm));
    // "a Taiwanese government agency" is an agency of the state, not the state
    const stateThenBody =
      /^(agency|unit|organi[sz]ation|body|entity|department|service|bureau)$/.test(nextNorm) ||
      // "US intelligence agencies", "American special services": the state's unnamed agencies
      (/^(intelligence|special|security|spy)$/.test(nextNorm) &&
        /^(agencies|services|agency|service)$/.test(tokens[m.end + 1]?.norm ?? ''));
    // "China state-affiliated actors": the state's name before a sponsor phrase
    const nameThenSponsor =
      nextNorm === 'state' &&
      /^(-|-sponsored|-backed|-affiliated|-linked|sponsored|backed|affiliated)$/.test(
        tokens[m.end + 1]?.norm ?? '',
      );
    if (e.kind === 'state' && nameThenSponsor) {
      demonyms.push({ start: m.start, end: m.end, entry: e });
      continue;
    }
    if (e.kind === 'state' && (stateThenSponsor || stateThenBody)) {
      demonyms.push({ start: m.start, end: stateThenSponsor ? m.start + 1 : m.end, entry: e });
      continue;
    }
    // "US-made telephones", "Chinese-built cameras": where a product comes from, not an actor
    if (
      e.kind === 'state' &&
      nextNorm === '-' &&
      /^(made|built|manufactured|designed)$/.test(tokens[m.end + 1]?.norm ?? '')
    ) {
      demonyms.push({ start: m.start, end: m.end, entry: e });
      continue;
    }
    // "PRC-affiliated actors", "Russia-linked hackers": the state names whose the actors are
    if (e.kind === 'state' && nextNorm === '-' && HYPHEN_SPONSOR.test(tokens[m.end + 1]?.norm ?? '')) {
      demonyms.push({ start: m.start, end: m.end, entry: e });
      continue;
    }
    // "US officials", "Israeli government" written with the country's name: the state, as written
    const officials =
      e.kind === 'state' &&
      /^(officials|authorities|government)$/.test(nextNorm) &&
      !tokens[m.end]!.possessive &&
      tokens[m.end]!.sentence === tokens[m.start]!.sentence;
    push({
      start: m.start,
      end: officials ? m.end + 1 : m.end,
      identity: e.id,
      entry: e,
      name: e.name,
      partyKind: e.kind,
      country: e.country,
      via: 'kb',
      generic: false,
      weak: false,
    });
    if (m.candidates.length > 1) ambiguous.set(mentions[mentions.length - 1]!, m.candidates);
    // "Lin Jian said …": a spokesperson the knowledge base knows speaks for the body
    if (m.person) mentions[mentions.length - 1]!.speaker = true;
  }

  // 2. Unknown actors by shape.
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    // "Secretary of State Mike Pompeo and …": an office title starts no organisation's name
    const title = titleAt(tokens, i);
    if (title > i) {
      const holder = personName(tokens, title, covered);
      i = (holder ? holder.end : title) - 1;
      continue;
    }
    const t = tokens[i]!;
    // e.g. "APT41", "UNC3886", "Storm-1516", "TA453"
    if (GROUP_CODE.test(t.possessive ? t.value.replace(/'s$|’s$/, '') : t.value)) {
      push(unknown(i, i + 1, 'threat-group', null));
      continue;
    }
    // e.g. "Salt Typhoon", "Cozy Bear"
    const next = tokens[i + 1];
    if (
      t.capitalised &&
      t.pos !== 'DET' &&
      next &&
      next.capitalised &&
      GROUP_FAMILY_WORDS.has(next.norm) &&
      !covered[i + 1]
    ) {
      if (t.sentence === next.sentence && !isSentenceStartCommonWord(a, i)) {
        push(unknown(i, i + 2, 'threat-group', GROUP_FAMILY_WORDS.get(next.norm) ?? null));
        i++;
        continue;
      }
    }
    // e.g. "Unit 29155", "military unit 61398"
    if (t.norm === 'unit' && next && /^\d{4,6}$/.test(next.value)) {
      push(unknown(i, i + 2, 'military-unit', null));
      i++;
      continue;
    }
    // e.g. a hacker group called "Anonymous 64"; the group dubbed Ghost Emperor
    if (NAME_CUES.has(t.norm) && next && !covered[i + 1]) {
      const q = quotedOrCapitalised(tokens, i + 1);
      // "deployed the malware known as WhisperGate": a tool's name, here and wherever it recurs
      if (q && precededByMalwareWord(tokens, i)) {
        // "… known as WellMess and WellMail": every name in the list is a tool
        let r: { start: number; end: number } | null = q;
        let last = q.end;
        while (r) {
          tools.add(
            textOf(text, tokens, r.start, r.end)
              .replace(/^["“'‘]|["”'’]$/g, '')
              .toLowerCase(),
          );
          last = r.end;
          const sep: string | undefined = tokens[r.end]?.norm;
          r = sep === ',' || sep === 'and' || sep === 'or' ? quotedOrCapitalised(tokens, r.end + 1) : null;
          if (!r && sep === ',' && tokens[last + 1]?.norm === 'and')
            r = quotedOrCapitalised(tokens, last + 2);
        }
        i = last - 1;
        continue;
      }
      if (q && precededByGroupWord(tokens, i)) {
        push(unknown(q.start, q.end, 'threat-group', null));
        i = q.end - 1;
        continue;
      }
    }
    // e.g. "Taiwan Information and Communications Army", "Harbin Public Security Bureau"
    const org = orgName(tokens, i, covered);
    // outlets in bylines and datelines ("Meridian News Agency") report, they do not accuse
    if (org && tokens.slice(org.start, org.end).some((x) => MEDIA_WORDS.has(x.norm))) {
      i = org.end - 1;
      continue;
    }
    if (org) {
      push(unknown(org.start, org.end, org.kind, null));
      i = org.end - 1;
      continue;
    }
    // e.g. "RedJuliett", "CyberAv3ngers" — a guess by shape only; "the WhisperGate malware" is a tool
    if (CAMEL.test(t.value) && MALWARE_NOUNS.test(next?.norm ?? '')) {
      tools.add(t.value.toLowerCase());
      continue;
    }
    // "blockchain analytics firm Elliptic", "the on-chain investigator ZachXBT": a described name
    const described = DESCRIBED_BY.get(tokens[i - 1]?.norm ?? '');
    if (described && t.capitalised && t.pos === 'PROPN' && !NOT_NAME.test(t.norm)) {
      let e = i + 1;
      while (
        e < tokens.length &&
        e - i < 3 &&
        !covered[e] &&
        tokens[e]!.capitalised &&
        tokens[e]!.pos === 'PROPN'
      )
        e++;
      push({ ...unknown(i, e, described, null) });
      i = e - 1;
      continue;
    }
    // (not a surname: "Shaun McNally", "DeSantis")
    if (CAMEL.test(t.value) && t.pos === 'PROPN' && !SURNAME_PREFIX.test(t.value)) {
      push({ ...unknown(i, i + 1, 'threat-group', null), weak: true });
    }
  }

  // 2b. People named in full: "Ruslan Aleksandrovich Peretyatko", "Colonel Yuriy Denisov".
  const surnames = new Map<string, string>();
  for (let i = 0; i < tokens.length; i++) {
    // "Foreign Secretary David Cameron": the title speaks for the state, the name is the person
    const title = titleAt(tokens, i);
    if (title > i) {
      i = title - 1;
      continue;
    }
    const n = personName(tokens, i, covered);
    if (n) {
      const m = unknown(n.start, n.end, 'person', null);
      push(m);
      surnames.set(tokens[n.end - 1]!.value.replace(/['’]s$/, ''), m.identity);
      i = n.end - 1;
      continue;
    }
    // "Peretyatko and Korinets" after their full names
    const t = tokens[i]!;
    const id = !covered[i] && t.capitalised ? surnames.get(t.value.replace(/['’]s$/, '')) : undefined;
    if (id) push({ ...unknown(i, i + 1, 'person', null), identity: id });
  }

  // 3. Nationality phrases: "Chinese authorities" (the state), "Russian state-sponsored hackers" (a group).
  for (const d of demonyms) {
    const phrase = nationalityPhrase(tokens, d.end, covered);
    if (!phrase) {
      // "58 suspected North Korean cyberattacks", "Russian disinformation": the state acted
      if (
        d.entry.kind === 'state' &&
        !covered[d.end] &&
        NATIONAL_OPERATION.test(operationWordAt(tokens, d.end))
      )
        pushState(d, d.end);
      continue;
    }
    const surface = textOf(text, tokens, d.start, phrase.end);
    if (phrase.kind === 'state') {
      pushState(d, phrase.end);
    } else if (phrase.kind === 'agency') {
      push({
        start: d.start,
        end: phrase.end,
        identity: `g:${d.entry.country ?? d.entry.id}:agency`,
        entry: null,
        name: surface,
        partyKind: /military|unit/i.test(surface) ? 'military-unit' : 'government-agency',
        country: d.entry.country,
        via: 'nationality',
        generic: true,
        weak: false,
        surface,
      });
    } else {
      push({
        start: d.start,
        end: phrase.end,
        identity: `g:${d.entry.country ?? d.entry.id}`,
        entry: null,
        name: surface,
        partyKind: 'threat-group',
        country: d.entry.country,
        via: 'nationality',
        generic: true,
        weak: false,
        surface,
      });
    }
  }
  // "China-linked hackers", "Kremlin-backed group"
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    if (!tokens[i]!.norm.includes('-')) continue;
    const m = STATE_LINK.exec(tokens[i]!.norm);
    const st = m ? states.get(m[1]!) : undefined;
    if (!st) continue;
    const phrase = nationalityPhrase(tokens, i + 1, covered);
    if (!phrase || phrase.kind !== 'group') continue;
    const surface = textOf(text, tokens, i, phrase.end);
    push({
      start: i,
      end: phrase.end,
      identity: `g:${st.country ?? st.id}`,
      entry: null,
      name: surface,
      partyKind: 'threat-group',
      country: st.country,
      via: 'nationality',
      generic: true,
      weak: false,
      surface,
    });
  }

  // 4. Unnamed researchers: "security researchers said …"
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || !RESEARCHER_NOUNS.has(tokens[i]!.norm)) continue;
    let s = i;
    while (
      s > 0 &&
      !covered[s - 1] &&
      /^(security|cybersecurity|cyber|independent|threat|international|western|private|outside)$/.test(
        tokens[s - 1]!.norm,
      )
    )
      s--;
    // bare "investigators" are usually the officials of the body just named (see addCoreference)
    if (s === i && tokens[i]!.norm === 'investigators') continue;
    push({
      ...unknown(s, i + 1, 'researchers', null),
      identity: 'researchers',
      name: 'researchers',
      via: 'researchers',
    });
  }

  // a name used for malware anywhere in the document is a tool everywhere in it
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (!m.weak && !(m.entry === null && m.via === 'pattern')) continue;
    const name = m.surface.toLowerCase();
    if (tools.has(name) || KNOWN_TOOLS.has(name)) {
      for (let j = m.start; j < m.end; j++) covered[j] = 0;
      mentions.splice(k, 1);
    }
  }
  mentions.sort((x, y) => x.start - y.start);
  // "Russian Embassy in Berlin", "Chinese Embassy": a body named after its nationality belongs to it
  const demonymAt = new Map(demonyms.map((d) => [d.start, d]));
  for (const m of mentions) {
    if (m.via !== 'pattern' || m.country !== null || m.partyKind === 'person') continue;
    const d = demonymAt.get(m.start);
    if (d?.entry.country) m.country = d.entry.country;
  }
  actorsOfState(a, mentions, covered);
  markModifiers(tokens, mentions);
  applyContextCountry(tokens, mentions, demonyms);
  resolveAmbiguous(tokens, mentions, demonyms, ambiguous);
  linkParentheticals(tokens, mentions);
  unifyUnknownSurfaces(mentions);
  resolveCataphora(tokens, mentions);
  addRoleMinistries(a, kb, mentions, demonyms, covered);
  addTitleHolders(a, kb, mentions, demonyms, covered);
  markProducts(tokens, mentions, covered);
  markDatelines(tokens, mentions);
  speakersForTheirOrganisation(tokens, mentions);
  researchersAt(tokens, mentions);
  addGrandJuries(tokens, kb, mentions, covered);
  const nationalities = new Map<number, string>();
  for (const d of demonyms) if (d.entry.country) nationalities.set(d.start, d.entry.country);
  return { mentions: addCoreference(a, mentions, demonyms, covered), nationalities };

  function unknown(start: number, end: number, kind: Kind, country: string | null) {
    const surface = textOf(text, tokens, start, end)
      .replace(/^["“'‘]|["”'’]$/g, '')
      .replace(/['’]s$/, '');
    return {
      start,
      end,
      identity: `u:${surface.toLowerCase()}`,
      entry: null,
      name: surface,
      partyKind: kind,
      country,
      via: 'pattern' as const,
      generic: false,
      weak: false,
      surface,
    };
  }
}

function isSentenceStartCommonWord(a: AnalysedText, i: number): boolean {
  const t = a.tokens[i]!;
  const s = a.sentences[t.sentence]!;
  return s.firstToken === i && t.pos !== 'PROPN';
}

const MALWARE_WORDS =
  /^(malware|wiper|ransomware|spyware|backdoor|virus|worm|trojan|implant|loader|botnet|toolkit|rootkit|stealer|tool|exploit)$/;

function precededByMalwareWord(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    if (MALWARE_WORDS.test(tokens[k]!.norm)) return true;
    if (ACTOR_NOUNS.has(tokens[k]!.norm)) return false;
  }
  return false;
}

function precededByGroupWord(tokens: readonly Token[], i: number): boolean {
  for (let k = Math.max(0, i - 4); k < i; k++) {
    const n = tokens[k]!.norm;
    if (
      ACTOR_NOUNS.has(n) ||
      n === 'collective' ||
      n === 'persona' ||
      n === 'outfit' ||
      n === 'itself' ||
      n === 'known' ||
      n === 'tracked'
    )
      return true;
  }
  return false;
}

/** A quoted name ("“Anonymous 64”") or a run of capitalised tokens starting at i. */
function quotedOrCapitalised(tokens: readonly Token[], i: number): { start: number; end: number } | null {
  const t = tokens[i];
  if (!t) return null;
  if (QUOTE_OPEN.has(t.value)) {
    let k = i + 1;
    while (k < tokens.length && k - i < 6 && !QUOTE_CLOSE.has(tokens[k]!.value)) k++;
    if (k < tokens.length && k > i + 1 && QUOTE_CLOSE.has(tokens[k]!.value)) return { start: i + 1, end: k };
    return null;
  }
  if (!t.capitalised) return null;
  let k = i;
  while (
    k < tokens.length &&
    k - i < 4 &&
    (tokens[k]!.capitalised || /^\d+$/.test(tokens[k]!.value)) &&
    tokens[k]!.sentence === t.sentence
  )
    k++;
  return { start: i, end: k };
}

/**
 * An organisation name not in the knowledge base: capitalised words with connectors, ending in or
 * starting with a head noun. e.g. "Information, Communications and Electronic Force Command".
 */
function orgName(
  tokens: readonly Token[],
  i: number,
  covered: Uint8Array,
): { start: number; end: number; kind: Kind } | null {
  const t = tokens[i]!;
  if (!t.capitalised || t.pos === 'DET' || t.pos === 'PRON') return null;
  let k = i;
  let lastHead = -1;
  let kind: Kind | null = null;
  while (k < tokens.length && !covered[k] && tokens[k]!.sentence === t.sentence) {
    const tok = tokens[k]!;
    if (tok.capitalised || /^\d+$/.test(tok.value)) {
      const h = ORG_HEADS.get(tok.norm);
      if (h) {
        lastHead = k;
        kind = h;
      }
      if (tok.possessive) break;
      k++;
      continue;
    }
    // "Main Division of the General Staff of the Armed Forces" (not "Head of the State Cyber Protection
    // Centre", an office in a body)
    if (
      tok.norm === 'of' &&
      tokens[k + 1]?.norm === 'the' &&
      tokens[k + 2]?.capitalised &&
      !covered[k + 2] &&
      k > i &&
      !OFFICE_WORDS.test(t.norm)
    ) {
      k += 2;
      continue;
    }
    if (ORG_CONNECTORS.has(tok.norm) && tokens[k + 1]?.capitalised && !covered[k + 1]) {
      // a comma only continues a name inside a list of capitalised words ("Information, Communications and …")
      if (tok.norm === ',' && !/^(and|&)$/.test(tokens[k + 2]?.norm ?? '') && !tokens[k + 2]?.capitalised)
        break;
      k++;
      continue;
    }
    break;
  }
  if (lastHead < 0 || kind === null) return null;
  const end = lastHead + 1;
  // Single common words ("Group", "Command") are not names; two or more tokens are.
  if (end - i < 2) return null;
  // Trim leading connectors or sentence-initial function words.
  let start = i;
  while (start < end && (ORG_CONNECTORS.has(tokens[start]!.norm) || tokens[start]!.pos === 'ADP')) start++;
  if (end - start < 2) return null;
  return { start, end, kind };
}

/** The end of an office title starting at i ("Deputy Prime Minister"), or -1. */
const TITLE_FIRST = new Set([...TITLES.keys()].map((k) => k.split(' ')[0]!));
function titleAt(tokens: readonly Token[], i: number): number {
  if (!TITLE_FIRST.has(tokens[i]!.norm)) return -1;
  for (let n = 4; n >= 1; n--) {
    if (i + n > tokens.length) continue;
    const phrase = tokens
      .slice(i, i + n)
      .map((t) => t.norm)
      .join(' ');
    if (TITLES.has(phrase)) return i + n;
  }
  return -1;
}

/** A noun that describes the name after it: "security firm Elliptic", "investigator ZachXBT". */
const DESCRIBED_BY: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ['firm', 'company'],
  ['company', 'company'],
  ['vendor', 'company'],
  ['startup', 'company'],
  ['provider', 'company'],
  ['investigator', 'researchers'],
  ['researcher', 'researchers'],
  ['analyst', 'researchers'],
  ['researchers', 'researchers'],
]);

const HONORIFICS = /^(colonel|col|major|maj|lieutenant|lt|general|gen|captain|capt|sergeant|mr|ms|mrs|dr)$/;
const NOT_NAME =
  /^(central|north|south|east|west|eastern|western|northern|southern|america|asia|europe|africa|middle|pacific|atlantic|island|islands|sea|republic|kingdom|states|union|street|road|city|county|province|region|state|federal|national|international|global|world|cyber|digital|security|intelligence|press|conference|regular|daily|briefing|release|statement|report|news|blog|research|team|the|a|an|in|on|at|of|and|for|from|by|with|to|as|but|or|this|that|these|those|it|its|he|she|they|we|our|their|his|her|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|operation|operations|project|campaign|exercise|parliament|congress|senate|party|democrats|republicans|court|company|ltd|inc|corp|llc|co)$/;

/**
 * A person's full name: two to four capitalised proper nouns that no other rule claimed, none of them
 * an organisation word; after an honorific the name may be one word shorter.
 */
function personName(
  tokens: readonly Token[],
  i: number,
  covered: Uint8Array,
): { start: number; end: number } | null {
  const t = tokens[i]!;
  if (covered[i] || !t.capitalised || t.pos !== 'PROPN') return null;
  const honorific = HONORIFICS.test(t.norm.replace(/\.$/, ''));
  const start = honorific ? i + 1 : i;
  let k = start;
  while (k < tokens.length && k - start < 4) {
    const x = tokens[k]!;
    if (covered[k] || !x.capitalised || x.pos !== 'PROPN' || x.sentence !== t.sentence) break;
    if (NOT_NAME.test(x.norm) || ORG_HEADS.has(x.norm) || GROUP_FAMILY_WORDS.has(x.norm)) return null;
    if (/^[A-Z0-9]{2,}$/.test(x.value) || /\d/.test(x.value)) return null;
    k++;
    if (x.possessive) break;
  }
  if (
    k - start < 2 ||
    (k < tokens.length && tokens[k]!.capitalised && !covered[k] && tokens[k]!.pos === 'PROPN')
  )
    return null;
  return { start, end: k };
}

/** After a nationality: "authorities" makes a state mention, "state-sponsored hackers" a group. */
function nationalityPhrase(
  tokens: readonly Token[],
  i: number,
  covered: Uint8Array,
): { end: number; kind: 'state' | 'group' | 'agency' } | null {
  // "German federal prosecutors", "US senior officials"
  let j = i;
  while (
    j < i + 2 &&
    j < tokens.length &&
    !covered[j] &&
    /^(federal|public|senior|top)$/.test(tokens[j]!.norm)
  )
    j++;
  if (j > i && tokens[j] && !covered[j] && STATE_NOUNS.has(tokens[j]!.norm))
    return { end: j + 1, kind: 'state' };
  let k = i;
  // 'Chinese "state-affiliated" cyber actors': quotation marks around a sponsor word do not end the phrase
  while (
    k < tokens.length &&
    k - i < 8 &&
    !covered[k] &&
    (SPONSOR_WORDS.has(tokens[k]!.norm) || /^["“”]$/.test(tokens[k]!.value))
  )
    k++;
  const t = tokens[k];
  if (!t || covered[k]) return null;
  // "a Taiwanese government agency", "a Russian military unit": an agency not yet named
  const after = tokens[k + 1];
  if (
    after &&
    !after.capitalised &&
    /^(government|military|state|intelligence|security)$/.test(t.norm) &&
    /^(agency|unit|organi[sz]ation|body|entity|department|service|bureau)$/.test(after.norm)
  ) {
    return { end: k + 2, kind: 'agency' };
  }
  // "the Russian military", "Chinese military intelligence": the armed forces as an actor
  if (k > i && tokens[k - 1]!.norm === 'military' && !ACTOR_NOUNS.has(t.norm) && !STATE_NOUNS.has(t.norm))
    return { end: k, kind: 'agency' };
  if (
    k > i + 1 &&
    tokens[k - 1]!.norm === 'intelligence' &&
    tokens[k - 2]!.norm === 'military' &&
    !ACTOR_NOUNS.has(t.norm) &&
    !STATE_NOUNS.has(t.norm)
  )
    return { end: k, kind: 'agency' };
  // "American special services", "US intelligence agencies": unnamed agencies of the state
  if (
    k > i &&
    /^(services|agencies|service)$/.test(t.norm) &&
    /^(intelligence|special|security|spy)$/.test(tokens[k - 1]!.norm)
  )
    return { end: k + 1, kind: 'agency' };
  if (/^(special|secret)$/.test(t.norm) && /^(services|service)$/.test(after?.norm ?? ''))
    return { end: k + 2, kind: 'agency' };
  if (k === i && STATE_NOUNS.has(t.norm)) return { end: k + 1, kind: 'state' };
  if (ACTOR_NOUNS.has(t.norm)) return { end: k + 1, kind: 'group' };
  return null;
}

/** The nouns that describe a body before its name: "the US security firm Mandiant". */
const DESCRIPTOR_HEADS =
  /^(company|firm|vendor|group|agency|lab|laboratory|outfit|provider|giant|maker|contractor|watchdog|regulator|centre|center|unit|service)$/;

/** A mention followed by a possessive and another mention modifies that mention. */
function markModifiers(tokens: readonly Token[], mentions: Mention[]) {
  for (const m of mentions) {
    // "the MirrorFace advisory": a report about a group, not the group acting
    if (
      m.partyKind === 'threat-group' &&
      /^(advisory|report|reports|indictment|attribution|alert)$/.test(tokens[m.end]?.norm ?? '')
    )
      m.modifier = true;
    // "China's ministry", "Russia's military intelligence": a possessive before a common noun
    const last = tokens[m.end - 1]!;
    const nextTok = last.possessive
      ? tokens[m.end]
      : tokens[m.end]?.possessive
        ? tokens[m.end + 1]
        : undefined;
    // ("The Estonian Foreign Ministry's statement said …": a document's issuer still speaks through it)
    if (
      nextTok &&
      !nextTok.capitalised &&
      !DOCUMENT_NOUNS.test(nextTok.norm) &&
      (COREF_NOUNS.has(nextTok.norm) || ORG_HEADS.has(nextTok.norm))
    )
      m.modifier = true;
  }
  for (let i = 0; i < mentions.length - 1; i++) {
    const m = mentions[i]!;
    const n = mentions[i + 1]!;
    // "the US threat intelligence company Recorded Future", "the Russian security firm Kaspersky": the
    // country describes the body named after it
    if (m.partyKind === 'state' && n.sentence === m.sentence && n.start > m.end && n.start - m.end <= 5) {
      // only nouns and adjectives, the last of them the descriptor: not "accused China of hacking the
      // software company Microsoft", "Russia targeted the energy company Ukrenergo"
      const gap = tokens.slice(m.end, n.start);
      if (
        gap.every(
          (x) => !x.capitalised && (x.pos === 'NOUN' || x.pos === 'ADJ') && /^[\p{L}-]+$/u.test(x.value),
        ) &&
        DESCRIPTOR_HEADS.test(gap[gap.length - 1]!.norm)
      ) {
        m.modifier = true;
        n.country ??= m.country;
      }
    }
    const last = tokens[m.end - 1]!;
    const poss = last.possessive || tokens[m.end]?.possessive === true;
    const gap = n.start - m.end - (tokens[m.end]?.possessive && !last.possessive ? 1 : 0);
    if (poss && gap <= 2 && n.sentence === m.sentence) {
      m.modifier = true;
      if (m.partyKind === 'state' || m.country) n.country ??= m.country;
      // "Microsoft's Threat Analysis Center": a unit of a company is part of the company, not an agency
      if (m.partyKind === 'company' && n.entry === null && n.partyKind === 'government-agency') {
        n.partyKind = 'company';
        n.country = m.country;
      }
      // "the KNPA's National Office of Investigation": an office of a known body speaks as that body
      if (
        m.entry !== null &&
        (m.partyKind === 'government-agency' || m.partyKind === 'military-unit') &&
        n.entry === null &&
        n.via === 'pattern' &&
        n.partyKind === 'government-agency'
      )
        Object.assign(n, { identity: m.identity, entry: m.entry, name: m.name, country: m.country });
    }
  }
}

/** "Taiwanese Ministry of National Defense", "China's MSS": a nationality right before a name gives its country. */
function applyContextCountry(tokens: readonly Token[], mentions: Mention[], demonyms: readonly Demonym[]) {
  const demonymEndingAt = new Map<number, Demonym>();
  for (const d of demonyms) demonymEndingAt.set(d.end, d);
  for (const m of mentions) {
    if (m.entry || m.country) continue;
    let k = m.start;
    while (
      k > 0 &&
      k - m.start > -3 &&
      /^(state-sponsored|state-backed|military|the)$/.test(tokens[k - 1]!.norm)
    )
      k--;
    const d = demonymEndingAt.get(k);
    if (d) m.country = d.entry.country;
  }
  // An unknown name that contains a state's name takes its country: "Taiwan Information and Communications Army".
  const stateMentions = mentions.filter((m) => m.partyKind === 'state');
  for (const m of mentions) {
    if (m.entry || m.country) continue;
    const inner = stateMentions.find((s) => s.start >= m.start && s.end <= m.end);
    if (inner) m.country = inner.country;
  }
}

/** Chooses among knowledge-base actors that share a name by the nationality next to it, else the document's main country. */
function resolveAmbiguous(
  tokens: readonly Token[],
  mentions: Mention[],
  demonyms: readonly Demonym[],
  ambiguous: Map<Mention, readonly KbEntry[]>,
) {
  // "the Ministry of Foreign Affairs of Georgia": the state named after "of" says whose
  const ofState = (m: Mention): string | null => {
    let k = m.end;
    if (tokens[k]?.norm !== 'of') return null;
    k++;
    if (tokens[k]?.norm === 'the') k++;
    const st = mentions.find((x) => x.start === k && x.partyKind === 'state');
    return st?.country ?? null;
  };
  // "the Main Division of the General Staff … of the Russian Federation": a body of that state
  for (const m of mentions)
    if (m.entry === null && m.country === null && m.partyKind !== 'person') m.country = ofState(m);
  // "a Dutch Ministry of Defence" matched only Singapore's: the nationality wins, the entry does not
  for (const m of mentions) {
    if (!m.entry?.country || ambiguous.has(m) || m.partyKind === 'state' || m.partyKind === 'threat-group')
      continue;
    const dem = demonyms.find((d) => d.end === m.start);
    const other = dem?.entry.country ?? ofState(m);
    if (!other || other === m.entry.country) continue;
    Object.assign(m, {
      entry: null,
      identity: `u:${m.surface.toLowerCase()}|${other}`,
      name: m.surface,
      country: other,
      via: 'pattern',
    });
  }
  if (ambiguous.size === 0) return;
  const votes = new Map<string, number>();
  for (const m of mentions)
    if (m.partyKind === 'state' && m.country) votes.set(m.country, (votes.get(m.country) ?? 0) + 1);
  for (const d of demonyms)
    if (d.entry.country) votes.set(d.entry.country, (votes.get(d.entry.country) ?? 0) + 1);
  for (const m of mentions) {
    const cands = ambiguous.get(m);
    if (!cands) continue;
    let chosen: KbEntry | undefined;
    const prev = mentions[mentions.indexOf(m) - 1];
    const near = prev && prev.modifier && prev.end >= m.start - 2 ? prev.country : null;
    const dem = demonyms.find((d) => d.end === m.start || d.end === m.start - 1);
    const after = ofState(m);
    const want = near ?? dem?.entry.country ?? after;
    if (want) chosen = cands.find((c) => c.country === want);
    // "a Dutch Ministry of Defence": the nationality says whose, even when the knowledge base has no such entry
    if (want && !chosen && (near || dem || after)) {
      m.entry = null;
      m.identity = `u:${m.surface.toLowerCase()}|${want}`;
      m.name = m.surface;
      m.country = want;
      continue;
    }
    chosen ??= [...cands].sort(
      (x, y) => (votes.get(y.country ?? '') ?? 0) - (votes.get(x.country ?? '') ?? 0),
    )[0];
    if (chosen) {
      m.entry = chosen;
      m.identity = chosen.id;
      m.name = chosen.name;
      m.country = chosen.country;
      m.partyKind = chosen.kind;
    }
  }
}

/** "Information, Communications and Electronic Force Command (ICEFCOM)": both names are one actor. */
function linkParentheticals(tokens: readonly Token[], mentions: Mention[]) {
  for (let i = 0; i < mentions.length - 1; i++) {
    const m = mentions[i]!;
    const n = mentions[i + 1]!;
    const bracketed = tokens[m.end]?.value === '(' && n.start === m.end + 1 && tokens[n.end]?.value === ')';
    // "a hacking group known as Advanced Persistent Threat 10, or APT10, …": the same actor, said twice
    const orAlias =
      tokens[m.end]?.norm === ',' &&
      tokens[m.end + 1]?.norm === 'or' &&
      n.start === m.end + 2 &&
      /^(,|\)|\.|;)$/.test(tokens[n.end]?.norm ?? '') &&
      m.partyKind !== 'state' &&
      (m.entry === null || n.entry === null);
    if (!bracketed && !orAlias) continue;
    const [known, other] = m.entry ? [m, n] : n.entry ? [n, m] : [m, n];
    other.identity = known.identity;
    other.entry = known.entry;
    other.name = known.name;
    other.partyKind = known.partyKind;
    other.country = known.country ?? other.country;
    known.country ??= other.country;
  }
}

/** Later uses of an unknown name written the same way resolve to the first one's identity. */
function unifyUnknownSurfaces(mentions: Mention[]) {
  const bySurface = new Map<string, Mention>();
  for (const m of mentions) {
    if (m.via === 'researchers' || m.generic) continue;
    const key = m.surface.toLowerCase();
    const first = bySurface.get(key);
    if (!first) {
      bySurface.set(key, m);
      continue;
    }
    if (!m.entry) {
      m.identity = first.identity;
      m.entry = first.entry;
      m.name = first.name;
      m.partyKind = first.partyKind;
      m.country = first.country ?? m.country;
    }
  }
}

/**
 * "a Taiwanese government agency … the Taiwan Information and Communications Army": an indefinite
 * description is the actor named next, within three sentences, with the same country and a fitting kind.
 */
function resolveCataphora(tokens: readonly Token[], mentions: Mention[]) {
  mentions.forEach((m, i) => {
    if (!m.generic || m.partyKind === 'state' || !/^(a|an)$/.test(tokens[m.start - 1]?.norm ?? '')) return;
    const named = mentions
      .slice(i + 1)
      .find(
        (n) =>
          !n.generic &&
          !n.modifier &&
          n.entry !== undefined &&
          n.sentence - m.sentence <= 3 &&
          n.country === m.country &&
          (n.partyKind === 'military-unit' ||
            n.partyKind === 'government-agency' ||
            n.partyKind === 'threat-group'),
      );
    if (!named || named.sentence - m.sentence > 3) return;
    m.identity = named.identity;
    m.entry = named.entry;
    m.name = named.name;
    m.partyKind = named.partyKind;
  });
  // "the Russian state-backed hacking group it calls Midnight Blizzard": the description is the name
  mentions.forEach((m, i) => {
    if (!m.generic || m.partyKind !== 'threat-group') return;
    const next = mentions[i + 1];
    if (!next || next.generic || next.partyKind !== 'threat-group' || next.start - m.end > 4) return;
    const gap = tokens
      .slice(m.end, next.start)
      .map((t) => t.norm)
      .join(' ');
    if (
      !/^(,\s)?(which |that )?((\w+ ){0,2})?(calls|called|dubbed|dubs|named|names|known as|tracked as|tracks as|nicknamed|referred to as)( as)?( the)?$/.test(
        gap,
      )
    )
      return;
    Object.assign(m, {
      identity: next.identity,
      entry: next.entry,
      name: next.name,
      country: next.country ?? m.country,
    });
  });
  // "Volt Typhoon … the Chinese state-sponsored actor": a definite description of a group already named
  mentions.forEach((m, i) => {
    if (!m.generic || m.partyKind !== 'threat-group' || m.identity !== `g:${m.country}`) return;
    const det = tokens[m.start - 1];
    // "warning that North Korean cyber actors …": "that" before a plural opens a clause, it is no determiner
    if (!det || !/^(a|an|the|this|that)$/.test(det.norm)) return;
    if (/^(this|that)$/.test(det.norm) && (det.pos === 'SCONJ' || /s$/.test(tokens[m.end - 1]!.norm))) return;
    for (let k = i - 1; k >= 0; k--) {
      const n = mentions[k]!;
      if (m.sentence - n.sentence > 10) break;
      if (n.generic || n.modifier || n.partyKind !== 'threat-group' || n.country !== m.country) continue;
      m.identity = n.identity;
      m.entry = n.entry;
      m.name = n.name;
      return;
    }
  });
}

/** Words after a company's name that still belong to the company: "Microsoft Threat Intelligence". */
const COMPANY_PARTS =
  /^(threat|security|corp|corp\.|corporation|inc|inc\.|co|co\.|llc|plc|gmbh|ag|sa|limited|research|intelligence|labs?|unit|team|group|ltd|ltd\.|says|said)$/;

/** "a flaw in Microsoft Outlook": a company's name before a product's name modifies it. */
function markProducts(tokens: readonly Token[], mentions: Mention[], covered: Uint8Array) {
  for (const m of mentions) {
    if (m.partyKind !== 'company') continue;
    const next = tokens[m.end];
    if (!next || covered[m.end] || !next.capitalised || next.sentence !== tokens[m.start]!.sentence) continue;
    if (COMPANY_PARTS.test(next.norm) || next.possessive || tokens[m.end - 1]!.possessive) continue;
    m.modifier = true;
  }
}

/** Ministries named by their role, whose country the context gives: "the foreign ministry", "Ministry of Defence". */
const ROLES: readonly { role: string; phrase: RegExp; entry: RegExp }[] = [
  {
    role: 'foreign',
    phrase: /^(foreign (ministry|office|affairs ministry)|ministry (of|for) (the )?foreign affairs)$/,
    entry: /\bforeign (affairs|ministry|office)\b/,
  },
  {
    role: 'defence',
    phrase: /^(defen[cs]e (ministry|department)|ministry of (national )?defen[cs]e)$/,
    entry:
      /\b(ministry of (national )?defen[cs]e|defen[cs]e (ministry|department)|department of defen[cs]e)\b/,
  },
  {
    role: 'justice',
    phrase: /^(justice ministry|ministry of justice)$/,
    entry: /\b(ministry of )?justice( ministry)?\b/,
  },
  {
    role: 'interior',
    phrase: /^(interior ministry|ministry of (the )?interior|home office)$/,
    entry: /\b(interior|home office|home affairs)\b/,
  },
];

const roleIndexCache = new WeakMap<KnowledgeBase, Map<string, KbEntry>>();
/** role + "|" + country → the knowledge-base agency of that role. */
function roleIndex(kb: KnowledgeBase): Map<string, KbEntry> {
  let idx = roleIndexCache.get(kb);
  if (idx) return idx;
  idx = new Map();
  for (const e of kb.entries) {
    if (e.kind !== 'government-agency' || !e.country) continue;
    const names = [e.name, ...e.aliases].map((n) => n.toLowerCase());
    if (names.some((n) => /intelligence|assets|development/.test(n))) continue;
    for (const r of ROLES) {
      const key = `${r.role}|${e.country}`;
      if (!idx.has(key) && names.some((n) => r.entry.test(n))) idx.set(key, e);
    }
  }
  roleIndexCache.set(kb, idx);
  return idx;
}

function roleOf(phrase: string): string | null {
  const p = phrase.toLowerCase().replace(/^the\s+/, '');
  return ROLES.find((r) => r.phrase.test(p))?.role ?? null;
}

/**
 * "Foreign ministry spokeswoman Mao Ning told …" after "China rejected the findings": a ministry named
 * by its role belongs to the nationality before it, else to the state most recently mentioned.
 */
function addRoleMinistries(
  a: AnalysedText,
  kb: KnowledgeBase,
  mentions: Mention[],
  demonyms: readonly Demonym[],
  covered: Uint8Array,
) {
  const { tokens, text } = a;
  const idx = roleIndex(kb);
  const countryFor = (start: number): string | null => contextCountry(tokens, mentions, demonyms, start);
  const resolve = (m: Mention | null, start: number, end: number) => {
    const role = roleOf(textOf(text, tokens, start, end));
    if (!role) return;
    // "foreign ministry spokesman Lin Jian": the spokesperson the knowledge base knows gives the country
    const speaker = mentions.find((x) => x.start >= end && x.start <= end + 2 && x.entry && x.country);
    const country = speaker?.country ?? countryFor(start);
    const e = country ? idx.get(`${role}|${country}`) : undefined;
    if (m) {
      m.country ??= country;
      if (e)
        Object.assign(m, { entry: e, identity: e.id, name: e.name, partyKind: e.kind, country: e.country });
      return;
    }
    const surface = textOf(text, tokens, start, end);
    for (let k = start; k < end; k++) covered[k] = 1;
    mentions.push({
      kind: 'mention',
      start,
      end,
      sentence: tokens[start]!.sentence,
      surface,
      identity: e?.id ?? `u:${surface.toLowerCase()}|${country ?? ''}`,
      entry: e ?? null,
      name: e?.name ?? surface,
      partyKind: 'government-agency',
      country: e?.country ?? country,
      via: e ? 'kb' : 'pattern',
      generic: false,
      weak: false,
      modifier: false,
    });
  };
  for (const m of [...mentions]) if (!m.entry && m.via === 'pattern') resolve(m, m.start, m.end);
  for (let i = 0; i < tokens.length - 1; i++) {
    if (covered[i] || covered[i + 1]) continue;
    const n = tokens[i]!.norm;
    if (!/^(foreign|defence|defense|justice|interior|ministry)$/.test(n)) continue;
    let end = i + 2;
    if (n === 'ministry') {
      while (end < tokens.length && end - i < 5 && !covered[end] && !roleOf(textOf(text, tokens, i, end)))
        end++;
    }
    if (!roleOf(textOf(text, tokens, i, end))) continue;
    resolve(null, i, end);
    i = end - 1;
  }
  mentions.sort((x, y) => x.start - y.start);
}

const stateByCountryCache = new WeakMap<KnowledgeBase, Map<string, KbEntry>>();
function stateByCountry(kb: KnowledgeBase): Map<string, KbEntry> {
  let idx = stateByCountryCache.get(kb);
  if (!idx) {
    idx = new Map();
    for (const e of kb.entries)
      if (e.kind === 'state' && e.country && !idx.has(e.country)) idx.set(e.country, e);
    stateByCountryCache.set(kb, idx);
  }
  return idx;
}

/** The country that a phrase at `start` belongs to: a nationality just before it, else the state last mentioned. */
function contextCountry(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  demonyms: readonly Demonym[],
  start: number,
): string | null {
  let k = start;
  while (k > 0 && /^(the|a|an)$/.test(tokens[k - 1]!.norm)) k--;
  const d = demonyms.find((x) => x.end === k || (x.end === k - 1 && tokens[k - 1]!.possessive));
  if (d?.entry.country) return d.entry.country;
  const owner = mentions.find((m) => m.end === k && tokens[m.end - 1]!.possessive);
  if (owner?.country) return owner.country;
  const sentence = tokens[start]!.sentence;
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.start >= start || m.partyKind !== 'state' || !m.country) continue;
    if (sentence - m.sentence > 3) break;
    // "during a visit to Australia, Foreign Minister …": the place visited is not the minister's own
    if (visited(tokens, m.start)) continue;
    return m.country;
  }
  return null;
}

/** The last word of an official body's name. */
const GOVERNMENT_HEADS =
  /^(agency|bureau|office|department|ministry|service|command|directorate|administration|authority|council|force|centre|center|commission)$/;

/** A country named as the place of a visit: "on a visit to Australia", "while visiting Japan". */
function visited(tokens: readonly Token[], start: number): boolean {
  const before = tokens[start - 1]?.norm ?? '';
  if (/^(visiting|touring)$/.test(before)) return true;
  return before === 'to' && /^(visit|trip|tour|travel|journey)$/.test(tokens[start - 2]?.norm ?? '');
}

/**
 * "Deputy Prime Minister Oliver Dowden told parliament …": an office holder speaks for the state (or for
 * the ministry of the office), of the nationality before the title or the state last mentioned.
 */
function addTitleHolders(
  a: AnalysedText,
  kb: KnowledgeBase,
  mentions: Mention[],
  demonyms: readonly Demonym[],
  covered: Uint8Array,
) {
  const { tokens, text } = a;
  const roles = roleIndex(kb);
  const states = stateByCountry(kb);
  const added: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    const end = titleAt(tokens, i);
    if (end < 0 || tokens.slice(i, end).some((_, k) => covered[i + k])) continue;
    const title = tokens
      .slice(i, end)
      .map((t) => t.norm)
      .join(' ');
    // "the vice president of Microsoft", "president of the company": only a state's office
    if (/^(of|at)$/.test(tokens[end]?.norm ?? '') && !/^(state|defense)$/.test(tokens[end - 1]!.norm))
      continue;
    // "the company's corporate vice president", "Microsoft's president": an officer of a company
    let o = i - 1;
    while (o > 0 && /^(corporate|executive|senior|deputy|chief)$/.test(tokens[o]!.norm)) o--;
    // the possessive ending is glued to the owner ("company's") or a token of its own ("company 's")
    const possessive = tokens[o]?.possessive === true;
    if (tokens[o]?.norm === "'s" || tokens[o]?.norm === "'") o--;
    const owner = tokens[o];
    if (
      owner &&
      possessive &&
      (/^(company|firm|group|business|corporation)$/.test(owner.norm) ||
        mentions.some((m) => m.end === o + 1 && m.partyKind === 'company'))
    )
      continue;
    const country = contextCountry(tokens, [...mentions, ...added], demonyms, i);
    if (!country) continue;
    const role = TITLES.get(title)!;
    const e = role ? roles.get(`${role}|${country}`) : states.get(country);
    if (!e) continue;
    added.push({
      kind: 'mention',
      start: i,
      end,
      sentence: tokens[i]!.sentence,
      surface: textOf(text, tokens, i, end),
      identity: e.id,
      entry: e,
      name: e.name,
      partyKind: e.kind,
      country: e.country,
      via: 'coref',
      speaker: true,
      generic: false,
      weak: false,
      modifier: false,
    });
    for (let k = i; k < end; k++) covered[k] = 1;
    i = end - 1;
  }
  mentions.push(...added);
  mentions.sort((x, y) => x.start - y.start);
}

const PRONOUNS = new Set(['it', 'they']);

/**
 * "the ministry", "the Chinese agency", "China's ministry", and sentence-initial "It"/"They" refer
 * back to the nearest earlier actor of a fitting kind (and country, when one is given).
 */
function addCoreference(
  a: AnalysedText,
  mentions: Mention[],
  demonyms: readonly Demonym[],
  covered: Uint8Array,
): Mention[] {
  const { tokens, text } = a;
  const out = [...mentions];
  const byStart = [...mentions];
  const demonymAt = new Map<number, Demonym>();
  for (const d of demonyms) demonymAt.set(d.start, d);
  const modifierEndingAt = new Map<number, Mention>();
  for (const m of mentions) if (m.modifier) modifierEndingAt.set(m.end, m);
  // the surnames of people who speak for a body: "Lin" after "Lin Jian"
  const surnames = new Map<string, Mention>();
  for (const m of mentions) {
    if (!m.speaker || m.end - m.start < 2 || m.end - m.start > 3) continue;
    const words = tokens.slice(m.start, m.end);
    if (!words.every((w) => w.capitalised && /^\p{L}+$/u.test(w.value))) continue;
    // a Chinese or Korean name puts the family name first ("Lin Jian" → "Lin said"), others last
    const familyFirst = m.via === 'kb' && FAMILY_NAME_FIRST.has(m.country ?? '');
    const surname = familyFirst ? words[0]!.value : words[words.length - 1]!.value;
    if (!surnames.has(surname)) surnames.set(surname, m);
  }

  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    const t = tokens[i]!;
    let start = -1;
    let headIdx = -1;
    let country: string | null = null;
    // "the two agencies", "both agencies"
    const h = /^(two|three|four|five|six|seven|eight|nine|ten|\d+)$/.test(tokens[i + 1]?.norm ?? '')
      ? i + 2
      : i + 1;
    if (
      /^(the|these|its|their|all|both)$/.test(t.norm) &&
      GROUP_NOUNS.test(tokens[h]?.norm ?? '') &&
      !covered[h] &&
      !tokens[h + 1]?.capitalised &&
      !/^(of|from|in)$/.test(tokens[h + 1]?.norm ?? '')
    ) {
      // "The agencies said …", "CISA and its partners": the bodies listed together just before
      const group = coSigners(out, t.sentence, i);
      if (group.length >= 2) {
        const surface = text.slice(t.start, tokens[h]!.end);
        out.push({ ...corefMention(group[0]!, i, h + 1, t.sentence, surface), group });
        i = h;
      }
      continue;
    }
    // "the ministry", "the Chinese agency", "the state-backed group"
    if (t.norm === 'the' || t.norm === 'this' || t.norm === 'that') {
      let k = i + 1;
      const d = demonymAt.get(k);
      if (d) {
        country = d.entry.country;
        k = d.end;
      }
      while (
        k < tokens.length &&
        k - i < 4 &&
        /^(same|very|hacking|hacker|hackers'|threat|state-backed|state-sponsored|intelligence|security|military|spy|cyber|taiwanese|chinese|tech|software)$/.test(
          tokens[k]!.norm,
        ) &&
        !COREF_NOUNS.has(tokens[k]!.norm)
      )
        k++;
      // "the Ministry of Power" is a name of its own, not "the ministry"
      const ownName =
        tokens[k]?.capitalised === true &&
        tokens[k + 1]?.norm === 'of' &&
        tokens[k + 2]?.capitalised === true;
      if (COREF_NOUNS.has(tokens[k]?.norm ?? '') && !covered[k] && !tokens[k + 1]?.capitalised && !ownName) {
        start = i;
        headIdx = k;
      }
    } else if (modifierEndingAt.has(i) || (tokens[i - 1]?.possessive && modifierEndingAt.has(i - 1))) {
      // "China's ministry": a possessive state before a generic noun
      const mod = modifierEndingAt.get(i) ?? modifierEndingAt.get(i - 1)!;
      if (COREF_NOUNS.has(t.norm) && !t.capitalised) {
        start = i;
        headIdx = i;
        country = mod.country;
      }
    } else if (/^(prosecutors|investigators)$/.test(t.norm) && !covered[i - 1]) {
      // "Prosecutors said the men worked for APT31": the justice body named before
      // (only a body that brings charges: "prosecutors working for special counsel …" are no company's)
      const found = findAntecedent(out, t.sentence, ['government-agency'], 'justice', null, i);
      const ante = found && JUSTICE_BODY.test(found.name) ? found : null;
      if (ante) out.push(corefMention(ante, i, i + 1, t.sentence, text.slice(t.start, t.end)));
      else if (t.norm === 'investigators')
        // no body named before: unnamed investigators, like unnamed researchers
        out.push({
          ...corefMention(RESEARCHERS, i, i + 1, t.sentence, text.slice(t.start, t.end)),
          via: 'researchers',
        });
      continue;
    } else if (
      PRONOUNS.has(t.norm) &&
      t.capitalised &&
      a.sentences[t.sentence]!.firstToken === i &&
      !expletive(tokens, i)
    ) {
      // "It said …" speaks as the source just cited ("According to Microsoft, …"); "It also sends …"
      // acts as the subject of the sentence before
      const speaks = [tokens[i + 1], tokens[i + 2]].some((x) => x && TRIGGERS.get(x.norm) === 'report');
      const ante = subjectOfPrevious(a, out, t.sentence, !speaks);
      if (ante) out.push(corefMention(ante, i, i + 1, t.sentence, text.slice(t.start, t.end)));
      continue;
    } else if (
      PRONOUNS.has(t.norm) &&
      !t.capitalised &&
      TRIGGERS.get(tokens[i + 1]?.norm ?? '') === 'report' &&
      tokens[i + 1]!.pos === 'VERB' &&
      /^(,|when|after|as|and|but)$/.test(tokens[i - 1]?.norm ?? '')
    ) {
      // "When Microsoft released the patch, it said …": the body of the clause before
      const ante = out.findLast(
        (m) =>
          m.sentence === t.sentence &&
          m.end <= i &&
          !m.modifier &&
          /^(government-agency|company|researchers|military-unit)$/.test(m.partyKind),
      );
      if (ante) out.push(corefMention(ante, i, i + 1, t.sentence, t.value));
      else if (t.norm === 'they') {
        // "The agencies said … . Instead, they assessed that …": the bodies of the sentence before
        const group = out.findLast((m) => m.group && m.sentence < t.sentence && t.sentence - m.sentence <= 2);
        if (group) out.push({ ...corefMention(group, i, i + 1, t.sentence, t.value), group: group.group! });
      }
      continue;
    } else if (
      PRONOUNS.has(t.norm) &&
      !t.capitalised &&
      tokens[i - 1]?.norm === ',' &&
      i - a.sentences[t.sentence]!.firstToken <= 10 &&
      (tokens[i + 1]?.pos === 'AUX' || tokens[i + 1]?.pos === 'VERB') &&
      !TRIGGERS.has(tokens[i + 1]!.norm) &&
      // "According to the FBI, it was Chinese hackers who …": a cleft or empty "it" refers to nothing
      !/^(is|was|are|were|'s|seems|seemed|appears|appeared|remains|remained)$/.test(tokens[i + 1]!.norm) &&
      !expletive(tokens, i)
    ) {
      // "According to Microsoft, it had gone after 200 organisations": the actor the article is about
      const ante = subjectOfPrevious(a, out, t.sentence, true);
      if (ante) out.push(corefMention(ante, i, i + 1, t.sentence, t.value));
      continue;
    } else if (t.capitalised && !covered[i] && surnames.has(t.value)) {
      // "Lin said …" after "spokesman Lin Jian": the same speaker, for the same body
      const ante = surnames.get(t.value)!;
      if (ante.start < i) out.push({ ...corefMention(ante, i, i + 1, t.sentence, t.value), speaker: true });
      continue;
    } else if (/^(he|she)$/.test(t.norm) && t.capitalised && a.sentences[t.sentence]!.firstToken === i) {
      // "He said …" right after an official who speaks for a body: the body; the person last named
      // decides, so a spokesperson of an earlier paragraph does not take the words of another official
      const ante = out.findLast(
        (m) =>
          (m.speaker || m.partyKind === 'person') && m.sentence < t.sentence && t.sentence - m.sentence <= 2,
      );
      if (ante?.speaker) out.push(corefMention(ante, i, i + 1, t.sentence, text.slice(t.start, t.end)));
      continue;
    }
    if (start < 0) continue;
    const head = tokens[headIdx]!;
    // "the report says", "According to the assessment": a document that speaks for its issuer; "shared
    // the assessment that …" is an opinion, not a document
    if (speakingDocument(head.norm) && !speaksAsDocument(tokens, start, headIdx)) continue;
    const kinds = COREF_NOUNS.get(head.norm)!;
    // "the same agency", and any "the group" or "the hackers" (an article is often about one group),
    // may refer back a long way
    const same =
      tokens.slice(start, headIdx).some((x) => x.norm === 'same') || kinds.includes('threat-group');
    // "a Foreign Office minister said the government was confident …": the government of that body
    if (country === null && /^(government|regime)$/.test(head.norm)) {
      const near = out.findLast((m) => m.sentence === t.sentence && m.end <= start && m.country !== null);
      if (near) country = near.country;
    }
    // "the Department's commitment": written with a capital, the word is part of the body's own name
    const titled = head.capitalised && tokens[start]!.norm === 'the' && !/^(group|unit)$/.test(head.norm);
    const ante =
      (ISSUED(head.norm) ? issuerAfter(tokens, out, headIdx) : null) ??
      (titled
        ? findNamedAntecedent(out, t.sentence, kinds, head.norm, start)
        : findAntecedent(out, t.sentence, kinds, head.norm, country, start, same ? 20 : 8));
    if (ante) {
      out.push(
        corefMention(ante, start, headIdx + 1, t.sentence, text.slice(tokens[start]!.start, head.end)),
      );
      i = headIdx;
    }
  }
  void byStart;
  return out.sort((x, y) => x.start - y.start);
}

/** "It has been found that …", "It is believed …": an empty subject, not a reference. */
function expletive(tokens: readonly Token[], i: number): boolean {
  const words = tokens
    .slice(i + 1, i + 4)
    .map((t) => t.norm)
    .join(' ');
  return (
    /^((has|had) been|is|was|was also|is also|remains|seems|appears)\b/.test(words) &&
    /\b(found|ascertained|established|reported|believed|alleged|said|understood|learned|learnt|clear|known|likely|unclear|possible|noted|worth|not)\b/.test(
      words,
    )
  );
}

/**
 * "Brian Nelson, Treasury's under secretary for …, said": a person described by an office in an
 * organisation speaks for it, so the mention stands for the organisation.
 */
const OFFICE_WORDS =
  /^(secretary|director|chief|head|spokesperson|spokesman|spokeswoman|minister|chairman|chairwoman|chair|president|commander|deputy|general|official|adviser|advisor|press|of|the|'s|assistant|under|executive|senior|principal)$/;

/**
 * "Brian Nelson, Treasury's under secretary for …, said", "Secretary of the Russian Security Council
 * Nikolai Patrushev has said": a person described by an office in an organisation speaks for it, so
 * the mention (and the later mentions of the same person) stand for the organisation.
 */
const OFFICE =
  /^(spokesman|spokeswoman|spokesperson|minister|secretary|director|head|chief|ambassador|official)$/;

function speakersForTheirOrganisation(tokens: readonly Token[], mentions: Mention[]) {
  const speaksFor = new Map<string, Mention>();
  mentions.forEach((m, i) => {
    if (m.partyKind !== 'person') return;
    let org: Mention | undefined;
    if (tokens[m.end]?.norm === ',') {
      org = mentions
        .slice(i + 1)
        .find((n) => n.start > m.end && n.start <= m.end + 5 && n.sentence === m.sentence);
      // only an office: "Colonel Yuriy Denisov, commander of the unit's …" is not a spokesperson
      const between = org ? tokens.slice(m.end + 1, org.start).map((t) => t.norm) : [];
      // "Tariq Ahmad, a Foreign Office minister, said": the office may follow the body's name
      const office =
        between.some((w) => OFFICE.test(w)) ||
        (org !== undefined && OFFICE.test(tokens[org.end]?.norm ?? ''));
      if (
        between.some(
          (w) => /^(who|whom|which|described|identified)$/.test(w) || (!office && /^(a|an)$/.test(w)),
        )
      )
        org = undefined;
    }
    if (!org) {
      // an office right before the name: "Russian Security Council Secretary Nikolai Patrushev"
      const before = mentions.findLast(
        (n, k) => k < i && n.end <= m.start && n.end >= m.start - 4 && n.sentence === m.sentence,
      );
      const gap = before ? tokens.slice(before.end, m.start) : [];
      if (
        before &&
        gap.length > 0 &&
        gap.every((t) => OFFICE_WORDS.test(t.norm)) &&
        gap.some((t) => !/^(of|the|'s)$/.test(t.norm))
      )
        org = before;
      // "Secretary of the Russian Security Council Nikolai Patrushev": the office stands before the organisation
      if (
        !org &&
        before &&
        gap.length === 0 &&
        OFFICE_WORDS.test(tokens[before.start - 2]?.norm ?? '') &&
        tokens[before.start - 1]?.norm === 'the'
      )
        org = before;
    }
    // "… rejected the accusations. At a briefing, spokesman Lin Jian said": the body just named
    if (!org && /^spokes(man|woman|person)$/.test(tokens[m.start - 1]?.norm ?? '')) {
      const sentence = m.sentence;
      org = mentions.findLast(
        (n, k) =>
          k < i &&
          n.sentence >= sentence - 2 &&
          !n.modifier &&
          /^(government-agency|company)$/.test(n.partyKind),
      );
    }
    if (!org || !/^(government-agency|company|state|researchers)$/.test(org.partyKind)) return;
    speaksFor.set(m.identity, org);
  });
  for (const m of mentions) {
    const org = speaksFor.get(m.identity);
    if (!org || m.partyKind !== 'person') continue;
    Object.assign(m, {
      speaker: true,
      identity: org.identity,
      entry: org.entry,
      name: org.name,
      partyKind: org.partyKind,
      country: org.country,
    });
  }
}

const STATE_LINKS =
  /^(from|of|for|affiliated with|linked to|linked with|tied to|working for|backed by|sponsored by|connected to|associated with|acting for|acting on behalf of|on behalf of)$/;

/**
 * "a state-sponsored actor from the People's Republic of China", "hackers affiliated with the PRC",
 * "Hackers working for the Chinese state": a group described by its state, not the state itself.
 */
function actorsOfState(a: AnalysedText, mentions: Mention[], covered: Uint8Array) {
  const { tokens, text } = a;
  for (let k = 0; k < mentions.length; k++) {
    const st = mentions[k]!;
    if (st.partyKind !== 'state' || st.via === 'nationality') continue;
    // "a group working for Beijing's Ministry of State Security": the ministry is named next
    if (tokens[st.end - 1]!.possessive || tokens[st.end]?.possessive) continue;
    let j = st.start - 1;
    if (j > 0 && tokens[j]!.norm === 'the') j--;
    // up to four words of link: "acting on behalf of"
    let link = -1;
    for (let n = 1; n <= 4 && j - n + 1 >= 0; n++) {
      const phrase = tokens
        .slice(j - n + 1, j + 1)
        .map((t) => t.norm)
        .join(' ');
      if (STATE_LINKS.test(phrase)) link = j - n + 1;
    }
    if (link < 1) continue;
    const noun = tokens[link - 1]!;
    if (!ACTOR_NOUNS.has(noun.norm) || covered[link - 1] || noun.sentence !== st.sentence) continue;
    let start = link - 1;
    while (start > 0 && !covered[start - 1] && SPONSOR_WORDS.has(tokens[start - 1]!.norm)) start--;
    while (start < link - 1 && !/\p{L}/u.test(tokens[start]!.norm)) start++;
    const surface = textOf(text, tokens, start, st.end);
    mentions[k] = {
      ...st,
      start,
      surface,
      identity: `g:${st.country ?? st.identity}`,
      entry: null,
      name: surface,
      partyKind: 'threat-group',
      via: 'nationality',
      generic: true,
    };
    for (let x = start; x < st.end; x++) covered[x] = 1;
  }
}

/** "Researchers at Clemson University's Media Forensics Hub say …": the researchers speak for where they work. */
function researchersAt(tokens: readonly Token[], mentions: Mention[]) {
  mentions.forEach((m, i) => {
    if (m.via !== 'researchers' || !/^(at|from|with)$/.test(tokens[m.end]?.norm ?? '')) return;
    const org = mentions
      .slice(i + 1)
      .find((n) => !n.modifier && n.start > m.end && n.start <= m.end + 5 && n.sentence === m.sentence);
    if (!org || !/^(company|researchers|government-agency)$/.test(org.partyKind)) return;
    Object.assign(m, {
      identity: org.identity,
      entry: org.entry,
      name: org.name,
      partyKind: org.partyKind,
      country: org.country,
    });
  });
}

/** A dateline ("WASHINGTON, Feb 8 -", "TAIPEI/BEIJING (Reuters) -") names places, not actors. */
const MONTHS =
  /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(january|february|march|april|may|june|july|august|september|october|november|december)$/;

function markDatelines(tokens: readonly Token[], mentions: Mention[]) {
  const allCaps = (t: Token | undefined) => !!t && t.value.length >= 3 && /^[A-Z][A-Z .'-]+$/.test(t.value);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (!allCaps(t) || (prev && prev.sentence === t.sentence)) continue;
    // the place: "WASHINGTON/BEIJING, Sept 23 (Outlet) -"
    let k = i + 1;
    while (k < tokens.length && (tokens[k]!.value === '/' || allCaps(tokens[k]))) k++;
    if (!/^[,(—–-]$/.test(tokens[k]?.value ?? '')) continue;
    // a dateline goes on with a date or the outlet in brackets: "…, Sept 23 (Asia Wire) -"
    let dated = false;
    for (let j = k; j < Math.min(tokens.length, k + 8) && tokens[j]!.sentence === t.sentence; j++)
      if (
        MONTHS.test(tokens[j]!.norm) ||
        tokens[j]!.value === '(' ||
        (/^[—–-]$/.test(tokens[j]!.value) &&
          /^(\)|\d{1,4})$/.test(tokens[j - 1]!.value) &&
          tokens[j + 1]?.capitalised)
      )
        dated = true;
    if (!dated) continue;
    for (const m of mentions) {
      if (m.sentence !== t.sentence || m.start > i + 14) continue;
      // the places, and the outlet in the dateline's brackets ("AUSTIN, Texas, July 20 (CyberBrief) -")
      if (m.start < k || (tokens[m.start - 1]?.value === '(' && tokens[m.end]?.value === ')'))
        m.modifier = true;
    }
  }
}

function corefMention(ante: Mention, start: number, end: number, sentence: number, surface: string): Mention {
  return {
    kind: 'mention',
    start,
    end,
    sentence,
    surface,
    identity: ante.identity,
    entry: ante.entry,
    name: ante.name,
    partyKind: ante.partyKind,
    country: ante.country,
    via: 'coref',
    generic: ante.generic,
    weak: false,
    modifier: false,
  };
}

/** The party of unnamed researchers and investigators. */
const RESEARCHERS: Mention = {
  kind: 'mention',
  start: 0,
  end: 0,
  sentence: 0,
  surface: 'researchers',
  identity: 'researchers',
  entry: null,
  name: 'researchers',
  partyKind: 'researchers',
  country: null,
  via: 'researchers',
  generic: false,
  weak: false,
  modifier: false,
};

/**
 * Documents that speak for whoever issued them only where they speak ("the report says", not "shared the
 * assessment that"); an advisory or an indictment always stands for its issuer (see ISSUED).
 */
const speakingDocument = (w: string): boolean => w !== 'advisory' && DOCUMENT_NOUNS.test(w);

function speaksAsDocument(tokens: readonly Token[], start: number, head: number): boolean {
  if (tokens[start - 1]?.norm === 'to' && tokens[start - 2]?.norm === 'according') return true;
  let k = head + 1;
  if (tokens[k]?.norm === ',') return PUBLISHING_VERBS.test(tokens[k + 1]?.norm ?? '');
  if (/^(also|further|then|now)$/.test(tokens[k]?.norm ?? '')) k++;
  return TRIGGERS.get(tokens[k]?.norm ?? '') !== undefined && tokens[k]!.pos === 'VERB';
}

const ISSUED = (w: string): boolean => w === 'indictment' || DOCUMENT_NOUNS.test(w);

/** Heads of "the X" that refer back only to a body whose own name has the word. */
const NAMED_HEADS = /^(commission|committee|council|court|parliament|board|tribunal|assembly|senate)$/;

/** Names of the bodies that bring charges. */
const JUSTICE_BODY = /justice|prosecut|attorney|court|jury|counsel|police/i;

/** The nearest earlier body of a fitting kind whose own name contains the word: "the Department". */
function findNamedAntecedent(
  mentions: readonly Mention[],
  sentence: number,
  kinds: readonly Kind[],
  head: string,
  before: number,
): Mention | null {
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (m.sentence > sentence || m.start >= before || m.via === 'coref' || m.modifier) continue;
    if (sentence - m.sentence > 30) continue;
    if (!kinds.includes(m.partyKind)) continue;
    if (m.name.toLowerCase().includes(head) || m.surface.toLowerCase().includes(head)) return m;
  }
  return null;
}

function findAntecedent(
  mentions: readonly Mention[],
  sentence: number,
  kinds: readonly Kind[],
  head: string,
  country: string | null,
  before = Number.MAX_SAFE_INTEGER,
  reach = 8,
): Mention | null {
  let fallback: Mention | null = null;
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (m.sentence > sentence || m.start >= before) continue;
    // a document is referred to from further away than a body: "According to the assessment, …"
    // (coreferring mentions are appended after the sorted ones, so one far back ends nothing)
    if (sentence - m.sentence > (speakingDocument(head) ? Math.max(16, reach) : reach)) continue;
    // "the assessment" after "The report, published by X": the same document, the same issuer
    if (
      ISSUED(head) &&
      m.via === 'coref' &&
      kinds.includes(m.partyKind) &&
      ISSUED(m.surface.toLowerCase().split(/\s+/).pop() ?? '')
    )
      return m;
    if (m.via === 'coref' || m.modifier) continue;
    if (!kinds.includes(m.partyKind)) continue;
    if (country && m.country && m.country !== country) continue;
    // "the indictment" comes from prosecutors, not from whichever ministry spoke last
    if (head === 'indictment' && !JUSTICE_BODY.test(m.name)) continue;
    // "the ministry" prefers an actor whose name says Ministry
    if (m.name.toLowerCase().includes(head) || m.surface.toLowerCase().includes(head)) return m;
    // "the commission", "the court": only a body so named, never the last agency of another name
    if (NAMED_HEADS.test(head)) continue;
    // "the advisory", "the indictment": the body that spoke, the first actor of its sentence
    if (ISSUED(head) && mentions.some((x) => x.sentence === m.sentence && !x.modifier && x.start < m.start))
      continue;
    fallback ??= m;
  }
  return fallback;
}

/**
 * "A federal grand jury … returned an indictment charging …": an American grand jury indicts at the
 * request of the Justice Department, which is the accuser the indictment speaks for.
 */
function addGrandJuries(
  tokens: readonly Token[],
  kb: KnowledgeBase,
  mentions: Mention[],
  covered: Uint8Array,
) {
  const doj = kb.byId.get('us-doj');
  if (!doj) return;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.norm !== 'grand' || tokens[i + 1]!.norm !== 'jury' || covered[i] || covered[i + 1])
      continue;
    const start = tokens[i - 1]?.norm === 'federal' ? i - 1 : i;
    for (let k = start; k < i + 2; k++) covered[k] = 1;
    mentions.push({
      kind: 'mention',
      start,
      end: i + 2,
      sentence: tokens[i]!.sentence,
      surface: tokens
        .slice(start, i + 2)
        .map((x) => x.value)
        .join(' '),
      identity: doj.id,
      entry: doj,
      name: doj.name,
      partyKind: doj.kind,
      country: doj.country,
      via: 'coref',
      generic: false,
      weak: false,
      modifier: false,
    });
  }
  mentions.sort((x, y) => x.start - y.start);
}

/** "The report, published by the Canadian Centre for Cyber Security, says …": the issuer named right after. */
function issuerAfter(tokens: readonly Token[], mentions: readonly Mention[], head: number): Mention | null {
  let k = head + 1;
  if (tokens[k]?.norm === ',') k++;
  if (!PUBLISHING_VERBS.test(tokens[k]?.norm ?? '')) return null;
  k++;
  while (k < head + 6 && tokens[k] && tokens[k]!.norm !== 'by') k++;
  if (tokens[k]?.norm !== 'by') return null;
  return mentions.find((m) => m.start > k && m.start <= k + 2 && !m.modifier && m.via !== 'coref') ?? null;
}

/** Where names are written family name first ("Lin Jian", "Kim Yo Jong"), so "Lin said" is the same person. */
const FAMILY_NAME_FIRST = new Set(['CN', 'TW', 'HK', 'MO', 'KP', 'KR', 'VN']);

const GROUP_NOUNS = /^(agencies|partners|co-authors|co-signers|co-sealers|signatories|authoring)$/;

/**
 * The bodies a plural such as "the agencies" stands for: the government agencies of the nearest
 * sentence (this one before `before`, or up to six back) that names at least two of them.
 */
function coSigners(mentions: readonly Mention[], sentence: number, before: number): Mention[] {
  for (let s = sentence; s >= Math.max(0, sentence - 6); s--) {
    const seen = new Set<string>();
    const group: Mention[] = [];
    for (const m of mentions) {
      if (m.sentence !== s || (s === sentence && m.start >= before)) continue;
      if (m.modifier || m.group || m.partyKind !== 'government-agency' || seen.has(m.identity)) continue;
      // "systems in NATO countries, the European Union …": places attacked, not co-signers
      if (m.country === null && m.entry !== null) continue;
      seen.add(m.identity);
      group.push(m);
    }
    if (group.length >= 2) return group;
  }
  return [];
}

/** The acting party of the nearest earlier sentence that has one: its first non-modifier organisation. */
function subjectOfPrevious(
  a: AnalysedText,
  mentions: readonly Mention[],
  sentence: number,
  skipPhrases: boolean,
): Mention | null {
  for (let s = sentence - 1; s >= Math.max(0, sentence - 2); s--) {
    // the earliest in the sentence: coreferring mentions are appended out of order
    let first: Mention | null = null;
    for (const m of mentions) {
      if (m.sentence !== s || m.modifier || m.partyKind === 'state' || m.partyKind === 'person') continue;
      if (m.via === 'researchers') continue;
      // "According to the advisory, APT29 scans …": a phrase's object is not the subject
      let k = m.start - 1;
      if (/^(the|a|an)$/.test(a.tokens[k]?.norm ?? '')) k--;
      if (skipPhrases && /^(to|in|of|by|from|with|at|for|on|against|into)$/.test(a.tokens[k]?.norm ?? ''))
        continue;
      if (!first || m.start < first.start) first = m;
    }
    if (first) return first;
  }
  return null;
}
