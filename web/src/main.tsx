/** The analyst's web app: layout, navigation and the page for each path. */
import { StrictMode, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { ActorPage } from './pages/ActorPage.js';
import { ActorsPage } from './pages/ActorsPage.js';
import { AddPage } from './pages/AddPage.js';
import { ApiDocsPage } from './pages/ApiDocsPage.js';
import { DocumentPage } from './pages/DocumentPage.js';
import { DocumentsPage } from './pages/DocumentsPage.js';
import { IncidentPage } from './pages/IncidentPage.js';
import { IncidentsPage } from './pages/IncidentsPage.js';
import { GraphPage, TimelinePage } from './pages/OverviewPages.js';
import { Link, navigate, useLocation } from './router.js';
import './styles.css';

const NAV = [
  { href: '/incidents', label: 'Incidents' },
  { href: '/actors', label: 'Actors' },
  { href: '/documents', label: 'Documents' },
  { href: '/timeline', label: 'Timeline' },
  { href: '/graph', label: 'Who accuses whom' },
  { href: '/add', label: 'Add an article' },
];

function page(path: string) {
  const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
  switch (seg[0]) {
    case undefined:
    case 'incidents':
      return seg[1] ? <IncidentPage id={seg[1]} /> : <IncidentsPage />;
    case 'actors':
      return seg[1] ? <ActorPage id={seg.slice(1).join('/')} /> : <ActorsPage />;
    case 'documents':
      return seg[1] ? <DocumentPage id={seg.slice(1).join('/')} /> : <DocumentsPage />;
    case 'timeline':
      return <TimelinePage />;
    case 'graph':
      return <GraphPage />;
    case 'add':
      return <AddPage />;
    case 'api-docs':
      return <ApiDocsPage />;
    default:
      return (
        <div className="error" role="alert">
          <strong>Not found</strong>: there is no page at {path}.{' '}
          <Link href="/incidents">Go to the incidents</Link>.
        </div>
      );
  }
}

function App() {
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    if (path === '/') navigate('/incidents', { replace: true });
  }, [path]);
  // After a page change, keyboard and screen-reader users start at the new content.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [path]);
  const section = `/${path.split('/')[1] ?? ''}`;
  return (
    <>
      <a href="#main" className="skip">
        Skip to content
      </a>
      <header className="top">
        <div className="top-inner">
          <Link href="/incidents" className="brand">
            cyberclaims
          </Link>
          <nav aria-label="main">
            <ul>
              {NAV.map((n) => (
                <li key={n.href}>
                  <Link href={n.href} aria-current={section === n.href ? 'page' : undefined}>
                    {n.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <Link href="/api-docs" className="api-link">
            API
          </Link>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {page(path)}
      </main>
      <footer className="foot muted small">
        Article text is shown as written by its outlet: claims are allegations, graded with the Admiralty
        scale. Evidence sentences link every number back to its source.
      </footer>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
