// What travels on the wire besides the answer itself: batch bounds and their rate-limit cost,
// cache rules, compression. Over real HTTP against the real server.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_MAX_BATCH_SIZE } from '@anc/domain';
import { DEMO, signedIn, startTestServer, type TestServer } from './testing/http.ts';
import { auditCount } from './testing/incidents.ts';
import { batchCallCount, portalCacheControl } from './server.ts';

const RATE = 40;
let s: TestServer;
let dist: string;
let cookie: string;

const batchUrl = (n: number, path = 'auth.me') =>
  `/trpc/${Array.from({ length: n }, () => path).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify({}))}`;

beforeAll(async () => {
  // A built portal in miniature: a hashed asset with its precompressed twins, and the index.
  dist = mkdtempSync(join(tmpdir(), 'anc-dist-'));
  mkdirSync(join(dist, 'assets'));
  const js = `console.log(${JSON.stringify('x'.repeat(5000))});`;
  writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js'), js);
  writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js.br'), brotliCompressSync(js));
  writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(js));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>ANC</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>');
  s = await startTestServer({ env: { PORTAL_DIST: dist } });
  const client = await signedIn(s.url, DEMO.coordinator);
  cookie = client.jar.header();
});
afterAll(async () => {
  await s.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('batches', () => {
  it('counts the calls of a batch URL', () => {
    expect(batchCallCount('/trpc/a,b,c?batch=1&input=%7B%7D')).toBe(3);
    expect(batchCallCount('/trpc/a%2Cb?batch=1')).toBe(2);
    expect(batchCallCount('/trpc/auth.me')).toBe(1);
  });

  it(`answers 400 to a batch of more than ${API_MAX_BATCH_SIZE} calls and runs none of them`, async () => {
    const before = await auditCount(s.t.db);
    const over = await fetch(`${s.url}${batchUrl(API_MAX_BATCH_SIZE + 1)}`, { headers: { cookie } });
    expect(over.status).toBe(400);
    const posted = await fetch(`${s.url}/trpc/${Array.from({ length: API_MAX_BATCH_SIZE + 1 }, () => 'auth.setLocale').join(',')}?batch=1`, {
      method: 'POST',
      headers: { cookie, origin: s.url, 'content-type': 'application/json' },
      body: JSON.stringify(Object.fromEntries(Array.from({ length: API_MAX_BATCH_SIZE + 1 }, (_, i) => [i, { locale: 'en' }]))),
    });
    expect(posted.status).toBe(400);
    expect(await auditCount(s.t.db)).toBe(before);
    const within = await fetch(`${s.url}${batchUrl(API_MAX_BATCH_SIZE)}`, { headers: { cookie } });
    expect(within.status).toBe(200);
    expect(((await within.json()) as unknown[]).length).toBe(API_MAX_BATCH_SIZE);
  });
});

describe('cache rules', () => {
  it('never lets an API answer be stored', async () => {
    const me = await fetch(`${s.url}/trpc/auth.me`, { headers: { cookie } });
    expect(me.headers.get('cache-control')).toBe('no-store');
    const refused = await fetch(`${s.url}/trpc/incidents.get?input=${encodeURIComponent(JSON.stringify({ id: crypto.randomUUID() }))}`, {
      headers: { cookie },
    });
    expect(refused.status).toBe(404);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const csv = await fetch(`${s.url}/export/incidents.csv`, { headers: { cookie } });
    expect(csv.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${s.url}/healthz`)).headers.get('cache-control')).toBe('no-store');
  });

  it('revalidates the index and the SPA fallback, and keeps hashed assets for a year', async () => {
    const index = await fetch(`${s.url}/`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const deep = await fetch(`${s.url}/incidentes/123`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${s.url}/assets/index-Ab12Cd34.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(portalCacheControl('/srv/dist/favicon.svg')).toBe('no-cache');
  });
});

async function raw(encoding: string) {
  const res = await fetch(`${s.url}/assets/index-Ab12Cd34.js`, { headers: { 'accept-encoding': encoding } });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

describe('compression', () => {
  it('serves the precompressed asset to a browser that takes brotli or gzip', async () => {
    // undici's fetch decodes bodies itself; read the headers and compare the decoded text.
    const br = await raw('br');
    expect(br.res.headers.get('content-encoding')).toBe('br');
    expect(br.res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.body.toString()).toContain('console.log');
    const gz = await raw('gzip');
    expect(gz.res.headers.get('content-encoding')).toBe('gzip');
  });

  it('compresses a large JSON answer on the fly', async () => {
    const { request } = await import('undici');
    const res = await request(`${s.url}/trpc/agencies.list`, { headers: { cookie, 'accept-encoding': 'br' } });
    expect(res.headers['content-encoding']).toBe('br');
    const json = JSON.parse(brotliDecompressSync(Buffer.from(await res.body.arrayBuffer())).toString());
    expect(JSON.stringify(json)).toContain('SEDENA');
    const gz = await request(`${s.url}/trpc/agencies.list`, { headers: { cookie, 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.body.arrayBuffer())).toString()).toContain('SEDENA');
  });
});

describe('rate limit', () => {
  let r: TestServer;
  beforeAll(async () => {
    r = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: String(RATE) } });
  });
  afterAll(async () => r.close());

  it('counts every call of a batch, not the request once', async () => {
    let refusedAt = -1;
    let retryAfter = 0;
    const statuses: number[] = [];
    for (let i = 0; i < RATE && refusedAt < 0; i++) {
      const res = await fetch(`${r.url}${batchUrl(API_MAX_BATCH_SIZE / 2)}`);
      statuses.push(res.status);
      if (res.status === 429) [refusedAt, retryAfter] = [i, Number(res.headers.get('retry-after'))];
    }
    expect(statuses.slice(0, -1).every((st) => st === 200)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    // RATE calls a minute at ten a request: the fifth batch is refused (4 × 10 = RATE), not the 41st.
    expect(refusedAt).toBe(RATE / (API_MAX_BATCH_SIZE / 2));
  });
});
