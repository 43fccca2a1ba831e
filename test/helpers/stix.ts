/**
 * Checks for exported STIX bundles: the OASIS STIX 2.1 JSON schemas (draft 2020-12, validated with
 * ajv) when `../shared/reference/stix2-json-schemas` is present, and the rules the schemas cannot
 * express — every `*_ref` / `*_refs` resolves inside the bundle to an object of an allowed type, no id
 * appears twice, `modified` is not before `created`.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the OASIS schemas are expected: `shared/` beside the repository, or $CYBERCLAIMS_STIX_SCHEMAS. */
export const STIX_SCHEMAS =
  process.env.CYBERCLAIMS_STIX_SCHEMAS ??
  path.resolve(repoRoot, '..', 'shared', 'reference', 'stix2-json-schemas', 'schemas');
export const haveStixSchemas = fs.existsSync(path.join(STIX_SCHEMAS, 'common', 'bundle.json'));

type Json = Record<string, unknown>;

function* schemaFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* schemaFiles(p);
    else if (e.name.endsWith('.json')) yield p;
  }
}

export interface StixValidator {
  /** Schema errors of the bundle and of each object against the schema of its type, as readable lines. */
  validate(bundle: unknown): string[];
}

let cached: StixValidator | null = null;

/** Compiles the OASIS schemas once (options as the schemas' NOTES.md gives them). */
export function stixValidator(): StixValidator {
  if (cached) return cached;
  // ajv-formats is CommonJS with a default export
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
    addFormatsModule) as unknown as (ajv: Ajv2020) => void;
  const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  // ajv-formats has no idn-hostname (used by domain-name observables, which exports never contain)
  ajv.addFormat('idn-hostname', true);
  const ids = new Map<string, string>();
  for (const file of schemaFiles(STIX_SCHEMAS)) {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
    ajv.addSchema(schema);
    ids.set(path.relative(STIX_SCHEMAS, file).replace(/\\/g, '/'), schema.$id as string);
  }
  const compiled = new Map<string, ValidateFunction>();
  const get = (rel: string): ValidateFunction | null => {
    const id = ids.get(rel);
    if (!id) return null;
    let v = compiled.get(id);
    if (!v) {
      v = ajv.getSchema(id)!;
      compiled.set(id, v);
    }
    return v;
  };
  const lines = (what: string, v: ValidateFunction) =>
    (v.errors ?? []).map((e) => `${what}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  // bundle.json lists the schema of each object type it accepts; at the pinned commit it leaves out
  // grouping, location, note, opinion and incident, and its fallback for custom objects rejects them
  // too (they match both core.json and cyber-observable-core.json, which it wants exactly one of) —
  // the gap oasis-open/cti-stix2-json-schemas#133 fixed for infrastructure. Those objects are checked
  // against their own schemas only; the envelope is checked with the objects bundle.json knows.
  const bundleSchema = JSON.parse(
    fs.readFileSync(path.join(STIX_SCHEMAS, 'common', 'bundle.json'), 'utf8'),
  ) as Json;
  const listed = new Set(
    [
      ...JSON.stringify(bundleSchema).matchAll(
        /"\$ref":"\.\.\/(?:sdos|sros|observables|common)\/([a-z0-9-]+)\.json"/g,
      ),
    ].map((m) => m[1]!),
  );
  cached = {
    validate(bundle: unknown): string[] {
      const out: string[] = [];
      const objects = ((bundle as Json).objects as Json[] | undefined) ?? [];
      const { objects: _all, ...rest } = bundle as Json;
      const known = objects.filter((o) => listed.has(o.type as string));
      const b = get('common/bundle.json')!;
      if (!b(known.length ? { ...rest, objects: known } : rest)) out.push(...lines('bundle', b));
      for (const o of objects) {
        const type = o.type as string;
        const v = get(`sdos/${type}.json`) ?? get(`sros/${type}.json`);
        if (!v) {
          out.push(`${String(o.id)}: no schema for type ${type}`);
          continue;
        }
        const valid: boolean = v(o);
        if (!valid) out.push(...lines(String(o.id), v));
      }
      return out;
    },
  };
  return cached;
}

const ANY_OBJECT = ['*'];
/** The types each reference may point to (STIX 2.1 §3–5 and the relationship summaries of §4). */
const REF_TYPES: Readonly<Record<string, readonly string[]>> = {
  created_by_ref: ['identity'],
  object_refs: ANY_OBJECT,
};
/** Relationship types the exporter uses: source type → allowed target types (STIX 2.1 §4.4, §4.17). */
const RELATIONSHIPS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  uses: { 'intrusion-set': ['attack-pattern'], 'threat-actor': ['attack-pattern'] },
  targets: { 'intrusion-set': ['identity', 'location'], 'threat-actor': ['identity', 'location'] },
  'attributed-to': { 'intrusion-set': ['threat-actor'], 'threat-actor': ['identity'] },
};

const typeOf = (id: string): string => id.slice(0, id.indexOf('--'));

/** The project's own checks; an empty list when the bundle passes. */
export function checkBundle(bundle: unknown): string[] {
  const out: string[] = [];
  const objects = ((bundle as Json).objects as Json[] | undefined) ?? [];
  const byId = new Map<string, Json>();
  for (const o of objects) {
    const id = o.id as string;
    if (byId.has(id)) out.push(`${id}: appears twice`);
    byId.set(id, o);
    if (typeOf(id) !== o.type) out.push(`${id}: id does not start with its type ${String(o.type)}`);
    if (typeof o.created === 'string' && typeof o.modified === 'string' && o.modified < o.created)
      out.push(`${id}: modified ${o.modified} is before created ${o.created}`);
  }
  const resolve = (owner: string, prop: string, ref: unknown, allowed: readonly string[]) => {
    if (typeof ref !== 'string') return out.push(`${owner}.${prop}: not an identifier`);
    const target = byId.get(ref);
    if (!target) return out.push(`${owner}.${prop}: ${ref} is not in the bundle`);
    if (allowed !== ANY_OBJECT && !allowed.includes(target.type as string))
      out.push(`${owner}.${prop}: ${ref} is a ${String(target.type)}, expected ${allowed.join(' or ')}`);
    if (
      allowed === ANY_OBJECT &&
      ['bundle', 'marking-definition', 'language-content'].includes(target.type as string)
    )
      out.push(`${owner}.${prop}: ${ref} is a ${String(target.type)}`);
    return 0;
  };
  for (const o of objects) {
    const id = o.id as string;
    for (const [prop, value] of Object.entries(o)) {
      if (prop.endsWith('_refs')) {
        if (!Array.isArray(value) || value.length === 0) out.push(`${id}.${prop}: not a non-empty list`);
        else {
          if (new Set(value).size !== value.length) out.push(`${id}.${prop}: lists an id twice`);
          for (const ref of value) resolve(id, prop, ref, REF_TYPES[prop] ?? ANY_OBJECT);
        }
      } else if (prop.endsWith('_ref') && prop !== 'source_ref' && prop !== 'target_ref') {
        resolve(id, prop, value, REF_TYPES[prop] ?? ANY_OBJECT);
      }
    }
    if (o.type === 'relationship') {
      const rule = RELATIONSHIPS[o.relationship_type as string];
      const source = byId.get(o.source_ref as string);
      const target = byId.get(o.target_ref as string);
      if (!rule)
        out.push(`${id}: relationship type ${String(o.relationship_type)} is not one the exporter uses`);
      else if (!source) out.push(`${id}.source_ref: ${String(o.source_ref)} is not in the bundle`);
      else if (!target) out.push(`${id}.target_ref: ${String(o.target_ref)} is not in the bundle`);
      else if (!(rule[source.type as string] ?? []).includes(target.type as string))
        out.push(
          `${id}: ${String(source.type)} ${String(o.relationship_type)} ${String(target.type)} is not allowed`,
        );
    }
  }
  return out;
}
