/**
 * CSV (RFC 4180): a header row, CRLF line ends, a field quoted when it holds a comma, a double quote,
 * a line break or surrounding spaces, with its double quotes doubled. UTF-8 without a byte-order mark
 * (pandas' and R's default). Lists are joined with "; "; evidence sentences, which may hold
 * semicolons, with a line break inside the quoted field.
 */
import { claimRows, ROW_COLUMNS, type ClaimRow } from './rows.js';
import type { ExportData } from './types.js';

/** One field as RFC 4180 wants it. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cell(column: keyof ClaimRow, value: ClaimRow[keyof ClaimRow]): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(column === 'evidence' ? '\n' : '; ');
  return String(value);
}

export function csvText(data: ExportData): string {
  const lines = [ROW_COLUMNS.join(',')];
  for (const row of claimRows(data)) lines.push(ROW_COLUMNS.map((c) => csvField(cell(c, row[c]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
