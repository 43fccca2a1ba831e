/**
 * Exports from the outside: the built CLI ingests the export fixtures (with the real extractor), then
 * `export` writes STIX, MISP, CSV and JSON Lines; the STIX file is validated against the OASIS schemas
 * (when shared/ is beside the repository) and the project's reference checks.
 */
import type { SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { MispEvent, StixBundle } from '../../src/export/index.js';
import type { IncidentsOutput } from '../../src/incidents/index.js';
import { checkBundle, haveStixSchemas, stixValidator } from '../helpers/stix.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'export');
const GALAXY = path.join(repoRoot, 'test', 'fixtures', 'kb', 'misp-threat-actor.json');
const MALFORMED = path.join(repoRoot, 'test', 'fixtures', 'kb', 'malformed-misp.json');
const SECRETS = [
  'ivan.petrov@example.ru',
  '14 March 1985',
  '495 123-45-67',
  '7512 345678',
  '110105198503141234',
  '0912-345-678',
];

let tmp: string;
let db: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-export-e2e-'));
  db = path.join(tmp, 'x.db');
  const r = run(['ingest', FIXTURES]);
  expect(r.stderr).toMatch(/\b4 stored\b/);
  expect(r.status).toBe(0);
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function run(args: readonly string[]): SpawnSyncReturns<string> {
  return runCli(args, { cwd: tmp, db });
}

/** A failure: exit code 1, one line on stderr, no stack, nothing on stdout. */
function fails(args: readonly string[], message: RegExp): void {
  const r = run(['export', ...args]);
  expect(r.status, r.stderr).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).toMatch(message);
}

describe('ingest → export', () => {
  it('writes a STIX bundle that validates, passes the reference checks and is byte-identical when exported again', () => {
    const file = path.join(tmp, 'bundle.json');
    const r = run(['export', '--format', 'stix', '-o', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^export: \d+ incidents? as stix → /);
    const text = fs.readFileSync(file, 'utf8');
    const bundle = JSON.parse(text) as StixBundle;
    expect(bundle.type).toBe('bundle');
    const objects = bundle.objects ?? [];
    expect(objects.filter((o) => o.type === 'report').length).toBeGreaterThanOrEqual(2);
    expect(objects.filter((o) => o.type === 'grouping').length).toBeGreaterThanOrEqual(2);
    expect(objects.filter((o) => o.type === 'note').length).toBeGreaterThanOrEqual(2);
    expect(checkBundle(bundle)).toEqual([]);
    for (const secret of SECRETS) expect(text).not.toContain(secret);

    const again = path.join(tmp, 'again.json');
    expect(run(['export', '--format', 'stix', '--output', again]).status).toBe(0);
    expect(fs.readFileSync(again, 'utf8')).toBe(text);
    // standard output carries the same bytes
    expect(run(['export', '--format', 'stix']).stdout).toBe(text);
  });

  it.skipIf(!haveStixSchemas)('the exported bundle validates against the OASIS STIX 2.1 JSON schemas', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(tmp, 'bundle.json'), 'utf8')) as unknown;
    expect(stixValidator().validate(bundle)).toEqual([]);
  });

  it('exports CSV and JSON Lines with one row per claim, and MISP events, filtered like `incidents`', () => {
    const incidents = JSON.parse(run(['incidents', '--format', 'json']).stdout) as IncidentsOutput;
    const claims = incidents.incidents.reduce((n, i) => n + i.sources.length, 0);
    const csv = run(['export', '--format', 'csv']);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout.startsWith('incident_id,claim_id,claimant,')).toBe(true);
    const jsonl = run(['export', '--format', 'jsonl']);
    expect(jsonl.stdout.trimEnd().split('\n')).toHaveLength(claims);
    for (const secret of SECRETS) {
      expect(csv.stdout).not.toContain(secret);
      expect(jsonl.stdout).not.toContain(secret);
    }
    const misp = JSON.parse(run(['export', '--format', 'misp']).stdout) as { response: MispEvent[] };
    expect(misp.response).toHaveLength(incidents.incidents.length);

    // the filters of `incidents` select the same incidents
    const ru = JSON.parse(
      run(['incidents', '--format', 'json', '--country', 'ru']).stdout,
    ) as IncidentsOutput;
    const ruRows = run(['export', '--format', 'jsonl', '--country', 'ru'])
      .stdout.trimEnd()
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { incident_id: string }).incident_id);
    expect([...new Set(ruRows)].sort()).toEqual(ru.incidents.map((i) => i.id).sort());
  });

  it('exports one incident by id; MISP gives a single event with the galaxy clusters', () => {
    const incidents = JSON.parse(run(['incidents', '--format', 'json']).stdout) as IncidentsOutput;
    const id = incidents.incidents[0]!.id;
    const r = run(['export', '--format', 'misp', '--incident', id, '--misp-galaxy', GALAXY]);
    expect(r.status, r.stderr).toBe(0);
    const one = JSON.parse(r.stdout) as MispEvent;
    expect(Object.keys(one)).toEqual(['Event']);
    expect(one.Event.Tag.map((t) => t.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^admiralty-scale:source-reliability="[a-f]"$/)]),
    );
    const stix = JSON.parse(run(['export', '--format', 'stix', '--incident', id]).stdout) as StixBundle;
    expect(stix.objects!.filter((o) => o.type === 'grouping')).toHaveLength(1);
    expect(checkBundle(stix)).toEqual([]);
  });

  it('an empty selection is a valid empty export, said on stderr', () => {
    const r = run(['export', '--format', 'csv', '--actor', 'nobody at all']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/no incidents match/);
  });

  it('bad arguments are one-line errors', () => {
    fails([], /required option '-f, --format <format>' not specified/);
    fails(['--format', 'xml'], /argument 'xml' is invalid.*stix, misp, csv, jsonl/);
    fails(['--format', 'stix', '--operation', 'hacking'], /argument 'hacking' is invalid/);
    fails(['--format', 'stix', '--limit', '0'], /expected a positive whole number, found "0"/);
    fails(
      ['--format', 'stix', '--incident', 'inc-0000000000000000'],
      /inc-0000000000000000: no incident with this id/,
    );
    fails(['--format', 'stix', '--incident', 'bogus'], /--incident: expected an id such as inc-/);
    fails(
      ['--format', 'stix', '--incident', 'inc-00', '--actor', 'APT28'],
      /cannot be combined with --actor/,
    );
    fails(
      ['--format', 'csv', '--country', 'Russia'],
      /--country: expected a two-letter ISO code, found "Russia"/,
    );
    fails(['--format', 'csv', '--since', '2025-13-01'], /--since: expected a date as YYYY-MM-DD/);
    fails(['--format', 'stix', '--misp-galaxy', GALAXY], /--misp-galaxy: only applies to --format misp/);
    fails(
      ['--format', 'misp', '--misp-galaxy', path.join(tmp, 'missing.json')],
      /missing\.json: no such file/,
    );
    fails(['--format', 'misp', '--misp-galaxy', MALFORMED], /malformed-misp\.json: expected/);
    fails(
      ['--format', 'stix', '-o', path.join(tmp, 'no', 'such', 'dir', 'b.json')],
      /cannot write, the folder .* does not exist/,
    );
  });
});
