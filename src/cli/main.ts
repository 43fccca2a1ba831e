#!/usr/bin/env node
/** The `cyberclaims` command: argument parsing and dispatch; each command lives in its own file. */
import { Command } from 'commander';
import { createRequire } from 'node:module';
import { describeError, isCyberclaimsError } from '../errors.js';
import * as claims from './claims.js';
import * as demo from './demo.js';
import * as exportCmd from './export.js';
import * as extract from './extract.js';
import * as incident from './incident.js';
import * as incidents from './incidents.js';
import * as ingest from './ingest.js';
import * as kb from './kb.js';
import { printError } from './output.js';
import * as serve from './serve.js';
import * as show from './show.js';

const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };

export function buildProgram(): Command {
  const program = new Command()
    .name('cyberclaims')
    .description(
      'Structured, sourced records of public accusations of state cyber operations and disinformation.',
    )
    .version(pkg.version)
    .showHelpAfterError('(run with --help for usage)');
  for (const cmd of [extract, ingest, claims, show, incidents, incident, exportCmd, demo, kb, serve])
    cmd.register(program);
  program.addHelpText(
    'after',
    `
Examples:
  $ cyberclaims extract --format text article.html
  $ cyberclaims ingest samples/ && cyberclaims claims --actor MSS`,
  );
  return program;
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (e) {
    printError(describeError(e));
    // a user's mistake is one line; a bug also gets its stack when asked for
    if (!isCyberclaimsError(e) && process.env.CYBERCLAIMS_DEBUG) console.error(e);
    process.exitCode = isCyberclaimsError(e) ? 1 : 70;
  }
}

void main();
