/**
 * `cyberclaims serve` from the outside: the built CLI listens on a free port against a real SQLite
 * file, and node's fetch talks to it over the loopback interface.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, repoRoot, serve, type Served } from '../helpers/server.js';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'incidents');
const ARTICLE =
  "The UK's National Cyber Security Centre said on Monday that the GRU, Russia's military intelligence service, was behind a campaign of phishing e-mails sent to British lawmakers.";

let tmp: string;
let db: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-serve-'));
  db = path.join(tmp, 'serve.db');
  ingest(db, [FIXTURES]);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('serve on loopback (the default)', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve(['--db', db]);
  });
  afterAll(async () => s?.stop());

  it('binds 127.0.0.1 and prints the URL', () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.output()).toMatch(/serving 4 documents/);
  });

  it('answers the API with JSON and helmet headers', async () => {
    const r = await fetch(`${s.url}/api/health`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await r.json()).toMatchObject({ status: 'ok', documents: 4, writeRequiresToken: false });
    const list = (await (await fetch(`${s.url}/api/incidents?actor=ICEFCOM`)).json()) as { total: number };
    expect(list.total).toBeGreaterThan(0);
  });

  it('serves the web app for its own paths, and 404 JSON for unknown API paths', async () => {
    const page = await fetch(`${s.url}/incidents/inc-0123`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toMatch(/<div id="root">/);
    // No inline script: everything comes from /assets under script-src 'self'.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const missing = await fetch(`${s.url}/api/missing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'no route GET /api/missing' },
    });
  });

  it('stores a pasted article without a token', async () => {
    const r = await fetch(`${s.url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: ARTICLE, title: 'NCSC blames GRU' }),
    });
    expect(r.status).toBe(201);
    const body = (await r.json()) as { document: { claims: { claimant: { id: string } }[] } };
    expect(body.document.claims.some((c) => c.claimant.id === 'gb-ncsc')).toBe(true);
  });
});

describe('serve beyond loopback', () => {
  it('refuses to start without CYBERCLAIMS_TOKEN', async () => {
    const e = (await serve(['--db', db, '--host', '0.0.0.0'], { CYBERCLAIMS_TOKEN: '' }).catch(
      (x: unknown) => x,
    )) as {
      code: number;
      output: string;
    };
    expect(e.code).toBe(1);
    expect(e.output).toMatch(/needs a token for writes: set CYBERCLAIMS_TOKEN/);
    expect(e.output).not.toMatch(/^\s+at /m);
  });

  it('with the token, requires it as a Bearer token for every write', async () => {
    const s = await serve(['--db', db, '--host', '0.0.0.0'], { CYBERCLAIMS_TOKEN: 'e2e-token-123' });
    try {
      // Reached over loopback: the test never sends traffic beyond this machine.
      const url = s.url.replace('0.0.0.0', '127.0.0.1');
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      const post = (auth?: string) =>
        fetch(`${url}/api/documents`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
          body: JSON.stringify({ content: `${ARTICLE} (second report)` }),
        });
      const denied = await post();
      expect(denied.status).toBe(401);
      expect(((await denied.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
      expect((await post('Bearer wrong')).status).toBe(401);
      expect((await post('Bearer e2e-token-123')).status).toBe(201);
    } finally {
      await s.stop();
    }
  });
});
