/** The API reference, rendered from /api/openapi.json. */
import { api } from '../api.js';
import { ErrorBox, Loading, Section } from '../components/ui.js';
import { useLoad, useTitle } from '../hooks.js';

export function ApiDocsPage() {
  useTitle('API');
  const result = useLoad(() => api.openapi(), 'openapi');
  if (result.state === 'loading') return <Loading />;
  if (result.state === 'error') return <ErrorBox error={result.error} />;
  const doc = result.data;
  return (
    <>
      <div className="page-head">
        <h1>
          {doc.info.title} <span className="muted small">{doc.info.version}</span>
        </h1>
        <p>{doc.info.description}</p>
        <p>
          Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3). Errors are{' '}
          <code>{'{"error": {"code", "message"}}'}</code>; writes need <code>Authorization: Bearer …</code>{' '}
          when the server was started with <code>CYBERCLAIMS_TOKEN</code>.
        </p>
      </div>
      {Object.entries(doc.paths).map(([p, methods]) =>
        Object.entries(methods).map(([m, op]) => (
          <Section key={`${m} ${p}`} title={`${m.toUpperCase()} ${p}`}>
            <p>{op.summary}</p>
            {op.description ? <p className="muted">{op.description}</p> : null}
            {op.parameters?.length ? (
              <table className="table compact">
                <thead>
                  <tr>
                    <th>Parameter</th>
                    <th>In</th>
                    <th>Type</th>
                    <th>Description</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((x) => (
                    <tr key={`${x.in}:${x.name}`}>
                      <td className="mono">
                        {x.name}
                        {x.required ? ' *' : ''}
                      </td>
                      <td>{x.in}</td>
                      <td className="mono small">
                        {Array.isArray(x.schema?.enum)
                          ? (x.schema.enum as unknown[]).join(' | ')
                          : String(x.schema?.type ?? '')}
                        {x.schema?.default !== undefined ? ` = ${String(x.schema.default)}` : ''}
                      </td>
                      <td>{x.description ?? String(x.schema?.description ?? '')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </Section>
        )),
      )}
    </>
  );
}
