// Provider configuration through the RPCs OpenTofu calls: env fallbacks, missing settings at the attribute,
// values unknown at plan time.
import { createServer } from 'node:http';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectType } from '../../src/framework/schema.ts';
import { UNKNOWN, type Value } from '../../src/framework/value.ts';
import { createProvider, providerSchema } from '../../src/provider.ts';
import { teamResource } from '../../src/resources/team.ts';
import { decodeValue, encodeValue } from '../../src/wire/codec.ts';

const type = objectType(providerSchema.attributes);
const dv = (v: Record<string, Value>) => ({
  msgpack: Buffer.from(
    encodeValue({ base_url: null, api_key: null, timeout_ms: null, max_retries: null, ...v }, type),
  ),
  json: Buffer.alloc(0),
});
const caps = { deferral_allowed: false, write_only_attributes_allowed: true };

describe('provider configuration', () => {
  it('asks for base_url and api_key at their attributes when neither config nor env has them', async () => {
    const p = createProvider({});
    const r = await p.configureProvider({
      terraform_version: '1.12.6',
      config: dv({}),
      client_capabilities: caps,
    });
    expect(r.diagnostics?.map((d) => [d.summary, d.attribute?.steps])).toEqual([
      ['Missing base_url', [{ attribute_name: 'base_url' }]],
      ['Missing api_key', [{ attribute_name: 'api_key' }]],
    ]);
  });

  it('takes COFFER_BASE_URL and COFFER_API_KEY from the environment', async () => {
    const p = createProvider({ COFFER_BASE_URL: 'http://127.0.0.1:1', COFFER_API_KEY: 'k' });
    const r = await p.configureProvider({
      terraform_version: '1.12.6',
      config: dv({}),
      client_capabilities: caps,
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('validates settings at the attribute, skipping values not known yet', async () => {
    const p = createProvider({});
    const bad = await p.validateProviderConfig({ config: dv({ base_url: 'ftp://x', max_retries: 99 }) });
    expect(bad.diagnostics?.map((d) => d.attribute?.steps[0])).toEqual([
      { attribute_name: 'base_url' },
      { attribute_name: 'max_retries' },
    ]);
    const later = await p.validateProviderConfig({ config: dv({ base_url: UNKNOWN, api_key: UNKNOWN }) });
    expect(later.diagnostics).toEqual([]);
  });

  it('configures with unknown settings and explains it when a resource needs the API', async () => {
    const p = createProvider({});
    const c = await p.configureProvider({
      terraform_version: '1.12.6',
      config: dv({ base_url: UNKNOWN, api_key: 'k' }),
      client_capabilities: caps,
    });
    expect(c.diagnostics).toEqual([]);
    const r = await p.readDataSource({
      type_name: 'coffer_secrets_manager',
      config: {
        msgpack: Buffer.from(
          encodeValue({ backend: null, effective_backend: null }, [
            'object',
            { backend: 'string', effective_backend: 'string' },
          ]),
        ),
        json: Buffer.alloc(0),
      },
      provider_meta: null,
      client_capabilities: caps,
    });
    expect(r.diagnostics?.[0]?.summary).toBe('Provider configuration not known yet');
    expect(r.diagnostics?.[0]?.detail).toContain('base_url');
  });

  it('never puts the API key into a diagnostic', async () => {
    const p = createProvider({});
    const r = await p.configureProvider({
      terraform_version: '1.12.6',
      config: dv({ base_url: 'not a url', api_key: 'cof_secret_key_value' }),
      client_capabilities: caps,
    });
    expect(r.diagnostics?.length).toBeGreaterThan(0);
    expect(JSON.stringify(r)).not.toContain('cof_secret_key_value');
  });

  /** What the provider answers for `baseUrl` given as base_url (validate) and as COFFER_BASE_URL (configure). */
  const baseUrlBothWays = async (baseUrl: string, apiKey: string) => [
    await createProvider({}).validateProviderConfig({ config: dv({ base_url: baseUrl }) }),
    await createProvider({ COFFER_BASE_URL: baseUrl, COFFER_API_KEY: apiKey }).configureProvider({
      terraform_version: '1.12.6',
      config: dv({}),
      client_capabilities: caps,
    }),
  ];

  it('refuses a base_url carrying a user name or password, at base_url, without printing it', async () => {
    const url = 'http://admin:cof_pw_in_url_0123@127.0.0.1:1';
    for (const r of await baseUrlBothWays(url, 'k')) {
      expect(r.diagnostics?.map((d) => [d.severity, d.attribute?.steps])).toEqual([
        ['ERROR', [{ attribute_name: 'base_url' }]],
      ]);
      expect(r.diagnostics?.[0]?.detail).toContain('user name or password');
      expect(JSON.stringify(r)).not.toContain('cof_pw_in_url_0123');
      expect(JSON.stringify(r)).not.toContain('admin');
    }
  });

  it('warns at base_url when http:// leaves this machine (the key would cross the network in clear)', async () => {
    const configure = async (env: NodeJS.ProcessEnv, v: Record<string, Value> = {}) => {
      const p = createProvider({ COFFER_API_KEY: 'cof_clear_text_key_0123', ...env });
      const r = await p.configureProvider({
        terraform_version: '1.12.6',
        // the key check gives up fast on a host that does not answer
        config: dv({ timeout_ms: 300, ...v }),
        client_capabilities: caps,
      });
      await p.stopProvider({});
      return r;
    };
    // Names that never resolve (RFC 6761 .invalid): the key check fails quietly and only the warning is left.
    for (const r of [
      await configure({}, { base_url: 'http://coffer.invalid:8080' }),
      await configure({ COFFER_BASE_URL: 'http://10.0.0.5.coffer.invalid:1' }),
    ]) {
      expect(r.diagnostics?.map((d) => [d.severity, d.summary, d.attribute?.steps])).toEqual([
        ['WARNING', 'Unencrypted connection to the Coffer API', [{ attribute_name: 'base_url' }]],
      ]);
      expect(r.diagnostics?.[0]?.detail).toContain('https://');
      expect(JSON.stringify(r)).not.toContain('cof_clear_text_key_0123');
    }
    for (const url of ['http://127.0.0.1:1', 'http://127.1.2.3:1', 'http://localhost:1', 'http://[::1]:1']) {
      expect((await configure({ COFFER_BASE_URL: url })).diagnostics, url).toEqual([]);
    }
  }, 60_000);

  it('refuses an api_key that no HTTP header can carry (file() keeps the trailing newline), at api_key', async () => {
    const key = 'cof_newline_key_0123456789';
    for (const [env, config] of [
      [{ COFFER_BASE_URL: 'http://127.0.0.1:1' }, { api_key: `${key}\n` }],
      [{ COFFER_BASE_URL: 'http://127.0.0.1:1', COFFER_API_KEY: `${key}\r\n` }, {}],
      [{ COFFER_BASE_URL: 'http://127.0.0.1:1' }, { api_key: `${key}\u0000x` }],
      [{ COFFER_BASE_URL: 'http://127.0.0.1:1' }, { api_key: `${key}\u2028` }],
    ] as const) {
      const p = createProvider(env);
      const r = await p.configureProvider({
        terraform_version: '1.12.6',
        config: dv(config),
        client_capabilities: caps,
      });
      expect(r.diagnostics?.map((d) => [d.severity, d.summary, d.attribute?.steps])).toEqual([
        ['ERROR', 'Invalid api_key', [{ attribute_name: 'api_key' }]],
      ]);
      expect(r.diagnostics?.[0]?.detail).toContain('trimspace(file(');
      expect(JSON.stringify(r).includes(key), 'the key in a diagnostic').toBe(false);
    }
  });

  it('never quotes an API key given as base_url (COFFER_BASE_URL and COFFER_API_KEY swapped)', async () => {
    const key = 'cof_0123abcd_swappedKeyValue0123456789';
    for (const r of await baseUrlBothWays(key, 'http://127.0.0.1:1')) {
      expect(r.diagnostics?.map((d) => [d.severity, d.attribute?.steps])).toEqual([
        ['ERROR', [{ attribute_name: 'base_url' }]],
      ]);
      expect(r.diagnostics?.[0]?.detail).toContain('swapped');
      expect(JSON.stringify(r).includes(key), 'the key in a diagnostic').toBe(false);
    }
  });

  it('decodes to the declared object type', () => {
    expect(decodeValue(dv({ base_url: 'http://x' }).msgpack, type)).toMatchObject({ base_url: 'http://x' });
  });
});

describe('import ids', () => {
  const configured = async () => {
    const p = createProvider({ COFFER_BASE_URL: 'http://127.0.0.1:1', COFFER_API_KEY: 'k' });
    await p.configureProvider({ terraform_version: '1.12.6', config: dv({}), client_capabilities: caps });
    return p;
  };

  it('refuses malformed natural keys before calling the API', async () => {
    const p = await configured();
    for (const [type_name, id] of [
      ['coffer_secret', 'team/payments'],
      ['coffer_secret', 'galaxy/payments/DB_PASSWORD'],
      ['coffer_secret', 'team/payments/1BAD'],
      ['coffer_workspace_secret', 'ws-1/MISTRAL_API_KEY'],
      ['coffer_workspace_secret', 'ws-1'],
    ]) {
      const r = await p.importResourceState({
        type_name: type_name as string,
        id: id as string,
        client_capabilities: caps,
      });
      expect(r.imported_resources ?? []).toEqual([]);
      expect(r.diagnostics?.[0]?.summary, `${type_name} ${id}`).toBe('Invalid import id');
    }
  });
});

describe('the API key, checked once when the provider is configured', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses a key the server rejects, in ConfigureProvider, without printing it', async () => {
    const wrong = 'cof_wrong_0123456789abcdef0123456789abcdef';
    const p = createProvider({ COFFER_BASE_URL: server.baseUrl, COFFER_API_KEY: wrong });
    const r = await p.configureProvider({
      terraform_version: '1.13.3',
      config: dv({}),
      client_capabilities: caps,
    });
    expect(r.diagnostics?.map((d) => d.summary)).toEqual(['Coffer rejected the API key']);
    expect(r.diagnostics?.[0]?.detail).toContain('while checking the API key');
    expect(JSON.stringify(r)).not.toContain(wrong);
  });

  it('refuses a base_url that is not the API (a 404 for every route), at base_url, before any refresh', async () => {
    // With such an address every refresh would answer 404 and take each object in the state for deleted.
    for (const baseUrl of [`${server.baseUrl}/v1`, `${server.baseUrl}/coffer`]) {
      const p = createProvider({ COFFER_BASE_URL: baseUrl, COFFER_API_KEY: server.apiKey });
      const r = await p.configureProvider({
        terraform_version: '1.13.3',
        config: dv({}),
        client_capabilities: caps,
      });
      expect(r.diagnostics?.map((d) => [d.severity, d.summary, d.attribute?.steps])).toEqual([
        ['ERROR', 'No Coffer API at base_url', [{ attribute_name: 'base_url' }]],
      ]);
      expect(r.diagnostics?.[0]?.detail).toContain(baseUrl);
      expect(JSON.stringify(r).includes(server.apiKey)).toBe(false);
      const read = await p.readResource({
        type_name: 'coffer_team',
        current_state: {
          msgpack: Buffer.from(
            encodeValue(
              {
                id: 'payments',
                name: 'payments',
                organization_id: null,
                delete_contents: null,
                created_at: null,
                updated_at: null,
              },
              objectType(teamResource.schema.attributes),
            ),
          ),
          json: Buffer.alloc(0),
        },
        private: Buffer.alloc(0),
        provider_meta: null,
        client_capabilities: caps,
      });
      // Not "gone": an error, and the state as it was.
      expect(read.diagnostics?.map((d) => d.summary)).toEqual(['No Coffer API at base_url']);
      expect(read.new_state?.msgpack?.length).toBeGreaterThan(1);
    }
  });

  it('accepts an API whose proxy hides only the settings (GET /v1/healthz answers)', async () => {
    const proxy = createServer((req, res) => {
      const health = req.url === '/v1/healthz';
      res.writeHead(health ? 200 : 404, { 'content-type': 'application/json' });
      res.end(health ? '{"status":"ok"}' : '{}');
    });
    await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
    const { port } = proxy.address() as { port: number };
    const p = createProvider({ COFFER_BASE_URL: `http://127.0.0.1:${port}`, COFFER_API_KEY: 'k' });
    const r = await p.configureProvider({
      terraform_version: '1.13.3',
      config: dv({}),
      client_capabilities: caps,
    });
    await p.stopProvider({});
    await new Promise<void>((ok) => proxy.close(() => ok()));
    expect(r.diagnostics).toEqual([]);
  });

  it('accepts the right key', async () => {
    const p = createProvider({ COFFER_BASE_URL: server.baseUrl, COFFER_API_KEY: server.apiKey });
    const r = await p.configureProvider({
      terraform_version: '1.13.3',
      config: dv({}),
      client_capabilities: caps,
    });
    expect(r.diagnostics).toEqual([]);
    await p.stopProvider({});
  });
});
