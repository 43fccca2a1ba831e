import type { Command } from 'commander';
import { Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { CyberclaimsError } from '../errors.js';
import {
  collectExport,
  EXPORT_FORMATS,
  parseMispGalaxyFile,
  renderExport,
  type ExportFormat,
  type ExportSelection,
} from '../export/index.js';
import { loadOutletRegistry } from '../incidents/index.js';
import { readJsonFile } from '../kb/index.js';
import { openStore } from '../store/index.js';
import { dbPath, knowledgeBase } from './context.js';
import {
  addFilterOptions,
  addIncidentOptions,
  ensureIncidents,
  incidentFilter,
  type FilterOptions,
  type IncidentOptions,
} from './incidents.js';

interface ExportOptions extends IncidentOptions, FilterOptions {
  format: ExportFormat;
  incident?: string;
  output?: string;
  includePersonalData?: boolean;
  mispGalaxy?: string;
}

const FILTERS = ['actor', 'country', 'operation', 'since', 'until', 'limit'] as const;

/**
 * Writes `text` to `file` through a temporary file in the same folder and a rename, so an
 * interrupted export never leaves half a bundle where a good one was.
 */
function writeAtomically(file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir))
    throw new CyberclaimsError('FILE_UNWRITABLE', `${file}: cannot write, the folder ${dir} does not exist`);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CyberclaimsError('FILE_UNWRITABLE', `${file}: cannot write (${code})`);
  }
}

export function register(program: Command): void {
  const cmd = program
    .command('export')
    .description('export incidents as a STIX 2.1 bundle, MISP events, CSV or JSON Lines')
    // a mistake in the arguments is one line (the choices are in the message), not the usage text
    .showHelpAfterError(false)
    .addOption(
      new Option('-f, --format <format>', 'output format').choices([...EXPORT_FORMATS]).makeOptionMandatory(),
    )
    .option('--incident <id>', 'only this incident (inc-…); not with the filters');
  addFilterOptions(cmd)
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option(
      '--include-personal-data',
      'keep identity numbers, birthdates, phone numbers and e-mail addresses found in text (masked by default)',
    )
    .option(
      '--misp-galaxy <path>',
      'MISP only: attach clusters of this galaxy threat-actor.json to the events',
    )
    .option('--kb <path>', 'user knowledge base (default cyberclaims-kb.json next to the database)');
  addIncidentOptions(cmd)
    .addHelpText(
      'after',
      `
Examples:
  $ cyberclaims export --format stix -o bundle.json
  $ cyberclaims export --format misp --incident inc-3f2a9c01d4e5b6a7 --misp-galaxy clusters/threat-actor.json
  $ cyberclaims export --format csv --country RU --since 2024-01-01 -o claims.csv
  $ cyberclaims export --format jsonl --actor "Volt Typhoon" > claims.jsonl`,
    )
    .action(async (o: ExportOptions) => {
      const used = FILTERS.filter((k) => o[k] !== undefined);
      if (o.incident !== undefined && used.length)
        throw new CyberclaimsError(
          'BAD_ARGUMENT',
          `--incident: selects one incident, so it cannot be combined with --${used.join(', --')}`,
        );
      if (o.incident !== undefined && !/^inc-[0-9a-f]+$/i.test(o.incident))
        throw new CyberclaimsError(
          'BAD_ARGUMENT',
          `--incident: expected an id such as inc-3f2a9c01d4e5b6a7, found "${o.incident}"`,
        );
      if (o.mispGalaxy !== undefined && o.format !== 'misp')
        throw new CyberclaimsError(
          'BAD_ARGUMENT',
          `--misp-galaxy: only applies to --format misp, found --format ${o.format}`,
        );
      const kb = knowledgeBase(o);
      const selection: ExportSelection =
        o.incident !== undefined
          ? { kind: 'incident', id: o.incident }
          : { kind: 'filter', filter: incidentFilter(o, kb) };
      const galaxy = o.mispGalaxy ? parseMispGalaxyFile(readJsonFile(o.mispGalaxy), o.mispGalaxy) : undefined;
      const registry = loadOutletRegistry(o.outlets);

      const store = await openStore(dbPath(o));
      let text: string;
      let count: number;
      try {
        const { windowDays } = await ensureIncidents(store, o);
        const data = await collectExport(store, selection, { registry, windowDays, kb: kb.byId });
        count = data.incidents.length;
        text = renderExport(data, o.format, {
          selection,
          ...(o.includePersonalData ? { includePersonalData: true } : {}),
          ...(galaxy ? { mispGalaxy: galaxy } : {}),
        });
      } finally {
        await store.close();
      }
      if (count === 0) process.stderr.write('export: no incidents match; the export is empty\n');
      if (o.output !== undefined && o.output !== '-') {
        writeAtomically(o.output, text);
        process.stderr.write(
          `export: ${count} incident${count === 1 ? '' : 's'} as ${o.format} → ${o.output}\n`,
        );
      } else process.stdout.write(text);
    });
}
