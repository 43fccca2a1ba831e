/** Options shared by several commands: where the database and the user knowledge base live. */
import { InvalidArgumentError } from 'commander';
import path from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from '../kb/index.js';
import { defaultDbPath } from '../store/index.js';

export interface CommonOptions {
  db?: string;
  kb?: string;
}

export const dbPath = (o: CommonOptions): string => o.db ?? defaultDbPath();

/** The user knowledge base: --kb, else $CYBERCLAIMS_KB, else cyberclaims-kb.json next to the database. */
export function kbPath(o: CommonOptions): string {
  return (
    o.kb ??
    process.env.CYBERCLAIMS_KB ??
    path.join(path.dirname(path.resolve(dbPath(o))), 'cyberclaims-kb.json')
  );
}

export function knowledgeBase(o: CommonOptions): KnowledgeBase {
  return loadKnowledgeBase(kbPath(o));
}

export function parsePositive(_name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new InvalidArgumentError(`expected a positive whole number, found "${v}"`);
    return n;
  };
}
