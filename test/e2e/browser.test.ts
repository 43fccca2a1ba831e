/**
 * The web app in a real browser: Debian's chromium driven by playwright-core, against the built CLI's
 * `serve` on a free port and a real SQLite file. Skips, saying why, when no chromium is installed
 * (`.ci/run` installs it). Screenshots of the main pages go to test-artifacts/screenshots/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, repoRoot, serve, type Served } from '../helpers/server.js';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
const executablePath = CANDIDATES.find((p): p is string => !!p && fs.existsSync(p));
if (!executablePath) {
  console.warn(
    'browser tests skipped: no chromium found (tried $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser); install it with `apt-get install -y chromium`',
  );
}

const SHOTS = path.join(repoRoot, 'test-artifacts', 'screenshots');
const FIXTURES = [
  path.join(repoRoot, 'test', 'fixtures', 'incidents'),
  path.join(repoRoot, 'test', 'fixtures', 'cli', 'ncsc-gru.txt'),
  path.join(repoRoot, 'test', 'fixtures', 'cli', 'microsoft-volt-typhoon.txt'),
];

describe.skipIf(!executablePath)('web app in chromium', () => {
  let tmp: string;
  let server: Served;
  let browser: Browser;
  let page: Page;
  /** Uncaught errors, console errors and CSP violations seen by the page. */
  const problems: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-web-'));
    const db = path.join(tmp, 'web.db');
    ingest(db, FIXTURES);
    fs.mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([
      serve(['--db', db]),
      chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] }),
    ]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  it('lists incidents and filters them', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/incidents$/);
    const count = page.getByTestId('incident-count');
    await expect.poll(() => count.textContent()).toMatch(/^\d+ incidents?$/);
    const all = Number((await count.textContent())!.split(' ')[0]);
    expect(all).toBeGreaterThan(1);
    await shot('incidents');

    await page.getByLabel('Actor').fill('ICEFCOM');
    await page.waitForURL(/actor=ICEFCOM/);
    await expect.poll(async () => Number((await count.textContent())!.split(' ')[0])).toBeLessThan(all);
    await page.getByLabel(/Sources conflict/).check();
    await page.waitForURL(/conflict=true/);
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('opens an incident and shows the conflicting sources side by side, the grade and the evidence in place', async () => {
    await page.locator('tbody tr').first().getByRole('link').first().click();
    await page.waitForURL(/\/incidents\/inc-/);
    const comparison = page.getByTestId('comparison');
    await comparison.waitFor();
    await expect.poll(() => comparison.locator('tr[data-conflict=true]').count()).toBeGreaterThan(0);
    expect(await comparison.locator('tr[data-conflict=true] .tag-conflict').first().textContent()).toBe(
      'conflict',
    );
    expect(await comparison.locator('thead th').count()).toBeGreaterThan(2);
    expect(await page.getByTestId('grade-reasons').locator('li').count()).toBeGreaterThan(0);
    expect(await page.locator('.article mark.hl-evidence').count()).toBeGreaterThan(0);
    await shot('incident');
    expect(problems).toEqual([]);
  });

  it('pastes an article and shows its claims with the evidence highlighted', async () => {
    await page.getByRole('link', { name: 'Add an article' }).click();
    await page.waitForURL(/\/add$/);
    await page
      .getByLabel('Article')
      .fill(
        "Britain's National Cyber Security Centre said on Thursday that the GRU, Russia's military intelligence agency, had hacked the e-mail accounts of British lawmakers. Moscow denied the accusation.",
      );
    await page.getByLabel('Title').fill('NCSC blames GRU for hacking lawmakers');
    await page.getByRole('button', { name: 'Extract claims' }).click();
    const result = page.getByTestId('add-result');
    await result.waitFor();
    await expect.poll(() => result.getByTestId('claim').count()).toBeGreaterThan(0);
    expect(await result.getByTestId('claim').first().textContent()).toMatch(
      /National Cyber Security Centre.*accuses.*GRU/,
    );
    const marks = result.getByTestId('article-text').locator('mark.hl-evidence');
    expect(await marks.count()).toBeGreaterThan(0);
    expect(await marks.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/GRU/)]));
    await shot('add-article');

    // The claimant's page lists the new accusation.
    await result
      .getByTestId('claim')
      .first()
      .getByRole('link', { name: /National Cyber Security Centre/ })
      .first()
      .click();
    await page.waitForURL(/\/actors\//);
    await page.getByRole('heading', { name: /Accusations made/ }).waitFor();
    await shot('actor');
    expect(problems).toEqual([]);
  });

  it('shows hostile article text as text and never runs it', async () => {
    const hostile = [
      'Hostile <img src=x onerror="window.__pwned=1;alert(1)"> headline',
      '',
      'The FBI said on Monday that APT28 hacked a water utility. <script>window.__pwned=2;alert(2)</script>',
      '<svg onload="window.__pwned=3"></svg> <a href="javascript:window.__pwned=4">click</a> <iframe src="javascript:alert(5)"></iframe>',
    ].join('\n');
    await page.goto(`${server.url}/add`);
    await page.getByLabel('Article').fill(hostile);
    await page.getByRole('button', { name: 'Extract claims' }).click();
    const text = page.getByTestId('add-result').getByTestId('article-text');
    await text.waitFor();
    const shown = (await text.textContent()) ?? '';
    expect(shown).toContain('<script>window.__pwned=2;alert(2)</script>');
    expect(shown).toContain('<img src=x onerror=');
    // Nothing of it became markup, and nothing ran.
    expect(await text.locator('img, script, svg, iframe, a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('img[src="x"], iframe').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await shot('hostile-article');

    // The same on the document page, and with the hostile text as HTML (the reader drops scripts).
    await page.getByTestId('add-result').getByRole('heading').getByRole('link').click();
    await page.waitForURL(/\/documents\/doc-/);
    await page.getByTestId('article-text').waitFor();
    expect(await page.getByTestId('article-text').textContent()).toContain('<script>');
    await page.goto(`${server.url}/add`);
    await page.getByLabel('Article').fill(`<html><body><p>${hostile}</p></body></html>`);
    await page.getByLabel('Format').selectOption('html');
    await page.getByRole('button', { name: 'Extract claims' }).click();
    await page.getByTestId('add-result').waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('draws the timeline and the who-accuses-whom graph, and renders the API reference', async () => {
    await page.goto(`${server.url}/timeline`);
    await page.locator('svg.svg-chart rect').first().waitFor();
    await shot('timeline');
    await page.goto(`${server.url}/graph`);
    await page.locator('svg.svg-graph path.edge').first().waitFor();
    await shot('graph');
    await page.goto(`${server.url}/api/docs`);
    await page.waitForURL(/\/api-docs$/);
    await page.getByRole('heading', { name: 'GET /api/incidents', exact: true }).waitFor();
    expect(problems).toEqual([]);
  });

  it('is usable from the keyboard: skip link, then filters, then the first incident', async () => {
    await page.goto(`${server.url}/incidents`);
    await page.getByTestId('incident-count').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    // Tab through to the first incident link and open it with Enter.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate<string | null>("document.activeElement?.getAttribute('href') ?? null");
      if (href?.startsWith('/incidents/inc-')) break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/incidents\/inc-/);
    await page.getByTestId('comparison').waitFor();
    expect(problems).toEqual([]);
  });
});
