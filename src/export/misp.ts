/**
 * MISP events in the MISP core format (draft-dulaunoy-misp-core-format): one `{"Event": {…}}` per
 * incident, tagged with the MISP taxonomies `admiralty-scale` (source-reliability a–f,
 * information-credibility 1–6) and `estimative-language` (likelihood-probability), with the accused
 * threat groups as `misp-galaxy:threat-actor` tags or, given a galaxy file, as its clusters, and
 * attributes for the source URLs (link) and the evidence sentences (text).
 */
import { CyberclaimsError } from '../errors.js';
import { normaliseName } from '../incidents/index.js';
import type { Operation, Party } from '../types.js';
import {
  actorKey,
  actorNames,
  admiraltyConfidence,
  documentTime,
  incidentClaims,
  incidentTitle,
  indexExport,
  timeSpan,
  type ExportIndex,
} from './common.js';
import { idFor } from './ids.js';
import type { ExportData, ExportIncident, MispGalaxyFile } from './types.js';

export interface MispAttribute {
  readonly uuid: string;
  readonly type: 'link' | 'text' | 'comment' | 'threat-actor';
  readonly category: 'External analysis' | 'Attribution' | 'Other';
  readonly value: string;
  readonly to_ids: false;
  /** "5": inherit the event's distribution. */
  readonly distribution: '5';
  readonly comment: string;
  readonly timestamp: string;
}

export interface MispGalaxyCluster {
  readonly uuid: string;
  readonly type: string;
  readonly value: string;
  readonly tag_name: string;
  readonly description: string;
  readonly source?: string;
  readonly authors?: readonly string[];
}

export interface MispGalaxy {
  readonly uuid: string;
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly namespace: 'misp';
  readonly GalaxyCluster: readonly MispGalaxyCluster[];
}

export interface MispEvent {
  readonly Event: {
    readonly uuid: string;
    readonly info: string;
    readonly date: string;
    readonly threat_level_id: '1' | '2' | '3' | '4';
    readonly analysis: '0' | '1' | '2';
    readonly distribution: '0';
    readonly published: false;
    readonly timestamp: string;
    readonly Tag: readonly { readonly name: string }[];
    readonly Attribute: readonly MispAttribute[];
    readonly Galaxy?: readonly MispGalaxy[];
  };
}

// threat_level_id: 1 high, 2 medium, 3 low, 4 undefined. Operations that damage or hold systems to
// ransom (or prepare to) are high; access and theft medium; influence operations low.
const THREAT_LEVEL: readonly { level: '1' | '2' | '3'; ops: readonly Operation[] }[] = [
  { level: '1', ops: ['destruction', 'disruption', 'ransomware', 'pre-positioning'] },
  { level: '2', ops: ['intrusion', 'espionage', 'hack-and-leak', 'phishing'] },
  { level: '3', ops: ['disinformation'] },
];

/**
 * estimative-language:likelihood-probability (ICD 203) for a STIX confidence: the band the number
 * falls in (90 → very likely 80–95 %, 70 → likely 55–80 %, 50 → roughly even 45–55 %, 30 → unlikely
 * 20–45 %, 10 → very unlikely 5–20 %). Credibility 6 has no confidence and gets no such tag.
 */
function likelihood(confidence: number): string {
  if (confidence >= 95) return 'almost-certain';
  if (confidence >= 80) return 'very-likely';
  if (confidence >= 55) return 'likely';
  if (confidence >= 45) return 'roughly-even-chance';
  if (confidence >= 20) return 'unlikely';
  if (confidence >= 5) return 'very-unlikely';
  return 'almost-no-chance';
}

const seconds = (stixTime: string): string => String(Math.floor(Date.parse(stixTime) / 1000));
// a machine tag's value is quoted: a name with a double quote would break it
const tagValue = (s: string): string => s.replace(/"/g, "'");

type GalaxyIndex = ReadonlyMap<string, MispGalaxyFile['values'][number]>;

/** Cluster values first, then synonyms, by normalised name: an exact value wins over another cluster's synonym. */
function galaxyIndex(g: MispGalaxyFile): GalaxyIndex {
  const ix = new Map<string, MispGalaxyFile['values'][number]>();
  for (const v of g.values) {
    const k = normaliseName(v.value);
    if (k && !ix.has(k)) ix.set(k, v);
  }
  for (const v of g.values)
    for (const s of v.meta?.synonyms ?? []) {
      const k = normaliseName(s);
      if (k && !ix.has(k)) ix.set(k, v);
    }
  return ix;
}

function findCluster(
  ix: ExportIndex,
  gix: GalaxyIndex,
  p: Party,
): MispGalaxyFile['values'][number] | undefined {
  const { name, aliases } = actorNames(ix, p);
  for (const n of [name, p.name, ...aliases, ...p.aliases]) {
    const hit = gix.get(normaliseName(n));
    if (hit) return hit;
  }
  return undefined;
}

function toEvent(
  ix: ExportIndex,
  inc: ExportIncident,
  galaxy: { file: MispGalaxyFile; index: GalaxyIndex } | null,
): MispEvent | null {
  const i = inc.incident;
  const items = incidentClaims(ix, inc);
  if (items.length === 0) return null;
  const span = timeSpan(items.map((x) => documentTime(x.doc)));

  const tags: string[] = [
    `admiralty-scale:source-reliability="${i.grade.reliability.toLowerCase()}"`,
    `admiralty-scale:information-credibility="${i.grade.credibility}"`,
  ];
  const confidence = admiraltyConfidence(i.grade.credibility);
  if (confidence !== undefined)
    tags.push(`estimative-language:likelihood-probability="${likelihood(confidence)}"`);

  // the accused of every source, once each
  const accused = new Map<string, Party>();
  for (const { claim } of items)
    for (const p of claim.accused) if (!accused.has(actorKey(p))) accused.set(actorKey(p), p);

  const clusters = new Map<string, MispGalaxyCluster>();
  for (const p of accused.values()) {
    if (galaxy) {
      const v = findCluster(ix, galaxy.index, p);
      if (v && !clusters.has(v.uuid))
        clusters.set(v.uuid, {
          uuid: v.uuid,
          type: galaxy.file.type,
          value: v.value,
          tag_name: `misp-galaxy:${galaxy.file.type}="${tagValue(v.value)}"`,
          description: v.description ?? '',
          ...(galaxy.file.source ? { source: galaxy.file.source } : {}),
          ...(galaxy.file.authors ? { authors: galaxy.file.authors } : {}),
        });
    } else if (p.id !== null && (ix.actors.get(p.id)?.kind ?? p.kind) === 'threat-group') {
      // without the galaxy file, the cluster is named by the knowledge base's canonical name
      tags.push(`misp-galaxy:threat-actor="${tagValue(actorNames(ix, p).name)}"`);
    }
  }

  const attributes: MispAttribute[] = [];
  const seen = new Set<string>();
  const attribute = (
    type: MispAttribute['type'],
    category: MispAttribute['category'],
    value: string,
    comment: string,
    time: string,
  ) => {
    const key = `${type}\u0000${value}`;
    if (!value || seen.has(key)) return;
    seen.add(key);
    attributes.push({
      uuid: idFor('misp-attribute', i.id, type, value),
      type,
      category,
      value,
      to_ids: false,
      distribution: '5',
      comment,
      timestamp: seconds(time),
    });
  };
  for (const { doc } of items) {
    if (doc.url)
      attribute(
        'link',
        'External analysis',
        doc.url,
        `Source: ${[doc.outletName ?? doc.outlet, doc.published, doc.title].filter(Boolean).join(', ')}`,
        documentTime(doc),
      );
  }
  for (const { claim, doc } of items) {
    const where = `${doc.outletName ?? doc.outlet ?? doc.source}, ${doc.published ?? 'undated'}`;
    for (const ev of claim.evidence)
      attribute(
        'text',
        'External analysis',
        ev.text,
        `Evidence (${claim.storedId}, ${where}): ${claim.claimant.name} accuses ${claim.accused.map((p) => p.name).join(', ')}`,
        documentTime(doc),
      );
    for (const r of claim.responses)
      for (const ev of r.evidence)
        attribute(
          'text',
          'External analysis',
          ev.text,
          `${r.type === 'no-response' ? 'No response' : `${r.type[0]!.toUpperCase()}${r.type.slice(1)}`} by ${r.by.name} (${where})`,
          documentTime(doc),
        );
  }
  for (const p of accused.values())
    attribute(
      'threat-actor',
      'Attribution',
      actorNames(ix, p).name,
      `Accused by ${i.claimant.name}`,
      span.last,
    );
  attribute(
    'comment',
    'Other',
    `Grade ${i.grade.reliability}${i.grade.credibility}, basis ${i.basis}. ${i.grade.reasons.join(' ')}`,
    `cyberclaims incident ${i.id}`,
    span.last,
  );

  const levels = THREAT_LEVEL.find((t) => t.ops.some((op) => i.operations.includes(op)));
  return {
    Event: {
      uuid: idFor('misp-event', i.id),
      info: incidentTitle(inc).replace(/\s+/g, ' ').slice(0, 256),
      date: (i.firstReported ?? span.first).slice(0, 10),
      threat_level_id: levels?.level ?? '4',
      // "Initial": extracted by machine from the reports, not yet reviewed by an analyst
      analysis: '0',
      // "Your organisation only" until an analyst decides to share: the events name people
      distribution: '0',
      published: false,
      timestamp: seconds(span.last),
      Tag: [...new Set(tags)].map((name) => ({ name })),
      Attribute: attributes,
      ...(clusters.size && galaxy
        ? {
            Galaxy: [
              {
                uuid: galaxy.file.uuid,
                name: galaxy.file.name,
                type: galaxy.file.type,
                description: galaxy.file.description ?? '',
                namespace: 'misp' as const,
                GalaxyCluster: [...clusters.values()],
              },
            ],
          }
        : {}),
    },
  };
}

/** One MISP event per incident, in the incidents' order. */
export function toMispEvents(data: ExportData, galaxy?: MispGalaxyFile): MispEvent[] {
  const ix = indexExport(data);
  const g = galaxy ? { file: galaxy, index: galaxyIndex(galaxy) } : null;
  return data.incidents.map((inc) => toEvent(ix, inc, g)).filter((e): e is MispEvent => e !== null);
}

/**
 * The file's text: one incident asked for by id is a single `{"Event": …}` (what MISP's "add event"
 * takes); a selection by filters is `{"response": [{"Event": …}, …]}`, the shape of MISP's own
 * restSearch JSON export, even when it holds one event or none.
 */
export function mispText(data: ExportData, opts: { single: boolean; galaxy?: MispGalaxyFile }): string {
  const events = toMispEvents(data, opts.galaxy);
  const out = opts.single && events.length === 1 ? events[0] : { response: events };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a parsed MISP galaxy cluster file (misp-galaxy `clusters/threat-actor.json`): an object with a
 * `threat-actor` type, a uuid and `values` with a value and a uuid each. `file` names it in the error.
 */
export function parseMispGalaxyFile(raw: unknown, file: string): MispGalaxyFile {
  const bad = (found: string) =>
    new CyberclaimsError(
      'IMPORT_INVALID',
      `${file}: expected a MISP galaxy threat-actor cluster file ({"type": "threat-actor", "values": [...]}), found ${found}`,
    );
  if (!isObject(raw)) throw bad(Array.isArray(raw) ? 'an array' : typeof raw);
  if (raw.type !== 'threat-actor') throw bad(`type ${JSON.stringify(raw.type ?? null)}`);
  if (!Array.isArray(raw.values)) throw bad('no "values" list');
  if (typeof raw.uuid !== 'string') throw bad('no "uuid"');
  const values: MispGalaxyFile['values'][number][] = [];
  raw.values.forEach((v, n) => {
    if (!isObject(v) || typeof v.value !== 'string' || typeof v.uuid !== 'string')
      throw bad(`values[${n}] without a "value" and a "uuid"`);
    const meta = isObject(v.meta) ? v.meta : {};
    const synonyms = Array.isArray(meta.synonyms)
      ? meta.synonyms.filter((s): s is string => typeof s === 'string')
      : [];
    values.push({
      value: v.value,
      uuid: v.uuid,
      ...(typeof v.description === 'string' ? { description: v.description } : {}),
      meta: { synonyms },
    });
  });
  return {
    type: 'threat-actor',
    name: typeof raw.name === 'string' ? raw.name : 'Threat Actor',
    uuid: raw.uuid,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    ...(typeof raw.source === 'string' ? { source: raw.source } : {}),
    ...(Array.isArray(raw.authors)
      ? { authors: raw.authors.filter((a): a is string => typeof a === 'string') }
      : {}),
    values,
  };
}
