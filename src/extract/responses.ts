/**
 * Responses to claims: denials and dismissals, "has yet to respond", confirmations. Each is linked
 * to the claim whose accused (or the accused's state) gives it.
 */
import type { AnalysedText, Token } from '../nlp/index.js';
import type { Claim, ResponseType, Span } from '../types.js';
import {
  CALL_VERBS,
  CONFIRMATION_PATTERNS,
  DENIAL_QUALIFIERS,
  DENIAL_WORDS,
  NO_RESPONSE_PATTERNS,
} from './lexicon.js';
import { journalistsQuestion } from './frames.js';
import { mentionsIn, type Mention } from './mentions.js';

export interface ResponseDraft {
  readonly type: ResponseType;
  readonly byMention: Mention;
  readonly claim: string | null;
  readonly evidence: readonly Span[];
}

/** The opening of a news story: its headline, dateline and first paragraphs, in sentences. */
const LEDE_SENTENCES = 3;

/** Words one of which every no-response or confirmation pattern contains. */
const PATTERN_WORDS =
  /respon|comment|react|repl|return|answer|reached|silent|credit|confirm|admit|acknowledg/i;

const PAST = new Set([
  'past',
  'previous',
  'earlier',
  'prior',
  'routinely',
  'typically',
  'usually',
  'often',
  'habitually',
  'always',
]);
const ABOUT_CLAIMS =
  /^(allegations?|accusations?|claims?|charges?|report|reports|statement|assertions?|attribution|it|them|this|the)$/;

/** Finds responses in every sentence and links each to a claim. */
export function findResponses(
  a: AnalysedText,
  mentions: readonly Mention[],
  claims: readonly Claim[],
  claimSentences: readonly (readonly number[])[],
  inMention: Uint8Array,
  author: Mention | null = null,
): ResponseDraft[] {
  const out: ResponseDraft[] = [];
  for (const s of a.sentences) {
    const text = a.text.slice(s.start, s.end);
    let type: ResponseType | null = null;
    let cueToken = -1;
    // the phrase patterns only where one of their words occurs
    const phrased = PATTERN_WORDS.test(text);
    const noResp = phrased ? firstMatch(NO_RESPONSE_PATTERNS, text) : -1;
    const confirm = phrased ? firstMatch(CONFIRMATION_PATTERNS, text) : -1;
    if (noResp >= 0) {
      type = 'no-response';
      cueToken = tokenAt(a.tokens, s.firstToken, s.endToken, s.start + noResp);
    } else if (confirm >= 0) {
      type = 'confirmation';
      cueToken = tokenAt(a.tokens, s.firstToken, s.endToken, s.start + confirm);
    } else {
      cueToken = denialCue(a.tokens, s.firstToken, s.endToken, inMention);
      if (cueToken >= 0) type = 'denial';
    }
    if (!type) continue;
    const all = mentionsIn(mentions, s.index).filter((m) => m.via !== 'researchers');
    const here = all.filter((m) => !m.modifier);
    // the responder is the subject before the cue, or the agent of "were dismissed by Taipei"
    // "In Beijing, …", "China's embassy in London called …": a place is not the one who answers
    // "the attacks alleged by the UK are fabricated": the agent of the claim is its maker, not the one
    // who answers
    const placed = (m: Mention) => /^(in|at|from|to|of|with|by)$/.test(a.tokens[m.start - 1]?.norm ?? '');
    const before = here.filter((m) => m.end <= cueToken && !placed(m));
    // "Taiwan's defence ministry dismissed …": an unnamed body answers for the state that owns it
    let by: Mention | undefined = before[0] ?? all.find((m) => m.modifier && m.end <= cueToken);
    if (!by) {
      const agent = here.find((m) => m.start > cueToken && a.tokens[m.start - 1]?.norm === 'by');
      by = agent;
    }
    // a statement's or spokesperson's own words: "The so-called cyber attacks alleged by the UK are
    // completely fabricated." answers for whoever issues it, unless a journalist asks it
    if (!by && author && type === 'denial' && !journalistsQuestion(a, s.index)) by = author;
    if (!by) continue;
    // "Moscow dismissed the allegations at the time": a past answer to the claim just told
    const past = /\b(at the time|back then)\b|\bthen\b(?!-)/i.test(
      text.slice(a.tokens[cueToken]!.start - s.start),
    );
    const answered = linkClaims(by, claims, claimSentences, s.index, past, type === 'no-response');
    if (answered === undefined) continue;
    const evidence = [{ text, start: s.start, end: s.end }];
    // one response for each claim it answers: "China denied it" answers the FBI and the NSA alike
    if (answered.length === 0) out.push({ type, byMention: by, claim: null, evidence });
    for (const claim of answered) out.push({ type, byMention: by, claim, evidence });
  }
  // one response per responder, type and claim, with the evidence of every sentence that gives it
  const merged = new Map<string, ResponseDraft>();
  for (const r of out) {
    const key = `${r.type}|${r.byMention.identity}|${r.claim ?? ''}`;
    const prev = merged.get(key);
    merged.set(key, prev ? { ...prev, evidence: [...prev.evidence, ...r.evidence] } : r);
  }
  return [...merged.values()];
}

function firstMatch(patterns: readonly RegExp[], text: string): number {
  let best = -1;
  for (const re of patterns) {
    const m = re.exec(text);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}

const OPERATION_NOUNS =
  /^(attack|attacks|cyberattack|cyberattacks|hack|hacks|hacking|breach|breaches|intrusion|intrusions|incident|campaign|operation|operations|theft|heist|leak|leaks)$/;

/** "in the attack", "for the hacking": the words right after a denial are about an operation. */
function aboutOperation(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < Math.min(to, from + 4); k++) if (OPERATION_NOUNS.test(tokens[k]!.norm)) return true;
  return false;
}

function tokenAt(tokens: readonly Token[], from: number, to: number, offset: number): number {
  for (let k = from; k < to; k++) if (tokens[k]!.end > offset) return k;
  return to - 1;
}

/** A denial verb ("dismissed the allegations") or "called the charges groundless". */
function denialCue(tokens: readonly Token[], from: number, to: number, inMention: Uint8Array): number {
  for (let k = from; k < to; k++) {
    if (inMention[k]) continue;
    const n = tokens[k]!.norm;
    if (DENIAL_WORDS.has(n) && tokens[k]!.pos !== 'NOUN' && !PAST.has(tokens[k - 1]?.norm ?? '')) return k;
    // "said Tehran had no involvement in the hack", "had nothing to do with", "was not involved"
    const next = tokens[k + 1]?.norm ?? '';
    if (n === 'no' && /^(involvement|role|part|connection|links?|hand)$/.test(next)) return k;
    // "had no interest in interfering", "no intention or motive to interfere"
    if (
      n === 'no' &&
      /^(interest|intention|intent|motive|desire|plans?)$/.test(next) &&
      tokens
        .slice(k + 2, k + 7)
        .some((x) => /^(interfere|interfering|meddle|meddling|hack|hacking|attack|attacking)$/.test(x.norm))
    )
      return k;
    if (n === 'nothing' && next === 'to' && tokens[k + 2]?.norm === 'do') return k;
    // "was not involved in the attack" — not "which was not involved in the talks"
    if (n === 'not' && /^(involved|responsible|behind)$/.test(next) && aboutOperation(tokens, k + 2, to))
      return k;
    // "Russia had not interfered and does not interfere", "never engages in hacking" (not "urged
    // Moscow to never interfere")
    const infinitive = tokens[k - 1]?.norm === 'to' || tokens[k + 1]?.norm === 'to';
    if (
      !infinitive &&
      /^(not|never)$/.test(n) &&
      /^(interfere|interfered|interferes|interfering|meddle|meddled|meddles)$/.test(next)
    )
      return k;
    if (
      !infinitive &&
      /^(not|never)$/.test(n) &&
      /^(engage|engages|engaged|conduct|conducts|conducted|launch|launches|launched|sponsor|sponsors|sponsored|encourage|encourages|support|supports)$/.test(
        next,
      ) &&
      aboutOperation(tokens, k + 2, to)
    )
      return k;
    // "China firmly opposes and cracks down on all forms of cyberattacks": the stock denial of a state
    if (
      /^(oppose|opposes|opposed)$/.test(n) &&
      tokens.slice(k + 1, k + 8).some((x, j, xs) => x.norm === 'forms' && xs[j - 1]?.norm === 'all')
    )
      return k;
    // "firmly opposes and strongly condemns these accusations", "brushed the claims aside"
    if (
      /^(oppose|opposes|opposed|condemn|condemns|condemned|slammed|slams|brushed|brushes|protested)$/.test(n)
    ) {
      for (let j = k + 1; j < Math.min(to, k + 6); j++) {
        const w = tokens[j]!.norm;
        if (
          /^(allegations?|accusations?|claims?|charges?|report|reports|assertions?|attribution|smears?)$/.test(
            w,
          )
        )
          return k;
      }
    }
    // "The so-called cyber attacks alleged by the UK are completely fabricated", "the accusations are
    // baseless": a claim said to be false
    if (/^(is|are|was|were)$/.test(n) && copularDenial(tokens, k, from, to)) return k;
    if (CALL_VERBS.has(n)) {
      let aboutClaims = false;
      for (let j = k + 1; j < Math.min(to, k + 10); j++) {
        if (ABOUT_CLAIMS.test(tokens[j]!.norm)) aboutClaims = true;
        if (aboutClaims && DENIAL_QUALIFIERS.has(tokens[j]!.norm)) return k;
      }
    }
  }
  return -1;
}

const CLAIM_WORDS =
  /^(allegations?|accusations?|claims?|charges?|assertions?|attribution|alleged|so-called|so)$/;

/** A copula at `k` between a claim (within six words before it) and a denial qualifier right after it. */
function copularDenial(tokens: readonly Token[], k: number, from: number, to: number): boolean {
  let claim = false;
  for (let j = Math.max(from, k - 6); j < k; j++) if (CLAIM_WORDS.test(tokens[j]!.norm)) claim = true;
  if (!claim) return false;
  let j = k + 1;
  while (
    j < to &&
    j < k + 3 &&
    /^(completely|totally|entirely|utterly|simply|clearly|all|both)$/.test(tokens[j]!.norm) &&
    !DENIAL_QUALIFIERS.has(tokens[j]!.norm)
  )
    j++;
  return j < to && DENIAL_QUALIFIERS.has(tokens[j]!.norm);
}

/**
 * The claims a response answers: the claims whose accused is the responder (else those whose accused
 * belongs to the responder's state) — the ones made before the response, or else the nearest after it.
 * Empty when no claim fits; `undefined` when the responder made a claim itself (a statement by the
 * accuser is not a response to it).
 */
function linkClaims(
  by: Mention,
  claims: readonly Claim[],
  claimSentences: readonly (readonly number[])[],
  sentence: number,
  past: boolean,
  news: boolean,
): string[] | undefined {
  const byKey = by.entry?.id ?? by.name;
  const scored = claims.map((c, k) => ({
    id: c.id,
    at: Math.min(...claimSentences[k]!),
    // a state answers for every actor of its own: "China rejected the findings"
    score: c.accused.some(
      (p) =>
        (p.id ?? p.name) === byKey ||
        (by.partyKind === 'state' && p.country !== null && p.country === by.country),
    )
      ? 3
      : c.accused.some((p) => p.country !== null && p.country === by.country)
        ? 2
        : 0,
  }));
  const top = Math.max(0, ...scored.map((x) => x.score));
  if (top === 0) {
    const isClaimant = claims.some((c) => (c.claimant.id ?? c.claimant.name) === byKey);
    return isClaimant ? undefined : [];
  }
  const fit = scored.filter((x) => x.score === top);
  const before = fit.filter((x) => x.at <= sentence);
  if (past && before.length > 0) {
    const last = Math.max(...before.map((x) => x.at));
    return before.filter((x) => x.at === last).map((x) => x.id);
  }
  // "The embassy did not respond to a request for comment": to the news the article opens with (its
  // first claims), not to the earlier attributions it recalls
  if (news && before.length > 0) {
    const first = Math.min(...before.map((x) => x.at));
    return before.filter((x) => x.at <= Math.max(first, LEDE_SENTENCES)).map((x) => x.id);
  }
  // a denial in the opening answers the claims the article goes on to tell as well
  if (!news && sentence <= LEDE_SENTENCES + 1) return fit.map((x) => x.id);
  if (before.length > 0) return before.map((x) => x.id);
  // a response told before any claim it fits answers all of them
  return fit.map((x) => x.id);
}
