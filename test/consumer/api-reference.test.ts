// The contract, served and readable: `coffer serve` answers the OpenAPI document (JSON, YAML) and GET /docs;
// headless Chromium with the network off loads /docs from the running server (and openapi/dist/coffer.html
// from the file system) and every operation's summary is on the rendered page. Screenshots go to artifacts/
// (gitignored), for CI to keep.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderReference } from '@coffer/openapi/render';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chromiumMissing, headless, visibleText } from './chromium.ts';
import { ROOT } from './lib.ts';

const SPEC_FILE = join(ROOT, 'openapi', 'coffer.yaml');
const ARTIFACTS = join(ROOT, 'artifacts');
const spec = parse(readFileSync(SPEC_FILE, 'utf8')) as {
  info: { title: string };
  paths: Record<string, Record<string, { operationId?: string; summary?: string }>>;
};
const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);
const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([m]) => METHODS.has(m))
    .map(([method, op]) => ({ path, method, id: op.operationId ?? '', summary: op.summary ?? '' })),
);

describe('the contract served by coffer serve', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it('GET /v1/openapi.json and /v1/openapi.yaml answer the document it routes from, without a key', async () => {
    const json = await fetch(`${server.baseUrl}/v1/openapi.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(json.headers.get('x-request-id')).toBeTruthy();
    expect(await json.json()).toEqual(spec);
    const yaml = await fetch(`${server.baseUrl}/v1/openapi.yaml`);
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(await yaml.text()).toBe(readFileSync(SPEC_FILE, 'utf8'));
  });

  it('GET /docs is one self-contained page that may load nothing', async () => {
    const r = await fetch(`${server.baseUrl}/docs`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/connect-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline[^;]*;.*script-src|script-src[^;]*unsafe-inline/);
    const html = await r.text();
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain(`<title>${spec.info.title}`);
  });

  it('a wrong method on /docs is a 405 problem, like every route', async () => {
    const r = await fetch(`${server.baseUrl}/docs`, { method: 'POST' });
    expect(r.status).toBe(405);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe.skipIf(chromiumMissing())('the API reference in headless Chromium, network off', () => {
  let server: RunningServer;
  let work: string;
  beforeAll(async () => {
    server = await startServer();
    work = mkdtempSync(join(tmpdir(), 'coffer-docs-'));
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  function expectEverySummary(dom: string): void {
    expect(dom).toMatch(/<html[^>]*data-rendered="true"/);
    const text = visibleText(dom);
    expect(operations.length).toBeGreaterThan(20);
    const missing = operations.filter((o) => !text.includes(o.summary)).map((o) => `${o.id}: ${o.summary}`);
    expect(missing).toEqual([]);
  }

  it('/docs from the running server renders every operation; screenshot in artifacts/', async () => {
    const url = `${server.baseUrl}/docs`;
    const dom = await headless(url, ['--dump-dom']);
    expect(dom.code, dom.stderr).toBe(0);
    expectEverySummary(dom.stdout);
    const shot = join(ARTIFACTS, 'api-reference.png');
    rmSync(shot, { force: true });
    const r = await headless(url, [`--screenshot=${shot}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(shot).size).toBeGreaterThan(20_000);
  });

  it('the rendered file (openapi/dist/coffer.html) works offline from the file system', async () => {
    // The page `npm run docs -w @coffer/openapi` writes, rendered from the same document.
    const file = join(work, 'coffer.html');
    writeFileSync(file, renderReference(spec as unknown as Record<string, unknown>).html);
    const dom = await headless(pathToFileURL(file).href, ['--dump-dom']);
    expect(dom.code, dom.stderr).toBe(0);
    expectEverySummary(dom.stdout);
    const shot = join(ARTIFACTS, 'api-reference-offline.png');
    rmSync(shot, { force: true });
    const r = await headless(pathToFileURL(file).href, [`--screenshot=${shot}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(shot).size).toBeGreaterThan(20_000);
  });

  it('a page that needs the network does not render here (the network really is off)', async () => {
    // The control: the same kind of page with Redoc loaded from a CDN shows none of the summaries.
    const file = join(work, 'cdn.html');
    writeFileSync(
      file,
      `<!doctype html><html><body><div id="redoc"></div>
<script src="https://cdn.redocly.com/redoc/v2.5.4/bundles/redoc.standalone.js"></script>
<script>Redoc.init(${JSON.stringify(spec).replace(/</g, '\\u003c')}, {}, document.getElementById('redoc'),
  function () { document.documentElement.dataset.rendered = 'true'; });</script></body></html>`,
    );
    const dom = await headless(pathToFileURL(file).href, ['--dump-dom']);
    expect(dom.code, dom.stderr).toBe(0);
    expect(dom.stdout).not.toMatch(/data-rendered="true"/);
    expect(visibleText(dom.stdout)).not.toContain(operations[0]?.summary);
  });
});
