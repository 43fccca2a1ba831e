/**
 * Exports for the threat-intelligence ecosystem: STIX 2.1 bundles, MISP events, CSV and JSON Lines.
 * `collectExport` reads a selection of incidents from a store; `renderExport` turns it into the
 * text of one format, masking personal data unless asked not to. The CLI's `export` command calls
 * both, and so will the server's `/api/export`.
 */
import { csvText } from './csv.js';
import { jsonlText } from './jsonl.js';
import { mispText } from './misp.js';
import { redactExportData } from './personal.js';
import { stixText } from './stix.js';
import type { ExportData, ExportFormat, ExportOptions, ExportSelection } from './types.js';

export * from './types.js';
export { collectExport, type CollectContext } from './collect.js';
export { maskPersonalData, maskPersonalDataKeepingOffsets, redactExportData } from './personal.js';
export { toStixBundle, type StixBundle, type StixObject } from './stix.js';
export { parseMispGalaxyFile, toMispEvents, type MispEvent } from './misp.js';
export { claimRows, ROW_COLUMNS, type ClaimRow } from './rows.js';
export { csvField } from './csv.js';
export { stixId, uuidv5 } from './ids.js';

/** The media type of each format, for a server's Content-Type. */
export const MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  stix: 'application/stix+json;version=2.1',
  misp: 'application/json',
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/jsonl',
};

/**
 * The export as text. Pure: the same data and options give the same bytes. `selection` only decides
 * the MISP envelope (one incident by id is a single event).
 */
export function renderExport(
  data: ExportData,
  format: ExportFormat,
  opts: ExportOptions & { selection?: ExportSelection } = {},
): string {
  const d = opts.includePersonalData ? data : redactExportData(data);
  switch (format) {
    case 'stix':
      return stixText(d);
    case 'misp':
      return mispText(d, {
        single: opts.selection?.kind === 'incident',
        ...(opts.mispGalaxy ? { galaxy: opts.mispGalaxy } : {}),
      });
    case 'csv':
      return csvText(d);
    case 'jsonl':
      return jsonlText(d);
  }
}
