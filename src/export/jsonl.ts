/** JSON Lines: one claim row (rows.ts) per line, lists as arrays and absent values as null. */
import { claimRows } from './rows.js';
import type { ExportData } from './types.js';

export function jsonlText(data: ExportData): string {
  return claimRows(data)
    .map((row) => `${JSON.stringify(row)}\n`)
    .join('');
}
