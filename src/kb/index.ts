export type { KbEntry, KbMatch, KnowledgeBase } from './types.js';
export { buildKnowledgeBase, builtinEntries, loadKnowledgeBase, readKbFile, validateEntry } from './load.js';
export { matchTokens } from './matcher.js';
export { packageRoot } from './paths.js';
