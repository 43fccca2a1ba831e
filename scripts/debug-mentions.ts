/**
 * Development aid: prints each sentence of a document with the actor mentions and frames found in it.
 * Usage: node dist/scripts/debug-mentions.js FILE [SENTENCE_INDEX]
 */
import fs from 'node:fs';
import { framesInSentence } from '../src/extract/frames.js';
import { findMentions } from '../src/extract/mentions.js';
import { loadKnowledgeBase } from '../src/kb/index.js';
import { analyse } from '../src/nlp/index.js';

const [file, only] = process.argv.slice(2);
if (!file) {
  console.error('usage: debug-mentions FILE [SENTENCE_INDEX]');
  process.exit(2);
}
const a = analyse(fs.readFileSync(file, 'utf8'));
const ms = findMentions(a, loadKnowledgeBase(null));
const inMention = new Uint8Array(a.tokens.length);
for (const m of ms) for (let k = m.start; k < m.end; k++) inMention[k] = 1;
for (const s of a.sentences) {
  if (only !== undefined && String(s.index) !== only) continue;
  console.log(`\n#${s.index} ${a.text.slice(s.start, s.end)}`);
  for (const m of ms.filter((x) => x.sentence === s.index)) {
    console.log(
      `   - "${m.surface}" → ${m.identity} [${m.partyKind}, ${m.country ?? '?'}] via ${m.via}${m.modifier ? ' modifier' : ''}${m.generic ? ' generic' : ''}`,
    );
  }
  for (const f of framesInSentence(a, s.index, ms, inMention)) {
    console.log(
      `   => ${f.type}@${a.tokens[f.trigger]!.value}: ${f.claimant.name} -> ${f.accused.map((x) => x.name).join(', ')}`,
    );
  }
}
