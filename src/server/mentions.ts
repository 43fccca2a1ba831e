/** Where the actors of a document's claims and responses are named in its text. */
import { partyKey } from '../incidents/index.js';
import type { Kind, Party } from '../types.js';

export interface MentionSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly actor: {
    /** The actor's key, as the actors API names it. */
    readonly id: string;
    readonly name: string;
    readonly country: string | null;
    readonly kind: Kind;
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every occurrence, as a whole word and with its exact case, of the names the extraction recorded
 * for each party (`Party.aliases` are "the forms that appear in this document"). Overlaps keep the
 * longer name: "Ministry of State Security" rather than "State Security".
 */
export function mentionSpans(text: string, parties: readonly Party[]): MentionSpan[] {
  const forms = new Map<string, MentionSpan['actor']>();
  for (const p of parties) {
    const actor = { id: partyKey(p), name: p.name, country: p.country, kind: p.kind };
    for (const f of [p.name, ...p.aliases]) {
      const form = f.trim();
      if (form.length >= 2 && !forms.has(form)) forms.set(form, actor);
    }
  }
  const found: MentionSpan[] = [];
  for (const [form, actor] of forms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(re)) {
      found.push({ start: m.index, end: m.index + form.length, text: form, actor });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: MentionSpan[] = [];
  for (const m of found) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}
