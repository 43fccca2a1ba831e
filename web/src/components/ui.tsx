/** Small building blocks shared by the pages. */
import type { ReactNode } from 'react';
import type { ApiError, Grade, Party } from '../api.js';
import { Link } from '../router.js';

export const CREDIBILITY: Record<number, string> = {
  1: 'confirmed',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'cannot be judged',
};

export const RELIABILITY: Record<string, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

/** The Admiralty grade as "B2", coloured by credibility, with its meaning in words for screen readers and on hover. */
export function GradeBadge({
  grade,
  large,
}: {
  grade: Pick<Grade, 'reliability' | 'credibility'>;
  large?: boolean;
}) {
  const words = `source ${RELIABILITY[grade.reliability] ?? grade.reliability}; information ${CREDIBILITY[grade.credibility] ?? grade.credibility}`;
  return (
    <span
      className={`grade grade-c${grade.credibility}${large ? ' grade-large' : ''}`}
      title={words}
      aria-label={`grade ${grade.reliability}${grade.credibility}: ${words}`}
    >
      {grade.reliability}
      {grade.credibility}
    </span>
  );
}

export const actorHref = (key: string) => `/actors/${encodeURIComponent(key)}`;

/** The key the API names an actor by (its knowledge-base id, else country and kind, else its name). */
export function partyKey(p: Party): string {
  if (p.id) return p.id;
  if (p.country) return `~${p.country.toUpperCase()}:${p.kind}`;
  return `~name:${p.name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '')}`;
}

export function PartyLink({ party }: { party: Party }) {
  return (
    <Link href={actorHref(partyKey(party))} className="party">
      {party.name}
      {party.country ? <span className="muted"> ({party.country})</span> : null}
      {party.id ? null : (
        <span className="tag tag-new" title="not in the knowledge base">
          new
        </span>
      )}
    </Link>
  );
}

export function Parties({ parties }: { parties: readonly Party[] }) {
  return (
    <>
      {parties.map((p, i) => (
        <span key={`${p.name}-${i}`}>
          {i > 0 ? ', ' : null}
          <PartyLink party={p} />
        </span>
      ))}
    </>
  );
}

export function Tags({ values, className }: { values: readonly string[]; className?: string }) {
  if (values.length === 0) return null;
  return (
    <span className="tags">
      {values.map((v) => (
        <span key={v} className={`tag ${className ?? ''}`}>
          {v}
        </span>
      ))}
    </span>
  );
}

export function ErrorBox({ error }: { error: ApiError }) {
  return (
    <div className="error" role="alert">
      <strong>{error.code === 'NOT_FOUND' ? 'Not found' : 'Something went wrong'}</strong>: {error.message}
    </div>
  );
}

export function Loading() {
  return (
    <p className="muted" role="status">
      Loading…
    </p>
  );
}

export function Pager({
  total,
  limit,
  offset,
  onPage,
}: {
  total: number;
  limit: number;
  offset: number;
  onPage: (offset: number) => void;
}) {
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(total / limit);
  return (
    <nav className="pager" aria-label="pages">
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        ← Previous
      </button>
      <span>
        page {page} of {pages}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onPage(offset + limit)}>
        Next →
      </button>
    </nav>
  );
}

export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="card">
      <div className="card-head">
        <h2>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
