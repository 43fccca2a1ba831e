/**
 * Pure views over graded incidents for the API: the filters the store does not index (sector,
 * grade, conflicts), sorting, facet counts, the timeline by accusing country and the who-accuses-whom
 * graph.
 */
import { partyKey, type Incident } from '../incidents/index.js';
import type { Kind } from '../types.js';

export const INCIDENT_SORTS = ['firstReported', 'sources', 'grade', 'claimant', 'conflicts'] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

export interface IncidentQuery {
  actor?: string | undefined;
  country?: string | undefined;
  operation?: string | undefined;
  sector?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  /** A–F: this reliability or better. */
  reliability?: string | undefined;
  /** 1–6: this credibility or better. */
  credibility?: number | undefined;
  /** Only incidents whose sources disagree on something. */
  conflict?: boolean | undefined;
  sort?: IncidentSort | undefined;
  order?: 'asc' | 'desc' | undefined;
}

interface Graded {
  readonly incident: Incident;
  readonly summary: { readonly conflicts: readonly string[] };
}

export function matchesIncidentQuery(g: Graded, q: IncidentQuery): boolean {
  const i = g.incident;
  if (q.sector && !i.sectors.includes(q.sector)) return false;
  if (q.reliability && i.grade.reliability > q.reliability.toUpperCase()) return false;
  if (q.credibility !== undefined && i.grade.credibility > q.credibility) return false;
  if (q.conflict && g.summary.conflicts.length === 0) return false;
  return true;
}

/** A grade as one number, best first: A1 → 11, F6 → 66. */
const gradeRank = (i: Incident) => (i.grade.reliability.charCodeAt(0) - 64) * 10 + i.grade.credibility;

export function sortIncidents<T extends Graded>(
  list: readonly T[],
  sort: IncidentSort,
  order: 'asc' | 'desc',
): T[] {
  const dir = order === 'asc' ? 1 : -1;
  const key: Record<IncidentSort, (a: T, b: T) => number> = {
    firstReported: (a, b) => (a.incident.firstReported ?? '').localeCompare(b.incident.firstReported ?? ''),
    sources: (a, b) => a.incident.sources.length - b.incident.sources.length,
    // "grade desc" puts the best grades first.
    grade: (a, b) => gradeRank(b.incident) - gradeRank(a.incident),
    claimant: (a, b) => b.incident.claimant.name.localeCompare(a.incident.claimant.name),
    conflicts: (a, b) => a.summary.conflicts.length - b.summary.conflicts.length,
  };
  // Undated incidents go last whichever the order.
  const undated = (x: T) => (x.incident.firstReported === null ? 1 : 0);
  return [...list].sort(
    (a, b) =>
      (sort === 'firstReported' ? undated(a) - undated(b) : 0) ||
      dir * key[sort](a, b) ||
      a.incident.id.localeCompare(b.incident.id),
  );
}

export interface Facets {
  readonly operations: Record<string, number>;
  readonly sectors: Record<string, number>;
  /** Countries of the claimant or any accused. */
  readonly countries: Record<string, number>;
  readonly reliability: Record<string, number>;
  readonly credibility: Record<string, number>;
  readonly basis: Record<string, number>;
  readonly conflicts: number;
}

/** How many of `list` have each value: the counts beside each filter. */
export function incidentFacets(list: readonly Graded[]): Facets {
  const f = {
    operations: {} as Record<string, number>,
    sectors: {} as Record<string, number>,
    countries: {} as Record<string, number>,
    reliability: {} as Record<string, number>,
    credibility: {} as Record<string, number>,
    basis: {} as Record<string, number>,
    conflicts: 0,
  };
  const inc = (o: Record<string, number>, k: string) => (o[k] = (o[k] ?? 0) + 1);
  for (const g of list) {
    const i = g.incident;
    for (const op of new Set(i.operations)) inc(f.operations, op);
    for (const s of new Set(i.sectors)) inc(f.sectors, s);
    const cs = new Set(
      [i.claimant.country, ...i.accused.map((a) => a.country)].filter((c): c is string => !!c),
    );
    for (const c of cs) inc(f.countries, c);
    inc(f.reliability, i.grade.reliability);
    inc(f.credibility, String(i.grade.credibility));
    inc(f.basis, i.basis);
    if (g.summary.conflicts.length > 0) f.conflicts++;
  }
  return f;
}

export interface Timeline {
  /** Every month from the first to the last dated incident, `YYYY-MM`. */
  readonly months: readonly string[];
  /** One row per accusing country (`null`: not known), most accusations first. */
  readonly series: readonly {
    readonly country: string | null;
    readonly total: number;
    readonly counts: readonly number[];
  }[];
  readonly undated: number;
}

/** Accusation events (incidents) per month of first report, by the claimant's country. */
export function timeline(incidents: readonly Incident[]): Timeline {
  const dated = incidents.filter((i) => i.firstReported !== null);
  const monthOf = (i: Incident) => i.firstReported!.slice(0, 7);
  const months: string[] = [];
  if (dated.length > 0) {
    const all = dated.map(monthOf).sort();
    let [y, m] = all[0]!.split('-').map(Number) as [number, number];
    const last = all[all.length - 1]!;
    for (;;) {
      const key = `${y}-${String(m).padStart(2, '0')}`;
      months.push(key);
      if (key >= last || months.length > 1200) break;
      m++;
      if (m > 12) {
        m = 1;
        y++;
      }
    }
  }
  const index = new Map(months.map((m, n) => [m, n]));
  const rows = new Map<string | null, number[]>();
  for (const i of dated) {
    const c = i.claimant.country;
    let row = rows.get(c);
    if (!row) rows.set(c, (row = months.map(() => 0)));
    row[index.get(monthOf(i))!]!++;
  }
  const series = [...rows].map(([country, counts]) => ({
    country,
    total: counts.reduce((a, b) => a + b, 0),
    counts,
  }));
  series.sort((a, b) => b.total - a.total || (a.country ?? '~').localeCompare(b.country ?? '~'));
  return { months, series, undated: incidents.length - dated.length };
}

export type GraphLevel = 'country' | 'actor';

export interface Graph {
  readonly level: GraphLevel;
  readonly nodes: readonly {
    readonly id: string;
    readonly label: string;
    readonly country: string | null;
    readonly kind: Kind | null;
    readonly made: number;
    readonly received: number;
  }[];
  readonly edges: readonly {
    readonly from: string;
    readonly to: string;
    readonly count: number;
    readonly incidents: readonly string[];
  }[];
}

/** Who accuses whom: one edge per claimant → accused pair, weighted by incidents; countries or actors. */
export function actorGraph(incidents: readonly Incident[], level: GraphLevel): Graph {
  const nodes = new Map<
    string,
    { id: string; label: string; country: string | null; kind: Kind | null; made: number; received: number }
  >();
  const edges = new Map<string, { from: string; to: string; count: number; incidents: string[] }>();
  const node = (p: Incident['claimant']) => {
    const id = level === 'country' ? (p.country ?? '??') : partyKey(p);
    let n = nodes.get(id);
    if (!n) {
      n =
        level === 'country'
          ? {
              id,
              label: p.country ?? 'unknown country',
              country: p.country,
              kind: null,
              made: 0,
              received: 0,
            }
          : { id, label: p.name, country: p.country, kind: p.kind, made: 0, received: 0 };
      nodes.set(id, n);
    }
    return n;
  };
  for (const i of incidents) {
    const from = node(i.claimant);
    const targets = new Map(i.accused.map((a) => [node(a).id, node(a)]));
    from.made++;
    for (const to of targets.values()) {
      if (to.id === from.id && level === 'country' && from.id === '??') continue;
      to.received++;
      const k = `${from.id}\u0000${to.id}`;
      let e = edges.get(k);
      if (!e) edges.set(k, (e = { from: from.id, to: to.id, count: 0, incidents: [] }));
      e.count++;
      e.incidents.push(i.id);
    }
  }
  return {
    level,
    nodes: [...nodes.values()].sort(
      (a, b) => b.made + b.received - (a.made + a.received) || a.id.localeCompare(b.id),
    ),
    edges: [...edges.values()].sort(
      (a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
    ),
  };
}
