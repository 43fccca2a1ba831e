/**
 * `npm run eval`: runs the extractor over samples/dev (rules may be tuned on it) and samples/test
 * (never tuned on), scores both halves and prints the numbers. When the reference scorer
 * (../shared/tools/score-extraction.mjs) is present, its SUMMARY line is compared with ours.
 * Usage: node dist/scripts/eval.js [--per-doc] [--half dev|test]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { extractDocument } from '../src/extract/index.js';
import { readInputs } from '../src/ingest/index.js';
import { loadKnowledgeBase, packageRoot } from '../src/kb/index.js';
import type { ExtractedDocument, ExtractOutput } from '../src/types.js';
import { loadGold, report, score, summaryLine } from './score.js';

const root = packageRoot();
const args = process.argv.slice(2);
const perDoc = args.includes('--per-doc');
const only = args.includes('--half') ? args[args.indexOf('--half') + 1] : null;
const halves = ['dev', 'test'].filter((h) => !only || h === only);
const outDir = path.join(root, '.eval');
fs.mkdirSync(outDir, { recursive: true });
const referenceScorer = path.resolve(root, '..', 'shared', 'tools', 'score-extraction.mjs');

const kb = loadKnowledgeBase(null);
let disagreements = 0;
for (const half of halves) {
  const dir = path.join(root, 'samples', half);
  if (!fs.existsSync(dir)) continue;
  const documents: ExtractedDocument[] = [];
  for await (const r of readInputs([dir])) {
    if (r.kind === 'error') {
      console.error(`error: ${r.error.message}`);
      continue;
    }
    documents.push(extractDocument(r.doc, kb));
  }
  const predictions: ExtractOutput = { version: 1, documents };
  const predFile = path.join(outDir, `predictions-${half}.json`);
  fs.writeFileSync(predFile, JSON.stringify(predictions, null, 2));
  const s = score(loadGold(dir), predictions);
  console.log(
    `\n== ${half} half (${half === 'dev' ? 'rules may be tuned on it' : 'held out: never tuned on'}) — ${dir}`,
  );
  for (const l of report(s)) console.log(l);
  if (perDoc)
    for (const d of s.perDocument)
      if (d.fp || d.fn) console.log(`  ${d.file}: tp=${d.tp} fp=${d.fp} fn=${d.fn}`);
  if (fs.existsSync(referenceScorer)) {
    const ref = spawnSync(process.execPath, [referenceScorer, dir, predFile], { encoding: 'utf8' });
    const refSummary = ref.stdout.split('\n').find((l) => l.startsWith('SUMMARY')) ?? '(no summary)';
    const agree = refSummary.trim() === summaryLine(s);
    if (!agree) disagreements++;
    console.log(`reference scorer: ${refSummary.trim()} — ${agree ? 'agrees' : 'DISAGREES'}`);
  } else {
    console.log('reference scorer not found (../shared/tools/score-extraction.mjs): skipped the cross-check');
  }
  console.log(`predictions written to ${path.relative(process.cwd(), predFile)}`);
}
if (disagreements > 0) process.exitCode = 1;
