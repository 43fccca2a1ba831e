/**
 * Personal data in exports. Accusations such as the MSS's publish birthdates, identity-card numbers,
 * phone numbers and e-mail addresses of the people they name (PRODUCT.md, "Personal data is handled
 * with care"). Every export masks such identifiers in every text it carries — evidence sentences,
 * actor names and aliases, titles, grade reasons — unless the operator passes
 * `--include-personal-data`. Names of accused people are kept: naming who is accused is the record.
 *
 * The rules below are a table: a pattern, what it replaces and an example. Patterns with a cue word
 * ("born", "passport number") keep the cue and replace only the value after it.
 */
import type { ExportData } from './types.js';

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = [
  `\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+\\d{4}`, // 14 March 1985
  `${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`, // March 14, 1985
  '\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日', // 1985年3月14日
  '\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}', // 1985-03-14
  '\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}', // 14/03/1985
  `${MONTH}\\s+\\d{4}`, // March 1985
  '(?:19|20)\\d{2}(?!\\w)', // 1985
].join('|');

interface MaskRule {
  readonly name: string;
  readonly pattern: RegExp;
  /** The replacement for the whole match, or for the value after the cue (group "cue"). */
  readonly mask: string;
  /** The value must hold at least this many digits (so "passport holders" is left alone). */
  readonly minDigits?: number;
}

const RULES: readonly MaskRule[] = [
  // e.g. "contact him at ivan.petrov@example.ru"
  {
    name: 'email',
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    mask: '[email redacted]',
  },
  // e.g. "Chen, born on 14 March 1985," / "date of birth: 1985-03-14" / "出生日期：1985年3月14日"
  {
    name: 'birthdate',
    pattern: new RegExp(
      `(?<cue>\\b(?:born|date\\s+of\\s+birth|birth\\s*date|d\\.?o\\.?b\\.?)(?:\\s*[:：,]\\s*|\\s+)(?:(?:on|in)\\s+)?|出生(?:日期|于)?\\s*[:：]?\\s*)(?:${DATE})`,
      'giu',
    ),
    mask: '[date of birth redacted]',
  },
  // e.g. "ID number 110105198503141234", "passport No. 7512 345678", "social security number: 078-05-1120"
  {
    name: 'id-number',
    pattern:
      /(?<cue>\b(?:(?:national\s+|resident\s+)?(?:id|identity|identification)(?:\s+card)?\s*(?:number|no\.?|#)|(?:id|identity)\s+card|passport(?:\s*(?:number|no\.?|#))?|social\s+security\s+(?:number|no\.?)|ssn|tax\s+(?:id|identification)\s+(?:number|no\.?)|driver'?s\s+licen[cs]e\s+(?:number|no\.?))(?:\s+(?:is|was|of))?\s*[:#：]?\s*)[A-Za-z]{0,2}\d[\d\s-]{3,24}\d[A-Za-z]?(?![\w])/giu,
    mask: '[ID number redacted]',
    minDigits: 5,
  },
  // e.g. "phone number 010-6512 3456", "tel: (02) 2345 6789"
  {
    name: 'phone',
    pattern:
      /(?<cue>\b(?:phone|telephone|tel\.?|mobile|cell(?:phone)?|fax|whatsapp)(?:\s+(?:number|no\.?))?(?:\s+(?:is|was|of))?\s*[:#：,]?\s*)\+?\(?\d[\d\s().-]{5,18}\d(?!\d)/giu,
    mask: '[phone number redacted]',
    minDigits: 7,
  },
  // e.g. "+7 495 123-45-67", "+886-2-2345-6789"
  {
    name: 'phone',
    pattern: /(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?!\d)/g,
    mask: '[phone number redacted]',
    minDigits: 8,
  },
  // e.g. "(202) 555-0143", "202-555-0143"
  {
    name: 'phone',
    pattern: /(?<![\w-])\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?![\w-])/g,
    mask: '[phone number redacted]',
  },
  // e.g. "110105198503141234" (a PRC resident identity card number, with its birthdate inside)
  {
    name: 'id-number',
    pattern: /\b\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]\b/g,
    mask: '[ID number redacted]',
  },
  // e.g. "A123456789" (a Taiwanese national identification number)
  { name: 'id-number', pattern: /\b[A-Z][12]\d{8}\b/g, mask: '[ID number redacted]' },
  // e.g. "078-05-1120" (a US social security number)
  { name: 'id-number', pattern: /(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])/g, mask: '[ID number redacted]' },
  // e.g. "13812345678": a bare run of nine or more digits is an account, phone or card number, not a count
  { name: 'number', pattern: /(?<![\w.,])\d{9,}(?![\w]|[.,]\d)/g, mask: '[number redacted]' },
];

const digits = (s: string): number => s.replace(/\D/g, '').length;

/** `text` with identity numbers, birthdates, phone numbers and e-mail addresses replaced by a marker. */
export function maskPersonalData(text: string): string {
  return replaceIdentifiers(text, (_value, rule) => rule.mask);
}

/** Every identifier the rules find, after its cue ("born on", "ID number"), replaced by `by`. */
function replaceIdentifiers(
  text: string,
  by: (value: string, rule: (typeof RULES)[number]) => string,
): string {
  let out = text;
  for (const rule of RULES) {
    if (!rule.pattern.test(out)) continue;
    rule.pattern.lastIndex = 0;
    out = out.replace(rule.pattern, (match: string, ...args: unknown[]) => {
      const groups = args.at(-1) as Record<string, string | undefined> | undefined;
      const cue = groups && typeof groups === 'object' ? (groups.cue ?? '') : '';
      const value = match.slice(cue.length);
      if (rule.minDigits !== undefined && digits(value) < rule.minDigits) return match;
      return `${cue}${by(value, rule)}`;
    });
  }
  return out;
}

/**
 * `text` with the same identifiers blacked out character for character ("•"), so that every offset
 * into it (evidence spans, mention spans) stays true. For views that highlight spans in the text.
 */
export function maskPersonalDataKeepingOffsets(text: string): string {
  return replaceIdentifiers(text, (value) => value.replace(/\S/gu, '•'));
}

/**
 * Fields that are identifiers, paths, dates or vocabulary terms, never free text: masking must not
 * touch them (a document id's hex digits could look like a number to mask). Arrays of strings under
 * these keys (a comparison value's `sources`) are left alone too.
 */
const NOT_TEXT: ReadonlySet<string> = new Set([
  'id',
  'storedId',
  'documentId',
  'claim',
  'claims',
  'document',
  'source',
  'sources',
  'url',
  'published',
  'ingestedAt',
  'firstReported',
  'syndicationGroup',
  'kind',
  'type',
  'framework',
  'country',
  'targetCountries',
  'operations',
  'sectors',
  'basis',
  'reliability',
  'attribute',
  'stateId',
]);

function walk(value: unknown, key: string | null): unknown {
  if (typeof value === 'string') return key !== null && NOT_TEXT.has(key) ? value : maskPersonalData(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, k);
    return out;
  }
  return value;
}

/** A copy of the export data with personal data masked in every free-text field. */
export function redactExportData(data: ExportData): ExportData {
  return walk(data, null) as ExportData;
}
