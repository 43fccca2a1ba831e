/**
 * Claim frames: in one sentence, who accuses whom. A frame needs a trigger (accuse, attribute,
 * name, or a reporting verb), an accuser, an accused that is not the accuser, and an operation.
 */
import type { AnalysedText, Token } from '../nlp/index.js';
import { findOperationCues, operationCues, type OperationCue } from './cues.js';
import {
  ACTIVITY_NOUNS,
  BEHIND_CUES,
  DENIAL_QUALIFIERS,
  DENIAL_WORDS,
  DOCUMENT_NOUNS,
  PERSON_NOUNS,
  PUBLISHING_VERBS,
  REPORT_NOUNS,
  RESEARCHER_NOUNS,
  TARGET_CUES,
  TRIGGERS,
  type TriggerType,
} from './lexicon.js';
import { mentionsIn, type Mention } from './mentions.js';
import type { Operation, Sector } from '../types.js';

export interface Frame {
  readonly kind: 'frame';
  readonly sentence: number;
  readonly trigger: number;
  readonly type: TriggerType;
  readonly claimant: Mention;
  readonly accused: readonly Mention[];
  readonly operations: readonly OperationCue[];
}

const CLAIM_NOUNS =
  /^(allegations?|accusations?|claims?|charges?|reports?|assertions?|attribution|statement)$/;

/**
 * A word that dismisses: "groundless", "smear", or "malicious"/"false" said of the claims themselves
 * ("false accusations"), not of an operation ("malicious cyber operations", "false information").
 */
function dismissive(tokens: readonly Token[], i: number, first: number, end: number): boolean {
  const n = tokens[i]!.norm;
  if (!DENIAL_QUALIFIERS.has(n)) return false;
  if (!/^(malicious|false|politically|hype|hyping|speculation)$/.test(n)) return true;
  for (let k = Math.max(first, i - 4); k < Math.min(end, i + 4); k++)
    if (CLAIM_NOUNS.test(tokens[k]!.norm)) return true;
  return false;
}

const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'get', 'got']);
const NEGATION = new Set(['not', 'never', 'no', "n't", 'without', 'nor']);
const CLAUSE_BREAK = new Set([';', ':']);
const ACCUSED_STOP = new Set(['of', 'for', 'over', 'with', 'after', 'because', 'in']);

/** Finds the frames of one sentence. `byToken` maps a token to the mention covering it. */
/**
 * Who reported in a sentence: its first possible accuser, preferring researchers and organisations
 * over states, when the sentence has a reporting or accusing verb. e.g. "Taiwan and international
 * cybersecurity researchers have frequently reported …" → the researchers.
 */
export function reporterOf(a: AnalysedText, sentence: number, mentions: readonly Mention[]): Mention | null {
  const s = a.sentences[sentence];
  if (!s) return null;
  let hasVerb = false;
  for (let i = s.firstToken; i < s.endToken; i++) if (TRIGGERS.has(a.tokens[i]!.norm)) hasVerb = true;
  if (!hasVerb) return null;
  const cands = mentions.filter(
    (m) => m.sentence === sentence && !m.modifier && (canAccuse(m) || m.via === 'researchers'),
  );
  return cands.find((m) => m.partyKind !== 'state') ?? cands[0] ?? null;
}

export function framesInSentence(
  a: AnalysedText,
  sentence: number,
  mentions: readonly Mention[],
  inMention: Uint8Array,
  author: Mention | null = null,
  reporter: Mention | null = null,
  earlierOps: readonly Operation[] = [],
): Frame[] {
  const s = a.sentences[sentence]!;
  const { tokens } = a;
  const here = mentionsIn(mentions, sentence);
  // "caused by a voltage surge, not by a cyberattack", "no evidence of a cyberattack": ruled out
  const ops = operationCues(tokens, s.firstToken, s.endToken, inMention).filter(
    (o) => !ruledOut(tokens, o.token, s.firstToken),
  );
  // "… said the activity was the work of a Chinese state-sponsored actor": the activity described before
  if (ops.length === 0 && earlierOps.length > 0) {
    const at = anaphoricActivity(tokens, s.firstToken, s.endToken);
    if (at >= 0) ops.push({ token: at, operations: earlierOps });
  }
  // bare "attacks" is cyber when a named threat group, hackers or threat actors are in the sentence
  // ("Iran-backed groups attacked US troops" is not): "RedJuliett was linked
  // to attacks on …"
  const cyberGroup = here.some(
    (m) => m.partyKind === 'threat-group' && (!m.generic || /hacker|actor/i.test(m.surface)),
  );
  if (ops.length === 0 && cyberGroup) {
    for (let i = s.firstToken; i < s.endToken; i++) {
      if (/^(attack|attacks|attacked|attacking)$/.test(tokens[i]!.norm) && !ruledOut(tokens, i, s.firstToken))
        ops.push({ token: i, operations: ['intrusion'] });
    }
  }
  // "tied the campaign to UNC3886, a suspected Chinese espionage group": what the group is named for
  if (ops.length === 0) {
    for (const m of here) {
      if (m.partyKind !== 'threat-group' || !m.generic) continue;
      for (const o of findOperationCues(tokens, m.start, m.end, NO_MASK))
        ops.push({ token: m.end - 1, operations: o.operations });
    }
  }
  // "Hafnium was associated with the Chinese state": tying a group to its sponsor attributes its work
  if (ops.length === 0) {
    for (const m of here) {
      if (m.partyKind !== 'threat-group' || m.modifier) continue;
      const at = sponsorLink(tokens, m.end, s.endToken);
      if (at >= 0 && here.some((x) => isSponsorAt(x, at))) ops.push({ token: m.end, operations: earlierOps });
    }
  }
  // "… also said North Korea was responsible.": the operation just described
  if (ops.length === 0 && earlierOps.length > 0) {
    for (let i = s.firstToken; i < s.endToken - 1; i++)
      if (
        /^(responsible|behind|culprit|culprits)$/.test(tokens[i]!.norm) &&
        (/^(\.|,|;|for|in|it|them|this|these|that)$/.test(tokens[i + 1]!.norm) ||
          (tokens[i + 1]!.norm === 'the' &&
            /^(attack|attacks|hack|breach|intrusion|incident|operation|campaign)$/.test(
              tokens[i + 2]?.norm ?? '',
            ))) &&
        !officeHolder(tokens, i)
      )
        ops.push({ token: i, operations: earlierOps });
  }
  // "was responsible for NotPetya", "is behind Olympic Destroyer": an operation known by its name
  if (ops.length === 0) {
    for (let i = s.firstToken; i < s.endToken - 1; i++) {
      if (!BEHIND_CUES.has(tokens[i]!.norm)) continue;
      let k = i + 1;
      if (/^(for|of)$/.test(tokens[k]!.norm)) k++;
      if (tokens[k]?.norm === 'the') k++;
      const named = tokens[k];
      // only in an article already about a cyber operation: "Russia was behind the Kramatorsk strike" is not
      if (named && k < s.endToken && named.capitalised && named.pos === 'PROPN' && earlierOps.length > 0)
        ops.push({ token: k, operations: earlierOps });
    }
  }
  if (ops.length === 0) return [];
  if (here.length < 1) return [];

  let denialAt = -1;
  for (let i = s.firstToken; i < s.endToken; i++)
    if (
      (DENIAL_WORDS.has(tokens[i]!.norm) || dismissive(tokens, i, s.firstToken, s.endToken)) &&
      !inMention[i]
    )
      denialAt = i;

  const frames: Frame[] = [];
  const seen = new Set<string>();
  const according = accordingTo(tokens, here, s.firstToken, s.endToken);

  for (let i = s.firstToken; i < s.endToken; i++) {
    if (inMention[i]) continue;
    const t = tokens[i]!;
    let type = TRIGGERS.get(t.norm);
    // "calling out the SVR for …"
    if (!type && /^(call|calls|called|calling)$/.test(t.norm) && tokens[i + 1]?.norm === 'out')
      type = 'accuse';
    // "laid the blame for the cyberattacks on Russia"
    if (
      t.norm === 'blame' &&
      t.pos === 'NOUN' &&
      /^(laid|lays|lay|laying|put|puts|putting|placed|places|placing|pinned)$/.test(tokens[i - 2]?.norm ?? '')
    )
      type = 'attribute';
    // "held the GRU responsible for the attacks"
    if (!type && /^(held|holds|hold|holding)$/.test(t.norm) && heldResponsible(tokens, here, i, s.endToken))
      type = 'accuse';
    // "the NSA, CISA and the FBI published a joint advisory listing flaws that SVR actors exploited"
    if (
      !type &&
      PUBLISHING_VERBS.test(t.norm) &&
      t.pos === 'VERB' &&
      !isPassive(tokens, i, s.firstToken) &&
      tokens.slice(i + 1, i + 5).some((x) => DOCUMENT_NOUNS.test(x.norm))
    )
      type = 'report';
    if (!type && according && i === according.cue) type = 'report';
    // "condemned the malicious cyber campaign by APT28" accuses; "condemned the accusations" denies
    if (
      type &&
      /^condemn/.test(t.norm) &&
      tokens
        .slice(i + 1, i + 5)
        .some((x) => CLAIM_NOUNS.test(x.norm) || x.norm === 'smear' || x.norm === 'smears')
    )
      continue;
    if (!type) continue;
    // "internet-connected devices", "state-named": the second half of a compound word is no verb
    const prev = tokens[i - 1];
    if (prev && prev.norm === '-' && prev.end === t.start && i > s.firstToken) continue;
    // "China's allegations come amid tensions …" — a report noun is no trigger; "The MSS statement alleges" has a verb.
    if (type === 'report' && t.pos === 'NOUN' && i !== according?.cue && tokens[i + 1]?.norm !== 'that')
      continue;
    // "on charges of conspiring to hack …", "faces sanctions": the accusation was made by someone else
    if (type === 'accuse' && t.pos === 'NOUN' && !penaltyImposed(tokens, i, s.firstToken)) continue;
    if (isNegated(tokens, i, s.firstToken)) continue;
    // In a denial, only a counter-accusation after the denial is a claim:
    // e.g. "Beijing rejected the report and accused Washington of hacking Chinese universities"
    if (denialAt >= 0 && (type !== 'accuse' || i < denialAt)) continue;
    const passive = isPassive(tokens, i, s.firstToken);
    const f = frameAt(
      tokens,
      here,
      ops,
      i,
      type,
      passive,
      according?.mention ?? null,
      s.firstToken,
      s.endToken,
      author,
      reporter,
    );
    if (!f) continue;
    // "the FBI, the NSA and CISA said …": every co-signer makes the claim
    const listed = f.claimant.sentence === sentence ? coClaimants(tokens, here, f.claimant) : [f.claimant];
    // "The agencies said …": each body the plural stands for
    const claimants = listed.some((m) => m.group)
      ? [...new Map(listed.flatMap((m) => m.group ?? [m]).map((m) => [m.identity, m])).values()]
      : listed;
    for (const claimant of claimants) {
      const accused = f.accused.filter((m) => m.identity !== claimant.identity);
      if (accused.length === 0) continue;
      const key = `${claimant.identity}|${accused.map((m) => m.identity).join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      frames.push({ kind: 'frame', sentence, trigger: i, type, claimant, accused, operations: ops });
    }
  }
  // In a statement, the author asserts without a verb of saying: "For years, US agencies have hacked
  // into foreign governments' networks" in the ministry's own remarks is the ministry's claim.
  if (frames.length === 0 && author && !journalistsQuestion(a, sentence)) {
    const f = assertedByAuthor(tokens, here, ops, author, s.firstToken, s.endToken, denialAt);
    if (f)
      frames.push({
        kind: 'frame',
        sentence,
        trigger: f.trigger,
        type: 'report',
        claimant: author,
        accused: [f.accused],
        operations: ops,
      });
  }
  return frames;
}

/** A journalist's question in a press-conference transcript: "Question: …", "Q: …", or ending in "?". */
export function journalistsQuestion(a: AnalysedText, sentence: number): boolean {
  const s = a.sentences[sentence]!;
  const para = s.paragraph;
  // the first sentence of the paragraph decides: "Question: …" / "Q: …"
  let first = sentence;
  while (first > 0 && a.sentences[first - 1]!.paragraph === para) first--;
  const opener = a.text.slice(a.sentences[first]!.start, a.sentences[first]!.start + 10);
  if (/^(q|question|journalist|reporter)\s*[:：]/i.test(opener)) return true;
  return a.text.slice(s.start, s.end).trimEnd().endsWith('?');
}

/**
 * The actor the author's own sentence accuses: the subject of an operation verb, in a sentence with no
 * verb of saying or accusing of its own, that is neither the author nor of the author's country.
 */
function assertedByAuthor(
  tokens: readonly Token[],
  here: readonly Mention[],
  ops: readonly OperationCue[],
  author: Mention,
  first: number,
  end: number,
  denialAt: number,
): { accused: Mention; trigger: number } | null {
  if (denialAt >= 0) return null;
  for (let i = first; i < end; i++)
    if (TRIGGERS.has(tokens[i]!.norm) && !here.some((m) => m.start <= i && i < m.end)) return null;
  for (const m of here) {
    if (m.modifier || !canBeAccused(m) || m.partyKind === 'person') continue;
    if (m.identity === author.identity || (author.country !== null && m.country === author.country)) continue;
    if (targetPosition(tokens, m, first) || afterPreposition(tokens, m, first)) continue;
    // the operation follows its subject closely: "US agencies have hacked into …"
    const op = ops.find(
      (o) =>
        o.token >= m.end &&
        o.token - m.end <= 8 &&
        tokens.slice(m.end, o.token + 1).some((t) => t.pos === 'VERB' || t.pos === 'AUX') &&
        !tokens.slice(m.end, o.token).some((t) => t.norm === ',' || t.norm === 'that' || t.norm === 'which'),
    );
    if (op) return { accused: m, trigger: op.token };
  }
  return null;
}

/**
 * "imposed sanctions on …", "unsealed an indictment": a penalty noun reports an accusation only as the
 * object of a verb that imposes it; "UN sanctions on North Korea" or "on charges of" do not.
 */
function penaltyImposed(tokens: readonly Token[], i: number, first: number): boolean {
  for (let k = i - 1; k >= Math.max(first, i - 4); k--) {
    const n = tokens[k]!.norm;
    if (PENALTY_VERBS.test(n)) return true;
    if (/^(on|of|over|faces|face|facing|with|under)$/.test(n)) return false;
  }
  return false;
}

const PENALTY_VERBS =
  /^(imposed|imposes|impose|imposing|announced|announces|unsealed|unseals|filed|files|issued|issues|levied|brought|slapped|placed|introduced|adopted|approved|unveiled)$/;

/** Words that may stand between co-signers: "CISA, together with the NSA and the FBI". */
const CO_GAP = new Set([
  ',',
  ')',
  'and',
  'the',
  'together',
  'with',
  'along',
  'as',
  'well',
  'jointly',
  'plus',
  'both',
  '-',
  '–',
  '—',
]);

/**
 * The claimant and the accusers listed with it: "The FBI, the National Security Agency and CISA said …",
 * "Czech Republic and Germany blame …", "the advisory from the FBI, CISA and NSA".
 */
function coClaimants(tokens: readonly Token[], here: readonly Mention[], claimant: Mention): Mention[] {
  const list = here.filter((m) => !m.modifier).sort((x, y) => x.start - y.start);
  const at = list.indexOf(claimant);
  if (at < 0) return [claimant];
  const modifierAt = (k: number) => here.some((m) => m.modifier && m.start <= k && k < m.end);
  const joins = (from: number, to: number): boolean => {
    if (to - from > 12 || to <= from) return false;
    let link = false;
    let words = 0;
    for (let k = from; k < to; k++) {
      // "the FBI, the US Cyber Command's Cyber National Mission Force": the owner's name is no gap
      if (modifierAt(k) || tokens[k]!.possessive) continue;
      if (++words > 5) return false;
      const n = tokens[k]!.norm;
      if (!CO_GAP.has(n)) return false;
      if (n === ',' || n === 'and' || n === 'with') link = true;
    }
    return link;
  };
  const ok = (m: Mention) => canAccuse(m) && m.identity !== claimant.identity;
  const out = [claimant];
  // two names back to back ("Department of Defense" "Cyber Crime Center") are one item of the list,
  // and so is a name with its acronym in brackets: "the Military Intelligence and Security Service (MIVD)"
  const adjacent = (from: number, to: number) =>
    from === to || (to === from + 1 && tokens[from]!.norm === '(');
  // a body named again in apposition ("Germany's domestic intelligence agency, the Federal Office for
  // the Protection of the Constitution") is one item of the list, not a second one
  const again = (m: Mention) => out.some((x) => x.identity === m.identity);
  for (let k = at - 1; k >= 0; k--) {
    const m = list[k]!;
    if (adjacent(m.end, list[k + 1]!.start)) continue;
    if (m.identity === claimant.identity && joins(m.end, list[k + 1]!.start)) continue;
    if (!ok(m) || !joins(m.end, list[k + 1]!.start)) break;
    if (!again(m)) out.unshift(m);
  }
  for (let k = at + 1; k < list.length; k++) {
    const m = list[k]!;
    if (adjacent(list[k - 1]!.end, m.start)) continue;
    if (m.identity === claimant.identity && joins(list[k - 1]!.end, m.start)) continue;
    if (!ok(m) || !joins(list[k - 1]!.end, m.start)) break;
    if (!again(m)) out.push(m);
  }
  // "the National Police Agency joined the FBI in blaming …": whom it joined accuses too
  let j = claimant.end;
  while (j < claimant.end + 3 && /^(also|has|have|had|on|today|now)$/.test(tokens[j]?.norm ?? '')) j++;
  if (/^(joined|joins|join)$/.test(tokens[j]?.norm ?? '')) {
    const joined: Mention[] = [];
    let prevEnd = j + 1;
    for (const m of list) {
      if (m.start < prevEnd) continue;
      const gap = tokens.slice(prevEnd, m.start).map((x) => x.norm);
      if (!gap.every((g) => CO_GAP.has(g)) || gap.length > 3 || !ok(m)) break;
      joined.push(m);
      prevEnd = m.end;
    }
    if (joined.length > 0 && /^(in|to)$/.test(tokens[prevEnd]?.norm ?? '')) out.push(...joined);
  }
  // a list closes with "and" (or "with", "together with"): "between China and Taiwan, Beijing's MSS"
  // has a comma but is no list of accusers
  if (out.length > 1 && !/^(joined|joins|join)$/.test(tokens[j]?.norm ?? '')) {
    const last = tokens.slice(out[out.length - 2]!.end, out[out.length - 1]!.start).map((x) => x.norm);
    // … or goes on past its last name: "the FBI, CISA, NSA and a long list of partners"
    const after = tokens.slice(out[out.length - 1]!.end, out[out.length - 1]!.end + 2).map((x) => x.norm);
    const closes = (ws: string[]) => ws.some((w) => /^(and|with|together|along|plus|-|–|—)$/.test(w));
    if (!closes(last) && !closes(after)) return [claimant];
  }
  // one claim per party, even when a name repeats in the list
  return out.filter((m, k) => out.findIndex((x) => x.identity === m.identity) === k);
}

function ruledOut(tokens: readonly Token[], i: number, first: number): boolean {
  for (let k = i - 1; k >= Math.max(first, i - 4); k--) {
    const n = tokens[k]!.norm;
    const next = tokens[k + 1]?.norm ?? '';
    // "no fewer than 58 cyberattacks", "not only stole": a count or an addition, not a denial
    if (
      (n === 'no' && /^(fewer|less|more)$/.test(next)) ||
      (n === 'not' && /^(only|just|merely)$/.test(next))
    )
      return false;
    if (n === 'not' || n === 'no' || n === 'without' || n === 'nor') return true;
    if (n === ',' || n === ';' || tokens[k]!.pos === 'VERB') return false;
  }
  return false;
}

function isNegated(tokens: readonly Token[], i: number, first: number): boolean {
  for (let k = i - 1; k >= Math.max(first, i - 3); k--) if (NEGATION.has(tokens[k]!.norm)) return true;
  return false;
}

function isPassive(tokens: readonly Token[], i: number, first: number): boolean {
  if (!/ed$|en$|wn$/.test(tokens[i]!.norm) && tokens[i]!.norm !== 'tied') return false;
  for (let k = i - 1; k >= Math.max(first, i - 3); k--) {
    const n = tokens[k]!.norm;
    if (PASSIVE_AUX.has(n)) return true;
    if (
      !/ly$/.test(n) &&
      n !== 'also' &&
      n !== 'reportedly' &&
      n !== 'widely' &&
      n !== 'publicly' &&
      n !== 'previously'
    )
      return false;
  }
  // "a group linked to China" — a reduced relative clause reads like a passive
  const prev = tokens[i - 1];
  return prev !== undefined && prev.pos !== 'PUNCT' && (prev.pos === 'NOUN' || prev.pos === 'PROPN');
}

/** "according to Microsoft", "according to the ministry" → the cue token and the mention after it. */
function accordingTo(
  tokens: readonly Token[],
  here: readonly Mention[],
  first: number,
  end: number,
): { cue: number; mention: Mention } | null {
  for (let i = first; i < end - 2; i++) {
    if (tokens[i]!.norm !== 'according' || tokens[i + 1]!.norm !== 'to') continue;
    const m = here.find((x) => x.start >= i + 2 && x.start <= i + 4 && x.via !== 'nationality' && !x.generic);
    if (m) return { cue: i, mention: headOf(here, m) };
    // "According to a statement from the FBI, …", "according to a report by Mandiant"
    let k = i + 2;
    while (k < Math.min(end, i + 6) && !/^(from|by|of)$/.test(tokens[k]!.norm)) k++;
    if (!/^(from|by|of)$/.test(tokens[k]?.norm ?? '')) continue;
    const issuer = here.find((x) => x.start > k && x.start <= k + 3 && !x.generic && canAccuse(x));
    if (issuer && tokens.slice(i + 2, k).some((x) => REPORT_NOUNS.has(x.norm) || DOCUMENT_NOUNS.test(x.norm)))
      return { cue: i, mention: headOf(here, issuer) };
  }
  // "it was Norway's view that Russia was behind the attack", "Britain's assessment is that …"
  for (let i = first + 1; i < end - 1; i++) {
    if (
      !/^(view|assessment|conclusion|judgement|judgment|belief|finding|determination|investigation|analysis|research|review|probe)$/.test(
        tokens[i]!.norm,
      )
    )
      continue;
    const next = tokens[i + 1]!.norm === 'is' || tokens[i + 1]!.norm === 'was' ? i + 2 : i + 1;
    // "Microsoft's investigation found that …"
    const found = /^(found|finds|showed|shows|concluded|concludes|determined|revealed|indicated)$/.test(
      tokens[next]?.norm ?? '',
    );
    if (tokens[next]?.norm !== 'that' && !found) continue;
    const owner = here.find(
      (x) =>
        canAccuse(x) &&
        ((x.end === i && tokens[i - 1]!.possessive) || (x.end === i - 1 && tokens[i - 1]!.norm === "'s")),
    );
    if (owner) return { cue: i, mention: owner };
  }
  return null;
}

/** The head of a possessive chain: "Beijing's Ministry of State Security" → the ministry. */
function headOf(here: readonly Mention[], m: Mention): Mention {
  let cur = m;
  while (cur.modifier) {
    const next = here.find((x) => x.start >= cur.end && x.start <= cur.end + 2);
    if (!next) break;
    cur = next;
  }
  return cur;
}

// a threat group or a person does not make attributions; a state, agency, company or researchers do
const canAccuse = (m: Mention): boolean =>
  !m.weak &&
  (!m.generic || m.partyKind === 'government-agency') &&
  m.partyKind !== 'person' &&
  m.partyKind !== 'threat-group';
const canBeAccused = (m: Mention): boolean => m.via !== 'researchers';

function frameAt(
  tokens: readonly Token[],
  here: readonly Mention[],
  ops: readonly OperationCue[],
  i: number,
  type: TriggerType,
  passive: boolean,
  according: Mention | null,
  first: number,
  end: number,
  author: Mention | null,
  reporter: Mention | null,
): { claimant: Mention; accused: Mention[] } | null {
  const t = (k: number): string => tokens[k]?.norm ?? '';
  const clauseStart = lastBreakBefore(tokens, i, first);
  const before = here.filter(
    (m) => m.end <= i && m.start >= clauseStart && !m.modifier && !targetPosition(tokens, m, first),
  );
  const after = here.filter((m) => m.start > i && !m.modifier);

  let claimant: Mention | null = according;
  let accused: Mention[] = [];
  const notClaimant = (m: Mention) => claimant === null || m.identity !== claimant.identity;

  if (passive) {
    // "… was attributed to APT28 by the Czech government", "RedJuliett was linked to attacks …"
    // "was blamed by the governments of the United States and Britain"
    const byAt = indexOf(tokens, 'by', i + 1, end);
    const by =
      byAt < 0 ? undefined : after.find((m) => m.start > byAt && m.start <= byAt + 5 && canAccuse(m));
    // an official statement's agentless passive is the author's own finding: "it has been ascertained that …"
    // "Researchers reported … . One such group, RedJuliett, was linked to attacks …": the reporter just named
    claimant ??= by ?? author ?? reporter;
    const toIdx = indexOf(tokens, 'to', i + 1, Math.min(end, i + 3));
    // "was linked to APT28": the accused stands right after "to", not in "attacks on … in Taiwan"
    const afterTo =
      toIdx >= 0
        ? after.filter((m) => m.start > toIdx && m.start <= toIdx + 3 && m !== by && canBeAccused(m))
        : [];
    const subject = before.filter((m) => canBeAccused(m) && m !== claimant);
    const pick =
      type === 'attribute' && afterTo.length > 0
        ? [afterTo[0]!]
        : subject.length > 0
          ? [subject[subject.length - 1]!]
          : [];
    accused = pick;
  } else {
    if (!claimant) {
      const subj = before.filter((m) => canAccuse(m) && !afterPreposition(tokens, m, first, here));
      // "In a escalation between China and Taiwan, Beijing's MSS has accused …": the subject follows the
      // introductory phrase, so the first candidate after the last comma before the verb wins.
      const comma = lastCommaBefore(tokens, i, clauseStart, here);
      // "Foreign Minister Marise Payne said Australia attributed …": the subject of the verb itself, not
      // the speaker who reports it
      let saidAt = -1;
      if (type !== 'report')
        for (let k = i - 1; k > clauseStart; k--)
          if (TRIGGERS.get(tokens[k]!.norm) === 'report' && tokens[k]!.pos === 'VERB') {
            saidAt = k;
            break;
          }
      const inner = saidAt >= 0 ? subj.find((m) => m.start > saidAt) : undefined;
      claimant = inner ?? subj.find((m) => m.start > comma) ?? subj[0] ?? null;
      // "… came from the NSA, CISA and the FBI, which published a joint advisory": the relative
      // pronoun's antecedent, even inside a phrase
      let w = i - 1;
      while (w > clauseStart && /^(also|jointly|later|then|had|has|have)$/.test(t(w))) w--;
      if (/^(which|who)$/.test(t(w)) && t(w - 1) === ',') {
        const ante = before.find((m) => m.end === w - 1 && canAccuse(m));
        if (ante) claimant = ante;
      }
      // "the national security organs have discovered that …" in the ministry's own statement
      if (!claimant && author && before.length === 0) claimant = author;
      // "We assess that …", "We urge the UK side …": the author of a statement or report speaks
      if (!claimant && author && tokens.slice(clauseStart, i).some((x) => x.norm === 'we' || x.value === 'I'))
        claimant = author;
      // "…, the ministry said." — a reporting verb with its subject after it
      if (!claimant && type === 'report') {
        const inv = after.find((m) => m.start <= i + 3 && canAccuse(m));
        if (inv) {
          claimant = inv;
          const acc = here.filter(
            (m) =>
              m.end <= i &&
              m.start >= clauseStart &&
              !m.modifier &&
              canBeAccused(m) &&
              m !== inv &&
              !targetPosition(tokens, m, first),
          );
          if (acc.length > 0 && ops.some((o) => o.token > acc[0]!.start && o.token < i))
            return finish(inv, [acc[0]!]);
          return null;
        }
      }
    }
    if (!claimant) return null;
    // "Investigators traced the intrusion to APT41, the FBI said": the body whose investigators they are
    if (
      claimant.via === 'researchers' ||
      (claimant.via === 'coref' && RESEARCHER_NOUNS.has(t(claimant.start)))
    ) {
      const speaker = trailingSpeaker(tokens, here, i, end);
      if (speaker) claimant = speaker;
    }
    if (type === 'attribute') {
      // "pinned the hack on Russian military intelligence", "laid the blame for X on Y"
      const link = /^(pinned|pins|pin|pinning|blame)$/.test(t(i)) ? 'on' : 'to';
      const toIdx = indexOf(tokens, link, i + 1, end);
      // "pinned the hack on Russia": right after the link word stands the accused, not a target
      const victim = (m: Mention) =>
        !(link === 'on' && m.start > toIdx && m.start <= toIdx + 3) && targetPosition(tokens, m, first);
      const afterTo =
        toIdx >= 0
          ? after.filter(
              (m) =>
                m.start > toIdx &&
                canBeAccused(m) &&
                notClaimant(m) &&
                !victim(m) &&
                // "organisations tied to the election: consultants, the German Marshall Fund …"
                !tokens.slice(toIdx + 1, m.start).some((x) => x.norm === ':' || x.norm === ';'),
            )
          : [];
      const between = after.filter(
        (m) => (toIdx < 0 || m.start < toIdx) && canBeAccused(m) && notClaimant(m) && !victim(m),
      );
      // "linked APT40 to a 2021 compromise of …": what follows "to" is the event, the actor stands before it
      const eventAfterTo = toIdx >= 0 && ops.some((o) => o.token > toIdx && o.token <= toIdx + 4);
      accused =
        afterTo.length > 0 && !(eventAfterTo && between.length > 0 && between[0]!.start < afterTo[0]!.start)
          ? [afterTo[0]!]
          : between.slice(0, 1);
    } else if (type === 'accuse' || type === 'name') {
      const stop = accusedRegionEnd(tokens, i + 1, end, here);
      // "imposed sanctions on two men": whoever the sanctions fall on is accused, not a victim
      const penaltyOn = /^sanction/.test(t(i)) && /^(on|against)$/.test(t(i + 1));
      const region = after.filter(
        (m) =>
          m.start < stop &&
          canBeAccused(m) &&
          notClaimant(m) &&
          ((penaltyOn && m.start <= i + 8) || !targetPosition(tokens, m, first)),
      );
      accused = coordinated(tokens, preferNamed(region));
      // "Britain named the MSS as the agency behind APT40": naming whoever is behind something
      if (type === 'name' && !ops.some((o) => o.token > i) && !anyBehindCue(tokens, i + 1, end)) return null;
    } else {
      // report: the accused is the first actor in the reported clause that an operation follows
      const region = after.filter(
        (m) =>
          canBeAccused(m) &&
          m.partyKind !== 'person' &&
          notClaimant(m) &&
          !targetPosition(tokens, m, first) &&
          !(m.entry === null && namedOperation(tokens, m)),
      );
      // "said the United States had concluded that Iran carried out the attack": a speaker inside the
      // reported clause is not the accused; the actor of its own clause is
      const acts = (m: Mention) =>
        ops.some((o) => o.token > m.start) || behindCue(tokens, m.end, end) || agentOf(tokens, m, ops);
      const speakers = region.filter((m) => !speaksNext(tokens, m, end));
      // a named group that does nothing in the clause ("… was behind APT40") leaves the actor that does
      const cand = preferNamed(speakers).find(acts) ?? speakers.find(acts);
      accused = cand ? [cand] : [];
      // "Hafnium was associated with the Chinese state": the sponsor is accused with the group
      if (cand && cand.partyKind === 'threat-group') {
        const at = sponsorLink(tokens, cand.end, end);
        const sponsor =
          at >= 0 ? region.find((m) => isSponsorAt(m, at) && m.identity !== cand.identity) : undefined;
        if (sponsor) accused.push(sponsor);
      }
      // "the Chinese government was behind APT40": the group it is behind is accused with it
      if (cand && behindCue(tokens, cand.end, end)) {
        const behind = region.find(
          (m) => m.start > cand.end && m.start <= cand.end + 6 && m.partyKind === 'threat-group',
        );
        if (behind && behind.identity !== cand.identity) accused.push(behind);
      }
      // "A Chinese group has breached networks in Guam, Microsoft said": the reported clause comes first
      const comma = lastCommaBefore(tokens, claimant.start, clauseStart, here);
      if (
        !cand &&
        claimant.start > comma &&
        comma > clauseStart &&
        /^(said|says|say|told|added|stated|wrote|reported)$/.test(t(i))
      ) {
        // the reported clause starts after any other accusing or reporting verb before the comma
        let from = clauseStart;
        for (let k = clauseStart; k < comma; k++)
          if (TRIGGERS.has(tokens[k]!.norm) && !inMentionAt(here, k)) from = k + 1;
        const earlier = preferNamed(
          here.filter(
            (m) =>
              m.start >= from &&
              m.end <= comma &&
              !m.modifier &&
              canBeAccused(m) &&
              notClaimant(m) &&
              !targetPosition(tokens, m, first) &&
              (ops.some((o) => o.token > m.start && o.token < comma) || agentOf(tokens, m, ops)),
          ),
        )[0];
        if (earlier) accused = [earlier];
      }
    }
  }
  if (!claimant || accused.length === 0) return null;
  return finish(claimant, accused);

  function finish(c: Mention, acc: Mention[]) {
    // a government does not accuse its own state or agencies: "the US imposed sanctions … the Treasury"
    const cleaned = acc.filter(
      (m) =>
        m.identity !== c.identity &&
        !(
          c.country !== null &&
          m.country === c.country &&
          (m.partyKind === 'state' ||
            (c.partyKind !== 'company' &&
              c.via !== 'researchers' &&
              (m.partyKind === 'government-agency' || m.partyKind === 'military-unit')))
        ),
    );
    if (cleaned.length === 0) return null;
    return { claimant: c, accused: cleaned };
  }
}

function lastCommaBefore(
  tokens: readonly Token[],
  i: number,
  first: number,
  here: readonly Mention[],
): number {
  for (let k = i - 1; k >= first; k--) {
    if (tokens[k]!.norm !== ',') continue;
    if (here.some((m) => m.start < k && k < m.end)) continue;
    return k;
  }
  return first - 1;
}

/** "between China and Taiwan", "with Microsoft": an actor governed by a preposition is not the subject. */
function afterPreposition(
  tokens: readonly Token[],
  m: Mention,
  first: number,
  here: readonly Mention[] = [],
): boolean {
  for (let k = m.start - 1; k >= first; k--) {
    const t = tokens[k]!;
    if (t.norm === 'the' || t.norm === 'and' || t.norm === ',' || t.possessive) continue;
    // "audiences in the United States and Canada": every name of a list the preposition governs
    const listed = here.find((x) => x.end === k + 1 && x !== m);
    if (listed && /^(and|or)$/.test(tokens[m.start - 1]?.norm ?? '') && listed.end < m.start) {
      k = listed.start;
      continue;
    }
    // "a router malware that the FBI attributed to …": a relative clause has its own subject
    if (/^(that|which|who|whom|whose)$/.test(t.norm)) return false;
    // "the joint advisory from the FBI …": the issuer of a report stands as its subject
    if (/^(from|by|of)$/.test(t.norm) && REPORT_NOUNS.has(tokens[k - 1]?.norm ?? '')) return false;
    // "A panel of experts said": the experts are the panel
    if (
      t.norm === 'of' &&
      /^(panel|team|group|committee|board|coalition|consortium)$/.test(tokens[k - 1]?.norm ?? '')
    )
      return false;
    return t.pos === 'ADP' || t.pos === 'SCONJ';
  }
  return false;
}

function lastBreakBefore(tokens: readonly Token[], i: number, first: number): number {
  for (let k = i - 1; k >= first; k--) if (CLAUSE_BREAK.has(tokens[k]!.norm)) return k + 1;
  return first;
}

function indexOf(tokens: readonly Token[], norm: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (tokens[k]!.norm === norm) return k;
  return -1;
}

/** The object of "accuse" ends at "of"/"for", except in "members of X", "officials from X". */
function accusedRegionEnd(
  tokens: readonly Token[],
  from: number,
  end: number,
  here: readonly Mention[],
): number {
  for (let k = from; k < end; k++) {
    const inside = here.find((m) => m.start <= k && k < m.end);
    if (inside) {
      k = inside.end - 1;
      continue;
    }
    const n = tokens[k]!.norm;
    // "two men it described as members of the group: Ruslan …" — a colon that introduces the people
    if (n === ':' && tokens.slice(Math.max(from, k - 6), k).some((x) => PERSON_NOUNS.has(x.norm))) continue;
    if (CLAUSE_BREAK.has(n)) return k;
    if (ACCUSED_STOP.has(n) && !PERSON_NOUNS.has(tokens[k - 1]?.norm ?? '') && k - from > 0) {
      // "accused X of …": stop once an actor has been passed
      return k;
    }
  }
  return end;
}

const VICTIM_NOUNS =
  /^(systems?|networks?|infrastructure|websites?|sites|computers?|servers?|institutions|facilities|utilities|companies|firms|sectors?|platforms|accounts|grids?|ministries|agencies)$/;

const CALENDAR =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

const VICTIM_VERBS =
  /^(hack|hacked|hacking|hacks|breach|breached|breaches|compromise|compromised|intrusion|intrusions|attack|attacks|attacked|cyberattack|cyberattacks|targeted|targeting|infiltrated|penetrated|stole|stolen|theft|hit|into|at|against)$/;

/**
 * "had compromised the systems of the Electoral Commission", "Intrusion at Credit Reporting Agency
 * Equifax", "hacked the accounts of Donald Trump": a body or person named only by its shape, after
 * what was done to it, is the victim.
 */
function unknownVictim(tokens: readonly Token[], m: Mention, first: number): boolean {
  if (m.entry !== null || m.partyKind === 'threat-group') return false;
  for (let k = m.start - 1; k >= Math.max(first, m.start - 5); k--) {
    const n = tokens[k]!.norm;
    if (/^(,|;|by|to|said|says|say|and|which|that|who)$/.test(n)) return false;
    if (VICTIM_VERBS.test(n)) return true;
    if (n === 'of' && VICTIM_NOUNS.test(tokens[k - 1]?.norm ?? '')) return true;
  }
  return false;
}

/** An actor after "against", "targeting", "on", or named after what was done to it, is a victim. */
function targetPosition(tokens: readonly Token[], m: Mention, first: number): boolean {
  if (unknownVictim(tokens, m, first)) return true;
  // "two businessmen from Malaysia": where people come from, not who acted
  if (
    m.partyKind === 'state' &&
    tokens[m.start - 1]?.norm === 'from' &&
    PERSON_NOUNS.has(tokens[m.start - 2]?.norm ?? '')
  )
    return true;
  // "Ukrainian government computer systems": a state before a target noun names the victim
  if (m.partyKind === 'state') {
    for (let k = m.end; k < m.end + 3 && k < tokens.length; k++) {
      if (VICTIM_NOUNS.test(tokens[k]!.norm)) return true;
      if (tokens[k]!.pos !== 'NOUN' && tokens[k]!.pos !== 'ADJ') break;
    }
  }
  for (let k = m.start - 1; k >= Math.max(first, m.start - 3); k--) {
    const n = tokens[k]!.norm;
    if (TARGET_CUES.has(n) && n !== 'of' && n !== 'in' && n !== 'at') return true;
    // "into a Dutch Ministry of Defence network": a nationality may stand between the cue and the name
    const nationality =
      tokens[k]!.capitalised && tokens[k]!.pos !== 'VERB' && !CALENDAR.test(tokens[k]!.norm);
    if (
      !/^(the|a|an|mainland)$/.test(n) &&
      !tokens[k]!.possessive &&
      tokens[k]!.pos !== 'ADJ' &&
      !nationality
    )
      return false;
  }
  return false;
}

/**
 * "charged five hackers … Zhang Haoran, Tan Dailin and Jiang Lizhi": the people a charge or a sanction
 * names after its verb are accused with whoever the verb names first.
 */
export function peopleNamed(a: AnalysedText, f: Frame, mentions: readonly Mention[]): Mention[] {
  const charge = f.type === 'accuse' || f.type === 'name';
  const s = a.sentences[f.sentence]!;
  return mentionsIn(mentions, f.sentence).filter(
    (m) =>
      m.start > f.trigger &&
      m.identity !== f.claimant.identity &&
      !m.modifier &&
      // ("hacking Hillary Clinton's campaign": the owner of what was hacked is no suspect)
      ((charge &&
        m.partyKind === 'person' &&
        !m.speaker &&
        !a.tokens[m.end - 1]!.possessive &&
        !a.tokens[m.end]?.possessive &&
        !targetPosition(a.tokens, m, s.firstToken)) ||
        // "… seven Chinese nationals who hacked for years on behalf of the Ministry of State Security"
        (m.partyKind !== 'person' && m.partyKind !== 'state' && actingFor(a.tokens, m))),
  );
}

/** "on behalf of X", "working for X", "members of X", "officers of X": the body the accused act for. */
function actingFor(tokens: readonly Token[], m: Mention): boolean {
  let k = m.start - 1;
  if (tokens[k]?.norm === 'the') k--;
  const two = `${tokens[k - 1]?.norm ?? ''} ${tokens[k]?.norm ?? ''}`;
  return /^(behalf of|working for|work for|worked for|members of|officers of|member of|officer of|employees of|part of|belonged to|belong to)$/.test(
    two,
  );
}

/**
 * Sectors told by who the victims are: "the Ukrainian government's systems", "the Dutch Ministry of
 * Defence network", "the Electoral Commission" — a government body attacked is the government sector.
 */
export function victimSectors(a: AnalysedText, sentence: number, mentions: readonly Mention[]): Sector[] {
  const s = a.sentences[sentence]!;
  const out = new Set<Sector>();
  for (const m of mentionsIn(mentions, sentence)) {
    if (m.partyKind !== 'state' && m.partyKind !== 'government-agency' && m.partyKind !== 'military-unit')
      continue;
    if (!targetPosition(a.tokens, m, s.firstToken)) continue;
    out.add(
      m.partyKind === 'military-unit' || /defen[cs]e|military|armed forces/i.test(m.name)
        ? 'defense'
        : 'government',
    );
  }
  return [...out];
}

/** "the activity", "these attacks", "the campaign": an operation already described. Its token, or -1. */
function anaphoricActivity(tokens: readonly Token[], from: number, to: number): number {
  for (let i = from; i < to - 1; i++) {
    if (!/^(the|this|these|those|that|such)$/.test(tokens[i]!.norm)) continue;
    for (let k = i + 1; k < Math.min(to, i + 3); k++) if (ACTIVITY_NOUNS.has(tokens[k]!.norm)) return k;
  }
  return -1;
}

const inMentionAt = (here: readonly Mention[], k: number): boolean =>
  here.some((m) => m.start <= k && k < m.end);

function speaksNext(tokens: readonly Token[], m: Mention, end: number): boolean {
  for (let k = m.end; k < Math.min(end, m.end + 3); k++) {
    const ty = TRIGGERS.get(tokens[k]!.norm);
    if (ty === 'report' && tokens[k]!.pos === 'VERB') return true;
    // "the NCIIPC had alerted it that …": whoever alerts or warns passes a finding on
    if (/^(alerted|warned|informed|notified|told|tipped)$/.test(tokens[k]!.norm)) return true;
    if (!/^(had|has|have|also|now|later|then)$/.test(tokens[k]!.norm)) return false;
  }
  return false;
}

/** "a disinformation campaign by the Five Eyes", "attacks carried out by APT28": the agent of an operation. */
function agentOf(tokens: readonly Token[], m: Mention, ops: readonly OperationCue[]): boolean {
  let k = m.start - 1;
  while (k > 0 && /^(a|an|the|"|“)$/.test(tokens[k]!.value.toLowerCase())) k--;
  // "an influence campaign known as Doppelganger": the operation's own name
  // ("breached a software company called SolarWinds" names the victim: only campaign words may stand
  // between the operation and its name)
  const n = tokens[k]?.norm ?? '';
  if (/^(called|dubbed|named|codenamed)$/.test(n) || (n === 'as' && tokens[k - 1]?.norm === 'known')) {
    const cue = n === 'as' ? k - 1 : k;
    if (
      ops.some(
        (o) =>
          o.token < cue &&
          cue - o.token <= 3 &&
          tokens.slice(o.token + 1, cue).every((x) => CAMPAIGN_WORDS.test(x.norm)),
      )
    )
      return true;
  }
  // "…, which it said was run by three Russian organisations": whoever ran the operation
  if (
    tokens[k]?.norm === 'by' &&
    /^(run|operated|conducted|directed|orchestrated|organised|organized|controlled)$/.test(
      tokens[k - 1]?.norm ?? '',
    )
  )
    return ops.some((o) => o.token < k && k - o.token <= 14);
  // "was the work of a Chinese state-sponsored actor"
  if (tokens[k]?.norm === 'of' && /^(work|handiwork|doing)$/.test(tokens[k - 1]?.norm ?? '')) return true;
  // "the attack used tactics characteristic of the Russian special services", "bore the hallmarks of
  // APT28", "consistent with Sandworm": whose way of working the operation shows
  const cue = tokens[k - 1]?.norm ?? '';
  if (
    (tokens[k]?.norm === 'of' && RESEMBLANCE.test(cue)) ||
    (tokens[k]?.norm === 'with' && cue === 'consistent')
  ) {
    // not "was not consistent with", "lacked the hallmarks of"
    for (let j = Math.max(0, k - 5); j < k; j++)
      if (/^(not|n't|no|never|lacked|lacks|lacking|without|unlike)$/.test(tokens[j]!.norm)) return false;
    return ops.some((o) => o.token < k && k - o.token <= 15);
  }
  if (tokens[k]?.norm !== 'by') return false;
  return ops.some((o) => o.token < k && k - o.token <= 6);
}

/** Nouns and adjectives of a recognisable way of working, before "of" and the actor whose it is. */
const RESEMBLANCE =
  /^(hallmarks|hallmark|characteristic|typical|signature|signatures|fingerprints|trademark|trademarks|tradecraft|operandi)$/;

/** "responsible for NotPetya": an unknown name right after "behind" or "responsible for" is the operation. */
function namedOperation(tokens: readonly Token[], m: Mention): boolean {
  let k = m.start - 1;
  if (tokens[k]?.norm === 'the') k--;
  if (/^(for|of)$/.test(tokens[k]?.norm ?? '')) k--;
  return BEHIND_CUES.has(tokens[k]?.norm ?? '');
}

/**
 * "was associated with the Chinese state", "is linked to Russia's GRU", "works for the MSS": where a
 * phrase tying an actor to a sponsor starts at `from`, the token of the sponsor's name, else -1.
 */
function sponsorLink(tokens: readonly Token[], from: number, end: number): number {
  let k = appositiveEnd(tokens, from, end);
  const start = k;
  while (
    k < end &&
    k < start + 4 &&
    /^(was|is|are|were|has|have|been|being|likely|probably|highly|also|directly|closely|almost|certainly|most|very)$/.test(
      tokens[k]!.norm,
    )
  )
    k++;
  // "almost certainly operates as part of the Russian intelligence services"
  if (
    /^(operates|operate|operated|operating|acts|act|acted|acting|works|work|worked|working)$/.test(
      tokens[k]?.norm ?? '',
    )
  ) {
    const next = tokens[k + 1]?.norm ?? '';
    if (next === 'as' && tokens[k + 2]?.norm === 'part') k += 2;
    else if (next === 'on' && tokens[k + 2]?.norm === 'behalf') k += 1;
  }
  const two = `${tokens[k]?.norm ?? ''} ${tokens[k + 1]?.norm ?? ''}`;
  if (two === 'on behalf' && tokens[k + 2]?.norm === 'of') k++;
  if (
    !/^(associated with|affiliated with|linked to|linked with|tied to|connected to|working for|works for|backed by|sponsored by|directed by|controlled by|part of|acting for|operated by|run by|behalf of)$/.test(
      `${tokens[k]?.norm ?? ''} ${tokens[k + 1]?.norm ?? ''}`,
    )
  )
    return -1;
  k += 2;
  while (k < end && /^(the|a|an)$/.test(tokens[k]!.norm)) k++;
  return k < end ? k : -1;
}

/**
 * "APT29, also known as Cozy Bear, operates …", "the group, known as APT29 or "Cozy Bear", operates …":
 * where the sentence goes on after a name and the aside between commas that holds or follows it;
 * `from` (the end of the name) when there is no aside.
 */
function appositiveEnd(tokens: readonly Token[], from: number, end: number): number {
  let k = from;
  while (k < end && /^("|'|”|’)$/.test(tokens[k]!.norm)) k++;
  if (tokens[k]?.norm !== ',') return from;
  // the name closes an aside: the comma before it opens with "known as", "also called", …
  for (let j = from - 1; j >= Math.max(0, from - 20); j--) {
    const n = tokens[j]!.norm;
    if (n === '.' || n === ';') break;
    if (n === ',') {
      if (ALIAS_ASIDE.test(tokens[j + 1]?.norm ?? '')) return k + 1;
      break;
    }
  }
  // the name opens an aside: "APT29, also known as Cozy Bear, …", "APT40, a group based in Haikou, …";
  // not a clause of its own ("APT40, the agencies said, …")
  for (let j = k + 1; j < Math.min(end, k + 24); j++) {
    const n = tokens[j]!.norm;
    if (n === ',') return j + 1;
    if (n === ';' || n === ':') return from;
    if (
      TRIGGERS.has(n) &&
      tokens[j]!.pos === 'VERB' &&
      !ALIAS_ASIDE.test(tokens[j - 1]?.norm ?? '') &&
      !ALIAS_ASIDE.test(n)
    )
      return from;
  }
  return from;
}

/** Words that open an aside naming an actor's other names. */
const ALIAS_ASIDE = /^(known|also|called|dubbed|referred|tracked|otherwise|aka|named|codenamed)$/;

/** The sponsor's name where a sponsor link points: "the Chinese state", "China's Ministry of State Security". */
const isSponsorAt = (m: Mention, at: number): boolean =>
  m.start >= at &&
  m.start <= at + 2 &&
  !m.modifier &&
  /^(state|government-agency|military-unit)$/.test(m.partyKind);

/** "held the GRU responsible": between the verb and "responsible" only the one held (a name). */
function heldResponsible(
  tokens: readonly Token[],
  here: readonly Mention[],
  i: number,
  end: number,
): boolean {
  for (let k = i + 1; k < Math.min(end, i + 10); k++) {
    const n = tokens[k]!.norm;
    if (n === 'responsible' || n === 'accountable') return k > i + 1;
    const named = here.find((m) => m.start <= k && k < m.end);
    if (named) {
      k = named.end - 1;
      continue;
    }
    if (!/^(the|a|an|its|their|,|and)$/.test(n)) return false;
  }
  return false;
}

/** A "behind"/"responsible" anywhere in [from, end): "named two firms … as the operators behind it". */
function anyBehindCue(tokens: readonly Token[], from: number, end: number): boolean {
  for (let k = from; k < end; k++)
    if (BEHIND_CUES.has(tokens[k]!.norm) && !officeHolder(tokens, k)) return true;
  return false;
}

/** ", the FBI said." / ", said the FBI." closing the sentence: its speaker, when it is a named body. */
function trailingSpeaker(
  tokens: readonly Token[],
  here: readonly Mention[],
  from: number,
  end: number,
): Mention | null {
  for (let k = end - 1; k > from; k--) {
    if (tokens[k]!.norm !== ',') continue;
    const rest = here.filter((m) => m.start > k && canAccuse(m) && m.via !== 'researchers');
    const said = tokens.slice(k + 1, end).some((x) => TRIGGERS.get(x.norm) === 'report' && x.pos === 'VERB');
    return said && rest.length > 0 ? rest[0]! : null;
  }
  return null;
}

/** A mask with no token inside a mention. */
const NO_MASK = new Uint8Array(0);

const CAMPAIGN_WORDS =
  /^(campaign|campaigns|operation|operations|activity|activities|network|effort|cluster)$/;

/** "… was behind", "… were responsible": a blame word within the four tokens after `from`. */
const behindCue = (tokens: readonly Token[], from: number, end: number): boolean =>
  anyBehindCue(tokens, from, Math.min(end, from + 4));

/** "the minister responsible for the bureau": an office, not blame. */
const officeHolder = (tokens: readonly Token[], k: number): boolean =>
  tokens[k]!.norm === 'responsible' && tokens[k - 1]?.pos === 'NOUN';

/** A named group beats "Chinese hackers" when both stand in the same place. */
function preferNamed(ms: readonly Mention[]): Mention[] {
  const named = ms.filter((m) => !m.generic && m.partyKind !== 'state');
  if (named.length > 0) return named;
  return [...ms];
}

/** "accused A and B of …": A and B are both accused. */
function coordinated(tokens: readonly Token[], ms: readonly Mention[]): Mention[] {
  if (ms.length === 0) return [];
  const out = [ms[0]!];
  for (let k = 1; k < ms.length; k++) {
    const prev = out[out.length - 1]!;
    const m = ms[k]!;
    const gap = tokens.slice(prev.end, m.start).map((t) => t.norm);
    if (gap.length <= 2 && gap.length > 0 && gap.every((g) => g === 'and' || g === ',' || g === 'the'))
      out.push(m);
    else break;
  }
  return out;
}
