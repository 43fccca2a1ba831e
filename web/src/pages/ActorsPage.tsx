import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { actorHref, ErrorBox, Loading, Pager, plural } from '../components/ui.js';
import { useLoad, useTitle } from '../hooks.js';
import { Link, navigate, useLocation } from '../router.js';

const KINDS = [
  'state',
  'government-agency',
  'military-unit',
  'threat-group',
  'company',
  'researchers',
  'person',
  'unknown',
];
const LIMIT = 50;

export function ActorsPage() {
  useTitle('Actors');
  const { query } = useLocation();
  const params: Record<string, string> = {};
  for (const k of ['q', 'kind', 'role', 'offset']) {
    const v = query.get(k);
    if (v) params[k] = v;
  }
  const key = new URLSearchParams(params).toString();
  const result = useLoad(() => api.actors({ ...params, limit: LIMIT }), key);
  const [box, setBox] = useState(params.q ?? '');
  useEffect(() => setBox(params.q ?? ''), [params.q]);
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('offset' in changes)) next.delete('offset');
    navigate(`/actors?${next}`, { replace: true });
  };
  useEffect(() => {
    if (box === (params.q ?? '')) return;
    const t = setTimeout(() => set({ q: box.trim() || undefined }), 300);
    return () => clearTimeout(t);
  }, [box]);

  return (
    <>
      <div className="page-head">
        <h1>Actors</h1>
        <p className="muted">
          Everyone who accuses or is accused in the stored articles: states, agencies, military units, threat
          groups, companies.
        </p>
      </div>
      <form className="filters card" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Name or alias
          <input
            type="search"
            value={box}
            onChange={(e) => setBox(e.target.value)}
            placeholder="e.g. Fancy Bear"
          />
        </label>
        <label>
          Kind
          <select value={params.kind ?? ''} onChange={(e) => set({ kind: e.target.value })}>
            <option value="">any</option>
            {KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          Role
          <select value={params.role ?? ''} onChange={(e) => set({ role: e.target.value })}>
            <option value="">accuser or accused</option>
            <option value="accuser">accuser</option>
            <option value="accused">accused</option>
          </select>
        </label>
      </form>
      {result.state === 'loading' ? <Loading /> : null}
      {result.state === 'error' ? <ErrorBox error={result.error} /> : null}
      {result.state === 'ready' ? (
        <section className="card">
          <div className="card-head">
            <h2>{plural(result.data.total, 'actor')}</h2>
          </div>
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Kind</th>
                <th>Country</th>
                <th className="num">Accusations made</th>
                <th className="num">Accusations received</th>
              </tr>
            </thead>
            <tbody>
              {result.data.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link href={actorHref(a.id)} className="strong">
                      {a.name}
                    </Link>
                    {a.known ? null : <span className="tag tag-new">new</span>}
                    {a.aliases.length ? (
                      <div className="small muted clip">{a.aliases.slice(0, 6).join(' · ')}</div>
                    ) : null}
                  </td>
                  <td>{a.kind}</td>
                  <td>{a.country ?? '—'}</td>
                  <td className="num">{a.made}</td>
                  <td className="num">{a.received}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
