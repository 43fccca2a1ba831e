/**
 * The only module that imports wink-nlp. It turns text into plain token and sentence records with
 * character offsets, so that every later stage can point back into the original text.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  readonly kind: 'token';
  /** The token exactly as in the text. */
  readonly value: string;
  /** Lower-cased, curly quotes straightened, a glued possessive ("Taiwan's") removed. */
  readonly norm: string;
  /** True when the token carried or is a possessive ending ("'s"). */
  readonly possessive: boolean;
  readonly start: number;
  readonly end: number;
  /** Universal POS tag from wink (PROPN, NOUN, VERB, ADP, …). */
  readonly pos: string;
  /** First character is an upper-case letter. */
  readonly capitalised: boolean;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

export interface Sentence {
  readonly kind: 'sentence';
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** Token range [firstToken, endToken). */
  readonly firstToken: number;
  readonly endToken: number;
  /** Index of the paragraph (blank-line separated block) the sentence starts in. */
  readonly paragraph: number;
}

export interface AnalysedText {
  readonly kind: 'analysed-text';
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
}

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;
// A tokenizer-only instance for short strings such as knowledge-base aliases: same token boundaries, no tagging cost.
const tokenizerOnly = winkNLP(model, []);

/** Straightens typographic quotes so that "China’s" and "China's" look alike to every rule. */
export function normaliseQuotes(s: string): string {
  return s.replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

const QUOTES = /[\u2018\u2019\u02bc`\u201c\u201d]/;

function normOf(value: string): { norm: string; possessive: boolean } {
  const v = (QUOTES.test(value) ? normaliseQuotes(value) : value).toLowerCase();
  if (v === "'s" || v === "'") return { norm: v, possessive: true };
  // e.g. "Taiwan's" arrives as one token before a full stop.
  if (v.length > 2 && v.endsWith("'s")) return { norm: v.slice(0, -2), possessive: true };
  if (v.length > 2 && v.endsWith("s'")) return { norm: v.slice(0, -1), possessive: true };
  return { norm: v, possessive: false };
}

const UPPER = /^\p{Lu}/u;
/** First character upper case; ASCII answered without a regular expression. */
function isCapitalised(value: string): boolean {
  const c = value.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(value);
}

/** Tokenises, tags and splits text into sentences; sentences never cross a line break. */
export function analyse(text: string): AnalysedText {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  const breakBefore: boolean[] = [];
  const paragraphBefore: boolean[] = [];
  // where each of wink's tokens starts in the text, for mapping its sentence spans
  const origStart = new Array<number>(values.length);
  let offset = 0;
  let pendingBreak = false;
  let pendingPara = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // wink keeps the original characters, so a token starts after the white space that follows the
    // previous one; the line breaks in that white space end a sentence or a paragraph
    let start = offset;
    let nl = 0;
    while (start < text.length && isSpace(text.charCodeAt(start))) {
      if (text.charCodeAt(start) === 10) nl++;
      start++;
    }
    if (!text.startsWith(value, start)) {
      const found = text.indexOf(value, offset);
      start = found >= 0 ? found : start;
    }
    origStart[i] = start;
    offset = start + value.length;
    if (nl > 0) pendingBreak = true;
    if (nl > 1) pendingPara = true;
    if (value.length === 0 || isSpace(value.charCodeAt(0))) {
      // wink emits white-space runs that contain line breaks as tokens of their own
      const n = countNewlines(value);
      if (n > 0) pendingBreak = true;
      if (n > 1) pendingPara = true;
      continue;
    }
    const { norm, possessive } = normOf(value);
    breakBefore.push(pendingBreak);
    paragraphBefore.push(pendingPara);
    pendingBreak = pendingPara = false;
    tokens.push({
      kind: 'token',
      value,
      norm,
      possessive,
      start,
      end: start + value.length,
      pos: tags[i] ?? 'X',
      capitalised: isCapitalised(value),
      sentence: 0,
    });
  }

  // Sentence starts from wink, in token indexes of the original token list, mapped to ours by offset.
  const sentenceStarts = new Set<number>();
  for (const span of doc.sentences().out(its.span) as unknown as [number, number][]) {
    const start = origStart[span[0]];
    if (start !== undefined) sentenceStarts.add(start);
  }

  const sentences: Sentence[] = [];
  let first = 0;
  let paragraph = 0;
  let sentenceParagraph = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const tok = tokens[i];
    const startsNew =
      tok !== undefined && i > first && (breakBefore[i] === true || sentenceStarts.has(tok.start));
    if (tok !== undefined && paragraphBefore[i] === true) paragraph++;
    if (tok === undefined || startsNew) {
      if (i > first) {
        const index = sentences.length;
        for (let k = first; k < i; k++) tokens[k]!.sentence = index;
        sentences.push({
          kind: 'sentence',
          index,
          start: tokens[first]!.start,
          end: tokens[i - 1]!.end,
          firstToken: first,
          endToken: i,
          paragraph: sentenceParagraph,
        });
      }
      first = i;
      sentenceParagraph = paragraph;
    }
  }
  return { kind: 'analysed-text', text, tokens, sentences };
}

/** Space, tab, line breaks, no-break and other Unicode spaces. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 9 ||
    c === 13 ||
    c === 160 ||
    c === 12 ||
    c === 11 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/** Token forms of a short string (a name or alias), with the same boundaries as `analyse`. */
export function tokenizeName(s: string): { readonly values: string[]; readonly norms: string[] } {
  const values: string[] = [];
  const norms: string[] = [];
  const doc = tokenizerOnly.readDoc(s);
  for (const v of doc.tokens().out(tokenizerOnly.its.value) as string[]) {
    if (v.trim() === '') continue;
    values.push(v);
    norms.push(normOf(v).norm);
  }
  return { values, norms };
}

/** Bare wink-nlp tokenisation and POS tagging, the baseline the benchmark compares extraction with. */
export function baselineTagCount(text: string): number {
  return (nlp.readDoc(text).tokens().out(its.pos) as string[]).length;
}
