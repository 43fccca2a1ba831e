/** Paste or upload an article: it is extracted, stored and grouped, and its claims appear with the evidence marked. */
import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError, token, type AddResult } from '../api.js';
import { DocumentMeta, DocumentView } from '../components/DocumentView.js';
import { ErrorBox } from '../components/ui.js';
import { useLoad, useTitle } from '../hooks.js';
import { Link } from '../router.js';

export function AddPage() {
  useTitle('Add an article');
  const health = useLoad(() => api.health(), 'health');
  const needsToken = health.state === 'ready' && health.data.writeRequiresToken;
  const [content, setContent] = useState('');
  const [format, setFormat] = useState('text');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [outlet, setOutlet] = useState('');
  const [published, setPublished] = useState('');
  const [tok, setTok] = useState(token.get());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<AddResult | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const run = async (send: () => Promise<AddResult>) => {
    token.set(tok.trim());
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await send();
      setResult(r);
      setTimeout(() => resultRef.current?.focus(), 0);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
    } finally {
      setBusy(false);
    }
  };

  const submitPaste = (e: FormEvent) => {
    e.preventDefault();
    if (!content.trim()) {
      setError(new ApiError(0, 'EMPTY', 'paste the text of an article first'));
      return;
    }
    void run(() =>
      api.paste({
        content,
        format,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(url.trim() ? { url: url.trim() } : {}),
        ...(outlet.trim() ? { outlet: outlet.trim() } : {}),
        ...(published ? { published } : {}),
      }),
    );
  };

  const submitFile = (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError(new ApiError(0, 'EMPTY', 'choose a file first'));
      return;
    }
    void run(() => api.upload(file));
  };

  return (
    <>
      <div className="page-head">
        <h1>Add an article</h1>
        <p className="muted">
          Paste the text (or HTML) of an article, or upload a file. cyberclaims finds every accusation in it,
          stores it and updates the incidents.
        </p>
      </div>
      {needsToken ? (
        <div className="card">
          <label className="block">
            Write token (this server needs <code>CYBERCLAIMS_TOKEN</code> for writes; kept for this tab only)
            <input type="password" autoComplete="off" value={tok} onChange={(e) => setTok(e.target.value)} />
          </label>
        </div>
      ) : null}
      <div className="two-col">
        <form className="card form" onSubmit={submitPaste} aria-labelledby="paste-title">
          <h2 id="paste-title">Paste</h2>
          <label className="block">
            Article
            <textarea
              name="content"
              rows={12}
              value={content}
              onChange={(e) => setContent(e.target.value)}
              placeholder="Paste the article here…"
              required
            />
          </label>
          <div className="row">
            <label>
              Format
              <select name="format" value={format} onChange={(e) => setFormat(e.target.value)}>
                <option value="text">plain text</option>
                <option value="markdown">Markdown</option>
                <option value="html">HTML</option>
              </select>
            </label>
            <label>
              Published
              <input
                type="date"
                name="published"
                value={published}
                onChange={(e) => setPublished(e.target.value)}
              />
            </label>
          </div>
          <div className="row">
            <label>
              Title
              <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
            </label>
            <label>
              Outlet
              <input
                name="outlet"
                value={outlet}
                placeholder="example.com"
                onChange={(e) => setOutlet(e.target.value)}
              />
            </label>
          </div>
          <label className="block">
            URL
            <input
              name="url"
              type="url"
              value={url}
              placeholder="https://…"
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Extracting…' : 'Extract claims'}
          </button>
        </form>
        <form className="card form" onSubmit={submitFile} aria-labelledby="upload-title">
          <h2 id="upload-title">Upload a file</h2>
          <label className="block">
            File (.txt, .md, .html, .json)
            <input
              ref={fileRef}
              type="file"
              name="file"
              accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.json"
            />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Extracting…' : 'Upload and extract'}
          </button>
        </form>
      </div>
      {error ? <ErrorBox error={error} /> : null}
      {result ? (
        <div ref={resultRef} tabIndex={-1} className="result" data-testid="add-result" aria-live="polite">
          <div className="page-head">
            <h2>
              {result.status === 'stored' ? 'Stored: ' : 'Already stored: '}
              <Link href={`/documents/${result.document.id}`}>
                {result.document.title ?? result.document.source}
              </Link>
            </h2>
            <DocumentMeta doc={result.document} />
          </div>
          <DocumentView doc={result.document} />
        </div>
      ) : null}
    </>
  );
}
