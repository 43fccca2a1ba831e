/**
 * The incidents stage: syndication (MinHash + LSH), grouping claims into incidents, the side-by-side
 * comparison of sources, and Admiralty grades with reasons. Pure functions over plain records; the
 * store persists what they produce.
 */
export * from './types.js';
export {
  BANDS,
  bandKey,
  bandKeys,
  fromBytes,
  ROWS,
  SHINGLE_HASHES,
  SIGNATURE_VERSION,
  shingleSignature,
  similarity,
  stableHash,
  SYNDICATION_THRESHOLD,
  syndicationGroupId,
  syndicationComponents,
  syndicationGroups,
  toBytes,
  WORD_HASHES,
  wordSignature,
  words,
} from './minhash.js';
export { accusedKeys, blockKey, daysBetween, incidentId, isoDay, normaliseName, partyKey } from './keys.js';
export { compareSources, partyForms, sortValues } from './compare.js';
export { claimBlock, factsOf, groupBlock, groupClaims, mergeParties } from './group.js';
export { CREDIBILITY_WORDS, gradeIncident, toIncident, type GradeResult } from './grade.js';
export { neighbourIndex, neighbourKeys, neighbourOf } from './neighbours.js';
export {
  buildRegistry,
  loadOutletRegistry,
  lookupOutlet,
  normaliseOutlet,
  RELIABILITY_WORDS,
} from './outlets.js';

/** Bumped whenever grouping, comparison or the stored incident record changes: stored incidents are then rebuilt. */
export const GROUPING_VERSION = 2;
