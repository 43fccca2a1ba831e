import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readInputs, type ReadOptions, type ReadResult } from './index.js';
import { byteLines } from './json.js';

function writeTemp(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cyberclaims-json-')), name);
  writeFileSync(path, content);
  return path;
}

async function collect(path: string, opts?: ReadOptions): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readInputs([path], opts)) out.push(r);
  return out;
}

const summary = (r: ReadResult): string =>
  r.kind === 'document' ? `doc ${r.doc.source}` : `error ${r.error.code} ${r.error.message}`;

describe('.jsonl / .ndjson', () => {
  it('one document per line with metadata; outlet from the url host when absent', async () => {
    const path = writeTemp(
      'feed.ndjson',
      [
        JSON.stringify({
          title: 'Agency accuses group',
          text: 'The agency accused the group.',
          url: 'https://www.news.example/x',
          published: '2024-09-24T08:00:00Z',
        }),
        JSON.stringify({ body: 'No title here.', outlet: 'Example Radio', date: 'Sept. 3, 2024' }),
      ].join('\r\n') + '\r\n',
    );
    const [a, b, ...rest] = await collect(path);
    expect(rest).toEqual([]);
    if (a?.kind !== 'document' || b?.kind !== 'document') throw new Error('expected documents');
    expect(a.doc).toMatchObject({
      source: `${path}#1`,
      title: 'Agency accuses group',
      outlet: 'news.example',
      url: 'https://www.news.example/x',
      published: '2024-09-24',
      text: 'Agency accuses group\n\nThe agency accused the group.',
    });
    expect(b.doc).toMatchObject({
      source: `${path}#2`,
      title: null,
      outlet: 'Example Radio',
      published: '2024-09-03',
      text: 'No title here.',
    });
  });

  it('reports each bad record and keeps going: malformed, no text, wrong type, not an object, invalid UTF-8, too large', async () => {
    const lines = [
      Buffer.from('{"text": "good one"}'),
      Buffer.from('{"text": '),
      Buffer.from('{"title": "no text"}'),
      Buffer.from('{"text": 42}'),
      Buffer.from('[1, 2]'),
      Buffer.concat([Buffer.from('{"text": "bad '), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
      Buffer.from(JSON.stringify({ text: 'x'.repeat(300) })),
      Buffer.from('{"text": "good two"}'),
    ];
    const file = Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]));
    const path = writeTemp('mixed.jsonl', file);
    const results = await collect(path, { maxBytes: 200 });
    const badUtf8At = lines.slice(0, 5).reduce((n, l) => n + l.length + 1, 0) + '{"text": "bad '.length;
    expect(results.map(summary)).toEqual([
      `doc ${path}#1`,
      expect.stringMatching(new RegExp(`^error JSON_MALFORMED ${path}:2: malformed JSON \\(.+\\)$`)),
      `error JSON_NO_TEXT ${path}:3: no "text" or "body" field`,
      `error JSON_NO_TEXT ${path}:4: "text" is a number, expected a string`,
      `error JSON_NO_TEXT ${path}:5: expected an object with a "text" or "body" field, found an array`,
      `error FILE_ENCODING ${path}:6: invalid UTF-8 at byte ${badUtf8At}`,
      `error FILE_TOO_LARGE ${path}:7: ${lines[6]!.length} bytes exceeds the 200-byte limit (--max-bytes)`,
      `doc ${path}#8`,
    ]);
  });

  it('an empty or blank-lines-only file is one FILE_EMPTY error', async () => {
    const path = writeTemp('empty.jsonl', '\n\n  \n');
    expect((await collect(path)).map(summary)).toEqual([`error FILE_EMPTY ${path}: file is empty`]);
  });

  it('a binary file is one error, not one per line', async () => {
    const path = writeTemp('bin.jsonl', Buffer.from([0x00, 0x0a, 0x00, 0x0a, 0x00]));
    expect((await collect(path)).map((r) => r.kind === 'error' && r.error.code)).toEqual(['FILE_BINARY']);
  });
});

describe('byteLines', () => {
  it('splits across chunk boundaries, numbers lines and tracks file offsets', async () => {
    const chunks = ['ab', 'c\nde', 'f\n\ng', 'hi'].map((s) => Buffer.from(s));
    const out = [];
    for await (const l of byteLines(Readable.from(chunks), 100))
      out.push({ ...l, bytes: l.bytes?.toString() });
    expect(out).toEqual([
      { lineNo: 1, offset: 0, bytes: 'abc', size: 3 },
      { lineNo: 2, offset: 4, bytes: 'def', size: 3 },
      { lineNo: 3, offset: 8, bytes: '', size: 0 },
      { lineNo: 4, offset: 9, bytes: 'ghi', size: 3 },
    ]);
  });

  it('drops an over-long line without keeping it, and resumes on the next', async () => {
    const chunks = ['0123456789', '0123456789', '\nok'].map((s) => Buffer.from(s));
    const out = [];
    for await (const l of byteLines(Readable.from(chunks), 5))
      out.push({ lineNo: l.lineNo, bytes: l.bytes?.toString() ?? null, size: l.size });
    expect(out).toEqual([
      { lineNo: 1, bytes: null, size: 20 },
      { lineNo: 2, bytes: 'ok', size: 2 },
    ]);
  });
});

describe('.json', () => {
  it('a single object is one document whose source is the path', async () => {
    const path = writeTemp('one.json', JSON.stringify({ title: 'T', text: 'Body text.' }, null, 2));
    expect((await collect(path)).map(summary)).toEqual([`doc ${path}`]);
  });

  it('an array gives path#n per element, with bad elements reported by index', async () => {
    const path = writeTemp(
      'many.json',
      JSON.stringify([{ text: 'a' }, { headline: 'no text' }, { body: 'c' }]),
    );
    expect((await collect(path)).map(summary)).toEqual([
      `doc ${path}#1`,
      `error JSON_NO_TEXT ${path}#2: no "text" or "body" field`,
      `doc ${path}#3`,
    ]);
  });

  it('malformed JSON is one error on one line', async () => {
    const path = writeTemp('broken.json', '{\n  "text": "a",\n  oops\n}');
    const results = await collect(path);
    expect(results.map(summary)).toEqual([
      expect.stringMatching(new RegExp(`^error JSON_MALFORMED ${path}: malformed JSON \\([^\\n]+\\)$`)),
    ]);
  });
});
