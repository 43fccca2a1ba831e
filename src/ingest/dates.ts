/**
 * Publication dates: normalised to YYYY-MM-DD, the form the contract and incident timelines use.
 * The date is taken as written (no time-zone shift): "2024-09-24T23:30:00-05:00" was published on the
 * 24th where the publisher is, and that is the date readers of the page see.
 */

// prettier-ignore
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december'] as const;
/** 1–12 for any spelling the patterns accept ("Sept", "sep", "September"): the first three letters decide. */
const monthNumber = (word: string): number =>
  MONTH_NAMES.findIndex((n) => n.startsWith(word.toLowerCase().slice(0, 3))) + 1;
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

type Order = 'ymd' | 'mdy' | 'dmy';
/** Each pattern with an example of what it accepts. */
const PATTERNS: readonly { readonly re: RegExp; readonly order: Order }[] = [
  // e.g. "2024-09-24", "2024-09-24T08:00:00Z", "2024/09/24"
  { re: /(?<!\d)(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?!\d)/g, order: 'ymd' },
  // e.g. "September 24, 2024", "Sept. 24, 2024", dateline "TAIPEI, Sept 24 2024 -"
  { re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'gi'), order: 'mdy' },
  // e.g. "24 September 2024", "Tue, 24 Sep 2024 08:00:00 GMT"
  { re: new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'gi'), order: 'dmy' },
];

/** A line that states when the page was published, e.g. "Published: 24 September 2024, 08:00". */
const PUBLISHED_LINE = /^\s*(?:published|posted|first published|date)\b[^\n]*$/gim;
const UPDATED_LINE = /^\s*(?:updated|last updated|last modified)\b[^\n]*$/gim;
/** Datelines and bylines sit at the top; dates further down are usually about the events reported. */
const LEAD_CHARS = 400;

interface Found {
  readonly date: string;
  readonly index: number;
}

function toIso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fromMatch(m: RegExpExecArray, order: Order): string | null {
  if (order === 'ymd') return toIso(Number(m[1]), Number(m[3]), Number(m[4]));
  if (order === 'mdy') return toIso(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  return toIso(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
}

/** The earliest valid date in `s`, by position. */
function firstDate(s: string): Found | null {
  let best: Found | null = null;
  for (const { re, order } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (best && m.index >= best.index) break;
      const date = fromMatch(m, order);
      if (date) {
        best = { date, index: m.index };
        break;
      }
    }
  }
  return best;
}

/** Normalises a date given by the format (meta tag, JSON field) to YYYY-MM-DD; null when unreadable. */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  return firstDate(value.trim())?.date ?? null;
}

/**
 * Finds the publication date in article text: a "Published …" line anywhere, else an "Updated …" line,
 * else the first date in the lead (dateline or byline). Null when none: a wrong date is worse than none.
 */
export function findPublishedDate(body: string): string | null {
  for (const re of [PUBLISHED_LINE, UPDATED_LINE]) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      // Only short lines: "Published reports say … on 3 May 2023" is prose, not a timestamp.
      if (m[0].length > 120) continue;
      const found = firstDate(m[0]);
      if (found) return found.date;
    }
  }
  return firstDate(body.slice(0, LEAD_CHARS))?.date ?? null;
}
