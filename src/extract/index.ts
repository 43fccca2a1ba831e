/**
 * extract: from a document's text to the claims and responses of CONTRACT.md.
 * mentions → frames per sentence → claims merged per (claimant, accused) → follow-up sentences → responses.
 */
import type { KnowledgeBase } from '../kb/index.js';
import { analyse, type AnalysedText, type Token } from '../nlp/index.js';
import type {
  Claim,
  ExtractedDocument,
  Operation,
  Party,
  Response,
  Sector,
  SourceDocument,
  Span,
} from '../types.js';
import { individualsNamed, operationCues, periodIn, sectorCues, targetCountries } from './cues.js';
import { framesInSentence, peopleNamed, reporterOf, victimSectors, type Frame } from './frames.js';
import { HEDGES } from './lexicon.js';
import { findMentionsAndNationalities, mentionsIn, type Mention } from './mentions.js';
import { findResponses } from './responses.js';
import { techniquesFor } from './techniques.js';

interface ClaimDraft {
  readonly key: string;
  claimant: Mention;
  accused: Mention[];
  operations: Set<Operation>;
  sectors: Set<Sector>;
  targets: Set<string>;
  sentences: number[];
  individuals: number | null;
  lastSentence: number;
  /** Claims made together with this one: "the FBI, the NSA and CISA said …" — details apply to all. */
  siblings: ClaimDraft[];
}

const NAMING_VERBS =
  /^(identified|identifies|named|names|charged|charges|indicted|sanctioned|published|exposed|unmasked|listed|designated|arrested|accused)$/;
const ANAPHORIC_START = /^(these|this|those|such|the|it|they|its|their|he|she|in|according)$/;
const FURTHER = /^(further|also|additionally|moreover|allegedly|reportedly|purportedly)$/;

/** Extracts the claims and responses of one document. Pure: same input, same output. */
export function extractDocument(doc: SourceDocument, kb: KnowledgeBase): ExtractedDocument {
  const a = analyse(doc.text);
  const nationals = nationalsOf(kb);
  const { mentions, nationalities: demonymCountries } = findMentionsAndNationalities(a, kb);
  const inMention = new Uint8Array(a.tokens.length);
  for (const m of mentions) for (let k = m.start; k < m.end; k++) inMention[k] = 1;

  const drafts: ClaimDraft[] = [];
  const byKey = new Map<string, ClaimDraft>();
  const framed = new Set<number>();
  const author = documentAuthor(a, mentions);
  // the operations most recently described, for "the activity" and "these attacks" in later sentences
  let earlierOps: Operation[] = [];
  for (const s of a.sentences) {
    const prev = a.sentences[s.index - 1];
    const reporter = prev && prev.paragraph === s.paragraph ? reporterOf(a, prev.index, mentions) : null;
    const found = framesInSentence(a, s.index, mentions, inMention, author, reporter, earlierOps);
    const here = operationCues(a.tokens, s.firstToken, s.endToken, inMention);
    if (here.length > 0) earlierOps = [...new Set(here.flatMap((o) => o.operations))];
    // frames of one trigger with one accused are co-signed: "the FBI, the NSA and CISA said"
    const made = new Map<string, ClaimDraft[]>();
    for (const f of found) {
      const d = addFrame(f);
      const key = `${f.trigger}|${f.accused[0]!.identity}`;
      const group = made.get(key) ?? [];
      for (const x of group) {
        if (!x.siblings.includes(d) && x !== d) x.siblings.push(d);
        if (!d.siblings.includes(x) && x !== d) d.siblings.push(x);
      }
      group.push(d);
      made.set(key, group);
    }
    if (found.length > 0) framed.add(s.index);
  }
  addCoAuthors();
  mergeVagueIntoNamed(drafts);
  // Follow-up sentences add operations, sectors and targets to the claim just made:
  // e.g. "The MSS further claims that ICEFCOM employed hired hackers …"
  for (const s of a.sentences) {
    if (framed.has(s.index)) continue;
    const d = recentDraft(s.index);
    if (!d) continue;
    const here = mentionsIn(mentions, s.index);
    const mentionsClaim = here.some(
      (m) => m.identity === d.claimant.identity || d.accused.some((x) => x.identity === m.identity),
    );
    const foreign = here.some(
      (m) =>
        m.via !== 'researchers' &&
        !m.modifier &&
        m.partyKind !== 'state' &&
        m.identity !== d.claimant.identity &&
        !d.accused.some((x) => x.identity === m.identity),
    );
    const first = a.tokens[s.firstToken]!;
    const anaphoric =
      ANAPHORIC_START.test(first.norm) ||
      hasFurther(a, s.firstToken, s.endToken) ||
      namedInClaim(a, first, d.sentences);
    if (foreign || !(mentionsClaim || anaphoric)) continue;
    const ops = operationCues(a.tokens, s.firstToken, s.endToken, inMention);
    const secs = sectorCues(a.tokens, s.firstToken, s.endToken, inMention);
    const named = mentionsClaim ? individualsNamed(a.tokens, s.firstToken, s.endToken, nationals) : null;
    // e.g. "The Chinese agency named three Taiwanese officials allegedly involved in these activities."
    if (ops.length === 0 && secs.length === 0 && named === null) continue;
    for (const o of ops) for (const op of o.operations) d.operations.add(op);
    for (const x of secs) d.sectors.add(x);
    for (const c of targetCountries(a.tokens, mentions, s.firstToken, s.endToken, demonymCountries))
      d.targets.add(c);
    d.individuals ??= individualsNamed(a.tokens, s.firstToken, s.endToken, nationals);
    d.sentences.push(s.index);
    d.lastSentence = s.index;
  }

  countPeopleNamedLater();
  shareAmongSiblings(drafts);
  const claims = drafts.map((d, k) => toClaim(d, `c${k + 1}`, a, mentions, demonymCountries));
  const responses: Response[] = findResponses(
    a,
    mentions,
    claims,
    drafts.map((d) => d.sentences),
    inMention,
    author,
  )
    .map((r) => ({
      ...r,
      by: partyOf(r.byMention, mentions),
    }))
    .map(({ byMention: _b, ...r }) => r);

  return {
    source: doc.source,
    title: doc.title,
    outlet: doc.outlet,
    published: doc.published,
    claims,
    responses,
  };

  function addFrame(f: Frame): ClaimDraft {
    const key = `${f.claimant.identity}|${f.accused[0]!.identity}`;
    // "concluded that the intrusion was the work of APT28, which it described as a unit of Russia's
    // GRU": a claimant's second accused of the same country in one sentence joins the first claim
    let d =
      byKey.get(key) ??
      // one claim per claimant and accused: a claim that already names this accused among others
      drafts.find(
        (x) =>
          x.claimant.identity === f.claimant.identity &&
          f.sentence - x.lastSentence <= 2 &&
          x.accused.some((y) => y.identity === f.accused[0]!.identity),
      ) ??
      drafts.find(
        (x) =>
          x.claimant.identity === f.claimant.identity &&
          x.sentences.includes(f.sentence) &&
          f.accused.some((m) => m.country !== null && x.accused.some((y) => y.country === m.country)),
      );
    if (d && !byKey.has(key)) byKey.set(key, d);
    const s = a.sentences[f.sentence]!;
    if (!d) {
      d = {
        key,
        claimant: f.claimant,
        accused: [...f.accused],
        operations: new Set(),
        sectors: new Set(),
        targets: new Set(),
        sentences: [],
        individuals: null,
        lastSentence: f.sentence,
        siblings: [],
      };
      byKey.set(key, d);
      drafts.push(d);
    } else {
      // prefer a named mention over a coreference as the claim's face
      if (d.claimant.via === 'coref' && f.claimant.via !== 'coref') d.claimant = f.claimant;
      for (const m of f.accused) if (!d.accused.some((x) => x.identity === m.identity)) d.accused.push(m);
    }
    for (const m of peopleNamed(a, f, mentions))
      if (!d.accused.some((x) => x.identity === m.identity)) d.accused.push(m);
    for (const o of f.operations) for (const op of o.operations) d.operations.add(op);
    for (const x of sectorCues(a.tokens, s.firstToken, s.endToken, inMention)) d.sectors.add(x);
    for (const x of victimSectors(a, f.sentence, mentions)) d.sectors.add(x);
    for (const c of targetCountries(a.tokens, mentions, s.firstToken, s.endToken, demonymCountries))
      d.targets.add(c);
    d.individuals ??= individualsNamed(a.tokens, s.firstToken, s.endToken, nationals);
    if (!d.sentences.includes(f.sentence)) d.sentences.push(f.sentence);
    d.lastSentence = Math.max(d.lastSentence, f.sentence);
    return d;
  }

  /**
   * "The document was co-authored by the NSA, the FBI and CISA; Britain's NCSC; …": the co-authors of
   * the advisory just described make its claims too.
   */
  function addCoAuthors() {
    for (const s of a.sentences) {
      if (framed.has(s.index)) continue;
      const by = coAuthorCue(a, s.firstToken, s.endToken);
      // "The government of the United Kingdom publicly shared that assessment": whoever shares it
      const shared = by < 0 ? sharedAssessmentCue(a, s.firstToken, s.endToken) : -1;
      if (by < 0 && shared < 0) continue;
      const authors = mentions.filter(
        (m) =>
          m.sentence === s.index &&
          (by >= 0 ? m.start > by : m.end <= shared) &&
          !m.modifier &&
          !m.generic &&
          (m.partyKind === 'government-agency' ||
            m.partyKind === 'company' ||
            m.partyKind === 'researchers' ||
            (shared >= 0 && m.partyKind === 'state')),
      );
      const latest = Math.max(-1, ...drafts.flatMap((d) => d.sentences.filter((x) => x < s.index)));
      if (authors.length === 0 || latest < 0 || s.index - latest > 4) continue;
      for (const d of drafts.filter((x) => x.sentences.includes(latest))) {
        for (const m of authors) {
          // the accused's own state does not endorse the claim against it
          if (m.country !== null && d.accused.some((x) => x.country === m.country)) continue;
          if (
            drafts.some(
              (x) => x.claimant.identity === m.identity && x.accused[0]!.identity === d.accused[0]!.identity,
            )
          )
            continue;
          const copy: ClaimDraft = {
            key: `${m.identity}|${d.accused[0]!.identity}`,
            claimant: m,
            accused: [...d.accused],
            operations: new Set(d.operations),
            sectors: new Set(d.sectors),
            targets: new Set(d.targets),
            sentences: [s.index],
            individuals: d.individuals,
            lastSentence: s.index,
            siblings: [d, ...d.siblings],
          };
          d.siblings.push(copy);
          drafts.push(copy);
          byKey.set(copy.key, copy);
        }
      }
    }
  }

  /**
   * "The post identified three people it described as members of the command": the count of people
   * the claimant named often comes a few sentences after the claim, with a verb of naming.
   */
  function countPeopleNamedLater() {
    for (const d of drafts) {
      if (d.individuals !== null) continue;
      const first = Math.min(...d.sentences);
      for (let i = first; i < Math.min(a.sentences.length, first + 7); i++) {
        const s = a.sentences[i]!;
        let naming = false;
        for (let k = s.firstToken; k < s.endToken; k++)
          if (NAMING_VERBS.test(a.tokens[k]!.norm)) naming = true;
        if (!naming) continue;
        const n = individualsNamed(a.tokens, s.firstToken, s.endToken, nationals);
        if (n !== null) {
          d.individuals = n;
          break;
        }
      }
    }
  }

  function recentDraft(sentence: number): ClaimDraft | null {
    let best: ClaimDraft | null = null;
    let bestAt = -1;
    for (const d of drafts) {
      // the nearest claim sentence at most two sentences before this one
      const at = Math.max(-1, ...d.sentences.filter((x) => x < sentence && sentence - x <= 3));
      if (at > bestAt) {
        best = d;
        bestAt = at;
      }
    }
    return best;
  }
}

/** Co-signed claims share what the document says about the operation: operations, sectors, targets. */
function shareAmongSiblings(drafts: readonly ClaimDraft[]): void {
  for (const d of drafts) {
    for (const x of d.siblings) {
      if (!drafts.includes(x)) continue;
      for (const o of x.operations) d.operations.add(o);
      for (const o of x.sectors) d.sectors.add(o);
      for (const o of x.targets) d.targets.add(o);
    }
  }
}

const isNamedActor = (m: Mention): boolean =>
  m.partyKind !== 'state' && (!m.generic || !m.identity.startsWith('g:'));

/**
 * "Microsoft says Russian operatives staged fake videos" beside "Microsoft linked the videos to
 * Storm-1516": a claim against a vague party (a nationality phrase or a state) is folded into the same
 * claimant's claim against a named actor of that country, which says the same thing more precisely.
 */
function mergeVagueIntoNamed(drafts: ClaimDraft[]): void {
  for (let k = drafts.length - 1; k >= 0; k--) {
    const d = drafts[k]!;
    if (d.accused.some(isNamedActor)) continue;
    const countries = new Set(d.accused.map((m) => m.country).filter((c) => c !== null));
    const into = drafts.find(
      (e) =>
        e !== d &&
        e.claimant.identity === d.claimant.identity &&
        e.accused.some((m) => isNamedActor(m) && m.country !== null && countries.has(m.country)),
    );
    if (!into) continue;
    for (const m of d.accused) if (!into.accused.some((x) => x.identity === m.identity)) into.accused.push(m);
    for (const x of d.operations) into.operations.add(x);
    for (const x of d.sectors) into.sectors.add(x);
    for (const x of d.targets) into.targets.add(x);
    for (const x of d.sentences) if (!into.sentences.includes(x)) into.sentences.push(x);
    into.individuals ??= d.individuals;
    into.lastSentence = Math.max(into.lastSentence, d.lastSentence);
    drafts.splice(k, 1);
  }
}

/** The single nationality (other than the claimant's) that the claim's sentences name, if there is one. */
function onlyNationality(
  a: AnalysedText,
  sentences: readonly number[],
  nationalities: ReadonlyMap<number, string>,
  claimant: string | null,
): string | null {
  const found = new Set<string>();
  for (const i of sentences) {
    const s = a.sentences[i]!;
    for (let k = s.firstToken; k < s.endToken; k++) {
      const c = nationalities.get(k);
      if (c && c !== claimant) found.add(c);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}

const nationalsCache = new WeakMap<KnowledgeBase, ReadonlySet<string>>();

/** Plural nouns for the people of each state, from the knowledge base's demonyms: "Iranians", "Russians". */
function nationalsOf(kb: KnowledgeBase): ReadonlySet<string> {
  let out = nationalsCache.get(kb);
  if (out) return out;
  const words = new Set<string>();
  for (const e of kb.entries)
    for (const d of e.demonyms ?? []) {
      const w = d.toLowerCase();
      // "Chinese", "Swiss" do not take an "s"; "Chinese nationals" is counted by its noun
      if (/^\p{L}+$/u.test(w) && !/(s|ese|sh|ch)$/.test(w)) words.add(`${w}s`);
    }
  nationalsCache.set(kb, (out = words));
  return out;
}

/**
 * The issuer of an official statement or vendor report, when the document says who speaks:
 * a title that opens with an agency or company ("Ministry of State Security: …", "Statement of the
 * Ministry of Foreign Affairs …"), or "X hereby …" / "X issued the following statement".
 */
function documentAuthor(a: AnalysedText, mentions: readonly Mention[]): Mention | null {
  const speaker = (m: Mention) =>
    m.partyKind !== 'state' && !m.generic && !m.weak && m.partyKind !== 'threat-group' && m.via !== 'coref';
  const title = mentions.find((m) => m.sentence === 0 && speaker(m));
  if (title) {
    const before = a.text.slice(a.sentences[0]!.start, a.tokens[title.start]!.start);
    // a bare name opens a title only as its heading: "Ministry of State Security: notice on …",
    // "Foreign Ministry Spokesperson …'s Regular Press Conference"; not "X has accused Y …"
    const next = a.tokens[title.end];
    const heading =
      before.trim() !== '' ||
      (next !== undefined &&
        /^(:|\||—|–|-|spokesperson|spokesman|spokeswoman|statement|notice|press|announcement)$/.test(
          next.norm,
        ));
    if (
      heading &&
      /^\s*((joint\s+)?(statement|notice|announcement|press release|advisory|declaration|report|remarks|comments|transcript|speech)(\s+of\s+the\s+(spokesperson|spokesman|spokeswoman|press secretary))?\s+(of|by|from)\s+(the\s+)?)?$/i.test(
        before,
      )
    )
      return title;
  }
  for (const s of a.sentences.slice(0, 4)) {
    const t = a.text.slice(s.start, s.end);
    // a byline of a blog or press release: "Halyard Labs Research Blog | 12 April 2022 | …"
    const byline =
      s.index > 0 &&
      s.index < 3 &&
      /\|/.test(t) &&
      /\b(blog|research|press release|statement|advisory|news release|threat intelligence)\b/i.test(t);
    if (!byline && !/\bhereby\b|\bissued the following\b|\breleases the following\b/i.test(t)) continue;
    const m = mentions.find((x) => x.sentence === s.index && speaker(x));
    if (m) return m;
  }
  return null;
}

/** "WhisperGate was disguised as ransomware …" after a claim about "the WhisperGate malware". */
function namedInClaim(a: AnalysedText, first: Token, sentences: readonly number[]): boolean {
  if (!first.capitalised || first.pos !== 'PROPN' || first.norm.length < 4) return false;
  return sentences.some((i) => {
    const s = a.sentences[i]!;
    for (let k = s.firstToken + 1; k < s.endToken; k++) if (a.tokens[k]!.norm === first.norm) return true;
    return false;
  });
}

/** What a body concludes about who did it: co-authored, shared or endorsed by others. */
const FINDING_NOUNS = /^(assessment|attribution|conclusion|conclusions|finding|findings|judgement|judgment)$/;

/** The "by" of "the advisory was co-authored by …", when a document is the sentence's subject; else -1. */
function coAuthorCue(a: AnalysedText, from: number, to: number): number {
  let doc = false;
  for (let k = from; k < to - 1; k++) {
    const n = a.tokens[k]!.norm;
    if (
      k < from + 6 &&
      (/^(document|advisory|report|statement|guidance|alert|bulletin|it)$/.test(n) || FINDING_NOUNS.test(n))
    )
      doc = true;
    if (
      doc &&
      /^(co-authored|coauthored|co-signed|cosigned|signed|issued|released|published|authored|endorsed|prepared|written|joined|sealed|co-sealed|shared|supported|backed|echoed|corroborated)$/.test(
        n,
      ) &&
      a.tokens[k + 1]!.norm === 'by' &&
      !negatedBefore(a, k, from)
    )
      return k + 1;
  }
  return -1;
}

/**
 * The verb of "X shared that assessment", "Y endorsed the attribution": a party agreeing with the claim
 * just told, with no accused of its own in the sentence; else -1.
 */
function sharedAssessmentCue(a: AnalysedText, from: number, to: number): number {
  for (let k = from; k < to - 2; k++) {
    if (
      !/^(shared|shares|share|endorsed|endorses|echoed|echoes|supported|supports|backed|seconded)$/.test(
        a.tokens[k]!.norm,
      )
    )
      continue;
    // not "did not share that assessment", "no other country has endorsed the attribution"
    if (negatedBefore(a, k, from)) continue;
    let j = k + 1;
    if (/^(the|that|this|these)$/.test(a.tokens[j]!.norm)) j++;
    if (
      (FINDING_NOUNS.test(a.tokens[j]?.norm ?? '') || /^(view|analysis)$/.test(a.tokens[j]?.norm ?? '')) &&
      // "shared its findings with the FBI" passes them on; it does not agree with anyone
      a.tokens[j + 1]?.norm !== 'with'
    )
      return k;
  }
  return -1;
}

/** "did not share", "was not supported", "no other country has endorsed": a negation shortly before `k`. */
function negatedBefore(a: AnalysedText, k: number, from: number): boolean {
  for (let j = Math.max(from, k - 4); j < k; j++)
    if (/^(not|n't|never|no|nor)$/.test(a.tokens[j]!.norm)) return true;
  return false;
}

function hasFurther(a: AnalysedText, from: number, to: number): boolean {
  for (let k = from; k < Math.min(to, from + 6); k++) if (FURTHER.test(a.tokens[k]!.norm)) return true;
  return false;
}

function toClaim(
  d: ClaimDraft,
  id: string,
  a: AnalysedText,
  mentions: readonly Mention[],
  nationalities: ReadonlyMap<number, string>,
): Claim {
  const sentences = [...d.sentences].sort((x, y) => x - y);
  const evidence: Span[] = sentences.map((i) => {
    const s = a.sentences[i]!;
    return { text: a.text.slice(s.start, s.end), start: s.start, end: s.end };
  });
  let period: string | null = null;
  for (const e of evidence) if ((period = periodIn(e.text))) break;
  const hedged = sentences.some((i) => {
    const s = a.sentences[i]!;
    for (let k = s.firstToken; k < s.endToken; k++) if (HEDGES.has(a.tokens[k]!.norm)) return true;
    return false;
  });
  const operations = [...d.operations];
  // people charged beside their unit or state are of its country: "five GRU officers … Yuriy Denisov";
  // alone, they are of the one nationality their sentence gives: "a Chinese national, Yin Kecheng"
  const country =
    d.accused.find((m) => m.partyKind !== 'person' && m.country)?.country ??
    onlyNationality(a, sentences, nationalities, d.claimant.country);
  const accused = d.accused.map((m) => {
    const p = partyOf(m, mentions);
    return (p.kind === 'person' || p.kind === 'company') && p.country === null ? { ...p, country } : p;
  });
  const people = accused.filter((p) => p.kind === 'person').length;
  return {
    id,
    type: 'accusation',
    claimant: partyOf(d.claimant, mentions),
    accused,
    operations,
    sectors: [...d.sectors],
    targetCountries: [...d.targets],
    individualsNamed: d.individuals ?? (people > 0 ? people : null),
    period,
    hedged,
    evidence,
    techniques: techniquesFor(operations, evidence.map((e) => e.text).join(' ')),
  };
}

/** The party for a mention: canonical when known, with every way the document names it. */
export function partyOf(m: Mention, mentions: readonly Mention[]): Party {
  const aliases = new Set<string>();
  let longest = m.name;
  for (const x of mentions) {
    if (x.identity !== m.identity || x.via === 'coref') continue;
    const s = x.surface.replace(/['’]s$/, '');
    aliases.add(s);
    if (!m.entry && s.length > longest.length && !x.generic) longest = s;
  }
  const name = m.entry ? m.entry.name : longest;
  aliases.delete(name);
  return {
    name,
    id: m.entry?.id ?? null,
    country: m.country,
    kind: m.partyKind,
    aliases: [...aliases],
  };
}

export type { Mention } from './mentions.js';
