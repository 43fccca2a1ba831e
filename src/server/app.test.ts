/**
 * The API through app.inject(): a real SQLite file in a temp folder, filled by ingesting the incident
 * fixtures (one MSS → ICEFCOM event reported by a wire story, its reprint and an own report that
 * disagree on how many people were named, and an earlier event) plus two single articles.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInputs } from '../cli/ingest.js';
import { loadKnowledgeBase } from '../kb/index.js';
import { openStore, type Store } from '../store/index.js';
import { buildApp } from './index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = [
  path.join(root, 'test', 'fixtures', 'incidents'),
  path.join(root, 'test', 'fixtures', 'cli', 'ncsc-gru.txt'),
  path.join(root, 'test', 'fixtures', 'cli', 'microsoft-volt-typhoon.txt'),
];
const kb = loadKnowledgeBase(null);

let tmp: string;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-api-'));
  store = await openStore(path.join(tmp, 'api.db'));
  const s = await ingestInputs(FIXTURES, store, kb, { quiet: true });
  expect(s.failed).toBe(0);
  app = await buildApp({ store, kb, maxBytes: 64 * 1024, webRoot: path.join(tmp, 'no-web') });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function get<T = Record<string, unknown>>(url: string, status = 200): Promise<T> {
  const r = await app.inject({ method: 'GET', url });
  expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(status);
  return r.json<T>();
}

interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

const ARTICLE = `Water utilities breached, vendor says

Microsoft said on Tuesday that Volt Typhoon, a Chinese state-sponsored hacking group, broke into water utilities in Guam. China's foreign ministry denied the accusation and called it disinformation.`;

describe('errors', () => {
  it('answers unknown routes, unknown ids and invalid queries with {error: {code, message}}', async () => {
    const nope = await get<ErrorBody>('/api/nope', 404);
    expect(nope.error).toEqual({ code: 'NOT_FOUND', message: 'no route GET /api/nope' });
    expect((await get<ErrorBody>('/api/documents/doc-0000', 404)).error.code).toBe('NOT_FOUND');
    expect((await get<ErrorBody>('/api/incidents/inc-00', 404)).error.message).toBe('no incident "inc-00"');
    const bad = await get<ErrorBody>('/api/incidents?limit=0', 400);
    expect(bad.error.code).toBe('VALIDATION_FAILED');
    expect(bad.error.message).toMatch(/querystring\/limit must be >= 1/);
    expect(bad.error.details?.length).toBeGreaterThan(0);
    expect((await get<ErrorBody>('/api/incidents?colour=red', 400)).error.message).toMatch(
      /additional properties/,
    );
    expect((await get<ErrorBody>('/api/incidents?operation=hacking', 400)).error.message).toMatch(
      /querystring\/operation must be equal to one of the allowed values/,
    );
    expect((await get<ErrorBody>('/api/incidents?since=2025-13-45', 400)).error.code).toBe(
      'VALIDATION_FAILED',
    );
    const json = await app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { 'content-type': 'application/json' },
      payload: '{"content": ',
    });
    expect(json.statusCode).toBe(400);
    expect(json.json<ErrorBody>().error.code).toBe('BAD_REQUEST');
  });

  it('sends helmet headers with a strict Content-Security-Policy on every answer', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it('says plainly that the web app is not built when its folder is missing', async () => {
    const r = await app.inject({ method: 'GET', url: '/incidents' });
    expect(r.statusCode).toBe(503);
    expect(r.body).toMatch(/npm run build/);
  });
});

describe('OpenAPI', () => {
  it('describes every resource at /api/openapi.json, with named schemas', async () => {
    const doc = await get<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>('/api/openapi.json');
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/health',
      '/api/documents',
      '/api/documents/{id}',
      '/api/documents/upload',
      '/api/claims',
      '/api/claims/{id}',
      '/api/incidents',
      '/api/incidents/{id}',
      '/api/actors',
      '/api/actors/{id}',
      '/api/search',
      '/api/timeline',
      '/api/graph',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Party', 'Claim', 'Incident', 'Error']),
    );
    const docs = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(302);
    expect(docs.headers.location).toBe('/api-docs');
  });
});

describe('health, documents and claims', () => {
  it('reports counts', async () => {
    const h = await get<{ status: string; documents: number; claims: number; writeRequiresToken: boolean }>(
      '/api/health',
    );
    expect(h.status).toBe('ok');
    expect(h.documents).toBe(6);
    expect(h.claims).toBeGreaterThan(3);
    expect(h.writeRequiresToken).toBe(false);
  });

  it('pages documents and returns one with its text, evidence spans and mentions', async () => {
    const page = await get<{ items: { id: string; source: string }[]; total: number }>(
      '/api/documents?limit=2&offset=1',
    );
    expect(page.total).toBe(6);
    expect(page.items).toHaveLength(2);
    const all = await get<{ items: { id: string; source: string }[] }>('/api/documents');
    const ncsc = all.items.find((d) => d.source.endsWith('ncsc-gru.txt'))!;
    const doc = await get<{
      text: string;
      claims: { evidence: { text: string; start: number; end: number }[] }[];
      mentions: { start: number; end: number; text: string; actor: { id: string } }[];
      highlights: { start: number; end: number; kind: string }[];
      incidents: string[];
    }>(`/api/documents/${ncsc.id}`);
    expect(doc.claims.length).toBeGreaterThan(0);
    for (const c of doc.claims)
      for (const e of c.evidence) expect(doc.text.slice(e.start, e.end)).toBe(e.text);
    expect(doc.mentions.length).toBeGreaterThan(0);
    for (const m of doc.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
    expect(doc.mentions.some((m) => m.actor.id === 'ru-gru')).toBe(true);
    expect(doc.highlights.some((h) => h.kind === 'evidence')).toBe(true);
    expect(doc.incidents.length).toBeGreaterThan(0);
    // By source, as given to ingest, too.
    expect((await get<{ id: string }>(`/api/documents/${encodeURIComponent(ncsc.source)}`)).id).toBe(ncsc.id);
  });

  it('filters claims and counts them', async () => {
    const all = await get<{ total: number; items: unknown[] }>('/api/claims');
    const gru = await get<{ total: number; items: { storedId: string; accused: { id: string | null }[] }[] }>(
      '/api/claims?actor=GRU',
    );
    expect(gru.total).toBeGreaterThan(0);
    expect(gru.total).toBeLessThan(all.total);
    const one = await get<{ storedId: string }>(`/api/claims/${encodeURIComponent(gru.items[0]!.storedId)}`);
    expect(one.storedId).toBe(gru.items[0]!.storedId);
    expect((await get<{ total: number }>('/api/claims?country=ZZ')).total).toBe(0);
  });
});

describe('incidents', () => {
  interface Summary {
    id: string;
    claimant: { id: string | null };
    accused: { id: string | null }[];
    sources: number;
    conflicts: string[];
    firstReported: string | null;
    grade: { reliability: string; credibility: number };
  }
  type List = {
    items: Summary[];
    total: number;
    facets: { operations: Record<string, number>; conflicts: number };
  };

  it('lists with filters, facet counts and sorting', async () => {
    const all = await get<List>('/api/incidents');
    expect(all.total).toBe(all.items.length);
    expect(all.facets.conflicts).toBeGreaterThan(0);
    const mss = await get<List>('/api/incidents?actor=ICEFCOM');
    expect(mss.total).toBeGreaterThan(0);
    for (const i of mss.items) expect([i.claimant.id, ...i.accused.map((a) => a.id)]).toContain('tw-icefcom');
    const conflicts = await get<List>('/api/incidents?conflict=true');
    expect(conflicts.total).toBe(all.facets.conflicts);
    const bySources = await get<List>('/api/incidents?sort=sources&order=desc');
    const counts = bySources.items.map((i) => i.sources);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const dated = (await get<List>('/api/incidents?sort=firstReported&order=asc')).items
      .map((i) => i.firstReported)
      .filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
    const op = Object.keys(all.facets.operations)[0]!;
    expect((await get<List>(`/api/incidents?operation=${op}`)).total).toBe(all.facets.operations[op]);
    expect((await get<List>('/api/incidents?since=2099-01-01')).total).toBe(0);
    expect(
      (await get<List>('/api/incidents?credibility=1&reliability=A')).items.every(
        (i) => i.grade.credibility === 1,
      ),
    ).toBe(true);
    expect((await get<List>('/api/incidents?limit=1&offset=1')).items).toHaveLength(
      Math.min(1, all.total - 1),
    );
  });

  it('shows one incident with the comparison, the grade and each article with its evidence highlighted', async () => {
    const list = await get<List>('/api/incidents?actor=ICEFCOM&conflict=true');
    const id = list.items[0]!.id;
    const d = await get<{
      incident: {
        id: string;
        comparison: { attribute: string; conflict: boolean }[];
        grade: { reasons: string[] };
        sources: unknown[];
      };
      articles: { text: string; highlights: { start: number; end: number; kind: string }[] }[];
    }>(`/api/incidents/${id}`);
    expect(d.incident.id).toBe(id);
    expect(d.incident.comparison.some((r) => r.conflict)).toBe(true);
    expect(d.incident.grade.reasons.length).toBeGreaterThan(0);
    expect(d.articles.length).toBe(d.incident.sources.length);
    for (const a of d.articles) {
      expect(a.highlights.some((h) => h.kind === 'evidence')).toBe(true);
      for (const h of a.highlights) expect(h.end).toBeLessThanOrEqual(a.text.length);
    }
  });
});

describe('actors, search and overviews', () => {
  it('lists and searches actors, and shows one with aliases and accusations made and received', async () => {
    const list = await get<{ items: { id: string; made: number; received: number }[]; total: number }>(
      '/api/actors',
    );
    expect(list.total).toBeGreaterThan(2);
    const found = await get<{ items: { id: string }[] }>('/api/actors?q=icefcom');
    expect(found.items[0]!.id).toBe('tw-icefcom');
    const accusers = await get<{ items: { made: number }[] }>('/api/actors?role=accuser');
    expect(accusers.items.every((a) => a.made > 0)).toBe(true);
    const mss = await get<{
      name: string;
      aliases: string[];
      accusationsMade: { accused: { id: string | null }[] }[];
      claimsMade: unknown[];
    }>('/api/actors/cn-mss');
    expect(mss.name).toBe('Ministry of State Security');
    expect(mss.aliases).toContain('MSS');
    expect(mss.accusationsMade.length).toBeGreaterThan(0);
    const icefcom = await get<{ id: string; accusationsReceived: unknown[] }>('/api/actors/ICEFCOM');
    expect(icefcom.id).toBe('tw-icefcom');
    expect(icefcom.accusationsReceived.length).toBeGreaterThan(0);
    expect((await get<ErrorBody>('/api/actors/nobody-at-all', 404)).error.code).toBe('NOT_FOUND');
  });

  it('searches documents with FTS5 and returns plain-text snippets with highlights', async () => {
    const r = await get<{
      total: number;
      hits: { snippet: string; highlights: { start: number; end: number }[] }[];
    }>('/api/search?q=volt');
    expect(r.total).toBeGreaterThan(0);
    const h = r.hits[0]!;
    expect(h.highlights.map((x) => h.snippet.slice(x.start, x.end).toLowerCase())).toContain('volt');
    expect((await get<{ total: number }>('/api/search?q=%22%20OR%20(')).total).toBe(0);
    expect((await get<ErrorBody>('/api/search', 400)).error.code).toBe('VALIDATION_FAILED');
  });

  it('builds the timeline by accusing country and the who-accuses-whom graph', async () => {
    const t = await get<{
      months: string[];
      series: { country: string | null; counts: number[]; total: number }[];
    }>('/api/timeline');
    expect(t.months.length).toBeGreaterThan(0);
    for (const s of t.series) expect(s.counts).toHaveLength(t.months.length);
    expect(t.series.some((s) => s.country === 'CN')).toBe(true);
    const g = await get<{ nodes: { id: string }[]; edges: { from: string; to: string; count: number }[] }>(
      '/api/graph',
    );
    expect(g.edges.some((e) => e.from === 'CN' && e.to === 'TW')).toBe(true);
    const a = await get<{ level: string; edges: { from: string; to: string }[] }>('/api/graph?level=actor');
    expect(a.edges.some((e) => e.from === 'cn-mss' && e.to === 'tw-icefcom')).toBe(true);
  });
});

describe('export', () => {
  it('serves the CLI exports at /api/export: STIX for the filters, MISP for one incident, CSV, errors', async () => {
    const stix = await app.inject({ method: 'GET', url: '/api/export?format=stix&actor=ICEFCOM' });
    expect(stix.statusCode, stix.body.slice(0, 300)).toBe(200);
    expect(stix.headers['content-type']).toContain('application/stix+json');
    const bundle = stix.json<{ type: string; objects: { type: string; id: string }[] }>();
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.some((o) => o.type === 'grouping')).toBe(true);
    expect(Number(stix.headers['x-cyberclaims-incidents'])).toBeGreaterThan(0);
    // the same request gives the same bytes
    const again = await app.inject({ method: 'GET', url: '/api/export?format=stix&actor=ICEFCOM' });
    expect(again.body).toBe(stix.body);

    const list = await get<{ items: { id: string }[] }>('/api/incidents?limit=1');
    const id = list.items[0]!.id;
    const misp = await get<{ Event: { info: string; Tag: unknown[] } }>(
      `/api/export?format=misp&incident=${id}`,
    );
    expect(typeof misp.Event.info).toBe('string');
    expect(misp.Event.Tag.length).toBeGreaterThan(0);

    const csv = await app.inject({ method: 'GET', url: '/api/export?format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('incident');

    const bad = await get<ErrorBody>('/api/export?format=pdf', 400);
    expect(bad.error.code).toBe('VALIDATION_FAILED');
    const missing = await get<ErrorBody>('/api/export?format=stix&incident=inc-0000', 404);
    expect(missing.error.code).toBe('NOT_FOUND');
  });
});

describe('writing', () => {
  it('extracts and stores a pasted article, updates the incidents, and answers a repeat as a duplicate', async () => {
    const before = (await get<{ total: number }>('/api/incidents')).total;
    const r = await app.inject({ method: 'POST', url: '/api/documents', payload: { content: ARTICLE } });
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json<{
      status: string;
      document: {
        id: string;
        text: string;
        claims: { claimant: { id: string }; evidence: { start: number; end: number; text: string }[] }[];
        incidents: string[];
      };
    }>();
    expect(body.status).toBe('stored');
    const claim = body.document.claims.find((c) => c.claimant.id === 'org-microsoft');
    expect(claim).toBeDefined();
    for (const e of claim!.evidence) expect(body.document.text.slice(e.start, e.end)).toBe(e.text);
    expect(body.document.incidents.length).toBeGreaterThan(0);
    expect((await get<{ total: number }>('/api/incidents')).total).toBeGreaterThanOrEqual(before);
    const again = await app.inject({ method: 'POST', url: '/api/documents', payload: { content: ARTICLE } });
    expect(again.statusCode).toBe(200);
    expect(again.json<{ status: string; document: { id: string } }>()).toMatchObject({
      status: 'duplicate',
      document: { id: body.document.id },
    });
  });

  it('reads pasted HTML as HTML, keeping markup out of the text', async () => {
    const html = `<html><head><title>GRU blamed</title><script>alert(1)</script></head><body><article><p>The UK's National Cyber Security Centre said the GRU carried out the attacks on Ukrainian energy companies.</p><img src=x onerror="alert(2)"></article></body></html>`;
    const r = await app.inject({
      method: 'POST',
      url: '/api/documents',
      payload: { content: html, format: 'html' },
    });
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json<{ document: { text: string; title: string } }>().document;
    expect(d.text).not.toMatch(/<script|onerror|alert/);
    expect(d.text).toMatch(/GRU carried out/);
  });

  it('accepts an uploaded file and refuses unsupported, empty and oversized ones', async () => {
    const upload = (name: string, content: string | Buffer) => {
      const boundary = '----cc-test';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        Buffer.isBuffer(content) ? content : Buffer.from(content),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return app.inject({
        method: 'POST',
        url: '/api/documents/upload',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    };
    const ok = await upload(
      '../../etc/story.md',
      `# Sandworm again\n\n${ARTICLE.replace('Tuesday', 'Wednesday')}`,
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<{ document: { source: string } }>().document.source).toBe('upload:story.md');
    const pdf = await upload('report.pdf', '%PDF-1.7');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json<ErrorBody>().error.code).toBe('UNSUPPORTED_TYPE');
    const empty = await upload('empty.txt', '   \n');
    expect(empty.statusCode).toBe(422);
    expect(empty.json<ErrorBody>().error.code).toBe('FILE_EMPTY');
    const binary = await upload('x.txt', Buffer.from([0, 1, 2, 3, 0, 0, 0, 255]));
    expect(binary.statusCode).toBe(415);
    const big = await upload('big.txt', 'word '.repeat(20_000));
    expect(big.statusCode).toBe(413);
    expect(big.json<ErrorBody>().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('limits the size of pasted articles and of any JSON body', async () => {
    const big = await app.inject({
      method: 'POST',
      url: '/api/documents',
      payload: { content: 'a '.repeat(40_000) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json<ErrorBody>().error.code).toBe('FILE_TOO_LARGE');
    const huge = await app.inject({
      method: 'POST',
      url: '/api/documents',
      payload: { content: 'a'.repeat(400_000) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json<ErrorBody>().error.code).toBe('PAYLOAD_TOO_LARGE');
    const extra = await app.inject({
      method: 'POST',
      url: '/api/documents',
      payload: { content: 'x', admin: true },
    });
    expect(extra.statusCode).toBe(400);
  });

  it('refuses writes that a browser marks as coming from another site', async () => {
    for (const headers of [
      { origin: 'http://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ]) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/documents',
        headers,
        payload: { content: ARTICLE },
      });
      expect(r.statusCode).toBe(403);
      expect(r.json<ErrorBody>().error.code).toBe('FORBIDDEN');
    }
    const same = await app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' },
      payload: { content: ARTICLE },
    });
    expect(same.statusCode).toBe(200);
  });
});

describe('the write token', () => {
  it('requires Authorization: Bearer for writes, not for reads', async () => {
    const secured = await buildApp({ store, kb, token: 's3cret-token', webRoot: path.join(tmp, 'no-web') });
    try {
      expect((await secured.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({
        writeRequiresToken: true,
      });
      const none = await secured.inject({
        method: 'POST',
        url: '/api/documents',
        payload: { content: ARTICLE },
      });
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      expect(none.json<ErrorBody>().error.code).toBe('UNAUTHORIZED');
      const wrong = await secured.inject({
        method: 'POST',
        url: '/api/documents',
        headers: { authorization: 'Bearer s3cret-tokem' },
        payload: { content: ARTICLE },
      });
      expect(wrong.statusCode).toBe(401);
      const right = await secured.inject({
        method: 'POST',
        url: '/api/documents',
        headers: { authorization: 'Bearer s3cret-token' },
        payload: { content: ARTICLE },
      });
      expect(right.statusCode).toBe(200);
    } finally {
      await secured.close();
    }
  });
});

describe('personal data', () => {
  it('blacks out identity numbers and birthdates in article text, keeping every offset', async () => {
    const text =
      'Title\n\nThe Ministry of State Security said ICEFCOM hacked public screens. It named Chen Wei, born on 14 March 1985, identity card number A123456789, as one of the officers.';
    const posted = await app.inject({
      method: 'POST',
      url: '/api/documents',
      payload: { content: text, format: 'text' },
    });
    expect(posted.statusCode, posted.body.slice(0, 300)).toBeLessThan(300);
    const id = posted.json<{ document: { id: string } }>().document.id;
    const doc = await get<{
      text: string;
      claims: { evidence: { text: string; start: number; end: number }[] }[];
    }>(`/api/documents/${id}`);
    expect(doc.text).not.toContain('A123456789');
    expect(doc.text).not.toContain('1985');
    expect(doc.text.length).toBe(text.length);
    for (const c of doc.claims)
      for (const e of c.evidence) expect(doc.text.slice(e.start, e.end)).toBe(e.text);
  });
});
