/** The timeline of accusations by accusing country, and the who-accuses-whom graph: plain SVG. */
import { useState } from 'react';
import { api, type Graph, type Timeline } from '../api.js';
import { actorHref, ErrorBox, Loading, Section } from '../components/ui.js';
import { useLoad, useTitle } from '../hooks.js';
import { Link } from '../router.js';

const PALETTE = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#64748b'];
const TOP = 7;

function TimelineChart({ t }: { t: Timeline }) {
  const W = 1160;
  const H = 300;
  const pad = { l: 36, r: 8, t: 10, b: 28 };
  const series = t.series.slice(0, TOP);
  const rest = t.series.slice(TOP);
  const rows = rest.length
    ? [
        ...series,
        {
          country: 'other',
          total: rest.reduce((a, s) => a + s.total, 0),
          counts: t.months.map((_, m) => rest.reduce((a, s) => a + (s.counts[m] ?? 0), 0)),
        },
      ]
    : series;
  const totals = t.months.map((_, m) => rows.reduce((a, s) => a + (s.counts[m] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const bw = (W - pad.l - pad.r) / Math.max(1, t.months.length);
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  const ticks = [0, Math.ceil(max / 2), max];
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="timeline-title" className="svg-chart">
        <title id="timeline-title">Accusation events per month by accusing country</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} className="grid" />
            <text x={pad.l - 6} y={y(v) + 4} textAnchor="end" className="axis">
              {v}
            </text>
          </g>
        ))}
        {t.months.map((m, i) => {
          let base = 0;
          return (
            <g key={m}>
              {rows.map((s, k) => {
                const v = s.counts[i] ?? 0;
                if (v === 0) return null;
                const top = y(base + v);
                const h = y(base) - top;
                base += v;
                return (
                  <rect
                    key={k}
                    x={pad.l + i * bw + 0.5}
                    y={top}
                    width={Math.max(1, bw - 1)}
                    height={h}
                    fill={PALETTE[k % PALETTE.length]}
                  >
                    <title>{`${m}: ${v} by ${s.country ?? 'unknown country'}`}</title>
                  </rect>
                );
              })}
              {m.endsWith('-01') || i === 0 ? (
                <text x={pad.l + i * bw} y={H - 8} className="axis">
                  {m.slice(0, 4)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {rows.map((s, k) => (
          <span key={s.country ?? 'none'}>
            <i style={{ background: PALETTE[k % PALETTE.length] }} aria-hidden="true" />{' '}
            {s.country ?? 'unknown'} ({s.total})
          </span>
        ))}
        {t.undated ? <span className="muted">{t.undated} undated not shown</span> : null}
      </figcaption>
    </figure>
  );
}

function YearTable({ t }: { t: Timeline }) {
  const years = [...new Set(t.months.map((m) => m.slice(0, 4)))];
  return (
    <details>
      <summary>Show as a table</summary>
      <div className="scroll-x">
        <table className="table compact">
          <thead>
            <tr>
              <th>Accusing country</th>
              {years.map((y) => (
                <th key={y} className="num">
                  {y}
                </th>
              ))}
              <th className="num">Total</th>
            </tr>
          </thead>
          <tbody>
            {t.series.map((s) => (
              <tr key={s.country ?? 'none'}>
                <th scope="row">
                  {s.country ? <Link href={`/incidents?country=${s.country}`}>{s.country}</Link> : 'unknown'}
                </th>
                {years.map((y) => (
                  <td key={y} className="num">
                    {t.months.reduce((a, m, i) => (m.startsWith(y) ? a + (s.counts[i] ?? 0) : a), 0) || ''}
                  </td>
                ))}
                <td className="num strong">{s.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function TimelinePage() {
  useTitle('Timeline');
  const result = useLoad(() => api.timeline(), 'timeline');
  return (
    <>
      <div className="page-head">
        <h1>Timeline</h1>
        <p className="muted">
          Accusation events (incidents) by the month they were first reported, coloured by the accusing
          country.
        </p>
      </div>
      {result.state === 'loading' ? <Loading /> : null}
      {result.state === 'error' ? <ErrorBox error={result.error} /> : null}
      {result.state === 'ready' ? (
        <Section title="Accusations over time">
          {result.data.months.length ? (
            <TimelineChart t={result.data} />
          ) : (
            <p className="muted">No dated incidents yet.</p>
          )}
          <YearTable t={result.data} />
        </Section>
      ) : null}
    </>
  );
}

function GraphChart({ g }: { g: Graph }) {
  const W = 760;
  const H = 560;
  const cx = W / 2;
  const cy = H / 2;
  const R = 220;
  const nodes = g.nodes.slice(0, g.level === 'country' ? 16 : 18);
  const ids = new Set(nodes.map((n) => n.id));
  const pos = new Map(
    nodes.map((n, i) => [
      n.id,
      {
        x: cx + R * Math.cos((2 * Math.PI * i) / nodes.length - Math.PI / 2),
        y: cy + R * Math.sin((2 * Math.PI * i) / nodes.length - Math.PI / 2),
      },
    ]),
  );
  const edges = g.edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  const maxCount = Math.max(1, ...edges.map((e) => e.count));
  const maxAct = Math.max(1, ...nodes.map((n) => n.made + n.received));
  const label = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="graph-title" className="svg-graph">
      <title id="graph-title">
        Who accuses whom: arrows from accuser to accused, thicker for more accusation events
      </title>
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
        </marker>
      </defs>
      {edges.map((e) => {
        const a = pos.get(e.from)!;
        const b = pos.get(e.to)!;
        // A gentle curve, so that A→B and B→A do not overlap.
        const mx = (a.x + b.x) / 2 + (b.y - a.y) * 0.15;
        const my = (a.y + b.y) / 2 - (b.x - a.x) * 0.15;
        const w = 1 + (5 * e.count) / maxCount;
        return (
          <path
            key={`${e.from}>${e.to}`}
            d={`M ${a.x} ${a.y} Q ${mx} ${my} ${b.x} ${b.y}`}
            className="edge"
            strokeWidth={w}
            markerEnd="url(#arrow)"
          >
            <title>{`${label(e.from)} accuses ${label(e.to)}: ${e.count}`}</title>
          </path>
        );
      })}
      {nodes.map((n) => {
        const p = pos.get(n.id)!;
        const r = 8 + 16 * Math.sqrt((n.made + n.received) / maxAct);
        const outside = p.x < cx ? -1 : 1;
        return (
          <g key={n.id} className="node">
            <circle cx={p.x} cy={p.y} r={r}>
              <title>{`${n.label}: ${n.made} made, ${n.received} received`}</title>
            </circle>
            <text x={p.x + outside * (r + 4)} y={p.y + 4} textAnchor={outside < 0 ? 'end' : 'start'}>
              {n.label.length > 28 ? `${n.label.slice(0, 27)}…` : n.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function GraphPage() {
  useTitle('Who accuses whom');
  const [level, setLevel] = useState<'country' | 'actor'>('country');
  const result = useLoad(() => api.graph(level), level);
  return (
    <>
      <div className="page-head">
        <h1>Who accuses whom</h1>
        <p className="muted">
          Each arrow goes from the accuser to the accused; its width is the number of accusation events
          (incidents).
        </p>
      </div>
      <div className="segmented" role="group" aria-label="level">
        <button type="button" aria-pressed={level === 'country'} onClick={() => setLevel('country')}>
          Countries
        </button>
        <button type="button" aria-pressed={level === 'actor'} onClick={() => setLevel('actor')}>
          Actors
        </button>
      </div>
      {result.state === 'loading' ? <Loading /> : null}
      {result.state === 'error' ? <ErrorBox error={result.error} /> : null}
      {result.state === 'ready' ? (
        <div className="graph-layout">
          <section className="card">
            <GraphChart g={result.data} />
          </section>
          <section className="card">
            <h2>Pairs</h2>
            <table className="table compact">
              <thead>
                <tr>
                  <th>Accuser</th>
                  <th>Accused</th>
                  <th className="num">Events</th>
                </tr>
              </thead>
              <tbody>
                {result.data.edges.slice(0, 40).map((e) => {
                  const label = (id: string) => result.data.nodes.find((n) => n.id === id)?.label ?? id;
                  const href = (id: string) =>
                    result.data.level === 'actor'
                      ? actorHref(id)
                      : `/incidents?country=${encodeURIComponent(id)}`;
                  return (
                    <tr key={`${e.from}>${e.to}`}>
                      <td>
                        <Link href={href(e.from)}>{label(e.from)}</Link>
                      </td>
                      <td>
                        <Link href={href(e.to)}>{label(e.to)}</Link>
                      </td>
                      <td className="num">{e.count}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </div>
      ) : null}
    </>
  );
}
