/**
 * Rows and conversions that the document tables (store.ts) and the incident tables (incidents.ts)
 * read alike: the parties of a claim and the responses of a document.
 */
import type { Kind, Party } from '../../types.js';

/** A row of claim_parties. */
export interface ClaimPartyRow {
  claim_id: number;
  role: 'claimant' | 'accused';
  kb_id: string | null;
  name: string;
  country: string | null;
  kind: string;
  aliases: string;
}

/** A row of responses with its party's snapshot. */
export interface ResponseRow {
  document_id: string;
  type: string;
  kb_id: string | null;
  by_name: string;
  by_country: string | null;
  by_kind: string;
  by_aliases: string;
  claim_local_id: string | null;
  evidence: string;
}

export const json = (value: unknown): string => JSON.stringify(value);

/** A stored party snapshot back as a contract Party. */
export function toParty(
  id: string | null,
  name: string,
  country: string | null,
  kind: string,
  aliases: string,
): Party {
  return { name, id, country, kind: kind as Kind, aliases: JSON.parse(aliases) as string[] };
}
