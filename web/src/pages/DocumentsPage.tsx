/** Stored documents, newest first, and full-text search over them. */
import { useEffect, useState } from 'react';
import { api, type SearchResult } from '../api.js';
import { ErrorBox, Loading, Pager, plural } from '../components/ui.js';
import { useLoad, useTitle } from '../hooks.js';
import { Link, navigate, useLocation } from '../router.js';

const LIMIT = 50;

function Snippet({ hit }: { hit: SearchResult['hits'][number] }) {
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const h of hit.highlights) {
    if (h.start > at) parts.push({ text: hit.snippet.slice(at, h.start), mark: false });
    parts.push({ text: hit.snippet.slice(h.start, h.end), mark: true });
    at = h.end;
  }
  parts.push({ text: hit.snippet.slice(at), mark: false });
  return (
    <p className="snippet">
      {parts.map((p, n) => (p.mark ? <mark key={n}>{p.text}</mark> : <span key={n}>{p.text}</span>))}
    </p>
  );
}

export function DocumentsPage() {
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const offset = Number(query.get('offset') ?? 0) || 0;
  useTitle(q ? `Search: ${q}` : 'Documents');
  const [box, setBox] = useState(q);
  useEffect(() => setBox(q), [q]);
  const go = (nq: string, no = 0) =>
    navigate(
      `/documents?${new URLSearchParams({ ...(nq ? { q: nq } : {}), ...(no ? { offset: String(no) } : {}) })}`,
    );
  const list = useLoad(
    () => (q ? Promise.resolve(null) : api.documents({ limit: LIMIT, offset })),
    `list:${q}:${offset}`,
  );
  const search = useLoad(
    () => (q ? api.search(q, LIMIT, offset) : Promise.resolve(null)),
    `search:${q}:${offset}`,
  );

  return (
    <>
      <div className="page-head">
        <h1>Documents</h1>
        <form
          role="search"
          className="search-form"
          onSubmit={(e) => {
            e.preventDefault();
            go(box.trim());
          }}
        >
          <label htmlFor="doc-search" className="visually-hidden">
            Search the text of every document
          </label>
          <input
            id="doc-search"
            type="search"
            value={box}
            placeholder='Search text: words, "a phrase", prefix*'
            onChange={(e) => setBox(e.target.value)}
          />
          <button type="submit">Search</button>
        </form>
      </div>
      {q ? (
        search.state === 'loading' ? (
          <Loading />
        ) : search.state === 'error' ? (
          <ErrorBox error={search.error} />
        ) : search.data ? (
          <section className="card">
            <div className="card-head">
              <h2>
                {plural(search.data.total, 'document')} match “{q}”
              </h2>
              <button type="button" className="link-button" onClick={() => go('')}>
                Show all documents
              </button>
            </div>
            <ol className="hits">
              {search.data.hits.map((h) => (
                <li key={h.document.id}>
                  <Link href={`/documents/${h.document.id}`} className="strong">
                    {h.document.title ?? h.document.source}
                  </Link>{' '}
                  <span className="muted small">
                    {h.document.outlet ?? ''} {h.document.published ?? 'undated'}
                  </span>
                  <Snippet hit={h} />
                </li>
              ))}
            </ol>
            <Pager total={search.data.total} limit={LIMIT} offset={offset} onPage={(o) => go(q, o)} />
          </section>
        ) : null
      ) : list.state === 'loading' ? (
        <Loading />
      ) : list.state === 'error' ? (
        <ErrorBox error={list.error} />
      ) : list.data ? (
        <section className="card">
          <div className="card-head">
            <h2>{plural(list.data.total, 'document')}</h2>
            <Link href="/add" className="button">
              Add an article
            </Link>
          </div>
          <table className="table">
            <thead>
              <tr>
                <th>Published</th>
                <th>Title</th>
                <th>Outlet</th>
                <th>Source</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">{d.published ?? 'undated'}</td>
                  <td>
                    <Link href={`/documents/${d.id}`}>{d.title ?? '(untitled)'}</Link>
                  </td>
                  <td>{d.outlet ?? <span className="muted">—</span>}</td>
                  <td className="mono small clip">{d.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager total={list.data.total} limit={LIMIT} offset={offset} onPage={(o) => go('', o)} />
        </section>
      ) : null}
    </>
  );
}
