/** One incident: the grade and why, what each source says side by side, and each article with its evidence. */
import { api, type Incident, type IncidentDetail } from '../api.js';
import { ArticleText, Legend } from '../components/ArticleText.js';
import {
  CREDIBILITY,
  ErrorBox,
  GradeBadge,
  Loading,
  Parties,
  PartyLink,
  RELIABILITY,
  Section,
  Tags,
} from '../components/ui.js';
import { useLoad, useTitle } from '../hooks.js';
import { Link } from '../router.js';

const ATTRIBUTE_LABELS: Record<string, string> = {
  claimant: 'Claimant',
  accused: 'Accused',
  operations: 'Operations',
  sectors: 'Sectors',
  targetCountries: 'Target countries',
  individualsNamed: 'Individuals named',
  period: 'Activity period',
  denial: 'Response of the accused',
  published: 'Published',
};

const show = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : String(v));

/** One column per source, one row per attribute: the value each source gives, conflicts marked. */
function Comparison({ incident, labels }: { incident: Incident; labels: Map<string, string> }) {
  const docs = [...new Set(incident.sources.map((s) => s.document))];
  return (
    <div className="scroll-x">
      <table className="table comparison" data-testid="comparison">
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            {docs.map((d, n) => (
              <th scope="col" key={d}>
                <a href={`#article-${n}`}>{labels.get(d) ?? d}</a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {incident.comparison.map((row) => (
            <tr
              key={row.attribute}
              className={row.conflict ? 'conflict' : undefined}
              data-conflict={row.conflict ? 'true' : undefined}
            >
              <th scope="row">
                {ATTRIBUTE_LABELS[row.attribute] ?? row.attribute}
                {row.conflict ? (
                  <span className="tag tag-conflict">conflict</span>
                ) : row.values.length > 1 ? (
                  <span className="tag">differs</span>
                ) : null}
                {row.note ? <div className="small muted">{row.note}</div> : null}
              </th>
              {docs.map((d) => {
                const v = row.values.find((x) => x.sources.includes(d));
                return <td key={d}>{v ? show(v.value) : <span className="muted">not stated</span>}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function sourceLabel(a: IncidentDetail['articles'][number]): string {
  return [a.document.outlet ?? a.document.title ?? a.document.source, a.document.published]
    .filter(Boolean)
    .join(', ');
}

export function IncidentPage({ id }: { id: string }) {
  const result = useLoad(() => api.incident(id), id);
  const title =
    result.state === 'ready'
      ? `${result.data.incident.claimant.name} accuses ${result.data.incident.accused.map((a) => a.name).join(', ')}`
      : id;
  useTitle(title);
  if (result.state === 'loading') return <Loading />;
  if (result.state === 'error') return <ErrorBox error={result.error} />;
  const { incident, summary, articles } = result.data;
  const labels = new Map<string, string>();
  for (const a of articles) if (!labels.has(a.document.source)) labels.set(a.document.source, sourceLabel(a));
  const conflicts = incident.comparison.filter((r) => r.conflict);
  return (
    <>
      <nav className="crumbs" aria-label="breadcrumb">
        <Link href="/incidents">Incidents</Link> / <span>{incident.id}</span>
      </nav>
      <div className="page-head incident-head">
        <div>
          <h1>
            <PartyLink party={incident.claimant} /> <span className="muted">accuses</span>{' '}
            <Parties parties={incident.accused} />
          </h1>
          <p className="facts">
            <span>first reported {incident.firstReported ?? 'undated'}</span>
            <span>
              {incident.sources.length} report{incident.sources.length === 1 ? '' : 's'},{' '}
              {incident.independentSources} independent
            </span>
            <span>basis: {incident.basis}</span>
            {summary.targetCountries.length ? (
              <span>targets: {summary.targetCountries.join(', ')}</span>
            ) : null}
          </p>
          <p>
            <Tags values={incident.operations} className="tag-op" />{' '}
            <Tags values={incident.sectors} className="tag-sector" />
          </p>
        </div>
        <div className="grade-box">
          <GradeBadge grade={incident.grade} large />
          <div className="small">
            <div>{RELIABILITY[incident.grade.reliability]}</div>
            <div>{CREDIBILITY[incident.grade.credibility]}</div>
          </div>
        </div>
      </div>

      <Section title="Why this grade">
        <ul className="reasons" data-testid="grade-reasons">
          {incident.grade.reasons.map((r, n) => (
            <li key={n}>{r}</li>
          ))}
        </ul>
      </Section>

      <Section
        title="What each source says"
        actions={
          conflicts.length ? (
            <span className="tag tag-conflict" data-testid="conflict-count">
              {conflicts.length} conflict{conflicts.length > 1 ? 's' : ''}:{' '}
              {conflicts.map((c) => ATTRIBUTE_LABELS[c.attribute] ?? c.attribute).join(', ')}
            </span>
          ) : (
            <span className="muted">the sources agree</span>
          )
        }
      >
        <Comparison incident={incident} labels={labels} />
      </Section>

      <Section title="Sources">
        <ol className="sources">
          {incident.sources.map((s, n) => (
            <li key={`${s.document}:${s.claim}:${n}`}>
              <strong>{s.outlet ?? 'outlet unknown'}</strong>, {s.published ?? 'undated'} —{' '}
              <span className="mono small">{s.document}</span>{' '}
              <span className="muted small">
                (claim {s.claim}, {s.syndicationGroup})
              </span>
              <div className="small muted">{s.reason}</div>
            </li>
          ))}
        </ol>
      </Section>

      <h2 className="section-title">Articles, with the evidence highlighted</h2>
      <Legend />
      {articles.map((a, n) => (
        <article
          className="card article"
          key={`${a.document.id}:${a.claim}`}
          id={`article-${n}`}
          aria-labelledby={`article-${n}-title`}
        >
          <div className="card-head">
            <h3 id={`article-${n}-title`}>
              <Link href={`/documents/${a.document.id}`}>{a.document.title ?? a.document.source}</Link>
            </h3>
            <span className="muted small">
              {a.document.outlet ?? 'outlet unknown'} · {a.document.published ?? 'undated'} · claim {a.claim}
            </span>
          </div>
          <ArticleText text={a.text} highlights={a.highlights} />
        </article>
      ))}
    </>
  );
}
