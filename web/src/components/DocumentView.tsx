/** A stored document: its claims and responses, and its text with evidence and actor mentions marked. */
import type { DocumentDetail } from '../api.js';
import { Link } from '../router.js';
import { ArticleText, Legend } from './ArticleText.js';
import { Parties, PartyLink, Section, Tags } from './ui.js';

export function DocumentView({ doc }: { doc: DocumentDetail }) {
  const evidenceIndex = (start: number) => doc.highlights.findIndex((h) => h.start === start);
  return (
    <>
      <Section
        title={doc.claims.length === 1 ? '1 accusation found' : `${doc.claims.length} accusations found`}
      >
        {doc.claims.length === 0 ? (
          <p className="muted">No accusation of a cyber operation was found in this text.</p>
        ) : (
          <ol className="claims" data-testid="claims">
            {doc.claims.map((c) => (
              <li key={c.id} className="claim" data-testid="claim">
                <div>
                  <PartyLink party={c.claimant} /> <span className="muted">accuses</span>{' '}
                  <Parties parties={c.accused} />
                  {c.hedged ? (
                    <span className="tag" title="the outlet reports it as a claim">
                      hedged
                    </span>
                  ) : null}
                </div>
                <div className="claim-facts">
                  <Tags values={c.operations} className="tag-op" />{' '}
                  <Tags values={c.sectors} className="tag-sector" />
                  {c.targetCountries.length ? (
                    <span className="small"> targets {c.targetCountries.join(', ')}</span>
                  ) : null}
                  {c.individualsNamed !== null ? (
                    <span className="small"> · {c.individualsNamed} individuals named</span>
                  ) : null}
                  {c.period ? <span className="small"> · {c.period}</span> : null}
                  {c.techniques.length ? (
                    <span className="small mono"> · {c.techniques.map((t) => t.id).join(', ')}</span>
                  ) : null}
                </div>
                <ul className="evidence">
                  {c.evidence.map((e) => (
                    <li key={e.start}>
                      <a href={`#ev-${evidenceIndex(e.start)}`} className="quote">
                        “{e.text}”
                      </a>
                    </li>
                  ))}
                </ul>
                {c.responses.length ? (
                  <ul className="responses">
                    {c.responses.map((r, n) => (
                      <li key={n}>
                        <span className={`tag tag-${r.type}`}>{r.type}</span> <PartyLink party={r.by} />:{' '}
                        <span className="quote">“{r.evidence[0]?.text ?? ''}”</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {doc.incidents.length ? (
          <p className="small">
            Part of {doc.incidents.length === 1 ? 'incident' : 'incidents'}{' '}
            {doc.incidents.map((id, n) => (
              <span key={id}>
                {n > 0 ? ', ' : ''}
                <Link href={`/incidents/${id}`}>{id}</Link>
              </span>
            ))}
          </p>
        ) : null}
      </Section>
      <section className="card article">
        <div className="card-head">
          <h2>Text</h2>
          <Legend mentions />
        </div>
        <ArticleText text={doc.text} highlights={doc.highlights} mentions={doc.mentions} idPrefix="ev" />
      </section>
    </>
  );
}

export function DocumentMeta({ doc }: { doc: DocumentDetail }) {
  return (
    <p className="facts">
      <span>{doc.outlet ?? 'outlet unknown'}</span>
      <span>{doc.published ?? 'undated'}</span>
      <span className="mono small">{doc.source}</span>
      {doc.url ? (
        <a href={doc.url} rel="noopener noreferrer nofollow" target="_blank">
          original
        </a>
      ) : null}
    </p>
  );
}
