import { api } from '../api.js';
import { DocumentMeta, DocumentView } from '../components/DocumentView.js';
import { ErrorBox, Loading } from '../components/ui.js';
import { useLoad, useTitle } from '../hooks.js';
import { Link } from '../router.js';

export function DocumentPage({ id }: { id: string }) {
  const result = useLoad(() => api.document(id), id);
  useTitle(result.state === 'ready' ? (result.data.title ?? result.data.source) : 'Document');
  if (result.state === 'loading') return <Loading />;
  if (result.state === 'error') return <ErrorBox error={result.error} />;
  const doc = result.data;
  return (
    <>
      <nav className="crumbs" aria-label="breadcrumb">
        <Link href="/documents">Documents</Link> / <span>{doc.id}</span>
      </nav>
      <div className="page-head">
        <h1>{doc.title ?? doc.source}</h1>
        <DocumentMeta doc={doc} />
      </div>
      <DocumentView doc={doc} />
    </>
  );
}
