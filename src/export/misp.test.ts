import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFixture, type ExportFixture } from '../../test/fixtures/export/store.js';
import { readJsonFile } from '../kb/index.js';
import { parseMispGalaxyFile, renderExport, type ExportData, type MispEvent } from './index.js';

const GALAXY = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'test',
  'fixtures',
  'kb',
  'misp-threat-actor.json',
);

let fx: ExportFixture;
let data: ExportData;
let events: MispEvent[];
beforeAll(async () => {
  fx = await exportFixture();
  data = await fx.collect();
  events = (JSON.parse(renderExport(data, 'misp')) as { response: MispEvent[] }).response;
});
afterAll(async () => {
  await fx.close();
});

/** The event of the one incident this claimant makes (the fixture's BSI and Microsoft make one each). */
const eventOf = (claimant: string): MispEvent['Event'] => {
  const e = events.find((x) => x.Event.info.startsWith(`${claimant} (`));
  if (!e) throw new Error(`no event for ${claimant}`);
  return e.Event;
};
const tags = (e: MispEvent['Event']) => e.Tag.map((t) => t.name);

describe('MISP events', () => {
  it('gives one event per incident in the MISP core format, with the fields MISP requires', () => {
    expect(events).toHaveLength(data.incidents.length);
    for (const { Event: e } of events) {
      expect(e.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(e.info.length).toBeLessThanOrEqual(256);
      expect(e.info).not.toMatch(/\n/);
      expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['1', '2', '3', '4']).toContain(e.threat_level_id);
      expect(['0', '1', '2']).toContain(e.analysis);
      expect(e.published).toBe(false);
      expect(e.timestamp).toMatch(/^\d+$/);
      for (const a of e.Attribute) {
        expect(a.uuid).toMatch(/^[0-9a-f-]{36}$/);
        expect(a.to_ids).toBe(false);
        expect(a.timestamp).toMatch(/^\d+$/);
      }
    }
    expect(new Set(events.map((e) => e.Event.uuid)).size).toBe(events.length);
  });

  it('tags the Admiralty grade and the estimative likelihood of the credibility', () => {
    const grid = eventOf('Federal Office for Information Security');
    const inc = data.incidents.find((i) => i.incident.claimant.id === 'de-bsi')!.incident;
    expect(tags(grid)).toEqual(
      expect.arrayContaining([
        'admiralty-scale:source-reliability="b"',
        `admiralty-scale:information-credibility="${inc.grade.credibility}"`,
      ]),
    );
    const likely = {
      1: 'very-likely',
      2: 'likely',
      3: 'roughly-even-chance',
      4: 'unlikely',
      5: 'very-unlikely',
    }[inc.grade.credibility as 1 | 2 | 3 | 4 | 5];
    expect(tags(grid)).toContain(`estimative-language:likelihood-probability="${likely}"`);
    expect(grid.date).toBe('2025-05-06');
    // intrusion and phishing: medium; pre-positioning: high; disinformation only: low
    expect(grid.threat_level_id).toBe('2');
    expect(eventOf('Microsoft').threat_level_id).toBe('1');
    const icefcom = events.find((e) => e.Event.info.includes('Information, Communications'))!.Event;
    expect(icefcom.threat_level_id).toBe('3');
  });

  it('has link attributes for the source URLs and text attributes for the evidence and the denials', () => {
    const grid = eventOf('Federal Office for Information Security');
    const links = grid.Attribute.filter((a) => a.type === 'link').map((a) => a.value);
    expect(links).toEqual([
      'https://wire.example/2025/05/06/germany-gru-grid',
      'https://paper.example/politics/bsi-grid-hackers',
    ]);
    const texts = grid.Attribute.filter((a) => a.type === 'text');
    expect(
      texts.some((a) => a.value.startsWith("Germany's Federal Office") && a.comment.startsWith('Evidence')),
    ).toBe(true);
    expect(texts.find((a) => a.value === 'Moscow has denied any involvement.')?.comment).toMatch(
      /^Denial by Russia/,
    );
    expect(grid.Attribute.filter((a) => a.type === 'threat-actor').map((a) => a.value)).toEqual([
      'Main Directorate of the General Staff of the Armed Forces of the Russian Federation',
      'APT28',
    ]);
    // the statement has no URL: no link, but its evidence
    const mss = events.find((e) => e.Event.info.includes('Information, Communications'))!.Event;
    expect(mss.Attribute.filter((a) => a.type === 'link')).toEqual([]);
    expect(mss.Attribute.filter((a) => a.type === 'text').length).toBeGreaterThan(0);
  });

  it('without a galaxy file, names knowledge-base threat groups in misp-galaxy tags', () => {
    expect(tags(eventOf('Federal Office for Information Security'))).toContain(
      'misp-galaxy:threat-actor="APT28"',
    );
    expect(tags(eventOf('Microsoft'))).toContain('misp-galaxy:threat-actor="Volt Typhoon"');
    // an actor the knowledge base does not know is not guessed into a cluster
    const starlight = events.find((e) => e.Event.info.includes('Starlight'))!.Event;
    expect(tags(starlight).filter((t) => t.startsWith('misp-galaxy'))).toEqual([]);
    for (const e of events) expect(e.Event.Galaxy).toBeUndefined();
  });

  it('with a galaxy file, attaches the clusters found by name or synonym', () => {
    const galaxy = parseMispGalaxyFile(readJsonFile(GALAXY), GALAXY);
    const out = (JSON.parse(renderExport(data, 'misp', { mispGalaxy: galaxy })) as { response: MispEvent[] })
      .response;
    const grid = out.find((e) => e.Event.info.startsWith('Federal Office'))!.Event;
    expect(grid.Galaxy).toEqual([
      expect.objectContaining({
        type: 'threat-actor',
        uuid: '7cdff317-a673-4474-84ec-4f1754947823',
        GalaxyCluster: [
          expect.objectContaining({
            uuid: '5b4ee3ea-eee3-4c8e-8323-85ae32658754',
            value: 'APT28',
            tag_name: 'misp-galaxy:threat-actor="APT28"',
          }),
        ],
      }),
    ]);
    // Volt Typhoon is in the fixture cluster under its alias "Vanguard Panda"
    const volt = out.find((e) => e.Event.info.startsWith('Microsoft'))!.Event;
    expect(volt.Galaxy?.[0]?.GalaxyCluster.map((c) => c.value)).toEqual(['Vanguard Panda']);
    for (const e of out) expect(e.Event.Tag.filter((t) => t.name.startsWith('misp-galaxy'))).toEqual([]);
  });

  it('rejects a file that is not a threat-actor galaxy in one line', () => {
    expect(() => parseMispGalaxyFile({ type: 'sector', values: [] }, 'x.json')).toThrow(
      /^x\.json: expected a MISP galaxy threat-actor cluster file .*found type "sector"$/,
    );
    expect(() => parseMispGalaxyFile([], 'x.json')).toThrow(/found an array$/);
    expect(() =>
      parseMispGalaxyFile({ type: 'threat-actor', uuid: 'u', values: [{ value: 'x' }] }, 'x.json'),
    ).toThrow(/values\[0\] without a "value" and a "uuid"/);
  });

  it('one incident asked for by id is a single {"Event": …}', async () => {
    const id = data.incidents[0]!.incident.id;
    const one = JSON.parse(
      renderExport(await fx.collect({ kind: 'incident', id }), 'misp', {
        selection: { kind: 'incident', id },
      }),
    ) as MispEvent;
    expect(Object.keys(one)).toEqual(['Event']);
    expect(one.Event.uuid).toBe(events[0]!.Event.uuid);
  });

  it('masks personal data unless asked to keep it, and is deterministic', () => {
    const text = renderExport(data, 'misp');
    for (const secret of ['ivan.petrov@example.ru', '14 March 1985', '7512 345678', '110105198503141234'])
      expect(text).not.toContain(secret);
    expect(renderExport(data, 'misp', { includePersonalData: true })).toContain('110105198503141234');
    expect(renderExport(data, 'misp')).toBe(text);
  });
});
