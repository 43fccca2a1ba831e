import { describe, expect, it } from 'vitest';
import { maskPersonalData, redactExportData } from './personal.js';
import type { ExportData } from './types.js';

describe('maskPersonalData', () => {
  it.each([
    ['write to ivan.petrov@example.ru today', 'write to [email redacted] today'],
    ['a man born on 14 March 1985, had', 'a man born on [date of birth redacted], had'],
    ['Chen (born March 14, 1985) worked', 'Chen (born [date of birth redacted]) worked'],
    ['date of birth: 1985-03-14.', 'date of birth: [date of birth redacted].'],
    ['DOB 14/03/1985', 'DOB [date of birth redacted]'],
    ['born in 1985 in Harbin', 'born in [date of birth redacted] in Harbin'],
    ['出生日期：1985年3月14日', '出生日期：[date of birth redacted]'],
    ['held ID number 110105198503141234, and', 'held ID number [ID number redacted], and'],
    ['passport number 7512 345678 to rent', 'passport number [ID number redacted] to rent'],
    ['passport No. E12345678', 'passport No. [ID number redacted]'],
    ['social security number: 078-05-1120', 'social security number: [ID number redacted]'],
    ['the phone number +7 495 123-45-67 and', 'the phone number [phone number redacted] and'],
    ['telephone number, 0912-345-678, for', 'telephone number, [phone number redacted], for'],
    ['call +886-2-2345-6789 now', 'call [phone number redacted] now'],
    ['call (202) 555-0143 now', 'call [phone number redacted] now'],
    ['a card 110105198503141234 found', 'a card [ID number redacted] found'],
    ['Taiwanese ID A123456789 leaked', 'Taiwanese ID [ID number redacted] leaked'],
    ['account 6222020200112233445', 'account [number redacted]'],
  ])('masks %j', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    'exploited CVE-2024-3400 and CVE-2023-46604 on 2024-04-12',
    'Unit 61398 and military unit 26165 since at least 2021',
    'servers at 45.77.12.9 and 192.168.100.20',
    'stole 1,000,000,000 records worth $4,500,000 in 2023',
    'four officers, born in the 1980s, were named',
    'hackers born in 1980s Moscow',
    'a passport office in Taipei',
    'the ministry published the photos on 23 September 2024',
    'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  ])('leaves %j alone', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });

  it('masks every identifier in one sentence', () => {
    const s =
      'The office said one of the officers involved, a man born on 14 March 1985, had used the e-mail address ivan.petrov@example.ru, the phone number +7 495 123-45-67 and passport number 7512 345678 to rent the servers.';
    const m = maskPersonalData(s);
    for (const secret of ['1985', 'ivan.petrov', '495', '7512']) expect(m).not.toContain(secret);
    expect(m).toContain('the officers involved');
  });
});

describe('redactExportData', () => {
  it('masks free text everywhere but never identifiers, paths or vocabulary terms', () => {
    const data = {
      kind: 'export-data',
      incidents: [],
      claims: [
        {
          storedId: 'doc-1234567890123456:c1',
          documentId: 'doc-1234567890123456',
          source: '/data/2025/123456789012.txt',
          claimant: {
            name: 'Chen (born 14 March 1985)',
            id: null,
            country: 'CN',
            kind: 'person',
            aliases: [],
          },
          evidence: [{ text: 'mail chen@example.cn', start: 0, end: 20 }],
        },
      ],
      documents: [
        {
          id: 'doc-1234567890123456',
          url: 'https://example.com/a/123456789012',
          title: 'tel. +86 10 6512 3456',
        },
      ],
      actors: [],
      countries: { CN: { name: 'China', stateId: 'cn' } },
    } as unknown as ExportData;
    const r = redactExportData(data) as unknown as typeof data & Record<string, never>;
    const claim = (r.claims as unknown as Record<string, unknown>[])[0]!;
    expect(claim.storedId).toBe('doc-1234567890123456:c1');
    expect(claim.source).toBe('/data/2025/123456789012.txt');
    expect((claim.claimant as { name: string }).name).toBe('Chen (born [date of birth redacted])');
    expect(JSON.stringify(claim.evidence)).toContain('[email redacted]');
    const doc = (r.documents as unknown as Record<string, unknown>[])[0]!;
    expect(doc.url).toBe('https://example.com/a/123456789012');
    expect(doc.title).toBe('tel. [phone number redacted]');
    // the input is not changed
    expect(JSON.stringify(data)).toContain('chen@example.cn');
  });
});
