/**
 * Reads what an export needs from a store: the selected incidents, graded, and the claims, documents
 * and knowledge-base actors behind them. This is the one function the CLI (and later `/api/export`)
 * calls before rendering; the formats themselves never touch the store.
 */
import { CyberclaimsError } from '../errors.js';
import { gradeIncident, lookupOutlet, toIncident, type OutletRegistry } from '../incidents/index.js';
import type { KbEntry } from '../kb/index.js';
import type { Store, StoredClaim, StoredIncident } from '../store/index.js';
import type { Party } from '../types.js';
import type {
  ExportActor,
  ExportCountry,
  ExportData,
  ExportDocument,
  ExportIncident,
  ExportSelection,
} from './types.js';

export interface CollectContext {
  readonly registry: OutletRegistry;
  /** The grouping window the incidents were built with: grades count corroboration within it. */
  readonly windowDays: number;
  /** Knowledge-base entries by id (built-in and user): canonical names, aliases, country names. */
  readonly kb: ReadonlyMap<string, KbEntry>;
}

/** The document id of a stored claim id (`doc-…:c1`). */
const documentOf = (storedId: string): string => storedId.slice(0, storedId.indexOf(':'));

/** Whether a respondent is one of the accused, or a party of an accused's state. */
function onAccusedSide(by: Party, accused: readonly Party[]): boolean {
  return accused.some(
    (a) => (a.id !== null && a.id === by.id) || (a.country !== null && a.country === by.country),
  );
}

export async function collectExport(
  store: Store,
  selection: ExportSelection,
  ctx: CollectContext,
): Promise<ExportData> {
  let stored: StoredIncident[];
  if (selection.kind === 'incident') {
    const one = await store.getIncident(selection.id);
    if (!one)
      throw new CyberclaimsError(
        'NOT_FOUND',
        `${selection.id}: no incident with this id (run \`cyberclaims incidents\` to list them)`,
      );
    stored = [one];
  } else {
    stored = await store.listIncidents(selection.filter);
  }

  const incidents: ExportIncident[] = stored.map((s) => ({
    incident: toIncident(s.record, gradeIncident(s.record, s.neighbours, ctx.registry, ctx.windowDays)),
    claims: s.record.claims,
  }));

  const wanted = new Set(incidents.flatMap((i) => i.claims));
  const docIds = [...new Set([...wanted].map(documentOf))].sort();
  const documents: ExportDocument[] = [];
  const claims: StoredClaim[] = [];
  for (const id of docIds) {
    const doc = await store.getDocument(id);
    if (!doc) continue;
    const entry = lookupOutlet(ctx.registry, doc.outlet);
    documents.push({
      id: doc.id,
      source: doc.source,
      title: doc.title,
      outlet: doc.outlet,
      outletName: entry?.name ?? null,
      reliability: entry?.reliability ?? 'F',
      published: doc.published,
      url: doc.url ?? (/^https?:\/\//i.test(doc.source) ? doc.source : null),
      ingestedAt: doc.ingestedAt,
    });
    // As the grade reads them (incidents/group.ts): a response to this claim not made by the claimant,
    // or a response to no particular claim made by the accused side.
    const general = doc.responses.filter((r) => r.claim === null);
    for (const c of doc.claims) {
      if (!wanted.has(c.storedId)) continue;
      const own = c.responses.filter((r) => !(r.by.id !== null && r.by.id === c.claimant.id));
      const answers = general.filter((r) => onAccusedSide(r.by, c.accused));
      claims.push({ ...c, responses: [...own, ...answers] });
    }
  }

  const parties: Party[] = claims.flatMap((c) => [c.claimant, ...c.accused, ...c.responses.map((r) => r.by)]);
  const codes = new Set<string>();
  for (const p of parties) if (p.country) codes.add(p.country);
  for (const c of claims) for (const cc of c.targetCountries) codes.add(cc);
  const states = new Map<string, KbEntry>();
  for (const e of ctx.kb.values()) if (e.kind === 'state' && e.country) states.set(e.country, e);
  const countries: Record<string, ExportCountry> = {};
  for (const cc of [...codes].sort()) {
    const state = states.get(cc);
    countries[cc] = { name: state?.name ?? cc, stateId: state?.id ?? null };
  }

  // the states of the countries named are actors too: an accused unit is attributed to its state
  const actorIds = new Set(parties.map((p) => p.id).filter((x): x is string => x !== null));
  for (const c of Object.values(countries)) if (c.stateId) actorIds.add(c.stateId);
  const actors: ExportActor[] = [];
  for (const id of [...actorIds].sort()) {
    const e = ctx.kb.get(id);
    if (e) actors.push({ id, name: e.name, kind: e.kind, country: e.country, aliases: e.aliases });
  }

  return { kind: 'export-data', incidents, claims, documents, actors, countries };
}
