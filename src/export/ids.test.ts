import { describe, expect, it } from 'vitest';
import { CYBERCLAIMS_NAMESPACE, idFor, stixId, URL_NAMESPACE, uuidv5 } from './ids.js';

describe('uuidv5', () => {
  it('matches RFC 4122 name-based SHA-1 UUIDs (Python uuid.uuid5 gives the same)', () => {
    // uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com')
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('derives the project namespace from the URL namespace', () => {
    expect(uuidv5('cyberclaims', URL_NAMESPACE)).toBe(CYBERCLAIMS_NAMESPACE);
  });

  it('sets version 5 and the RFC 4122 variant, and is stable', () => {
    const u = idFor('a', 1, null);
    expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idFor('a', 1, null)).toBe(u);
  });

  it('keeps the parts apart: ("a b", "c") is not ("a", "b c")', () => {
    expect(idFor('a b', 'c')).not.toBe(idFor('a', 'b c'));
  });

  it('makes STIX identifiers whose type is part of the name', () => {
    const id = stixId('identity', 'x');
    expect(id).toMatch(/^identity--[0-9a-f-]{36}$/);
    expect(id.slice('identity--'.length)).not.toBe(stixId('location', 'x').slice('location--'.length));
  });

  it('rejects a namespace that is not a UUID', () => {
    expect(() => uuidv5('x', 'not-a-uuid')).toThrow(/expected a UUID namespace/);
  });
});
