import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceDocument } from '../types.js';
import { documentFromContent, readInputs } from './index.js';

async function readHtmlFile(html: string | Buffer, name = 'page.html'): Promise<SourceDocument> {
  const path = join(mkdtempSync(join(tmpdir(), 'cyberclaims-html-')), name);
  writeFileSync(path, html);
  const results = [];
  for await (const r of readInputs([path])) results.push(r);
  const r = results[0]!;
  if (r.kind !== 'document') throw new Error(r.error.message);
  return r.doc;
}

const PARAGRAPHS = [
  'The national cyber agency said on Thursday that a state-backed group had breached the networks of two regional power utilities.',
  'According to the agency, the intruders used stolen VPN credentials and remained inside the networks for several months before being detected.',
  'The embassy of the accused country rejected the allegations as groundless and called on the agency to stop spreading disinformation.',
];

declare global {
  var __ingestPwned: number | undefined;
}
afterEach(() => {
  globalThis.__ingestPwned = undefined;
});

describe('HTML pages', () => {
  it('never runs scripts or handlers, and script text never reaches the body', async () => {
    const html = `<!DOCTYPE html><html><head><title>Breach report</title>
      <script>globalThis.__ingestPwned = 1; var SECRET_SCRIPT_TEXT = "x";</script></head>
      <body onload="globalThis.__ingestPwned = 2">
      <article>
        <h1>Breach report</h1>
        <p>${PARAGRAPHS[0]} <img src="missing.png" onerror="globalThis.__ingestPwned = 3"></p>
        <script>document.write("INJECTED_BY_SCRIPT")</script>
        <noscript>NOSCRIPT_TEXT</noscript>
        <style>.x { content: "STYLE_TEXT" }</style>
        <p>${PARAGRAPHS[1]}</p>
        <p>${PARAGRAPHS[2]}</p>
      </article></body></html>`;
    const doc = await readHtmlFile(html);
    expect(globalThis.__ingestPwned).toBeUndefined();
    for (const leak of [
      'SECRET_SCRIPT_TEXT',
      'INJECTED_BY_SCRIPT',
      'NOSCRIPT_TEXT',
      'STYLE_TEXT',
      'onerror',
      '<',
    ]) {
      expect(doc.text).not.toContain(leak);
    }
    expect(doc.text).toBe(`Breach report\n\n${PARAGRAPHS.join('\n\n')}`);
  });

  it('reads title, outlet, url and date from meta tags', async () => {
    const html = `<!DOCTYPE html><html><head>
      <title>Utilities breached | Example Wire</title>
      <meta property="og:title" content="Utilities breached, agency says">
      <meta property="og:site_name" content="Example Wire">
      <meta property="og:url" content="https://www.examplewire.com/2024/05/utilities">
      <meta property="article:published_time" content="2024-05-09T06:30:00+08:00">
      </head><body><article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const doc = await readHtmlFile(html);
    expect(doc.title).toBe('Utilities breached, agency says');
    expect(doc.outlet).toBe('Example Wire');
    expect(doc.url).toBe('https://www.examplewire.com/2024/05/utilities');
    expect(doc.published).toBe('2024-05-09');
    expect(doc.text.startsWith('Utilities breached, agency says\n\nThe national cyber agency')).toBe(true);
  });

  it('falls back to <title> (without the site suffix), canonical host, JSON-LD date', async () => {
    const html = `<html><head>
      <title>Utilities breached - examplewire.com</title>
      <link rel="canonical" href="https://www.examplewire.com/a/1">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Example Wire"},
        {"@type":"NewsArticle","headline":"x","datePublished":"2023-12-01T10:00:00Z"}]}</script>
      </head><body><p>${PARAGRAPHS[0]}</p></body></html>`;
    const doc = await readHtmlFile(html);
    expect(doc.title).toBe('Utilities breached');
    expect(doc.outlet).toBe('examplewire.com');
    expect(doc.url).toBe('https://www.examplewire.com/a/1');
    expect(doc.published).toBe('2023-12-01');
  });

  it('uses <time datetime>, then meta name=date, then the text for the date', async () => {
    const withTime = await readHtmlFile(
      `<html><body><time datetime="2022-07-08">8 July</time><p>${PARAGRAPHS[0]}</p></body></html>`,
    );
    expect(withTime.published).toBe('2022-07-08');
    const withMeta = await readHtmlFile(
      `<html><head><meta name="dc.date" content="2021-01-02"></head><body><p>${PARAGRAPHS[0]}</p></body></html>`,
    );
    expect(withMeta.published).toBe('2021-01-02');
    const inText = await readHtmlFile(
      `<html><body><p>Published: 5 June 2020</p><p>${PARAGRAPHS[0]}</p></body></html>`,
    );
    expect(inText.published).toBe('2020-06-05');
  });

  it('keeps paragraph breaks of lists, quotes and headings; ignores a broken JSON-LD block', async () => {
    const html = `<html><head><script type="application/ld+json">{ not json</script></head><body><article>
      <p>${PARAGRAPHS[0]}</p>
      <h2>What the agency said</h2>
      <blockquote><p>We will respond.</p><p>In kind.</p></blockquote>
      <ul><li>Stolen credentials</li><li>Months of access</li></ul>
      <p>${PARAGRAPHS[1]}<br>Second line.</p></article></body></html>`;
    const doc = await readHtmlFile(html);
    expect(doc.text).toBe(
      [
        PARAGRAPHS[0],
        'What the agency said',
        'We will respond.',
        'In kind.',
        'Stolen credentials',
        'Months of access',
        `${PARAGRAPHS[1]}\nSecond line.`,
      ].join('\n\n'),
    );
  });

  it('reads a bare fragment without <html> or <body>', async () => {
    const doc = await readHtmlFile(`<p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[2]}</p>`, 'frag.htm');
    expect(doc.title).toBeNull();
    expect(doc.text).toBe(`${PARAGRAPHS[0]}\n\n${PARAGRAPHS[2]}`);
  });

  it('decodes a page that declares a legacy charset', async () => {
    const bytes = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from('</title></head><body><p>R'),
      Buffer.from([0xe9]),
      Buffer.from('sum'),
      Buffer.from([0xe9]),
      Buffer.from(' of the agency statement.</p></body></html>'),
    ]);
    const doc = await readHtmlFile(bytes);
    expect(doc.text).toBe('Café\n\nRésumé of the agency statement.');
  });

  it('documentFromContent: metadata given by the caller wins over the page', () => {
    const doc = documentFromContent('paste', `<title>Page title</title><p>${PARAGRAPHS[0]}</p>`, 'html', {
      title: 'Given title',
      outlet: 'Given Outlet',
    });
    expect(doc.title).toBe('Given title');
    expect(doc.outlet).toBe('Given Outlet');
    expect(doc.text).toBe(`Given title\n\n${PARAGRAPHS[0]}`);
  });
});
