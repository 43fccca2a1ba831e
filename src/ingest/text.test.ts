import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../types.js';
import { documentFromContent, readInputs, type ReadOptions } from './index.js';
import { splitTitle } from './text.js';

async function readOne(path: string, opts?: ReadOptions): Promise<SourceDocument> {
  const results = [];
  for await (const r of readInputs([path], opts)) results.push(r);
  expect(results).toHaveLength(1);
  const r = results[0]!;
  if (r.kind !== 'document') throw new Error(r.error.message);
  return r.doc;
}

function writeTemp(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cyberclaims-text-')), name);
  writeFileSync(path, content);
  return path;
}

describe('.txt files', () => {
  it('reads the sample layout: title line, blank line, body; the text is what later stages index into', async () => {
    const path = writeTemp(
      'a.txt',
      '\uFEFFAgency blames foreign unit for rail outage\r\n\r\nTAIPEI, March 4, 2025 - The transport ministry said a foreign military unit disrupted signalling.\r\nIt gave no evidence.\r\n',
    );
    const doc = await readOne(path);
    expect(doc).toEqual({
      kind: 'source-document',
      source: path,
      title: 'Agency blames foreign unit for rail outage',
      outlet: null,
      published: '2025-03-04',
      url: null,
      text: 'Agency blames foreign unit for rail outage\n\nTAIPEI, March 4, 2025 - The transport ministry said a foreign military unit disrupted signalling.\nIt gave no evidence.',
      contentHash: createHash('sha256')
        .update(
          'Agency blames foreign unit for rail outage\n\nTAIPEI, March 4, 2025 - The transport ministry said a foreign military unit disrupted signalling.\nIt gave no evidence.',
        )
        .digest('hex'),
    });
    expect(doc.text.slice(doc.text.indexOf('The transport'), doc.text.indexOf('The transport') + 13)).toBe(
      'The transport',
    );
  });

  it('no title when the first line runs straight into the body', async () => {
    const doc = await readOne(writeTemp('b.txt', 'First line of the body.\nSecond line.\n'));
    expect(doc.title).toBeNull();
    expect(doc.text).toBe('First line of the body.\nSecond line.');
  });

  it('old Mac line ends (CR) become LF', async () => {
    const doc = await readOne(writeTemp('c.txt', 'Headline\r\rBody one.\rBody two.'));
    expect(doc.title).toBe('Headline');
    expect(doc.text).toBe('Headline\n\nBody one.\nBody two.');
  });

  it('a file without an extension is sniffed as text', async () => {
    const doc = await readOne(writeTemp('README', 'Plain words here.'));
    expect(doc.text).toBe('Plain words here.');
  });

  it('the same text gives the same hash wherever it comes from', async () => {
    const a = await readOne(writeTemp('d.txt', 'Title\n\nBody.\n'));
    const b = await readOne(writeTemp('e.txt', 'Title\r\n\r\nBody.'));
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('splitTitle', () => {
  it.each([
    ['Ministry names four officers\n\nBody.', 'Ministry names four officers'],
    ['The ministry named four officers.\n\nBody.', null],
    ['Why did the ministry name them?\n\nBody.', null],
    ['What the ministry said:\n\nBody.', null],
    ['He said "they did it."\n\nBody.', null],
    [`${'x'.repeat(201)}\n\nBody.`, null],
    ['A title without a blank line\nBody.', null],
  ])('%j → %j', (text, title) => {
    expect(splitTitle(text).title).toBe(title);
  });
});

describe('stdin', () => {
  it('reads "-" fully and sniffs plain text', async () => {
    const stdin = new PassThrough();
    stdin.end('Pasted headline\n\nPasted body from a pipe.');
    const doc = await readOne('-', { stdin });
    expect(doc.source).toBe('-');
    expect(doc.title).toBe('Pasted headline');
  });

  it('sniffs HTML and JSON Lines', async () => {
    const html = new PassThrough();
    html.end(
      '<html><head><title>Piped page</title></head><body><p>Piped paragraph of text.</p></body></html>',
    );
    const doc = await readOne('-', { stdin: html });
    expect(doc.text).toBe('Piped page\n\nPiped paragraph of text.');

    const jsonl = new PassThrough();
    jsonl.end('{"text": "one"}\n{"text": "two"}\n');
    const sources = [];
    for await (const r of readInputs(['-'], { stdin: jsonl }))
      sources.push(r.kind === 'document' ? r.doc.source : 'error');
    expect(sources).toEqual(['-#1', '-#2']);
  });
});

describe('documentFromContent', () => {
  it('uses the given title and metadata and does not repeat a title the body starts with', () => {
    const doc = documentFromContent('paste:1', 'Spies accused\n\nThe agency accused spies.', 'text', {
      title: 'Spies accused',
      url: 'https://www.example.org/news/1',
      published: '2024-09-24T08:00:00Z',
    });
    expect(doc.text).toBe('Spies accused\n\nThe agency accused spies.');
    expect(doc.outlet).toBe('example.org');
    expect(doc.published).toBe('2024-09-24');
    expect(doc.url).toBe('https://www.example.org/news/1');
  });

  it('throws FILE_EMPTY for blank content', () => {
    expect(() => documentFromContent('paste:2', '  \n ', 'text')).toThrow(
      expect.objectContaining({ code: 'FILE_EMPTY', message: 'paste:2: file is empty' }),
    );
  });

  it('strips NUL and control characters from pasted text', () => {
    expect(documentFromContent('p', 'a\u0000b\u0007c', 'text').text).toBe('abc');
  });
});
