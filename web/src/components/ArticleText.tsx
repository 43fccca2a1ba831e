/**
 * An article's text with its evidence sentences (and, on the document page, actor mentions) marked
 * in place. The text is untrusted: it only ever becomes React text children, which React escapes —
 * never markup.
 */
import type { Highlight, Mention } from '../api.js';
import { actorHref } from './ui.js';
import { Link } from '../router.js';

interface Segment {
  start: number;
  end: number;
  evidence: Highlight | null;
  mention: Mention | null;
}

/** Cuts the text at every highlight and mention boundary; each piece knows what covers it. */
export function segments(
  text: string,
  highlights: readonly Highlight[],
  mentions: readonly Mention[] = [],
): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  for (const h of highlights) {
    cuts.add(clamp(h.start));
    cuts.add(clamp(h.end));
  }
  for (const m of mentions) {
    cuts.add(clamp(m.start));
    cuts.add(clamp(m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    out.push({
      start,
      end,
      evidence: highlights.find((h) => h.start <= start && h.end >= end) ?? null,
      mention: mentions.find((m) => m.start <= start && m.end >= end) ?? null,
    });
  }
  return out;
}

export function ArticleText({
  text,
  highlights,
  mentions = [],
  idPrefix,
}: {
  text: string;
  highlights: readonly Highlight[];
  mentions?: readonly Mention[];
  /** Gives each evidence sentence an id (`${idPrefix}-${index}`) so a list can link to it. */
  idPrefix?: string;
}) {
  const segs = segments(text, highlights, mentions);
  const firstOf = new Map<Highlight, number>();
  return (
    <div className="article-text" data-testid="article-text">
      {segs.map((s) => {
        const piece = text.slice(s.start, s.end);
        const inner = s.mention ? (
          <Link
            href={actorHref(s.mention.actor.id)}
            className="mention"
            title={`${s.mention.actor.name} (${s.mention.actor.kind})`}
          >
            {piece}
          </Link>
        ) : (
          piece
        );
        if (!s.evidence) return <span key={s.start}>{inner}</span>;
        const index = highlights.indexOf(s.evidence);
        const first = !firstOf.has(s.evidence);
        if (first) firstOf.set(s.evidence, s.start);
        return (
          <mark
            key={s.start}
            className={s.evidence.kind === 'response' ? 'hl hl-response' : 'hl hl-evidence'}
            id={first && idPrefix ? `${idPrefix}-${index}` : undefined}
            title={
              s.evidence.kind === 'response'
                ? 'response (denial, confirmation…)'
                : `evidence of claim ${s.evidence.claim ?? ''}`
            }
          >
            {inner}
          </mark>
        );
      })}
    </div>
  );
}

export function Legend({ mentions }: { mentions?: boolean }) {
  return (
    <p className="legend muted">
      <mark className="hl hl-evidence">evidence of an accusation</mark>{' '}
      <mark className="hl hl-response">a response (denial…)</mark>
      {mentions ? (
        <>
          {' '}
          <span className="mention">an actor named</span>
        </>
      ) : null}
    </p>
  );
}
