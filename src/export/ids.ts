/**
 * Deterministic identifiers: UUIDv5 (RFC 4122 §4.3, SHA-1 name-based) over the properties that define
 * an object, so that exporting the same data twice gives the same ids and OpenCTI or MISP update
 * objects instead of duplicating them.
 */
import { createHash } from 'node:crypto';

/** RFC 4122 Appendix C's namespace for URLs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
/** This project's namespace: uuidv5(URL_NAMESPACE, "cyberclaims") (see ids.test.ts). */
export const CYBERCLAIMS_NAMESPACE = '588b31a8-d504-52a0-b919-d3f586c23f90';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The version-5 UUID of `name` (UTF-8) in `namespace`. */
export function uuidv5(name: string, namespace: string): string {
  if (!UUID.test(namespace)) throw new Error(`uuidv5: expected a UUID namespace, found "${namespace}"`);
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A UUID for the defining properties `parts`: their JSON array is the name, so ("a b", "c") and
 * ("a", "b c") never collide.
 */
export function idFor(...parts: readonly (string | number | null)[]): string {
  return uuidv5(JSON.stringify(parts), CYBERCLAIMS_NAMESPACE);
}

/** A STIX identifier `type--uuid`; the type is part of the name too. */
export function stixId(type: string, ...parts: readonly (string | number | null)[]): string {
  return `${type}--${idFor(type, ...parts)}`;
}
