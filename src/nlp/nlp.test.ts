import { describe, expect, it } from 'vitest';
import { analyse, normaliseQuotes, tokenizeName } from './index.js';

const TITLE = 'U.S. and Allies Blame Moscow for Hacking Spree';
const TEXT = [
  TITLE,
  '',
  '“We won’t tolerate this,” said the agency’s director — speaking in Washington — after the U.S. Cybersecurity and Infrastructure Security Agency issued an alert. It didn’t name the victims.',
  '',
  'Details are at https://www.cisa.gov/news-events/alerts/2024/05/01/example?id=7&x=y and questions go to press@example.gov. The agency’s partners couldn’t confirm — yet — whether Russia’s GRU was behind it; officials said they’d “keep watching.”',
  'A second line of the same paragraph ends without a full stop',
  '',
  '',
  'Final paragraph: the NCSC (U.K.) and the FBI’s field office agreed.',
].join('\n');

describe('analyse', () => {
  const a = analyse(TEXT);

  it('keeps the text and gives every token exact offsets', () => {
    expect(a.kind).toBe('analysed-text');
    expect(a.text).toBe(TEXT);
    expect(a.tokens.length).toBeGreaterThan(50);
    let last = -1;
    for (const t of a.tokens) {
      expect(t.value).toBe(TEXT.slice(t.start, t.end));
      expect(t.value.trim()).toBe(t.value);
      expect(t.value).not.toBe('');
      expect(t.start).toBeGreaterThanOrEqual(last); // in text order, never overlapping
      last = t.end;
    }
  });

  it('keeps URLs, e-mail addresses, "U.S." and contractions findable at their offsets', () => {
    const values = a.tokens.map((t) => t.value);
    expect(values).toContain('https://www.cisa.gov/news-events/alerts/2024/05/01/example?id=7&x=y');
    expect(values).toContain('press@example.gov');
    expect(values).toContain('U.S.');
    expect(values).toContain('—');
    // contractions may be split ("won" + "’t"), but the pieces still cover the word exactly
    const at = TEXT.indexOf('won’t');
    const pieces = a.tokens.filter((t) => t.start >= at && t.end <= at + 'won’t'.length);
    expect(pieces.map((t) => t.value).join('')).toBe('won’t');
  });

  it('normalises curly quotes and possessives in norm, never in value', () => {
    const ag = TEXT.indexOf('agency’s');
    const agency = a.tokens.filter((t) => t.start >= ag && t.end <= ag + 'agency’s'.length);
    expect(agency.map((t) => t.value).join('')).toBe('agency’s');
    expect(agency.at(-1)!.possessive).toBe(true);
    expect(agency.at(-1)!.norm.endsWith("'s") || agency.at(-1)!.norm === 'agency').toBe(true);
    const russia = a.tokens.filter(
      (t) => t.start >= TEXT.indexOf('Russia’s') && t.end <= TEXT.indexOf('Russia’s') + 8,
    );
    expect(russia[0]!.norm).toBe('russia');
    expect(russia.some((t) => t.possessive)).toBe(true);
    expect(a.tokens.find((t) => t.value === 'GRU')!.norm).toBe('gru');
    expect(a.tokens.find((t) => t.value === 'GRU')!.capitalised).toBe(true);
  });

  it('the title line is a sentence of its own', () => {
    const first = a.sentences[0]!;
    expect(TEXT.slice(first.start, first.end)).toBe(TITLE);
    expect(first.paragraph).toBe(0);
    expect(a.sentences[1]!.paragraph).toBeGreaterThan(0);
  });

  it('sentences never cross a line break, cover their tokens and keep paragraph order', () => {
    let prevEnd = -1;
    let prevParagraph = 0;
    a.sentences.forEach((s, i) => {
      expect(s.kind).toBe('sentence');
      expect(s.index).toBe(i);
      const text = TEXT.slice(s.start, s.end);
      expect(text).not.toContain('\n');
      expect(s.start).toBeGreaterThan(prevEnd);
      expect(s.paragraph).toBeGreaterThanOrEqual(prevParagraph);
      expect(s.endToken).toBeGreaterThan(s.firstToken);
      expect(a.tokens[s.firstToken]!.start).toBe(s.start);
      expect(a.tokens[s.endToken - 1]!.end).toBe(s.end);
      for (let k = s.firstToken; k < s.endToken; k++) expect(a.tokens[k]!.sentence).toBe(i);
      prevEnd = s.end;
      prevParagraph = s.paragraph;
    });
    // sentences tile the tokens
    expect(a.sentences[0]!.firstToken).toBe(0);
    expect(a.sentences.at(-1)!.endToken).toBe(a.tokens.length);
    for (let i = 1; i < a.sentences.length; i++)
      expect(a.sentences[i]!.firstToken).toBe(a.sentences[i - 1]!.endToken);
  });

  it('numbers paragraphs by blank lines: title, three blocks', () => {
    const paragraphOf = (needle: string): number => {
      const at = TEXT.indexOf(needle);
      const s = a.sentences.find((x) => x.start <= at && at < x.end);
      if (!s) throw new Error(`no sentence holds "${needle}"`);
      return s.paragraph;
    };
    expect(paragraphOf('U.S. and Allies')).toBe(0);
    expect(paragraphOf('We won’t')).toBe(1);
    expect(paragraphOf('It didn’t')).toBe(1);
    expect(paragraphOf('Details are')).toBe(2);
    expect(paragraphOf('A second line')).toBe(2);
    expect(paragraphOf('Final paragraph')).toBe(3);
  });

  it('does not split after "U.S." inside a sentence', () => {
    const at = TEXT.indexOf('after the U.S. Cybersecurity');
    const s = a.sentences.find((x) => x.start <= at && at < x.end)!;
    expect(TEXT.slice(s.start, s.end)).toContain('issued an alert.');
  });

  it('handles empty and whitespace-only text', () => {
    expect(analyse('').tokens).toEqual([]);
    expect(analyse('').sentences).toEqual([]);
    expect(analyse(' \n\n ').sentences).toEqual([]);
  });

  it('a single line with no final full stop is one sentence', () => {
    const b = analyse('Hackers hit the grid');
    expect(b.sentences).toHaveLength(1);
    expect(b.sentences[0]!).toMatchObject({ start: 0, end: 20, paragraph: 0 });
  });
});

describe('helpers', () => {
  it('normaliseQuotes straightens typographic quotes only', () => {
    expect(normaliseQuotes('“China’s” ‘claims’')).toBe("\"China's\" 'claims'");
    expect(normaliseQuotes('plain — text')).toBe('plain — text');
  });

  it('tokenizeName gives the same boundaries as analyse', () => {
    const name = 'Information, Communications and Electronic Force Command';
    const { values, norms } = tokenizeName(name);
    expect(values).toEqual(analyse(name).tokens.map((t) => t.value));
    expect(norms).toEqual(values.map((v) => v.toLowerCase()));
  });
});
