import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/index.js';
import type { ExtractedDocument, SourceDocument } from '../types.js';
import { extractDocument } from './index.js';

const kb = loadKnowledgeBase(null);

function run(text: string): ExtractedDocument {
  const doc: SourceDocument = {
    kind: 'source-document',
    source: 'test.txt',
    title: null,
    outlet: null,
    published: null,
    url: null,
    text,
    contentHash: crypto.createHash('sha256').update(text).digest('hex'),
  };
  return extractDocument(doc, kb);
}

const pairs = (d: ExtractedDocument) =>
  d.claims.map((c) => `${c.claimant.name} -> ${c.accused.map((a) => a.name).join(', ')}`);

describe('extractDocument', () => {
  it('reads an active accusation with a possessive claimant, its operations, targets and count', () => {
    const d = run(
      "Moscow, 3 June — Britain's National Cyber Security Centre has accused three officers of Russia's GRU of hacking the networks of the Electoral Commission and spreading disinformation.",
    );
    expect(d.claims).toHaveLength(1);
    const c = d.claims[0]!;
    expect(c.claimant.id).toBe('gb-ncsc');
    expect(c.claimant.country).toBe('GB');
    expect(c.accused.map((a) => a.country)).toEqual(['RU']);
    expect(c.accused[0]!.aliases).toContain('GRU');
    expect(c.operations).toEqual(expect.arrayContaining(['intrusion', 'disinformation']));
    expect(c.individualsNamed).toBe(3);
  });

  it('gives evidence spans that point exactly into the text', () => {
    const text =
      'Title line\n\nSecurity firm Mandiant said APT41 had breached six state government networks since at least 2021.\nAn unrelated sentence follows.';
    const d = run(text);
    expect(d.claims).toHaveLength(1);
    for (const e of d.claims[0]!.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(d.claims[0]!.period).toBe('since at least 2021');
    expect(d.claims[0]!.sectors).toContain('government');
  });

  it('reads attribution "to" an actor and an agentless passive with a by-phrase', () => {
    const d = run(
      'The Czech government attributed the intrusions into its foreign ministry to APT28.\n\nThe breach of the parliament network was linked to Sandworm by the German government.',
    );
    expect(pairs(d)).toHaveLength(2);
    expect(d.claims[0]!.accused[0]!.name).toMatch(/APT28/);
    expect(d.claims[1]!.accused[0]!.name).toMatch(/Sandworm/);
    expect(d.claims[1]!.claimant.country).toBe('DE');
  });

  it('reads "according to" and a nationality-only accused', () => {
    const d = run(
      'According to Microsoft, Iranian state-backed hackers sent phishing emails to journalists in Israel.',
    );
    expect(d.claims).toHaveLength(1);
    expect(d.claims[0]!.claimant.id).toBe('org-microsoft');
    expect(d.claims[0]!.accused[0]!.country).toBe('IR');
    expect(d.claims[0]!.operations).toContain('phishing');
    expect(d.claims[0]!.techniques.map((t) => t.id)).toContain('T1566');
  });

  it('merges a follow-up sentence into the claim and resolves "the group"', () => {
    const d = run(
      'Researchers at Recorded Future accused RedJuliett of targeting universities in Taiwan. The group further compromised telecommunications providers and stole data.',
    );
    expect(d.claims).toHaveLength(1);
    const c = d.claims[0]!;
    expect(c.evidence).toHaveLength(2);
    expect(c.operations).toEqual(expect.arrayContaining(['intrusion', 'espionage']));
    expect(c.sectors).toEqual(expect.arrayContaining(['education', 'communications']));
    expect(c.targetCountries).toContain('TW');
  });

  it('links a denial and a no-response to the claim of the accused', () => {
    const d = run(
      "China's Ministry of State Security accused Taiwan's ICEFCOM of cyberattacks on power grids. Taiwan's defence ministry dismissed the accusations as groundless.",
    );
    expect(d.claims).toHaveLength(1);
    expect(d.responses).toEqual([expect.objectContaining({ type: 'denial', claim: 'c1' })]);
    const n = run(
      'The FBI accused Salt Typhoon of breaching telecom carriers. The Chinese embassy did not respond to a request for comment.',
    );
    expect(n.responses).toEqual([expect.objectContaining({ type: 'no-response', claim: 'c1' })]);
  });

  it('keeps an unknown actor as written, with country from context and no id', () => {
    const d = run(
      'The Lakeshore District Cyber Police Bureau accused Unit 83412 of the Ruritanian army of cyberattacks on water utilities.',
    );
    const c = d.claims[0];
    expect(c?.claimant.id).toBeNull();
    expect(c?.claimant.name).toBe('Lakeshore District Cyber Police Bureau');
    expect(c?.accused[0]?.name).toBe('Unit 83412');
    expect(c?.accused[0]?.id).toBeNull();
  });

  it('abstains on accusations that name no cyber or influence operation', () => {
    expect(
      run('The trade minister accused China of dumping cheap steel on European markets.').claims,
    ).toEqual([]);
    expect(run('Officials said it was too early to attribute the outage to anyone.').claims).toEqual([]);
    expect(run('Prosecutors accused the former cyber agency chief of taking bribes.').claims).toEqual([]);
  });

  it("does not count a denial in the claimant's own past as a response", () => {
    const d = run('China has a history of past denials of its own involvement in hacking.');
    expect(d.responses).toEqual([]);
  });
});
