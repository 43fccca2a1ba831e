/**
 * What the API does, behind its routes: each route validates, calls one function here and presents
 * the plain result. Everything reads and writes through the Store interface; grading is the pure
 * incidents stage.
 */
import { createHash } from 'node:crypto';
import { CyberclaimsError, describeError } from '../errors.js';
import { extractDocument } from '../extract/index.js';
import {
  DEFAULT_WINDOW_DAYS,
  gradeIncident,
  partyKey,
  toIncident,
  type Incident,
  type IncidentRecord,
  type OutletRegistry,
} from '../incidents/index.js';
import {
  collectExport,
  maskPersonalDataKeepingOffsets,
  MEDIA_TYPES,
  renderExport,
  type ExportFormat,
  type ExportSelection,
} from '../export/index.js';
import { documentFromContent, readBuffer } from '../ingest/index.js';
import { actorKey, findEntries, type KbEntry, type KnowledgeBase } from '../kb/index.js';
import type {
  ClaimFilter,
  DocumentSummary,
  IncidentFilter,
  SearchResult,
  Store,
  StoredClaim,
  StoredDocument,
} from '../store/index.js';
import type { Kind, Party, Response, SourceDocument, Span } from '../types.js';
import { mentionSpans, type MentionSpan } from './mentions.js';
import {
  actorGraph,
  incidentFacets,
  matchesIncidentQuery,
  sortIncidents,
  timeline,
  type GraphLevel,
  type IncidentQuery,
} from './views.js';

export interface ServiceOptions {
  readonly store: Store;
  readonly kb: KnowledgeBase;
  readonly registry: OutletRegistry;
  /** Largest document accepted, in bytes. */
  readonly maxBytes: number;
}

export interface Paged<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** An incident as the list shows it: the contract incident less its per-source detail. */
export interface IncidentSummary {
  readonly id: string;
  readonly claimant: Party;
  readonly accused: readonly Party[];
  readonly operations: readonly string[];
  readonly sectors: readonly string[];
  readonly targetCountries: readonly string[];
  readonly firstReported: string | null;
  readonly lastReported: string | null;
  readonly sources: number;
  readonly independentSources: number;
  readonly conflicts: readonly string[];
  readonly denied: boolean;
  readonly basis: Incident['basis'];
  readonly grade: Incident['grade'];
}

/** A graded incident with what the list needs beside the contract fields. */
export interface GradedIncident {
  readonly incident: Incident;
  readonly record: IncidentRecord;
  readonly summary: IncidentSummary;
}

/** A marked stretch of an article: an evidence sentence of a claim or of a response. */
export interface TextHighlight {
  readonly start: number;
  readonly end: number;
  readonly kind: 'evidence' | 'response';
  /** The claim (local id) the sentence supports or answers; null for a response to no particular claim. */
  readonly claim: string | null;
}

export interface IncidentArticle {
  readonly document: DocumentSummary;
  readonly claim: string;
  readonly text: string;
  readonly highlights: readonly TextHighlight[];
}

export interface DocumentDetail extends DocumentSummary {
  readonly text: string;
  readonly claims: readonly StoredClaim[];
  readonly responses: readonly Response[];
  readonly mentions: readonly MentionSpan[];
  readonly highlights: readonly TextHighlight[];
  /** Incidents that this document's claims are sources of. */
  readonly incidents: readonly string[];
}

export interface AddResult {
  readonly status: 'stored' | 'duplicate';
  readonly document: DocumentDetail;
}

export interface ActorSummary {
  /** The knowledge-base id, else the grouping key of an unknown actor (`~CN:threat-group`, `~name:…`). */
  readonly id: string;
  readonly name: string;
  readonly kind: Kind;
  readonly country: string | null;
  readonly known: boolean;
  readonly aliases: readonly string[];
  /** Accusations (claims) this actor made / received, and incidents likewise. */
  readonly made: number;
  readonly received: number;
  readonly incidentsMade: number;
  readonly incidentsReceived: number;
}

export interface ActorDetail extends ActorSummary {
  readonly accusationsMade: readonly IncidentSummary[];
  readonly accusationsReceived: readonly IncidentSummary[];
  readonly claimsMade: readonly StoredClaim[];
  readonly claimsReceived: readonly StoredClaim[];
  readonly responses: readonly { readonly documentId: string; readonly response: Response }[];
}

export type DocumentInput =
  | {
      readonly kind: 'content';
      readonly content: string;
      readonly format: 'text' | 'markdown' | 'html';
      readonly title?: string | undefined;
      readonly url?: string | undefined;
      readonly outlet?: string | undefined;
      readonly published?: string | undefined;
    }
  | { readonly kind: 'file'; readonly filename: string; readonly bytes: Buffer };

const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

/** A file name safe to show and store: its last path part, printable, at most 200 characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean === '' ? 'upload' : clean).slice(0, 200);
}

/**
 * Article text as the API shows it: identity numbers, birthdates, phone numbers and e-mail addresses
 * blacked out character for character, so that the evidence and mention offsets still point right.
 */
const masked = (text: string): string => maskPersonalDataKeepingOffsets(text);
function maskedEvidence<T extends { readonly evidence: readonly Span[] }>(x: T): T {
  return { ...x, evidence: x.evidence.map((e) => ({ ...e, text: masked(e.text) })) };
}

export class Service {
  readonly #o: ServiceOptions;
  #windowDays = DEFAULT_WINDOW_DAYS;
  #graded: { key: string; list: GradedIncident[] } | null = null;
  #actors: { key: string; map: Map<string, ActorSummary> } | null = null;

  constructor(o: ServiceOptions) {
    this.#o = o;
  }

  get store(): Store {
    return this.#o.store;
  }

  /** Builds the incidents when this store never had them (a database from before incidents existed). */
  async init(): Promise<void> {
    const state = await this.#o.store.incidentState();
    if (!state.built) await this.#o.store.rebuildIncidents();
    this.#windowDays = state.windowDays ?? DEFAULT_WINDOW_DAYS;
  }

  /**
   * An export in one of the formats of `cyberclaims export` (the same functions): one incident, or
   * those the incidents filters select. Personal data is masked unless asked for.
   */
  async export(
    format: ExportFormat,
    selection: ExportSelection,
    includePersonalData = false,
  ): Promise<{ text: string; mediaType: string; incidents: number }> {
    const data = await collectExport(this.#o.store, selection, {
      registry: this.#o.registry,
      windowDays: this.#windowDays,
      kb: this.#o.kb.byId,
    });
    const text = renderExport(data, format, {
      selection,
      ...(includePersonalData ? { includePersonalData } : {}),
    });
    return { text, mediaType: MEDIA_TYPES[format], incidents: data.incidents.length };
  }

  /** The `--actor` semantics of the CLI (see kb actorKey). */
  actorKey(actor: string): string {
    return actorKey(this.#o.kb.entries, actor);
  }

  async health() {
    return { status: 'ok' as const, ...(await this.#o.store.stats()) };
  }

  // --- documents --------------------------------------------------------------------------------

  async listDocuments(page: { limit: number; offset: number }): Promise<Paged<DocumentSummary>> {
    const [items, stats] = await Promise.all([this.#o.store.listDocuments(page), this.#o.store.stats()]);
    return { items, total: stats.documents, ...page };
  }

  async getDocument(idOrSource: string): Promise<DocumentDetail> {
    const doc = await this.#o.store.getDocument(idOrSource);
    if (!doc) throw new CyberclaimsError('NOT_FOUND', `no document "${idOrSource}"`);
    return this.#detail(doc);
  }

  /** Reads, extracts and stores a pasted or uploaded article, then updates the incidents it touches. */
  async addDocument(input: DocumentInput): Promise<AddResult> {
    const doc = this.#read(input);
    const extracted = extractDocument(doc, this.#o.kb);
    const saved = await this.#o.store.saveDocument(doc, extracted);
    if (saved.status === 'stored') {
      try {
        await this.#o.store.updateIncidentsFor([saved.documentId]);
      } catch (e) {
        // The document is stored; the next rebuild recovers the incidents.
        throw new CyberclaimsError(
          'DB_ERROR',
          `${doc.source}: stored, but incidents were not updated (${describeError(e)})`,
        );
      }
    }
    return { status: saved.status, document: await this.getDocument(saved.documentId) };
  }

  #read(input: DocumentInput): SourceDocument {
    const { maxBytes } = this.#o;
    if (input.kind === 'file') {
      const source = `upload:${cleanFilename(input.filename)}`;
      const results = readBuffer(source, input.bytes, cleanFilename(input.filename), maxBytes);
      const first = results[0];
      if (!first) throw new CyberclaimsError('FILE_EMPTY', `${source}: no document in the file`);
      if (first.kind === 'error') throw first.error;
      if (results.length > 1) {
        throw new CyberclaimsError(
          'BAD_ARGUMENT',
          `${source}: holds ${results.length} documents, expected one (use \`cyberclaims ingest\` for batches)`,
        );
      }
      return first.doc;
    }
    if (byteLength(input.content) > maxBytes) {
      throw new CyberclaimsError(
        'FILE_TOO_LARGE',
        `pasted article: ${byteLength(input.content)} bytes exceeds the ${maxBytes}-byte limit`,
      );
    }
    if (input.content.trim() === '') throw new CyberclaimsError('FILE_EMPTY', 'pasted article: no text');
    // Pasted text has no path: the URL when given, else a name from its content (so a repeat paste is the same source).
    const hash = createHash('sha256').update(input.content, 'utf8').digest('hex').slice(0, 12);
    const source = input.url ?? `pasted:${hash}`;
    return documentFromContent(source, input.content, input.format, {
      title: input.title ?? null,
      url: input.url ?? null,
      outlet: input.outlet ?? null,
      published: input.published ?? null,
    });
  }

  async #detail(doc: StoredDocument): Promise<DocumentDetail> {
    const parties: Party[] = [];
    for (const c of doc.claims) parties.push(c.claimant, ...c.accused);
    for (const r of doc.responses) parties.push(r.by);
    const graded = await this.#allGraded();
    const incidents = graded
      .filter((g) => g.record.claims.some((id) => id.startsWith(`${doc.id}:`)))
      .map((g) => g.incident.id);
    const { claims: _c, responses: _r, text: _t, ...summary } = doc;
    return {
      ...summary,
      text: masked(doc.text),
      claims: doc.claims.map(maskedEvidence),
      responses: doc.responses.map(maskedEvidence),
      mentions: mentionSpans(doc.text, parties),
      highlights: highlightsOf(doc.claims, doc.responses),
      incidents,
    };
  }

  // --- claims -----------------------------------------------------------------------------------

  async listClaims(filter: ClaimFilter & { limit: number; offset: number }): Promise<Paged<StoredClaim>> {
    const [items, total] = await Promise.all([
      this.#o.store.listClaims(filter),
      this.#o.store.countClaims(filter),
    ]);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  async getClaim(id: string): Promise<StoredClaim> {
    const claim = await this.#o.store.getClaim(id);
    if (!claim) throw new CyberclaimsError('NOT_FOUND', `no claim "${id}"`);
    return claim;
  }

  // --- incidents --------------------------------------------------------------------------------

  /** Every incident, graded; kept until the store's contents change. */
  async #allGraded(): Promise<GradedIncident[]> {
    const key = JSON.stringify([await this.#o.store.stats(), await this.#o.store.incidentState()]);
    if (this.#graded?.key === key) return this.#graded.list;
    const state = await this.#o.store.incidentState();
    this.#windowDays = state.windowDays ?? DEFAULT_WINDOW_DAYS;
    const list = (await this.#o.store.listIncidents()).map((s) => this.#grade(s.record, s.neighbours));
    this.#graded = { key, list };
    return list;
  }

  #grade(record: IncidentRecord, neighbours: Parameters<typeof gradeIncident>[1]): GradedIncident {
    const incident = toIncident(
      record,
      gradeIncident(record, neighbours, this.#o.registry, this.#windowDays),
    );
    return { incident, record, summary: summarise(incident, record) };
  }

  async listIncidents(
    q: IncidentQuery & { limit: number; offset: number },
  ): Promise<Paged<IncidentSummary> & { facets: ReturnType<typeof incidentFacets> }> {
    // Actor, country, operation and period go to the store (indexed); sector and grade are read from
    // the graded incidents.
    const filter: IncidentFilter = {
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.country ? { country: q.country } : {}),
      ...(q.operation ? { operation: q.operation } : {}),
      ...(q.since ? { since: q.since } : {}),
      ...(q.until ? { until: q.until } : {}),
    };
    const all = await this.#allGraded();
    let selected = all;
    if (Object.keys(filter).length > 0) {
      const ids = new Set((await this.#o.store.listIncidents(filter)).map((s) => s.record.id));
      selected = all.filter((g) => ids.has(g.incident.id));
    }
    selected = selected.filter((g) => matchesIncidentQuery(g, q));
    const sorted = sortIncidents(selected, q.sort ?? 'firstReported', q.order ?? 'desc');
    return {
      items: sorted.slice(q.offset, q.offset + q.limit).map((g) => g.summary),
      total: sorted.length,
      limit: q.limit,
      offset: q.offset,
      facets: incidentFacets(selected),
    };
  }

  async getIncident(id: string): Promise<{
    incident: Incident;
    summary: IncidentSummary;
    targetCountries: readonly string[];
    articles: IncidentArticle[];
  }> {
    const stored = await this.#o.store.getIncident(id);
    if (!stored) throw new CyberclaimsError('NOT_FOUND', `no incident "${id}"`);
    const g = this.#grade(stored.record, stored.neighbours);
    const articles: IncidentArticle[] = [];
    const seen = new Set<string>();
    for (const storedId of g.record.claims) {
      if (seen.has(storedId)) continue;
      seen.add(storedId);
      const claim = await this.#o.store.getClaim(storedId);
      if (!claim) continue;
      const doc = await this.#o.store.getDocument(claim.documentId);
      if (!doc) continue;
      const { claims: _c, responses: _r, text: _t, ...summary } = doc;
      const answering = doc.responses.filter((r) => r.claim === claim.id || r.claim === null);
      articles.push({
        document: summary,
        claim: claim.id,
        text: masked(doc.text),
        highlights: highlightsOf([claim], answering),
      });
    }
    return { incident: g.incident, summary: g.summary, targetCountries: g.record.targetCountries, articles };
  }

  // --- actors -----------------------------------------------------------------------------------

  async #actorMap(): Promise<Map<string, ActorSummary>> {
    const graded = await this.#allGraded();
    const key = this.#graded?.key ?? '';
    if (this.#actors?.key === key) return this.#actors.map;
    const claims = await this.#o.store.listClaims();
    const acc = new Map<
      string,
      {
        party: Party;
        names: Map<string, number>;
        aliases: Set<string>;
        made: number;
        received: number;
        incidentsMade: number;
        incidentsReceived: number;
      }
    >();
    const entry = (p: Party) => {
      const k = partyKey(p);
      let a = acc.get(k);
      if (!a) {
        a = {
          party: p,
          names: new Map(),
          aliases: new Set(),
          made: 0,
          received: 0,
          incidentsMade: 0,
          incidentsReceived: 0,
        };
        acc.set(k, a);
      }
      a.names.set(p.name, (a.names.get(p.name) ?? 0) + 1);
      for (const al of [p.name, ...p.aliases]) a.aliases.add(al);
      return a;
    };
    for (const c of claims) {
      entry(c.claimant).made++;
      for (const k of new Set(c.accused.map(partyKey))) {
        const p = c.accused.find((x) => partyKey(x) === k)!;
        entry(p).received++;
      }
    }
    for (const g of graded) {
      entry(g.incident.claimant).incidentsMade++;
      for (const k of new Set(g.incident.accused.map(partyKey))) {
        entry(g.incident.accused.find((x) => partyKey(x) === k)!).incidentsReceived++;
      }
    }
    const map = new Map<string, ActorSummary>();
    for (const [id, a] of acc) {
      const kbEntry = a.party.id ? this.#o.kb.byId.get(a.party.id) : undefined;
      // Unknown actors are named by the form most sources use.
      const name =
        kbEntry?.name ?? [...a.names].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]![0];
      const aliases = new Set([...(kbEntry?.aliases ?? []), ...a.aliases]);
      aliases.delete(name);
      map.set(id, {
        id,
        name,
        kind: kbEntry?.kind ?? a.party.kind,
        country: kbEntry?.country ?? a.party.country,
        known: kbEntry !== undefined,
        aliases: [...aliases].sort((x, y) => x.localeCompare(y)),
        made: a.made,
        received: a.received,
        incidentsMade: a.incidentsMade,
        incidentsReceived: a.incidentsReceived,
      });
    }
    this.#actors = { key, map };
    return map;
  }

  async listActors(q: {
    q?: string | undefined;
    kind?: string | undefined;
    country?: string | undefined;
    role?: 'accuser' | 'accused' | undefined;
    limit: number;
    offset: number;
  }): Promise<Paged<ActorSummary>> {
    const map = await this.#actorMap();
    const needle = q.q?.trim().toLowerCase() ?? '';
    const rank = (a: ActorSummary): number | null => {
      if (needle === '') return 0;
      const forms = [a.id, a.name, ...a.aliases].map((s) => s.toLowerCase());
      if (forms.some((f) => f === needle)) return 0;
      if (forms.some((f) => f.startsWith(needle))) return 1;
      if (forms.some((f) => f.includes(needle))) return 2;
      return null;
    };
    const hits: [ActorSummary, number][] = [];
    for (const a of map.values()) {
      if (q.kind && a.kind !== q.kind) continue;
      if (q.country && a.country !== q.country.toUpperCase()) continue;
      if (q.role === 'accuser' && a.made === 0) continue;
      if (q.role === 'accused' && a.received === 0) continue;
      const r = rank(a);
      if (r !== null) hits.push([a, r]);
    }
    hits.sort(
      (x, y) =>
        x[1] - y[1] ||
        y[0].made + y[0].received - (x[0].made + x[0].received) ||
        x[0].name.localeCompare(y[0].name),
    );
    return {
      items: hits.slice(q.offset, q.offset + q.limit).map((h) => h[0]),
      total: hits.length,
      limit: q.limit,
      offset: q.offset,
    };
  }

  async getActor(idOrName: string): Promise<ActorDetail> {
    const map = await this.#actorMap();
    let summary = map.get(idOrName);
    if (!summary) {
      // A knowledge-base name or alias ("ICEFCOM") or an actor the store has not seen yet.
      const entries = findEntries(this.#o.kb.entries, idOrName);
      const e: KbEntry | undefined = entries[0];
      if (e) summary = map.get(e.id) ?? kbOnly(e);
    }
    if (!summary) throw new CyberclaimsError('NOT_FOUND', `no actor "${idOrName}"`);
    const id = summary.id;
    const graded = await this.#allGraded();
    const made = graded.filter((g) => partyKey(g.incident.claimant) === id).map((g) => g.summary);
    const received = graded
      .filter((g) => g.incident.accused.some((p) => partyKey(p) === id))
      .map((g) => g.summary);
    const claims = await this.#o.store.listClaims();
    const responses: { documentId: string; response: Response }[] = [];
    const docIds = new Set<string>();
    for (const c of claims) {
      for (const r of c.responses) {
        if (partyKey(r.by) === id && !docIds.has(`${c.documentId}:${r.evidence[0]?.start ?? ''}`)) {
          docIds.add(`${c.documentId}:${r.evidence[0]?.start ?? ''}`);
          responses.push({ documentId: c.documentId, response: r });
        }
      }
    }
    return {
      ...summary,
      accusationsMade: made,
      accusationsReceived: received,
      claimsMade: claims.filter((c) => partyKey(c.claimant) === id),
      claimsReceived: claims.filter((c) => c.accused.some((p) => partyKey(p) === id)),
      responses,
    };
  }

  // --- search and overviews ---------------------------------------------------------------------

  async search(q: string, page: { limit: number; offset: number }): Promise<SearchResult> {
    const r = await this.#o.store.searchDocuments(q, page);
    return { ...r, hits: r.hits.map((h) => ({ ...h, snippet: masked(h.snippet) })) };
  }

  async timeline() {
    return timeline((await this.#allGraded()).map((g) => g.incident));
  }

  async graph(level: GraphLevel) {
    return actorGraph(
      (await this.#allGraded()).map((g) => g.incident),
      level,
    );
  }
}

function kbOnly(e: KbEntry): ActorSummary {
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    country: e.country,
    known: true,
    aliases: [...e.aliases],
    made: 0,
    received: 0,
    incidentsMade: 0,
    incidentsReceived: 0,
  };
}

function summarise(i: Incident, r: IncidentRecord): IncidentSummary {
  return {
    id: i.id,
    claimant: i.claimant,
    accused: i.accused,
    operations: i.operations,
    sectors: i.sectors,
    targetCountries: r.targetCountries,
    firstReported: i.firstReported,
    lastReported: r.lastReported,
    sources: i.sources.length,
    independentSources: i.independentSources,
    conflicts: i.comparison.filter((c) => c.conflict).map((c) => c.attribute),
    denied: r.facts.some((f) => f.response === 'denial'),
    basis: i.basis,
    grade: i.grade,
  };
}

/** Evidence sentences of the claims and of the responses, in text order, without duplicates. */
export function highlightsOf(
  claims: readonly { readonly id: string; readonly evidence: readonly Span[] }[],
  responses: readonly Response[],
): TextHighlight[] {
  const out = new Map<string, TextHighlight>();
  const add = (s: Span, kind: TextHighlight['kind'], claim: string | null) => {
    const k = `${s.start}:${s.end}`;
    if (!out.has(k)) out.set(k, { start: s.start, end: s.end, kind, claim });
  };
  for (const c of claims) for (const s of c.evidence) add(s, 'evidence', c.id);
  for (const r of responses) for (const s of r.evidence) add(s, 'response', r.claim);
  return [...out.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
