import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { loadOutletRegistry } from '../incidents/index.js';
import { packageRoot } from '../kb/index.js';
import { startServer } from '../server/index.js';
import { openStore } from '../store/index.js';
import { dbPath, knowledgeBase, parsePositive, type CommonOptions } from './context.js';
import { ingestInputs, summaryLine } from './ingest.js';
import { style } from './output.js';

interface ServeOptions extends CommonOptions {
  port: number;
  host: string;
  outlets?: string;
  maxBytes?: number;
  samples?: boolean;
  log?: boolean;
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError(`expected a port from 0 to 65535, found "${v}"`);
  return n;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and the JSON API (/api, OpenAPI at /api/openapi.json)')
    .option('--db <path>', 'SQLite database file (default $CYBERCLAIMS_DB or ./cyberclaims.db)')
    .option('--kb <path>', 'user knowledge base (default cyberclaims-kb.json next to the database)')
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, 7474)
    .option(
      '--host <address>',
      'address to bind; anything but loopback needs CYBERCLAIMS_TOKEN, which every write must then carry',
      '127.0.0.1',
    )
    .option('--outlets <path>', 'outlets registry (JSON) merged over the built-in data/outlets.json')
    .option(
      '--max-bytes <n>',
      'largest article accepted, in bytes (default 10 MiB)',
      parsePositive('--max-bytes'),
    )
    .option('--samples', 'first ingest the bundled sample articles when the database is empty (npm start)')
    .option('--log', 'log every request as JSON lines on standard output')
    .addHelpText(
      'after',
      `
Examples:
  $ cyberclaims serve
  $ cyberclaims serve --db team.db --port 8080
  $ CYBERCLAIMS_TOKEN=$(openssl rand -hex 24) cyberclaims serve --host 0.0.0.0`,
    )
    .action(async (o: ServeOptions) => {
      const db = dbPath(o);
      const kb = knowledgeBase(o);
      const registry = loadOutletRegistry(o.outlets);
      const token = process.env.CYBERCLAIMS_TOKEN ? process.env.CYBERCLAIMS_TOKEN : null;
      const store = await openStore(db);
      try {
        if (o.samples && (await store.stats()).documents === 0) {
          const samples = path.join(packageRoot(), 'samples');
          if (fs.existsSync(samples)) {
            process.stderr.write('serve: the database is empty; ingesting the sample articles…\n');
            const s = await ingestInputs([samples], store, kb, { quiet: true });
            process.stderr.write(`serve: sample articles: ${summaryLine(s, db)}\n`);
          }
        }
        const server = await startServer({
          store,
          kb,
          registry,
          token,
          host: o.host,
          port: o.port,
          ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}),
          ...(o.log ? { logger: true } : {}),
        });
        const stats = await store.stats();
        process.stdout.write(
          `${style.bold('cyberclaims')} serving ${stats.documents} documents, ${stats.claims} accusations from ${db}\n` +
            `  web app  ${style.bold(`${server.url}/`)}\n` +
            `  API      ${server.url}/api  (OpenAPI: ${server.url}/api/openapi.json, docs: ${server.url}/api-docs)\n` +
            `  writes   ${token ? 'need Authorization: Bearer $CYBERCLAIMS_TOKEN' : 'open to this machine only'}\n` +
            'Press Ctrl+C to stop.\n',
        );
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void server.close().then(resolve, resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      } finally {
        await store.close();
      }
    });
}
