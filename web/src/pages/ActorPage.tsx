/** One actor: who it is, its aliases, and the accusations it made and received. */
import { api, type IncidentSummary } from '../api.js';
import { ErrorBox, GradeBadge, Loading, Parties, PartyLink, Section, Tags } from '../components/ui.js';
import { useLoad, useTitle } from '../hooks.js';
import { Link } from '../router.js';

function IncidentTable({ items, side }: { items: IncidentSummary[]; side: 'made' | 'received' }) {
  if (items.length === 0) return <p className="muted">None.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>First reported</th>
          <th>{side === 'made' ? 'Accused' : 'Accused by'}</th>
          <th>Operations</th>
          <th className="num">Sources</th>
          <th>Grade</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id} className={i.conflicts.length ? 'has-conflict' : undefined}>
            <td className="nowrap">
              <Link href={`/incidents/${i.id}`}>{i.firstReported ?? 'undated'}</Link>
            </td>
            <td>
              {side === 'made' ? <Parties parties={i.accused} /> : <PartyLink party={i.claimant} />}
              {i.denied ? <span className="tag tag-denied">denied</span> : null}
            </td>
            <td>
              <Tags values={i.operations} className="tag-op" />
            </td>
            <td className="num">{i.sources}</td>
            <td>
              <GradeBadge grade={i.grade} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ActorPage({ id }: { id: string }) {
  const result = useLoad(() => api.actor(id), id);
  useTitle(result.state === 'ready' ? result.data.name : 'Actor');
  if (result.state === 'loading') return <Loading />;
  if (result.state === 'error') return <ErrorBox error={result.error} />;
  const a = result.data;
  return (
    <>
      <nav className="crumbs" aria-label="breadcrumb">
        <Link href="/actors">Actors</Link> / <span>{a.name}</span>
      </nav>
      <div className="page-head">
        <h1>
          {a.name} {a.known ? null : <span className="tag tag-new">not in the knowledge base</span>}
        </h1>
        <p className="facts">
          <span>{a.kind}</span>
          <span>{a.country ?? 'country unknown'}</span>
          <span className="mono small">{a.id}</span>
          <span>
            {a.incidentsMade} accusation events made, {a.incidentsReceived} received
          </span>
          <Link href={`/incidents?actor=${encodeURIComponent(a.known ? a.id : a.name)}`}>incidents →</Link>
        </p>
      </div>
      <Section title="Also known as">
        {a.aliases.length ? <Tags values={a.aliases} /> : <p className="muted">No other names.</p>}
      </Section>
      <Section title={`Accusations made (${a.accusationsMade.length})`}>
        <IncidentTable items={a.accusationsMade} side="made" />
      </Section>
      <Section title={`Accusations received (${a.accusationsReceived.length})`}>
        <IncidentTable items={a.accusationsReceived} side="received" />
      </Section>
      {a.responses.length ? (
        <Section title="Its responses">
          <ul className="responses">
            {a.responses.map((r, n) => (
              <li key={n}>
                <span className={`tag tag-${r.response.type}`}>{r.response.type}</span>{' '}
                <span className="quote">“{r.response.evidence[0]?.text ?? ''}”</span>{' '}
                <Link href={`/documents/${r.documentId}`} className="small">
                  source
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
