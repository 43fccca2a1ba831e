import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromContent, readInputs } from './index.js';
import { markdownToText } from './markdown.js';

describe('markdownToText', () => {
  it.each([
    ['## Background ##', 'Background'],
    ['**Bold** and __bold__ and *em* and _em_', 'Bold and bold and em and em'],
    ['Run `whoami` first', 'Run whoami first'],
    ['See [the report](https://example.com/r.pdf "Report").', 'See the report.'],
    ['See [the report][1].\n\n[1]: https://example.com', 'See the report.\n'],
    ['Map: ![map](map.png) end', 'Map:  end'],
    ['- first\n* second\n+ third\n1. fourth', 'first\nsecond\nthird\n1. fourth'],
    ['> quoted statement', 'quoted statement'],
    ['Text<br/>more <span class="x">text</span>', 'Textmore text'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['2 * 3 * 4', '2 * 3 * 4'],
    ['Tom &amp; Jerry &#8212; &quot;ok&quot;', 'Tom & Jerry — "ok"'],
    ['```\ncode line\n```', 'code line'],
    ['above\n\n---\n\nbelow', 'above\n\n\nbelow'],
  ])('%j → %j', (md, text) => {
    expect(markdownToText(md)).toBe(text);
  });
});

describe('.md files', () => {
  it('takes the title from the first "# " heading and builds title + blank line + body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cyberclaims-md-'));
    const path = join(dir, 'post.markdown');
    writeFileSync(
      path,
      [
        '---',
        'date: 2025-01-15',
        'url: https://blog.example.net/posts/1',
        '---',
        '# Vendor links *Storm* group to telecom breach',
        '',
        'The vendor said the **group** stole call records.',
        '',
        '## What we know',
        '',
        '- Targets: three carriers',
        '- Period: since 2023',
      ].join('\n'),
    );
    const results = [];
    for await (const r of readInputs([path])) results.push(r);
    const r = results[0]!;
    if (r.kind !== 'document') throw new Error(r.error.message);
    expect(r.doc.title).toBe('Vendor links Storm group to telecom breach');
    expect(r.doc.published).toBe('2025-01-15');
    expect(r.doc.outlet).toBe('blog.example.net');
    expect(r.doc.text).toBe(
      'Vendor links Storm group to telecom breach\n\nThe vendor said the group stole call records.\n\nWhat we know\n\nTargets: three carriers\nPeriod: since 2023',
    );
  });

  it('without a "# " heading falls back to the plain-text title rule', () => {
    const doc = documentFromContent('m', 'Short headline\n\nBody with *stress*.', 'markdown');
    expect(doc.title).toBe('Short headline');
    expect(doc.text).toBe('Short headline\n\nBody with stress.');
  });
});
