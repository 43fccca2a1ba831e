/**
 * STIX 2.1 bundles (OASIS STIX Version 2.1, 2021) that load into OpenCTI:
 *
 * - a `report` per source document, created by its outlet's `identity`, with the document's URL;
 * - an `identity` per claimant (organisation, state, company, person), per denying party, per outlet,
 *   per targeted sector (identity_class "class") and per state an accused agency or unit belongs to;
 * - an `intrusion-set` per accused threat group and a `threat-actor` per other accused actor (agency,
 *   military unit, state, person), with `threat_actor_types`;
 * - an `attack-pattern` per alleged operation, carrying its ATT&CK reference where one technique is
 *   the operation (phishing, ransomware, destruction), and one per ATT&CK or DISARM technique the
 *   extractor found;
 * - a `location` per targeted country;
 * - `relationship`s (uses, targets, attributed-to), one per incident, created by the claimant: they
 *   are the claimant's assertion, with `confidence` from the incident's credibility grade;
 * - a `note` carrying each evidence sentence, an `opinion` ("strongly-disagree") for each denial,
 *   created by the denying party;
 * - a `grouping` per incident with its grade and reasons.
 *
 * Ids are UUIDv5 over each object's defining properties and times come from the documents, so an
 * export of the same data is byte-identical.
 */
import { normaliseOutlet } from '../incidents/index.js';
import type { StoredClaim } from '../store/index.js';
import type { Kind, Operation, Party, Sector, Technique } from '../types.js';
import {
  actorKey,
  actorNames,
  admiraltyConfidence,
  denialsOf,
  documentTime,
  incidentClaims,
  incidentTitle,
  indexExport,
  listText,
  REFERENCE_TIME,
  timeSpan,
  type ExportIndex,
} from './common.js';
import { idFor, stixId } from './ids.js';
import type { ExportData, ExportDocument, ExportIncident } from './types.js';

export type StixObject = Readonly<Record<string, unknown>> & { readonly type: string; readonly id: string };

export interface StixBundle {
  readonly type: 'bundle';
  readonly id: string;
  readonly objects?: readonly StixObject[];
}

/** Custom properties carry this prefix (STIX 2.1 §11.1: lower case, ASCII letters, digits, underscores). */
const X = 'x_cyberclaims_';

// threat-actor-type-ov (STIX 2.1 §10.23). The tool is about accusations of state operations: an
// agency, a unit, a state — and a person the accuser ties to a country — act for a nation state.
const ACTOR_TYPES: Readonly<Record<Kind, (p: Party) => string[]>> = {
  state: () => ['nation-state'],
  'government-agency': () => ['nation-state'],
  'military-unit': () => ['nation-state'],
  person: (p) => (p.country ? ['nation-state'] : ['unknown']),
  'threat-group': () => ['unknown'],
  company: () => ['unknown'],
  researchers: () => ['unknown'],
  unknown: () => ['unknown'],
};

// identity-class-ov (STIX 2.1 §10.8)
const IDENTITY_CLASS: Readonly<Record<Kind, string>> = {
  state: 'organization',
  'government-agency': 'organization',
  'military-unit': 'organization',
  company: 'organization',
  researchers: 'group',
  'threat-group': 'group',
  person: 'individual',
  unknown: 'unknown',
};

// industry-sector-ov (STIX 2.1 §10.9) where it has the sector; the vocabulary is open, so the others keep our term.
const SECTOR_OV: Readonly<Record<Exclude<Sector, 'other'>, string>> = {
  water: 'water',
  energy: 'energy',
  communications: 'communications',
  government: 'government',
  defense: 'defense',
  political: 'political',
  media: 'media',
  finance: 'financial-services',
  healthcare: 'healthcare',
  transportation: 'transportation',
  technology: 'technology',
  education: 'education',
  manufacturing: 'manufacturing',
};

const OPERATION_NAMES: Readonly<Record<Operation, string>> = {
  intrusion: 'Intrusion',
  espionage: 'Cyber espionage',
  disruption: 'Disruption',
  destruction: 'Destruction',
  ransomware: 'Ransomware',
  phishing: 'Phishing',
  disinformation: 'Disinformation',
  'hack-and-leak': 'Hack and leak',
  'pre-positioning': 'Pre-positioning',
};

/** Operations that are one ATT&CK technique: their attack-pattern is that technique's. */
const OPERATION_TECHNIQUE: Partial<Record<Operation, Technique>> = {
  phishing: { framework: 'attack', id: 'T1566', name: 'Phishing' },
  ransomware: { framework: 'attack', id: 'T1486', name: 'Data Encrypted for Impact' },
  destruction: { framework: 'attack', id: 'T1485', name: 'Data Destruction' },
};
const TECHNIQUE_OPERATION = new Map(
  Object.entries(OPERATION_TECHNIQUE).map(([op, t]) => [`${t.framework}:${t.id}`, op as Operation]),
);

function techniqueReference(t: Technique): Record<string, string> {
  if (t.framework === 'attack') {
    // sub-techniques are T1566.001 → /techniques/T1566/001/
    return {
      source_name: 'mitre-attack',
      external_id: t.id,
      url: `https://attack.mitre.org/techniques/${t.id.replace('.', '/')}/`,
    };
  }
  return {
    source_name: 'DISARM',
    external_id: t.id,
    url: `https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages/techniques/${t.id}.md`,
  };
}

/** Drops absent values, empty strings and empty arrays: STIX forbids null and empty lists. */
function clean(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}

const sdo = (
  type: string,
  id: string,
  created: string,
  modified: string,
  props: Record<string, unknown>,
): StixObject =>
  clean({ type, spec_version: '2.1', id, created, modified, ...props }) as unknown as StixObject;

// bundle order: the things talked about first, then what is said about them
const TYPE_ORDER = [
  'identity',
  'location',
  'threat-actor',
  'intrusion-set',
  'attack-pattern',
  'relationship',
  'note',
  'opinion',
  'report',
  'grouping',
];

/** Builds the objects of one bundle; an id is added once (ids are derived from content, so the first is kept). */
class BundleBuilder {
  readonly objects = new Map<string, StixObject>();

  constructor(
    private readonly data: ExportData,
    private readonly ix: ExportIndex,
  ) {}

  private add(o: StixObject): string {
    if (!this.objects.has(o.id)) this.objects.set(o.id, o);
    return o.id;
  }

  /** The identity of a party speaking: a claimant or a denying party. */
  partyIdentity(p: Party): string {
    const { name, aliases } = actorNames(this.ix, p);
    const kb = p.id ? this.ix.actors.get(p.id) : undefined;
    const kind = kb?.kind ?? p.kind;
    const country = kb ? kb.country : p.country;
    return this.add(
      sdo('identity', stixId('identity', 'party', actorKey(p)), REFERENCE_TIME, REFERENCE_TIME, {
        name,
        identity_class: IDENTITY_CLASS[kind],
        [`${X}kind`]: kind,
        [`${X}country`]: country,
        [`${X}aliases`]: aliases,
        [`${X}kb_id`]: p.id,
      }),
    );
  }

  /** The identity of a country's state (what an accused agency or unit acts for). */
  stateIdentity(cc: string): string {
    const c = this.data.countries[cc];
    return this.partyIdentity({
      name: c?.name ?? cc,
      id: c?.stateId ?? null,
      country: cc,
      kind: 'state',
      aliases: [],
    });
  }

  outletIdentity(doc: ExportDocument): string | null {
    if (!doc.outlet) return null;
    const outlet = normaliseOutlet(doc.outlet);
    return this.add(
      sdo('identity', stixId('identity', 'outlet', outlet), REFERENCE_TIME, REFERENCE_TIME, {
        name: doc.outletName ?? doc.outlet,
        identity_class: 'organization',
        [`${X}outlet`]: outlet,
        [`${X}source_reliability`]: doc.reliability,
      }),
    );
  }

  /** An accused actor: an intrusion-set for a threat group, else a threat-actor. */
  accusedObject(p: Party): {
    id: string;
    type: 'intrusion-set' | 'threat-actor';
    kind: Kind;
    country: string | null;
  } {
    const { name, aliases } = actorNames(this.ix, p);
    const kb = p.id ? this.ix.actors.get(p.id) : undefined;
    const kind = kb?.kind ?? p.kind;
    const country = kb ? kb.country : p.country;
    const type = kind === 'threat-group' ? 'intrusion-set' : 'threat-actor';
    const common = {
      name,
      aliases: aliases.filter((a) => a !== name),
      [`${X}kind`]: kind,
      [`${X}country`]: country,
      [`${X}kb_id`]: p.id,
    };
    const id = this.add(
      sdo(
        type,
        stixId(type, 'party', actorKey(p)),
        REFERENCE_TIME,
        REFERENCE_TIME,
        type === 'threat-actor'
          ? { ...common, threat_actor_types: ACTOR_TYPES[kind]({ ...p, country }) }
          : common,
      ),
    );
    return { id, type, kind, country };
  }

  location(cc: string): string {
    return this.add(
      sdo('location', stixId('location', 'country', cc), REFERENCE_TIME, REFERENCE_TIME, {
        name: this.data.countries[cc]?.name ?? cc,
        country: cc,
      }),
    );
  }

  sector(s: Sector): string | null {
    if (s === 'other') return null;
    return this.add(
      sdo('identity', stixId('identity', 'sector', s), REFERENCE_TIME, REFERENCE_TIME, {
        name: `${s[0]!.toUpperCase()}${s.slice(1)} sector`,
        identity_class: 'class',
        sectors: [SECTOR_OV[s]],
        [`${X}sector`]: s,
      }),
    );
  }

  technique(t: Technique): string {
    return this.add(
      sdo('attack-pattern', stixId('attack-pattern', t.framework, t.id), REFERENCE_TIME, REFERENCE_TIME, {
        name: t.name,
        external_references: [techniqueReference(t)],
        [`${X}operation`]: TECHNIQUE_OPERATION.get(`${t.framework}:${t.id}`),
      }),
    );
  }

  operation(op: Operation): string {
    const t = OPERATION_TECHNIQUE[op];
    if (t) return this.technique(t);
    return this.add(
      sdo('attack-pattern', stixId('attack-pattern', 'operation', op), REFERENCE_TIME, REFERENCE_TIME, {
        name: OPERATION_NAMES[op],
        [`${X}operation`]: op,
      }),
    );
  }

  put(o: StixObject): string {
    return this.add(o);
  }
}

/** What one claim contributes: its objects (for its report and its incident's grouping). */
function claimObjects(
  b: BundleBuilder,
  inc: ExportIncident,
  claim: StoredClaim,
  doc: ExportDocument,
  grade: Record<string, unknown>,
  span: { first: string; last: string },
): string[] {
  const i = inc.incident;
  const refs = new Set<string>();
  const claimant = b.partyIdentity(i.claimant);
  refs.add(claimant);
  const accused = claim.accused.map((p) => ({ party: p, ...b.accusedObject(p) }));
  for (const a of accused) refs.add(a.id);

  const relationships: string[] = [];
  const relate = (type: string, source: string, target: string) => {
    const id = b.put(
      sdo('relationship', stixId('relationship', i.id, type, source, target), span.first, span.last, {
        relationship_type: type,
        source_ref: source,
        target_ref: target,
        created_by_ref: claimant,
        ...grade,
      }),
    );
    relationships.push(id);
    refs.add(target);
  };
  for (const a of accused) {
    for (const op of claim.operations) relate('uses', a.id, b.operation(op));
    for (const t of claim.techniques) relate('uses', a.id, b.technique(t));
    for (const cc of claim.targetCountries) relate('targets', a.id, b.location(cc));
    for (const s of claim.sectors) {
      const sector = b.sector(s);
      if (sector) relate('targets', a.id, sector);
    }
  }
  // STIX 2.1 §4.4 / §4.17: an intrusion set is attributed to a threat actor, a threat actor to an identity
  for (const g of accused.filter((a) => a.type === 'intrusion-set'))
    for (const t of accused.filter((a) => a.type === 'threat-actor')) relate('attributed-to', g.id, t.id);
  for (const t of accused.filter((a) => a.type === 'threat-actor' && a.kind !== 'state'))
    if (t.country) relate('attributed-to', t.id, b.stateIdentity(t.country));
  for (const r of relationships) refs.add(r);

  const outlet = b.outletIdentity(doc);
  const time = documentTime(doc);
  const docRef = doc.url ? [{ source_name: doc.outletName ?? doc.outlet ?? 'source', url: doc.url }] : [];
  const where = `${doc.outletName ?? doc.outlet ?? doc.source}, ${doc.published ?? 'undated'}`;
  const about = `${i.claimant.name} accuses ${listText(claim.accused.map((p) => p.name))}`;
  const notes: string[] = [];
  for (const ev of claim.evidence) {
    notes.push(
      b.put(
        sdo('note', stixId('note', doc.id, claim.id, ev.start, ev.end, ev.text), time, time, {
          abstract: `${about} (${where})`,
          content: ev.text,
          object_refs: [...new Set([...relationships, ...accused.map((a) => a.id), claimant])].sort(),
          created_by_ref: outlet,
          external_references: docRef,
          [`${X}claim`]: claim.storedId,
          [`${X}document`]: doc.id,
          [`${X}start`]: ev.start,
          [`${X}end`]: ev.end,
          [`${X}claimant`]: i.claimant.name,
          [`${X}hedged`]: claim.hedged,
        }),
      ),
    );
  }
  for (const n of notes) refs.add(n);

  for (const r of denialsOf(claim)) {
    const by = b.partyIdentity(r.by);
    refs.add(by);
    const text = r.evidence.map((e) => e.text).join(' ');
    refs.add(
      b.put(
        sdo(
          'opinion',
          stixId('opinion', doc.id, claim.id, actorKey(r.by), r.evidence[0]?.start ?? null, text),
          time,
          time,
          {
            opinion: 'strongly-disagree',
            explanation: text || `${r.by.name} denied the accusation (${where}).`,
            authors: [r.by.name],
            object_refs: [...new Set([...notes, ...relationships])].sort(),
            created_by_ref: by,
            external_references: docRef,
            [`${X}claim`]: claim.storedId,
            [`${X}document`]: doc.id,
            [`${X}response`]: r.type,
          },
        ),
      ),
    );
  }
  return [...refs];
}

/**
 * The STIX 2.1 bundle of the export data. Pure: the same data gives the same bytes (objects sorted by
 * type, then id; the bundle id is derived from the object ids).
 */
export function toStixBundle(data: ExportData): StixBundle {
  const ix = indexExport(data);
  const b = new BundleBuilder(data, ix);
  const byDocument = new Map<string, Set<string>>();

  for (const inc of data.incidents) {
    const i = inc.incident;
    const items = incidentClaims(ix, inc);
    if (items.length === 0) continue;
    const span = timeSpan(items.map((x) => documentTime(x.doc)));
    const confidence = admiraltyConfidence(i.grade.credibility);
    const grade = {
      confidence,
      [`${X}incident`]: i.id,
      [`${X}claimant`]: i.claimant.name,
      [`${X}basis`]: i.basis,
      [`${X}source_reliability`]: i.grade.reliability,
      [`${X}credibility`]: i.grade.credibility,
    };
    const refs = new Set<string>();
    for (const { claim, doc } of items) {
      const objs = claimObjects(b, inc, claim, doc, grade, span);
      for (const o of objs) refs.add(o);
      const docRefs = byDocument.get(doc.id) ?? new Set<string>();
      for (const o of objs) docRefs.add(o);
      byDocument.set(doc.id, docRefs);
    }
    for (const doc of new Set(items.map((x) => x.doc))) refs.add(stixId('report', doc.id));
    b.put(
      sdo('grouping', stixId('grouping', i.id), span.first, span.last, {
        name: incidentTitle(inc),
        description: i.grade.reasons.join(' '),
        context: 'suspicious-activity',
        object_refs: [...refs].sort(),
        ...grade,
        [`${X}grade`]: `${i.grade.reliability}${i.grade.credibility}`,
        [`${X}first_reported`]: i.firstReported,
        [`${X}independent_sources`]: i.independentSources,
        [`${X}reasons`]: i.grade.reasons,
      }),
    );
  }

  for (const doc of data.documents) {
    const refs = byDocument.get(doc.id);
    if (!refs || refs.size === 0) continue;
    const time = documentTime(doc);
    const outlet = b.outletIdentity(doc);
    b.put(
      sdo('report', stixId('report', doc.id), time, time, {
        name: doc.title ?? doc.source,
        report_types: ['threat-report'],
        published: time,
        object_refs: [...refs].sort(),
        created_by_ref: outlet,
        external_references: [
          doc.url
            ? { source_name: doc.outletName ?? doc.outlet ?? 'source', url: doc.url }
            : { source_name: 'cyberclaims', external_id: doc.id, description: doc.source },
        ],
        [`${X}document`]: doc.id,
        [`${X}source`]: doc.source,
        [`${X}outlet`]: doc.outlet,
        [`${X}source_reliability`]: doc.reliability,
      }),
    );
  }

  const rank = (t: string) => {
    const r = TYPE_ORDER.indexOf(t);
    return r < 0 ? TYPE_ORDER.length : r;
  };
  const objects = [...b.objects.values()].sort(
    (x, y) => rank(x.type) - rank(y.type) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  const id = `bundle--${idFor('bundle', ...objects.map((o) => o.id))}`;
  return objects.length ? { type: 'bundle', id, objects } : { type: 'bundle', id };
}

/** The bundle as the file's text: two-space JSON and a final newline. */
export function stixText(data: ExportData): string {
  return `${JSON.stringify(toStixBundle(data), null, 2)}\n`;
}
