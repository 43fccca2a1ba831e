import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFixture, type ExportFixture } from '../../test/fixtures/export/store.js';
import { checkBundle, haveStixSchemas, stixValidator } from '../../test/helpers/stix.js';
import { renderExport, toStixBundle, type ExportData, type StixBundle, type StixObject } from './index.js';
import { redactExportData } from './personal.js';

let fx: ExportFixture;
let data: ExportData;
let bundle: StixBundle;
beforeAll(async () => {
  fx = await exportFixture();
  data = await fx.collect();
  bundle = JSON.parse(renderExport(data, 'stix')) as StixBundle;
});
afterAll(async () => {
  await fx.close();
});

const objects = (type?: string): StixObject[] =>
  (bundle.objects ?? []).filter((o) => type === undefined || o.type === type);
const byId = (id: unknown): StixObject => {
  const o = (bundle.objects ?? []).find((x) => x.id === id);
  if (!o) throw new Error(`${String(id)} is not in the bundle`);
  return o;
};
const named = (type: string, name: string): StixObject => {
  const o = objects(type).find((x) => x.name === name);
  if (!o) throw new Error(`no ${type} named ${name}`);
  return o;
};
const relationships = (type: string, source: StixObject) =>
  objects('relationship')
    .filter((r) => r.relationship_type === type && r.source_ref === source.id)
    .map((r) => byId(r.target_ref));

describe('STIX 2.1 bundle', () => {
  it('holds the four documents, four incidents and their claims', () => {
    expect(data.incidents).toHaveLength(4);
    expect(data.documents).toHaveLength(4);
    expect(data.claims).toHaveLength(5);
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
  });

  it.skipIf(!haveStixSchemas)('validates against the OASIS STIX 2.1 JSON schemas', () => {
    expect(stixValidator().validate(bundle)).toEqual([]);
  });

  it.skipIf(!haveStixSchemas)('the schema check catches a broken object', () => {
    const broken = {
      ...bundle,
      objects: [
        ...(bundle.objects ?? []),
        { ...objects('location')[0]!, country: undefined, id: 'location--x' },
      ],
    };
    expect(stixValidator().validate(JSON.parse(JSON.stringify(broken)))).not.toEqual([]);
  });

  it('passes the checks the schemas cannot express: refs resolve to allowed types, modified ≥ created, no duplicate ids', () => {
    expect(checkBundle(bundle)).toEqual([]);
  });

  it('the reference check catches a dangling ref, a wrong type, a duplicate and a time going backwards', () => {
    const note = objects('note')[0]!;
    const report = objects('report')[0]!;
    const bad = {
      ...bundle,
      objects: [
        ...(bundle.objects ?? []),
        { ...note, id: 'note--00000000-0000-5000-8000-000000000001', object_refs: ['threat-actor--missing'] },
        { ...report, id: 'report--00000000-0000-5000-8000-000000000002', created_by_ref: note.id },
        { ...note, modified: '1999-01-01T00:00:00.000Z' },
      ],
    };
    const errors = checkBundle(bad).join('\n');
    expect(errors).toMatch(/threat-actor--missing is not in the bundle/);
    expect(errors).toMatch(/created_by_ref: note--\S+ is a note, expected identity/);
    expect(errors).toMatch(/appears twice/);
    expect(errors).toMatch(/modified 1999-01-01T00:00:00.000Z is before created/);
  });

  it('has a report per source document, created by its outlet, with its URL and publication date', () => {
    const reports = objects('report');
    expect(reports).toHaveLength(4);
    const wire = reports.find(
      (r) => r.name === 'Germany blames Russian military intelligence for power grid intrusions',
    )!;
    expect(wire.published).toBe('2025-05-06T00:00:00.000Z');
    expect(wire.created).toBe(wire.published);
    expect(wire.external_references).toEqual([
      { source_name: 'Example Wire', url: 'https://wire.example/2025/05/06/germany-gru-grid' },
    ]);
    const outlet = byId(wire.created_by_ref);
    expect(outlet).toMatchObject({
      type: 'identity',
      name: 'Example Wire',
      identity_class: 'organization',
      x_cyberclaims_source_reliability: 'B',
    });
    expect(wire.x_cyberclaims_source_reliability).toBe('B');
    // the statement has no outlet, date or URL: no author, the ingest time, a reference to the document
    const statement = reports.find((r) => r.name === 'China names Taiwanese military propagandists')!;
    expect(statement.created_by_ref).toBeUndefined();
    expect(statement.published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(statement.external_references).toEqual([
      expect.objectContaining({ source_name: 'cyberclaims', external_id: expect.stringMatching(/^doc-/) }),
    ]);
  });

  it('models claimants as identities, threat groups as intrusion sets and agencies and units as threat actors', () => {
    expect(named('identity', 'Federal Office for Information Security')).toMatchObject({
      identity_class: 'organization',
      x_cyberclaims_kind: 'government-agency',
      x_cyberclaims_country: 'DE',
    });
    expect(named('identity', 'Microsoft').x_cyberclaims_kind).toBe('company');
    const apt28 = named('intrusion-set', 'APT28');
    expect(apt28.aliases).toEqual(expect.arrayContaining(['Fancy Bear']));
    expect(named('intrusion-set', 'Volt Typhoon').x_cyberclaims_country).toBe('CN');
    const gru = named(
      'threat-actor',
      'Main Directorate of the General Staff of the Armed Forces of the Russian Federation',
    );
    expect(gru.threat_actor_types).toEqual(['nation-state']);
    expect(gru.aliases).toEqual(expect.arrayContaining(['GRU']));
    expect(
      named('threat-actor', 'Information, Communications and Electronic Force Command').threat_actor_types,
    ).toEqual(['nation-state']);
    // an actor the knowledge base does not know keeps its name as written and has no kb id
    const starlight = named('intrusion-set', 'Starlight');
    expect(starlight.x_cyberclaims_kb_id).toBeUndefined();
    expect(starlight.x_cyberclaims_country).toBe('TW');
  });

  it('relates the accused to what they used, whom they targeted and whom they are attributed to', () => {
    const apt28 = named('intrusion-set', 'APT28');
    const gru = named(
      'threat-actor',
      'Main Directorate of the General Staff of the Armed Forces of the Russian Federation',
    );
    expect(relationships('attributed-to', apt28).map((o) => o.id)).toEqual([gru.id]);
    expect(relationships('attributed-to', gru).map((o) => [o.type, o.name])).toEqual([
      ['identity', 'Russia'],
    ]);
    const used = relationships('uses', apt28);
    expect(used.map((o) => o.name).sort()).toEqual(['Intrusion', 'Phishing']);
    expect(used.find((o) => o.name === 'Phishing')!.external_references).toEqual([
      {
        source_name: 'mitre-attack',
        external_id: 'T1566',
        url: 'https://attack.mitre.org/techniques/T1566/',
      },
    ]);
    const targets = relationships('targets', gru);
    expect(targets.map((o) => [o.type, o.name]).sort()).toEqual([
      ['identity', 'Energy sector'],
      ['location', 'Germany'],
    ]);
    expect(named('location', 'Germany').country).toBe('DE');
    const volt = named('intrusion-set', 'Volt Typhoon');
    expect(
      relationships('uses', volt)
        .map((o) => o.name)
        .sort(),
    ).toEqual(['Exploit Public-Facing Application', 'Intrusion', 'Pre-positioning']);
    const icefcom = named('threat-actor', 'Information, Communications and Electronic Force Command');
    const disarm = relationships('uses', icefcom).find((o) => o.name === 'Create Inauthentic Accounts')!;
    expect(disarm.external_references).toEqual([
      expect.objectContaining({ source_name: 'DISARM', external_id: 'T0090' }),
    ]);
  });

  it('puts the grade on the relationships: confidence (STIX Appendix A) and the x_cyberclaims_ properties', () => {
    const groupings = objects('grouping');
    expect(groupings).toHaveLength(4);
    for (const g of groupings) {
      const credibility = g.x_cyberclaims_credibility as number;
      const expected = { 1: 90, 2: 70, 3: 50, 4: 30, 5: 10 }[credibility];
      expect(g.confidence).toBe(expected);
      expect(g.context).toBe('suspicious-activity');
      expect(g.x_cyberclaims_grade).toMatch(/^[A-F][1-6]$/);
      expect(g.x_cyberclaims_reasons).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Credibility/)]),
      );
      for (const ref of g.object_refs as string[]) expect(byId(ref)).toBeDefined();
    }
    const grid = groupings.find((g) =>
      (g.name as string).startsWith('Federal Office for Information Security'),
    )!;
    expect(grid.x_cyberclaims_source_reliability).toBe('B');
    expect(grid.created).toBe('2025-05-06T00:00:00.000Z');
    expect(grid.modified).toBe('2025-05-07T00:00:00.000Z');
    const gridRels = objects('relationship').filter(
      (r) => r.x_cyberclaims_incident === grid.x_cyberclaims_incident,
    );
    expect(gridRels.length).toBeGreaterThan(0);
    for (const r of gridRels) {
      expect(r).toMatchObject({
        confidence: grid.confidence,
        x_cyberclaims_claimant: 'Federal Office for Information Security',
        x_cyberclaims_basis: grid.x_cyberclaims_basis,
        x_cyberclaims_source_reliability: 'B',
      });
      expect(byId(r.created_by_ref).name).toBe('Federal Office for Information Security');
    }
  });

  it('carries each evidence sentence in a note, created by the outlet, pointing back to the claim', () => {
    const notes = objects('note');
    expect(notes).toHaveLength(data.claims.reduce((n, c) => n + c.evidence.length, 0));
    const note = notes.find((n) => (n.content as string).startsWith("Germany's Federal Office"))!;
    expect(note.x_cyberclaims_claim).toMatch(/^doc-[0-9a-f]{16}:c1$/);
    expect(byId(note.created_by_ref).name).toBe('Example Wire');
    expect((note.object_refs as string[]).map((r) => byId(r).type)).toEqual(
      expect.arrayContaining(['relationship', 'intrusion-set', 'threat-actor', 'identity']),
    );
  });

  it('records each denial as an opinion authored by the denying party', () => {
    const opinions = objects('opinion');
    // the wire's denial answers its claim; the paper's answers no claim but comes from the accused side
    expect(opinions).toHaveLength(2);
    for (const o of opinions) {
      expect(o.opinion).toBe('strongly-disagree');
      expect(byId(o.created_by_ref)).toMatchObject({ type: 'identity', name: 'Russia' });
      expect(o.authors).toEqual(['Russia']);
      expect((o.object_refs as string[]).map((r) => byId(r).type)).toContain('note');
    }
    expect(opinions.map((o) => o.explanation)).toContain('Moscow has denied any involvement.');
  });

  it('masks personal data unless asked to keep it', () => {
    const text = JSON.stringify(bundle);
    for (const secret of [
      'ivan.petrov@example.ru',
      '14 March 1985',
      '495 123-45-67',
      '7512 345678',
      '110105198503141234',
      '0912-345-678',
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain('[email redacted]');
    const raw = renderExport(data, 'stix', { includePersonalData: true });
    for (const secret of ['ivan.petrov@example.ru', '14 March 1985', '110105198503141234'])
      expect(raw).toContain(secret);
  });

  it('is deterministic: the same data gives the same bytes, whatever the order it was collected in', async () => {
    expect(renderExport(data, 'stix')).toBe(renderExport(await fx.collect(), 'stix'));
    const shuffled: ExportData = {
      ...data,
      claims: [...data.claims].reverse(),
      documents: [...data.documents].reverse(),
      actors: [...data.actors].reverse(),
    };
    expect(JSON.stringify(toStixBundle(redactExportData(shuffled)))).toBe(
      JSON.stringify(toStixBundle(redactExportData(data))),
    );
  });

  it('exports one incident with the objects it needs and nothing else', async () => {
    const volt = data.incidents.find((i) => i.incident.claimant.name === 'Microsoft')!;
    const one = toStixBundle(await fx.collect({ kind: 'incident', id: volt.incident.id }));
    expect(checkBundle(one)).toEqual([]);
    expect(one.objects!.filter((o) => o.type === 'report')).toHaveLength(1);
    expect(one.objects!.filter((o) => o.type === 'grouping')).toHaveLength(1);
    expect(one.objects!.some((o) => o.name === 'APT28')).toBe(false);
    // shared objects keep their ids and content whatever the selection
    const full = named('intrusion-set', 'Volt Typhoon');
    expect(one.objects!.find((o) => o.id === full.id)).toEqual(full);
  });

  it('an empty selection is a bundle without objects', async () => {
    const empty = toStixBundle(await fx.collect({ kind: 'filter', filter: { actor: 'nobody at all' } }));
    expect(empty.objects).toBeUndefined();
    expect(checkBundle(empty)).toEqual([]);
    if (haveStixSchemas) expect(stixValidator().validate(empty)).toEqual([]);
  });
});
