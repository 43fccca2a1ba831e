/** The incidents list: filters kept in the URL, sortable columns, counts beside every filter value. */
import { useEffect, useState } from 'react';
import { api, type Facets } from '../api.js';
import { ErrorBox, GradeBadge, Loading, Pager, Parties, PartyLink, plural, Tags } from '../components/ui.js';
import { useLoad, useTitle } from '../hooks.js';
import { Link, navigate, useLocation } from '../router.js';

const OPERATIONS = [
  'intrusion',
  'espionage',
  'disruption',
  'destruction',
  'ransomware',
  'phishing',
  'disinformation',
  'hack-and-leak',
  'pre-positioning',
];
const SECTORS = [
  'water',
  'energy',
  'communications',
  'government',
  'defense',
  'political',
  'media',
  'finance',
  'healthcare',
  'transportation',
  'technology',
  'education',
  'manufacturing',
  'other',
];
const FILTERS = [
  'actor',
  'country',
  'operation',
  'sector',
  'since',
  'until',
  'reliability',
  'credibility',
  'conflict',
] as const;
const LIMIT = 50;

const SORTS: { key: string; label: string; defaultOrder: 'asc' | 'desc' }[] = [
  { key: 'firstReported', label: 'First reported', defaultOrder: 'desc' },
  { key: 'claimant', label: 'Who accuses whom', defaultOrder: 'asc' },
  { key: 'sources', label: 'Sources', defaultOrder: 'desc' },
  { key: 'conflicts', label: 'Conflicts', defaultOrder: 'desc' },
  { key: 'grade', label: 'Grade', defaultOrder: 'desc' },
];

function withCount(label: string, facet: Record<string, number> | undefined, key: string): string {
  const n = facet?.[key];
  return n ? `${label} (${n})` : label;
}

export function IncidentsPage() {
  useTitle('Incidents');
  const { query } = useLocation();
  const params: Record<string, string> = {};
  for (const k of [...FILTERS, 'sort', 'order', 'offset']) {
    const v = query.get(k);
    if (v) params[k] = v;
  }
  const key = new URLSearchParams(params).toString();
  const result = useLoad(() => api.incidents({ ...params, limit: LIMIT }), key);
  // The actor box filters as one types, after a pause.
  const [actor, setActor] = useState(params.actor ?? '');
  useEffect(() => setActor(params.actor ?? ''), [params.actor]);

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('offset' in changes)) next.delete('offset');
    const s = next.toString();
    navigate(`/incidents${s ? `?${s}` : ''}`, { replace: true });
  };
  useEffect(() => {
    if (actor === (params.actor ?? '')) return;
    const t = setTimeout(() => set({ actor: actor.trim() || undefined }), 350);
    return () => clearTimeout(t);
  }, [actor]);

  const facets: Facets | undefined = result.state === 'ready' ? result.data.facets : undefined;
  const sort = params.sort ?? 'firstReported';
  const order = params.order ?? 'desc';
  const active = FILTERS.filter((f) => params[f]);

  return (
    <>
      <div className="page-head">
        <h1>Incidents</h1>
        <p className="muted">
          Reports of one accusation event grouped across sources, graded on the Admiralty scale (source
          reliability A–F, information credibility 1–6).
        </p>
      </div>
      <form
        className="filters card"
        role="search"
        aria-label="filter incidents"
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          Actor
          <input
            type="search"
            name="actor"
            value={actor}
            placeholder="name, alias or id"
            onChange={(e) => setActor(e.target.value)}
          />
        </label>
        <label>
          Country
          <select
            name="country"
            value={params.country ?? ''}
            onChange={(e) => set({ country: e.target.value })}
          >
            <option value="">any</option>
            {Object.entries(facets?.countries ?? {})
              .sort((a, b) => b[1] - a[1])
              .map(([c, n]) => (
                <option key={c} value={c}>
                  {c} ({n})
                </option>
              ))}
            {params.country && !facets?.countries[params.country] ? (
              <option value={params.country}>{params.country}</option>
            ) : null}
          </select>
        </label>
        <label>
          Operation
          <select
            name="operation"
            value={params.operation ?? ''}
            onChange={(e) => set({ operation: e.target.value })}
          >
            <option value="">any</option>
            {OPERATIONS.map((o) => (
              <option key={o} value={o}>
                {withCount(o, facets?.operations, o)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sector
          <select name="sector" value={params.sector ?? ''} onChange={(e) => set({ sector: e.target.value })}>
            <option value="">any</option>
            {SECTORS.map((o) => (
              <option key={o} value={o}>
                {withCount(o, facets?.sectors, o)}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input
            type="date"
            name="since"
            value={params.since ?? ''}
            onChange={(e) => set({ since: e.target.value })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            name="until"
            value={params.until ?? ''}
            onChange={(e) => set({ until: e.target.value })}
          />
        </label>
        <label>
          Reliability
          <select
            name="reliability"
            value={params.reliability ?? ''}
            onChange={(e) => set({ reliability: e.target.value })}
          >
            <option value="">any</option>
            {['A', 'B', 'C', 'D', 'E'].map((r) => (
              <option key={r} value={r}>
                {r} or better
              </option>
            ))}
          </select>
        </label>
        <label>
          Credibility
          <select
            name="credibility"
            value={params.credibility ?? ''}
            onChange={(e) => set({ credibility: e.target.value })}
          >
            <option value="">any</option>
            {[1, 2, 3, 4, 5].map((c) => (
              <option key={c} value={c}>
                {c} or better
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            name="conflict"
            checked={params.conflict === 'true'}
            onChange={(e) => set({ conflict: e.target.checked ? 'true' : undefined })}
          />
          Sources conflict{facets ? ` (${facets.conflicts})` : ''}
        </label>
        {active.length > 0 ? (
          <button
            type="button"
            className="link-button"
            onClick={() => navigate('/incidents', { replace: true })}
          >
            Clear filters
          </button>
        ) : null}
      </form>

      {result.state === 'error' ? <ErrorBox error={result.error} /> : null}
      {result.state === 'loading' ? <Loading /> : null}
      {result.state === 'ready' ? (
        <section className="card" aria-live="polite">
          <div className="card-head">
            <h2 data-testid="incident-count">{plural(result.data.total, 'incident')}</h2>
            {facets ? (
              <span className="muted">
                {Object.entries(facets.credibility)
                  .sort()
                  .map(([c, n]) => `credibility ${c}: ${n}`)
                  .join(' · ')}
              </span>
            ) : null}
          </div>
          {result.data.items.length === 0 ? (
            <p className="muted">No incident matches these filters.</p>
          ) : (
            <table className="table incidents">
              <thead>
                <tr>
                  {SORTS.map((s) => (
                    <th
                      key={s.key}
                      aria-sort={sort === s.key ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
                      className={s.key === 'sources' || s.key === 'conflicts' ? 'num' : undefined}
                    >
                      <button
                        type="button"
                        className="sort"
                        onClick={() =>
                          set({
                            sort: s.key,
                            order: sort === s.key ? (order === 'asc' ? 'desc' : 'asc') : s.defaultOrder,
                          })
                        }
                      >
                        {s.label}
                        <span aria-hidden="true">
                          {sort === s.key ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
                        </span>
                      </button>
                    </th>
                  ))}
                  <th>Operations and sectors</th>
                </tr>
              </thead>
              <tbody>
                {result.data.items.map((i) => (
                  <tr key={i.id} className={i.conflicts.length ? 'has-conflict' : undefined}>
                    <td className="nowrap">
                      <Link
                        href={`/incidents/${i.id}`}
                        className="strong"
                        aria-label={`incident ${i.id}, first reported ${i.firstReported ?? 'undated'}`}
                      >
                        {i.firstReported ?? 'undated'}
                      </Link>
                    </td>
                    <td>
                      <PartyLink party={i.claimant} /> <span className="muted">accuses</span>{' '}
                      <Parties parties={i.accused} />
                      {i.denied ? <span className="tag tag-denied">denied</span> : null}
                    </td>
                    <td className="num">
                      {i.sources}
                      {i.independentSources !== i.sources ? (
                        <span className="muted"> ({i.independentSources} indep.)</span>
                      ) : null}
                    </td>
                    <td className="num">
                      {i.conflicts.length ? (
                        <span className="tag tag-conflict" title={i.conflicts.join(', ')}>
                          {i.conflicts.length} conflict{i.conflicts.length > 1 ? 's' : ''}
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td>
                      <GradeBadge grade={i.grade} /> <span className="muted small">{i.basis}</span>
                    </td>
                    <td>
                      {i.operations.length + i.sectors.length === 0 ? <span className="muted">—</span> : null}
                      <Tags values={i.operations} className="tag-op" />{' '}
                      <Tags values={i.sectors} className="tag-sector" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager
            total={result.data.total}
            limit={LIMIT}
            offset={result.data.offset}
            onPage={(o) => set({ offset: o ? String(o) : undefined })}
          />
        </section>
      ) : null}
    </>
  );
}
