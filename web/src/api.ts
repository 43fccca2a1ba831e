/** The JSON API as the app uses it: typed answers and errors carrying the server's code and message. */
import type { Incident } from '../../src/incidents/types.js';
import type { Claim, Kind, Party, Response as ClaimResponse } from '../../src/types.js';

export type { Incident, Party, Claim, ClaimResponse, Kind };

export interface Paged<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Grade {
  reliability: string;
  credibility: number;
  reasons: string[];
}

export interface IncidentSummary {
  id: string;
  claimant: Party;
  accused: Party[];
  operations: string[];
  sectors: string[];
  targetCountries: string[];
  firstReported: string | null;
  lastReported: string | null;
  sources: number;
  independentSources: number;
  conflicts: string[];
  denied: boolean;
  basis: string;
  grade: Grade;
}

export interface Facets {
  operations: Record<string, number>;
  sectors: Record<string, number>;
  countries: Record<string, number>;
  reliability: Record<string, number>;
  credibility: Record<string, number>;
  basis: Record<string, number>;
  conflicts: number;
}

export interface Highlight {
  start: number;
  end: number;
  kind: 'evidence' | 'response';
  claim: string | null;
}

export interface DocumentSummary {
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  contentHash: string;
  ingestedAt: string;
}

export interface StoredClaim extends Claim {
  storedId: string;
  documentId: string;
  source: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  responses: ClaimResponse[];
}

export interface Mention {
  start: number;
  end: number;
  text: string;
  actor: { id: string; name: string; country: string | null; kind: string };
}

export interface DocumentDetail extends DocumentSummary {
  text: string;
  claims: StoredClaim[];
  responses: ClaimResponse[];
  mentions: Mention[];
  highlights: Highlight[];
  incidents: string[];
}

export interface IncidentDetail {
  incident: Incident;
  summary: IncidentSummary;
  targetCountries: string[];
  articles: { document: DocumentSummary; claim: string; text: string; highlights: Highlight[] }[];
}

export interface ActorSummary {
  id: string;
  name: string;
  kind: Kind;
  country: string | null;
  known: boolean;
  aliases: string[];
  made: number;
  received: number;
  incidentsMade: number;
  incidentsReceived: number;
}

export interface ActorDetail extends ActorSummary {
  accusationsMade: IncidentSummary[];
  accusationsReceived: IncidentSummary[];
  claimsMade: StoredClaim[];
  claimsReceived: StoredClaim[];
  responses: { documentId: string; response: ClaimResponse }[];
}

export interface SearchResult {
  total: number;
  limit: number;
  offset: number;
  hits: {
    document: DocumentSummary;
    snippet: string;
    highlights: { start: number; end: number }[];
    score: number;
  }[];
}

export interface Timeline {
  months: string[];
  series: { country: string | null; total: number; counts: number[] }[];
  undated: number;
}

export interface Graph {
  level: 'country' | 'actor';
  nodes: {
    id: string;
    label: string;
    country: string | null;
    kind: string | null;
    made: number;
    received: number;
  }[];
  edges: { from: string; to: string; count: number; incidents: string[] }[];
}

export interface Health {
  status: 'ok';
  version: string;
  documents: number;
  claims: number;
  responses: number;
  parties: number;
  writeRequiresToken: boolean;
}

export interface AddResult {
  status: 'stored' | 'duplicate';
  document: DocumentDetail;
}

/** A failed request: the server's error code and one-line message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'cyberclaims-token';
export const token = {
  get: (): string => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (t: string) => (t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY)),
};

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  let r: Response;
  try {
    r = await fetch(url, { ...init, headers: { accept: 'application/json', ...(init?.headers ?? {}) } });
  } catch {
    throw new ApiError(0, 'NETWORK', 'the server cannot be reached');
  }
  const text = await r.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: reported below
  }
  if (!r.ok) {
    const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(r.status, e?.code ?? 'HTTP', e?.message ?? `${r.status} ${r.statusText}`);
  }
  return body as T;
}

/** A query string from the values that are set. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

const writeHeaders = (): Record<string, string> => {
  const t = token.get();
  return t ? { authorization: `Bearer ${t}` } : {};
};

export const api = {
  health: () => request<Health>('/api/health'),
  incidents: (q: Record<string, string | number | boolean | undefined>) =>
    request<Paged<IncidentSummary> & { facets: Facets }>(`/api/incidents${qs(q)}`),
  incident: (id: string) => request<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`),
  actors: (q: Record<string, string | number | undefined>) =>
    request<Paged<ActorSummary>>(`/api/actors${qs(q)}`),
  actor: (id: string) => request<ActorDetail>(`/api/actors/${encodeURIComponent(id)}`),
  documents: (q: { limit: number; offset: number }) =>
    request<Paged<DocumentSummary>>(`/api/documents${qs(q)}`),
  document: (id: string) => request<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`),
  search: (q: string, limit: number, offset: number) =>
    request<SearchResult>(`/api/search${qs({ q, limit, offset })}`),
  timeline: () => request<Timeline>('/api/timeline'),
  graph: (level: 'country' | 'actor') => request<Graph>(`/api/graph${qs({ level })}`),
  openapi: () => request<OpenApi>('/api/openapi.json'),
  paste: (body: {
    content: string;
    format: string;
    title?: string;
    url?: string;
    outlet?: string;
    published?: string;
  }) =>
    request<AddResult>('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...writeHeaders() },
      body: JSON.stringify(body),
    }),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<AddResult>('/api/documents/upload', {
      method: 'POST',
      headers: writeHeaders(),
      body: form,
    });
  },
};

export interface OpenApi {
  info: { title: string; version: string; description?: string };
  paths: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        description?: string;
        tags?: string[];
        parameters?: {
          name: string;
          in: string;
          required?: boolean;
          description?: string;
          schema?: Record<string, unknown>;
        }[];
        requestBody?: unknown;
        responses?: Record<string, unknown>;
      }
    >
  >;
}
