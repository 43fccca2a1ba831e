/** Readable text for claims and documents (the `--format text` views). */
import type { Claim, ExtractedDocument, Response } from '../types.js';
import { partyLabel, style } from './output.js';

export function claimLines(c: Claim, indent = '  '): string[] {
  const who = `${partyLabel(c.claimant)} ${style.dim('accuses')} ${c.accused.map(partyLabel).join(', ')}`;
  const facts = [
    c.operations.length ? `operations: ${c.operations.join(', ')}` : null,
    c.sectors.length ? `sectors: ${c.sectors.join(', ')}` : null,
    c.targetCountries.length ? `targets: ${c.targetCountries.join(', ')}` : null,
    c.individualsNamed !== null ? `individuals named: ${c.individualsNamed}` : null,
    c.period ? `period: ${c.period}` : null,
    c.hedged ? 'hedged' : null,
    c.techniques.length ? `techniques: ${c.techniques.map((t) => t.id).join(', ')}` : null,
  ].filter((x): x is string => x !== null);
  const lines = [`${indent}${style.bold(`[${c.id}]`)} ${who}`];
  if (facts.length) lines.push(`${indent}     ${facts.join(' · ')}`);
  for (const e of c.evidence.slice(0, 3))
    lines.push(`${indent}     ${style.dim(`“${e.text}” [${e.start}–${e.end}]`)}`);
  if (c.evidence.length > 3)
    lines.push(`${indent}     ${style.dim(`(+${c.evidence.length - 3} more evidence sentences)`)}`);
  return lines;
}

export function responseLine(r: Response, indent = '  '): string {
  const on = r.claim ? ` to ${r.claim}` : '';
  return `${indent}${r.type}${on} by ${partyLabel(r.by)}: ${style.dim(`“${r.evidence[0]?.text ?? ''}”`)}`;
}

export function documentText(d: ExtractedDocument): string {
  const head = [d.source, d.title ? `— ${d.title}` : null].filter(Boolean).join(' ');
  const meta = [d.outlet, d.published].filter(Boolean).join(', ');
  const lines = [style.bold(head) + (meta ? ` ${style.dim(`(${meta})`)}` : '')];
  if (d.claims.length === 0) lines.push('  no accusations found');
  for (const c of d.claims) lines.push(...claimLines(c));
  for (const r of d.responses) lines.push(responseLine(r));
  return lines.join('\n');
}
