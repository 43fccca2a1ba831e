export type { KbEntry, KbMatch, KnowledgeBase } from './types.js';
export { buildKnowledgeBase, builtinEntries, loadKnowledgeBase, readKbFile, validateEntry } from './load.js';
export { aliasKey, matchTokens } from './matcher.js';
export { packageRoot } from './paths.js';
export { commonWords, screenAlias, type AliasVerdict, type DropReason } from './aliases.js';
export {
  MISP_CLUSTER_TYPES,
  countryIndex,
  mergeImport,
  parseAttackBundle,
  parseMispGalaxy,
  resolveCountry,
  summariseImport,
  type CountryIndex,
  type DroppedAlias,
  type ImportCandidate,
  type ImportFormat,
  type ImportOutcome,
  type ImportRecord,
  type ImportResult,
  type ImportSummary,
  type SkipReason,
} from './import.js';
export { actorKey, findEntries, searchKb, type KbHit } from './search.js';
export { importCatalogue, readJsonFile, readUserKb, writeKbFile, type ImportRun } from './user.js';
