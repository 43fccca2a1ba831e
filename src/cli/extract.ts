import type { Command } from 'commander';
import { Option } from 'commander';
import type { ExtractedDocument, ExtractOutput } from '../types.js';
import { knowledgeBase, parsePositive, type CommonOptions } from './context.js';
import { printError } from './output.js';
import { extractInputs } from './pipeline.js';
import { documentText } from './render.js';

interface ExtractOptions extends CommonOptions {
  format: 'json' | 'text';
  maxBytes?: number;
}

/** `extract`: prints the CONTRACT.md JSON (or a text summary) for files, folders or stdin; no database. */
export function register(program: Command): void {
  program
    .command('extract')
    .description('find accusations and responses in articles and print them (no database involved)')
    .argument('<inputs...>', 'files, folders (recursive) or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('json'))
    .option('--kb <path>', 'user knowledge base (JSON) merged over the built-in one')
    .option(
      '--max-bytes <n>',
      'largest document accepted, in bytes (default 10 MiB)',
      parsePositive('--max-bytes'),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ cyberclaims extract article.txt
  $ cyberclaims extract --format text samples/dev
  $ curl -s https://example.com/story.html | cyberclaims extract -`,
    )
    .action(async (inputs: string[], o: ExtractOptions) => {
      const kb = knowledgeBase(o);
      const documents: ExtractedDocument[] = [];
      let failed = 0;
      for await (const r of extractInputs(inputs, kb, o.maxBytes ? { maxBytes: o.maxBytes } : {})) {
        if (r.kind === 'failed') {
          failed++;
          printError(r.message);
          continue;
        }
        if (o.format === 'text') process.stdout.write(`${documentText(r.extracted)}\n\n`);
        else documents.push(r.extracted);
      }
      if (o.format === 'json') {
        const out: ExtractOutput = { version: 1, documents };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      }
      if (failed > 0) process.exitCode = 1;
    });
}
