// The reference routes (tag `reference`, `security: []`) on every contract target: the mocks answer the spec's
// examples, the real server (behind `prism proxy --errors`, which fails a response that breaks the spec)
// answers the document it routes from and the rendered page.
import { describe, expect, it } from 'vitest';
import { rawFetch, stateful } from './helpers.ts';

const anonymous = { headers: { authorization: '' } };

describe('reference', () => {
  it('GET /v1/openapi.json answers an OpenAPI 3.1 document without an API key', async () => {
    const res = await rawFetch('/v1/openapi.json', anonymous);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await res.json()) as { openapi: string; info: { title: string }; paths: object };
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBe('Coffer API');
    if (stateful) expect(Object.keys(doc.paths)).toContain('/v1/secrets');
  });

  it('GET /v1/openapi.yaml answers the YAML document without an API key', async () => {
    const res = await rawFetch('/v1/openapi.yaml', anonymous);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/yaml/);
    const text = await res.text();
    expect(text).toMatch(/^openapi: 3\.1\.\d+$/m);
    if (stateful) expect(text).toContain('operationId: getApiReference');
  });

  it('GET /docs answers the HTML reference without an API key', async () => {
    const res = await rawFetch('/docs', anonymous);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<title>Coffer API 1.0.0 reference</title>');
    if (stateful) expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });
});
