import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFixture, type ExportFixture } from '../../test/fixtures/export/store.js';
import { csvField } from './csv.js';
import { renderExport, ROW_COLUMNS, type ClaimRow, type ExportData } from './index.js';

/** An RFC 4180 reader, written here so the test does not trust the writer's own logic. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n') throw new Error(`bare LF outside quotes at ${i}`);
    else field += c;
  }
  if (field !== '' || row.length) throw new Error('no CRLF after the last record');
  return rows;
}

let fx: ExportFixture;
let data: ExportData;
beforeAll(async () => {
  fx = await exportFixture();
  data = await fx.collect();
});
afterAll(async () => {
  await fx.close();
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['', ''],
  ])('%j → %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('CSV', () => {
  it('is a header and one CRLF-terminated record per claim, every record as wide as the header', () => {
    const rows = parseCsv(renderExport(data, 'csv'));
    expect(rows[0]).toEqual([...ROW_COLUMNS]);
    expect(rows).toHaveLength(1 + data.claims.length);
    for (const r of rows) expect(r).toHaveLength(ROW_COLUMNS.length);
  });

  it('carries the incident, parties, countries, operations, grade, basis, source and evidence of each claim', () => {
    const rows = parseCsv(renderExport(data, 'csv'));
    const head = rows[0]!;
    const records = rows.slice(1).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]!])));
    const wire = records.find((r) => r.outlet === 'wire.example')!;
    const inc = data.incidents.find((i) => i.incident.claimant.id === 'de-bsi')!.incident;
    expect(wire).toMatchObject({
      incident_id: inc.id,
      claimant: 'Federal Office for Information Security',
      claimant_country: 'DE',
      accused: 'Main Directorate of the General Staff of the Armed Forces of the Russian Federation; APT28',
      accused_countries: 'RU',
      operations: 'intrusion; phishing',
      techniques: 'T1566',
      sectors: 'energy',
      target_countries: 'DE',
      individuals_named: '1',
      hedged: 'false',
      responses: 'denial by Russia',
      grade: `B${inc.grade.credibility}`,
      basis: inc.basis,
      published: '2025-05-06',
      url: 'https://wire.example/2025/05/06/germany-gru-grid',
      title: 'Germany blames Russian military intelligence for power grid intrusions',
    });
    expect(wire.claim_id).toMatch(/^doc-[0-9a-f]{16}:c1$/);
    // two sentences, kept apart by a line break inside the quoted field; quotes and commas survive
    expect(wire.evidence!.split('\n')).toHaveLength(2);
    const paper = records.find((r) => r.outlet === 'paper.example')!;
    expect(paper.hedged).toBe('true');
    const statement = records.filter((r) => r.claimant === 'Ministry of State Security');
    expect(statement.map((r) => r.published)).toEqual(['', '']);
    expect(statement.map((r) => r.accused).sort()).toEqual([
      'Information, Communications and Electronic Force Command',
      'Starlight',
    ]);
  });

  it('masks personal data unless asked to keep it', () => {
    const csv = renderExport(data, 'csv');
    for (const secret of [
      'ivan.petrov@example.ru',
      '14 March 1985',
      '495 123-45-67',
      '7512 345678',
      '110105198503141234',
      '0912-345-678',
    ])
      expect(csv).not.toContain(secret);
    expect(csv).toContain('[ID number redacted]');
    expect(renderExport(data, 'csv', { includePersonalData: true })).toContain('ivan.petrov@example.ru');
  });
});

describe('JSON Lines', () => {
  it('is one JSON object per line and claim, with lists as arrays and absent values as null', () => {
    const text = renderExport(data, 'jsonl');
    expect(text.endsWith('\n')).toBe(true);
    const rows = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as ClaimRow);
    expect(rows).toHaveLength(data.claims.length);
    for (const r of rows) expect(Object.keys(r)).toEqual([...ROW_COLUMNS]);
    const wire = rows.find((r) => r.outlet === 'wire.example')!;
    expect(wire.accused).toEqual([
      'Main Directorate of the General Staff of the Armed Forces of the Russian Federation',
      'APT28',
    ]);
    expect(wire.evidence).toHaveLength(2);
    expect(wire.confidence).toBe({ 1: 90, 2: 70, 3: 50, 4: 30, 5: 10 }[wire.credibility]);
    const undated = rows.find((r) => r.claimant === 'Ministry of State Security')!;
    expect(undated.published).toBeNull();
    expect(undated.outlet).toBeNull();
    expect(undated.url).toBeNull();
  });

  it('masks personal data, and the rows match the CSV', () => {
    const text = renderExport(data, 'jsonl');
    expect(text).not.toContain('110105198503141234');
    expect(text).not.toContain('ivan.petrov@example.ru');
    const csvIds = renderExport(data, 'csv')
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.split(',')[1]);
    const jsonIds = text
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as ClaimRow).claim_id);
    expect(jsonIds).toEqual(csvIds.filter((x) => x !== undefined && /^doc-/.test(x)));
  });

  it('is deterministic', async () => {
    expect(renderExport(await fx.collect(), 'jsonl')).toBe(renderExport(data, 'jsonl'));
    expect(renderExport(await fx.collect(), 'csv')).toBe(renderExport(data, 'csv'));
  });
});
