/** Printing helpers shared by the commands: tables, colour on terminals, one-line errors. */
import type { Party } from '../types.js';

const useColour = (stream: NodeJS.WriteStream): boolean =>
  stream.isTTY === true && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';

export const style = {
  bold: (s: string) => (useColour(process.stdout) ? `\x1b[1m${s}\x1b[22m` : s),
  dim: (s: string) => (useColour(process.stdout) ? `\x1b[2m${s}\x1b[22m` : s),
  red: (s: string) => (useColour(process.stderr) ? `\x1b[31m${s}\x1b[39m` : s),
  mark: (s: string) => (useColour(process.stdout) ? `\x1b[1;33m${s}\x1b[22;39m` : `»${s}«`),
};

/** One line on stderr for a user-facing failure. */
export function printError(line: string): void {
  process.stderr.write(`${style.red('error:')} ${line}\n`);
}

export function partyLabel(p: Party): string {
  const bits = [p.country, p.id ? null : 'new'].filter(Boolean).join(', ');
  return bits ? `${p.name} (${bits})` : p.name;
}

const clip = (s: string, w: number): string => (s.length <= w ? s : `${s.slice(0, Math.max(0, w - 1))}…`);

/** A plain text table; the last column takes what is left of the terminal width. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const total = process.stdout.columns && process.stdout.columns > 60 ? process.stdout.columns : 140;
  const widths = head.map((h, i) =>
    Math.min(40, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const used = widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
  widths[widths.length - 1] = Math.max(10, Math.min(widths[widths.length - 1]!, total - used));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => clip(c, widths[i]!).padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [style.bold(line(head)), ...rows.map(line)].join('\n');
}
