import {
  chmodSync,
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  ftruncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { readInputs, type ReadOptions, type ReadResult } from './index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberclaims-ingest-'));
});

async function collect(inputs: string[], opts?: ReadOptions): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readInputs(inputs, opts)) out.push(r);
  return out;
}

/** The single error an input produces. */
async function errorOf(path: string, opts?: ReadOptions): Promise<{ code: string; message: string }> {
  const results = await collect([path], opts);
  expect(results).toHaveLength(1);
  const r = results[0]!;
  if (r.kind !== 'error') throw new Error(`expected an error for ${path}, got a document`);
  expect(r.source).toBe(path);
  expect(r.error.message).not.toContain('\n');
  return { code: r.error.code, message: r.error.message };
}

const ARTICLE =
  'Ministry accuses hackers\n\nThe ministry said on Tuesday that a hacking group had broken into its mail servers.\n';

describe('bad input: one error result naming the file and the problem', () => {
  it('empty file, and whitespace-only file', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.md'), ' \n\t\r\n  \n');
    expect(await errorOf(join(dir, 'empty.txt'))).toEqual({
      code: 'FILE_EMPTY',
      message: `${join(dir, 'empty.txt')}: file is empty`,
    });
    expect((await errorOf(join(dir, 'blank.md'))).code).toBe('FILE_EMPTY');
  });

  it('binary content (NUL bytes) and control-character noise', async () => {
    writeFileSync(join(dir, 'x.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]));
    const control = Buffer.alloc(400, 0x41);
    for (let i = 0; i < 400; i += 3) control[i] = 0x02;
    writeFileSync(join(dir, 'noise.txt'), control);
    expect(await errorOf(join(dir, 'x.txt'))).toEqual({
      code: 'FILE_BINARY',
      message: `${join(dir, 'x.txt')}: binary content (NUL bytes), expected text, HTML, Markdown or JSON`,
    });
    expect((await errorOf(join(dir, 'noise.txt'))).code).toBe('FILE_BINARY');
  });

  it('invalid UTF-8, with the byte offset', async () => {
    const prefix = Buffer.from('Title\n\nValid text — then Latin-1: caf'); // the dash is 3 valid bytes
    const bytes = Buffer.concat([prefix, Buffer.from([0xe9]), Buffer.from(' au lait.')]);
    writeFileSync(join(dir, 'bad.txt'), bytes);
    expect(await errorOf(join(dir, 'bad.txt'))).toEqual({
      code: 'FILE_ENCODING',
      message: `${join(dir, 'bad.txt')}: invalid UTF-8 at byte ${prefix.length}`,
    });
  });

  it('UTF-16 text is an encoding error, not "binary"', async () => {
    writeFileSync(
      join(dir, 'u16.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello', 'utf16le')]),
    );
    expect(await errorOf(join(dir, 'u16.txt'))).toEqual({
      code: 'FILE_ENCODING',
      message: `${join(dir, 'u16.txt')}: UTF-16LE text, expected UTF-8`,
    });
  });

  it('a 50 MB file over the default 10 MiB limit is rejected from its size alone', async () => {
    const path = join(dir, 'big.txt');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024); // sparse: costs no disk and would be all NULs if it were read
    closeSync(fd);
    expect(await errorOf(path)).toEqual({
      code: 'FILE_TOO_LARGE',
      message: `${path}: 52,428,800 bytes exceeds the 10,485,760-byte limit (--max-bytes)`,
    });
  });

  it('maxBytes is configurable', async () => {
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    expect((await errorOf(join(dir, 'a.txt'), { maxBytes: 20 })).message).toBe(
      `${join(dir, 'a.txt')}: ${Buffer.byteLength(ARTICLE)} bytes exceeds the 20-byte limit (--max-bytes)`,
    );
  });

  it('missing file and missing folder', async () => {
    expect(await errorOf(join(dir, 'nope.txt'))).toEqual({
      code: 'FILE_NOT_FOUND',
      message: `${join(dir, 'nope.txt')}: no such file or directory`,
    });
    expect((await errorOf(join(dir, 'no-such-folder'))).code).toBe('FILE_NOT_FOUND');
  });

  it('unreadable file (skipped when running as root, which can read it anyway)', async (ctx) => {
    const path = join(dir, 'locked.txt');
    writeFileSync(path, ARTICLE);
    chmodSync(path, 0o000);
    try {
      accessSync(path, constants.R_OK);
      ctx.skip(); // still readable after chmod 000: we are root
    } catch {
      // not readable: the case under test
    }
    expect(await errorOf(path)).toEqual({ code: 'FILE_UNREADABLE', message: `${path}: permission denied` });
  });

  it('unsupported type named explicitly', async () => {
    writeFileSync(join(dir, 'x.pdf'), '%PDF-1.7');
    const e = await errorOf(join(dir, 'x.pdf'));
    expect(e.code).toBe('UNSUPPORTED_TYPE');
    expect(e.message).toMatch(new RegExp(`^${join(dir, 'x.pdf')}: unsupported file type "\\.pdf"`));
  });

  it('HTML without readable text', async () => {
    writeFileSync(
      join(dir, 'doc.html'),
      '<html><head><title>T</title></head><body><script>var a = 1;</script><img src="x.png"></body></html>',
    );
    expect(await errorOf(join(dir, 'doc.html'))).toEqual({
      code: 'HTML_NO_TEXT',
      message: `${join(dir, 'doc.html')}: no readable text found`,
    });
  });

  it('JSON object without "text" or "body"', async () => {
    writeFileSync(
      join(dir, 'a.json'),
      JSON.stringify({ title: 'Only a title', url: 'https://example.com/x' }),
    );
    expect(await errorOf(join(dir, 'a.json'))).toEqual({
      code: 'JSON_NO_TEXT',
      message: `${join(dir, 'a.json')}: no "text" or "body" field`,
    });
  });

  it('a malformed JSON Lines line is an error naming path:line; the other lines still yield documents', async () => {
    const path = join(dir, 'x.jsonl');
    writeFileSync(
      path,
      [
        JSON.stringify({ title: 'First', text: 'The first story says the agency denied it.' }),
        '',
        '{"title": "Broken", "text": oops}',
        JSON.stringify({ title: 'Fourth', body: 'The fourth story has a body field instead.' }),
      ].join('\n'),
    );
    const results = await collect([path]);
    expect(results.map((r) => r.kind)).toEqual(['document', 'error', 'document']);
    const [first, bad, last] = results;
    expect(first?.kind === 'document' && first.doc.source).toBe(`${path}#1`);
    expect(last?.kind === 'document' && last.doc.source).toBe(`${path}#4`);
    if (bad?.kind !== 'error') throw new Error('expected an error');
    expect(bad.error.code).toBe('JSON_MALFORMED');
    expect(bad.error.message).toMatch(new RegExp(`^${path}:3: malformed JSON \\(.+\\)$`));
    expect(bad.source).toBe(`${path}#3`);
  });

  it('stdin over the limit stops reading and reports it', async () => {
    const stdin = new PassThrough();
    stdin.end('x'.repeat(100));
    const results = await collect(['-'], { stdin, maxBytes: 10 });
    expect(results).toHaveLength(1);
    expect(results[0]?.kind === 'error' && results[0].error.code).toBe('FILE_TOO_LARGE');
  });
});

describe('batches', () => {
  it('one bad file among good ones: every good file still yields a document, in input order', async () => {
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    writeFileSync(join(dir, 'b.txt'), Buffer.from([0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'c.md'), '# Second story\n\nOfficials said the *intrusion* began in March.\n');
    const inputs = [join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'missing.txt'), join(dir, 'c.md')];
    const results = await collect(inputs);
    expect(results.map((r) => (r.kind === 'document' ? r.doc.source : `error:${r.source}`))).toEqual([
      inputs[0],
      `error:${inputs[1]}`,
      `error:${inputs[2]}`,
      inputs[3],
    ]);
  });

  it('folders: recursive, sorted by name, dotfiles, unsupported files and gold annotations skipped', async () => {
    const root = join(dir, 'corpus');
    mkdirSync(join(root, 'b-sub', 'deeper'), { recursive: true });
    mkdirSync(join(root, '.hidden'));
    writeFileSync(join(root, 'c.txt'), ARTICLE);
    writeFileSync(join(root, 'a.md'), '# A\n\nBody of a.\n');
    writeFileSync(join(root, 'a.gold.json'), '{"id": "a"}');
    writeFileSync(join(root, 'b-sub', 'z.html'), '<p>Body of z in a sub folder.</p>');
    writeFileSync(join(root, 'b-sub', 'deeper', 'm.txt'), 'Body of m.');
    writeFileSync(join(root, 'b-sub', 'notes.pdf'), '%PDF');
    writeFileSync(join(root, '.draft.txt'), 'hidden');
    writeFileSync(join(root, '.hidden', 'h.txt'), 'hidden');
    const results = await collect([root]);
    expect(results.map((r) => (r.kind === 'document' ? r.doc.source : `error:${r.source}`))).toEqual([
      `${root}/a.md`,
      `${root}/b-sub/deeper/m.txt`,
      `${root}/b-sub/z.html`,
      `${root}/c.txt`,
    ]);
  });

  it('folder sources keep the folder as written', async () => {
    mkdirSync(join(dir, 'f'));
    writeFileSync(join(dir, 'f', 'one.txt'), ARTICLE);
    const results = await collect([`${dir}/f/`]);
    expect(results[0]?.kind === 'document' && results[0].doc.source).toBe(`${dir}/f/one.txt`);
  });

  it('an empty folder yields nothing', async () => {
    mkdirSync(join(dir, 'empty'));
    expect(await collect([join(dir, 'empty')])).toEqual([]);
  });
});
