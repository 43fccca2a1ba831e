/**
 * Page furniture — share buttons, navigation, promos, photo credits, legal lines — left in scraped
 * article text. Removed by general rules over a lexicon, never by listing one site's lines, so the
 * same rules hold for pages nobody has looked at.
 */

interface FurnitureGroup {
  /** What the group is for, with a line it removes. */
  readonly why: string;
  /**
   * whole: the line consists only of phrases from the group (any group with mode whole), e.g. "Share Tweet Email";
   * prefix: the line starts with a phrase and stays short, e.g. "Photo: Jane Doe";
   * contains: the phrase appears anywhere in a short line, e.g. "(Jane Doe/Getty Images)".
   */
  readonly mode: 'whole' | 'prefix' | 'contains';
  /** Longer lines are prose, whatever they contain. */
  readonly maxWords: number;
  /** Prefix and contains lines that end like a sentence are prose too, unless the group is sentence-like itself. */
  readonly sentencesToo?: boolean;
  readonly phrases: readonly string[];
}

const SHORT = 6;

// prettier-ignore -- the lexicon reads better as a few dense lines per group
export const FURNITURE: readonly FurnitureGroup[] = [
  {
    why: 'share and social buttons, e.g. "Share this:" or "Facebook Twitter LinkedIn Email"',
    mode: 'whole',
    maxWords: SHORT,
    phrases: [
      'share',
      'share this',
      'share this article',
      'share this story',
      'share this post',
      'share on facebook',
      'share on twitter',
      'share on x',
      'share on linkedin',
      'share via',
      'tweet',
      'print',
      'print this',
      'email',
      'e-mail',
      'email this',
      'facebook',
      'twitter',
      'linkedin',
      'whatsapp',
      'telegram',
      'reddit',
      'copy link',
      'link copied',
      'pin it',
      'comments',
      'leave a comment',
      'comment',
    ],
  },
  {
    why: 'navigation, e.g. "Skip to content" or "Exit mobile version"',
    mode: 'whole',
    maxWords: SHORT,
    phrases: [
      'skip to content',
      'skip to main content',
      'exit mobile version',
      'back to top',
      'toggle navigation',
      'menu',
      'next article',
      'previous article',
      'next post',
      'previous post',
      'load more',
      'go to top',
    ],
  },
  {
    why: 'promotions, e.g. "Advertisement" or "Related articles"',
    mode: 'whole',
    maxWords: SHORT,
    phrases: [
      'advertisement',
      'advertisements',
      'advert',
      'ad',
      'sponsored',
      'sponsored content',
      'subscribe',
      'subscribe now',
      'sign up',
      'sign up now',
      'newsletter',
      'read more',
      'continue reading',
      'read next',
      'related',
      'related articles',
      'related posts',
      'related stories',
      'related news',
      'related content',
      'recommended',
      'recommended for you',
      'you may also like',
      'you might also like',
      'most read',
      'most popular',
      'trending',
      'trending now',
      'follow us',
      'more stories',
      'more news',
      'see also',
    ],
  },
  {
    why: 'labels left behind by a widget or a list that was not scraped, e.g. "References:" or "Tags:"',
    mode: 'whole',
    maxWords: SHORT,
    phrases: [
      'reference',
      'references',
      'sources',
      'tags',
      'topics',
      'categories',
      'filed under',
      'further reading',
      'read also',
      'also read',
      'more on this',
    ],
  },
  {
    why: 'promotions that carry a target, e.g. "Follow us on Telegram" or "Read more: Hackers hit …"',
    mode: 'prefix',
    maxWords: 14,
    phrases: [
      'follow us on',
      'follow us at',
      'sign up for',
      'subscribe to',
      'read more:',
      'related:',
      'see also:',
      'read also:',
      'also read:',
      'recommended:',
      'tags:',
      'topics:',
      'filed under:',
      'categories:',
      'click here to',
    ],
  },
  {
    why: 'picture credits and captions, e.g. "Photo: Jane Doe/Reuters" or "File photo"',
    mode: 'prefix',
    maxWords: 16,
    phrases: [
      'photo:',
      'photo credit:',
      'photograph:',
      'image:',
      'image credit:',
      'credit:',
      'caption:',
      'file photo',
      'pictured:',
      'illustration:',
      'picture:',
    ],
  },
  {
    why: 'agency credits inside a caption, e.g. "A Taipei skyline (Jane Doe/Getty Images)"',
    mode: 'contains',
    maxWords: 16,
    phrases: ['getty images', 'via getty', 'file photo', 'shutterstock', 'istock'],
  },
  {
    why: 'legal lines, e.g. "© 2024 Example News. All rights reserved."',
    mode: 'contains',
    maxWords: 20,
    sentencesToo: true,
    phrases: ['all rights reserved', '©', 'copyright ©', '(c) copyright'],
  },
  {
    why: 'cookie notices, e.g. "We use cookies to improve your experience. Accept all cookies"',
    mode: 'contains',
    maxWords: 40,
    sentencesToo: true,
    phrases: [
      'we use cookies',
      'this website uses cookies',
      'this site uses cookies',
      'accept all cookies',
      'accept cookies',
      'cookie policy',
      'cookie settings',
      'manage cookies',
    ],
  },
];

/**
 * Phrases that are cut off when glued to the start of a paragraph by a scraper that lost a line break,
 * e.g. "Exit mobile versionChina's ministry said …". Single words are left out on purpose: "SharePoint"
 * and "PrintNightmare" start real paragraphs in cyber news, and cutting them would corrupt the text.
 */
const GLUED = FURNITURE.filter((g) => g.mode === 'whole')
  .flatMap((g) => g.phrases)
  .filter((p) => p.includes(' ') || p === 'advertisement')
  .sort((a, b) => b.length - a.length);

const WHOLE_PHRASES = FURNITURE.filter((g) => g.mode === 'whole').flatMap((g) =>
  g.phrases.map((p) => p.split(' ')),
);

/** Separators that join buttons on one line, e.g. "Share | Tweet • Email". */
const WORD = /[^\s|•·/,]+/g;

function words(line: string): string[] {
  return (line.toLowerCase().match(WORD) ?? [])
    .map((w) => w.replace(/^[^\p{L}\p{N}©]+|[^\p{L}\p{N}©]+$/gu, ''))
    .filter((w) => w !== '');
}

/** True when the words are a sequence of whole-line phrases, e.g. ["share","this","tweet"]. */
function coveredByPhrases(ws: readonly string[]): boolean {
  const ok: boolean[] = new Array<boolean>(ws.length + 1).fill(false);
  ok[ws.length] = true;
  for (let i = ws.length - 1; i >= 0; i--) {
    ok[i] = WHOLE_PHRASES.some((p) => p.every((w, k) => ws[i + k] === w) && ok[i + p.length] === true);
  }
  return ws.length > 0 && ok[0] === true;
}

const endsSentence = (line: string): boolean => /[.!?]["'”’)\]]*$/.test(line.trim());

/** True when a whole line is page furniture. */
export function isFurnitureLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  const ws = words(trimmed);
  const lower = trimmed.toLowerCase().replace(/\s+/g, ' ');
  // A lone "Share." is a button label, not a sentence, so the whole-line check ignores the period.
  if (ws.length <= SHORT && coveredByPhrases(ws)) return true;
  for (const g of FURNITURE) {
    if (g.mode === 'whole' || ws.length > g.maxWords) continue;
    if (!g.sentencesToo && endsSentence(trimmed)) continue;
    const hit =
      g.mode === 'prefix'
        ? g.phrases.some((p) => lower.startsWith(p))
        : g.phrases.some((p) => lower.includes(p));
    if (hit) return true;
  }
  return false;
}

/** Cuts furniture glued to the start of a paragraph, e.g. "Skip to contentHackers …" → "Hackers …". */
export function cutGluedFurniture(line: string): string {
  let out = line;
  for (let changed = true; changed;) {
    changed = false;
    const lower = out.toLowerCase();
    for (const p of GLUED) {
      if (lower.startsWith(p) && /^\p{Lu}/u.test(out.slice(p.length))) {
        out = out.slice(p.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

/** A trailing label with nothing after it, e.g. "Sources:" or "Further reading:", left by a dropped list. */
const DANGLING_LABEL = /^[^.!?:\n]{1,40}:$/;

/**
 * Removes page furniture from document text, keeping everything else byte for byte; paragraph breaks
 * left doubled by a removed line are collapsed to one blank line.
 */
export function removeBoilerplate(text: string): string {
  const lines = text
    .split('\n')
    .map(cutGluedFurniture)
    .filter((l) => !isFurnitureLine(l));
  for (;;) {
    while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
    const last = lines[lines.length - 1];
    if (last === undefined || !DANGLING_LABEL.test(last.trim())) break;
    lines.pop();
  }
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '');
}
