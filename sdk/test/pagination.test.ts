import { afterEach, describe, expect, it } from 'vitest';
import { Coffer, Page } from '../src/index.ts';
import { API_KEY, json, SECRET, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
let coffer: Coffer | undefined;
afterEach(async () => {
  await coffer?.close();
  await server?.close();
  coffer = server = undefined;
});

// 7 items served 3 per page; the cursor is the offset.
const ITEMS = Array.from({ length: 7 }, (_, i) => ({ ...SECRET, id: `id-${i}`, name: `S_${i}` }));
async function paged() {
  server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 3);
    const items = ITEMS.slice(start, start + limit);
    const next = start + limit < ITEMS.length ? String(start + limit) : null;
    json(res, 200, { items, nextCursor: next });
  });
  coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY });
  return coffer;
}

describe('pagination', () => {
  it('for await follows nextCursor across pages and keeps the filters', async () => {
    const c = await paged();
    const names: string[] = [];
    for await (const s of c.secrets.list({ limit: 3, scopeType: 'team' } as never))
      names.push((s as { name: string }).name);
    expect(names).toEqual(ITEMS.map((i) => i.name));
    expect(server?.seen.map((r) => r.url)).toEqual([
      '/v1/secrets?limit=3&scopeType=team',
      '/v1/secrets?limit=3&scopeType=team&cursor=3',
      '/v1/secrets?limit=3&scopeType=team&cursor=6',
    ]);
  });

  it('page() gives one page with nextCursor, the response and nextPage()', async () => {
    const c = await paged();
    const first = await c.secrets.list({ limit: 3 } as never).page();
    expect(first).toBeInstanceOf(Page);
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBe('3');
    expect(first.hasNextPage()).toBe(true);
    expect(first.response.status).toBe(200);
    expect(first.requestId).toMatch(/^req_/);
    const second = await first.nextPage();
    expect(second.items.map((i) => (i as { id: string }).id)).toEqual(['id-3', 'id-4', 'id-5']);
    const last = await second.nextPage();
    expect(last.hasNextPage()).toBe(false);
    await expect(last.nextPage()).rejects.toThrow(/No next page/);
    expect(server?.seen).toHaveLength(3);
  });

  it('pages() yields each page; a starting cursor is honoured; nothing is sent before iteration', async () => {
    const c = await paged();
    const it = c.secrets.list({ limit: 3, cursor: '3' } as never);
    expect(server?.seen).toHaveLength(0);
    const sizes: number[] = [];
    for await (const p of it.pages()) sizes.push(p.items.length);
    expect(sizes).toEqual([3, 1]);
    expect(await c.audit.events().toArray()).toHaveLength(7);
  });

  it('stops on a cursor loop instead of spinning forever', async () => {
    server = await startServer((_req, res) => json(res, 200, { items: [SECRET], nextCursor: 'same' }));
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY });
    await expect(coffer.apiKeys.list().toArray()).rejects.toThrow(/Pagination loop/);
  });
});
