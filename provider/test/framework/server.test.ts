// The framework's RPC handling with an in-memory resource: requests and responses as the wire layer passes
// them (msgpack DynamicValues), so the CLI's rules are checked on the bytes it would receive.
import { describe, expect, it } from 'vitest';
import type {
  EphemeralResourceDefinition,
  ProviderDefinition,
  ResourceDefinition,
} from '../../src/framework/define.ts';
import { DiagnosticsError, error } from '../../src/framework/diagnostics.ts';
import { markUnknown } from '../../src/framework/plan.ts';
import { objectType } from '../../src/framework/schema.ts';
import { createHandler } from '../../src/framework/server.ts';
import { type ObjectValue, str, UNKNOWN, type Value } from '../../src/framework/value.ts';
import { decodeValue, encodeValue } from '../../src/wire/codec.ts';
import type { DynamicValue } from '../../src/wire/handler.ts';

interface Store {
  rows: Map<string, { name: string; secret: string; version: number }>;
  down: boolean;
}

const thing: ResourceDefinition<Store> = {
  typeName: 'test_thing',
  schema: {
    description: 'a thing',
    attributes: {
      id: { type: 'string', computed: true, description: 'id' },
      name: { type: 'string', required: true, requiresReplace: true, description: 'name' },
      secret_wo: { type: 'string', optional: true, writeOnly: true, sensitive: true, description: 'wo' },
      secret_wo_version: { type: 'number', optional: true, description: 'v' },
      version: { type: 'number', computed: true, description: 'version' },
    },
  },
  validate: ({ config }) =>
    config.name === 'bad' ? [error('Bad name', 'name must not be bad', ['name'])] : [],
  plan({ prior, planned }) {
    if (prior && prior.secret_wo_version !== planned.secret_wo_version) markUnknown(planned, 'version');
  },
  async create({ client, config, planned }) {
    if (client.down) throw new DiagnosticsError(error('Server down'));
    const id = `id-${client.rows.size + 1}`;
    client.rows.set(id, { name: str(planned.name) ?? '', secret: str(config.secret_wo) ?? '', version: 1 });
    return { state: { ...planned, id, version: 1 }, private: { applied: 1 } };
  },
  async read({ client, state }) {
    const row = client.rows.get(str(state.id) ?? '');
    return row ? { state: { ...state, version: row.version } } : null;
  },
  async update({ client, config, prior, planned }) {
    if (client.down) throw new DiagnosticsError(error('Server down'));
    const row = client.rows.get(str(prior.id) ?? '');
    if (!row) throw new Error('gone');
    row.secret = str(config.secret_wo) ?? '';
    row.version += 1;
    return { state: { ...planned, version: row.version } };
  },
  async delete({ client, prior }) {
    client.rows.delete(str(prior.id) ?? '');
  },
  async importState({ id }) {
    return { state: { id } };
  },
};

let opened = 0;
const peek: EphemeralResourceDefinition<Store> = {
  typeName: 'test_peek',
  schema: {
    description: 'peek',
    attributes: {
      name: { type: 'string', required: true, description: 'name' },
      value: { type: 'string', computed: true, sensitive: true, description: 'value' },
    },
  },
  async open({ client, config }) {
    opened += 1;
    const row = [...client.rows.values()].find((r) => r.name === config.name);
    return { result: { value: row?.secret ?? null } };
  },
};

function setup() {
  const store: Store = { rows: new Map(), down: false };
  const def: ProviderDefinition<Store> = {
    address: 'registry.opentofu.org/test/test',
    schema: {
      description: 'p',
      attributes: { endpoint: { type: 'string', optional: true, description: 'e' } },
    },
    configure: () => store,
    resources: [thing],
    dataSources: [],
    ephemeralResources: [peek],
  };
  const h = createHandler(def);
  const type = objectType(thing.schema.attributes);
  const dv = (v: Value): DynamicValue => ({
    msgpack: Buffer.from(encodeValue(v, type)),
    json: Buffer.alloc(0),
  });
  const out = (d: { msgpack?: Uint8Array } | undefined | null): Value =>
    d?.msgpack ? decodeValue(d.msgpack, type) : null;
  return { h, store, dv, out };
}

const obj = (o: ObjectValue): ObjectValue => ({
  id: null,
  name: null,
  secret_wo: null,
  secret_wo_version: null,
  version: null,
  ...o,
});
const caps = { deferral_allowed: false, write_only_attributes_allowed: true };

describe('framework handler', () => {
  it('plans a create with unknown computed values and a null write-only value, then applies it', async () => {
    const { h, store, dv, out } = setup();
    await h.configureProvider({ terraform_version: '1.12.6', config: null, client_capabilities: caps });
    const config = obj({ name: 'a', secret_wo: 's3cr3t-value', secret_wo_version: 1 });
    const p = await h.planResourceChange({
      type_name: 'test_thing',
      prior_state: null,
      proposed_new_state: dv(config),
      config: dv(config),
      prior_private: Buffer.alloc(0),
      provider_meta: null,
      client_capabilities: caps,
    });
    expect(p.diagnostics).toEqual([]);
    const planned = out(p.planned_state);
    expect(planned).toEqual(obj({ id: UNKNOWN, name: 'a', secret_wo_version: 1, version: UNKNOWN }));
    expect(Buffer.from(p.planned_state?.msgpack ?? []).toString('latin1')).not.toContain('s3cr3t');

    const a = await h.applyResourceChange({
      type_name: 'test_thing',
      prior_state: null,
      planned_state: dv(planned),
      config: dv(config),
      planned_private: Buffer.from(p.planned_private ?? []),
      provider_meta: null,
    });
    expect(a.diagnostics).toEqual([]);
    expect(out(a.new_state)).toEqual(obj({ id: 'id-1', name: 'a', secret_wo_version: 1, version: 1 }));
    expect(Buffer.from(a.new_state?.msgpack ?? []).toString('latin1')).not.toContain('s3cr3t');
    expect(JSON.parse(Buffer.from(a.private ?? []).toString())).toEqual({ applied: 1 });
    expect(store.rows.get('id-1')?.secret).toBe('s3cr3t-value');
  });

  it('plans no change when only the write-only value differs, and an update when its version does', async () => {
    const { h, dv, out } = setup();
    const prior = obj({ id: 'id-1', name: 'a', secret_wo_version: 1, version: 1 });
    const plan = async (config: ObjectValue) =>
      out(
        (
          await h.planResourceChange({
            type_name: 'test_thing',
            prior_state: dv(prior),
            proposed_new_state: dv({ ...prior, ...config, id: 'id-1', version: 1 }),
            config: dv(config),
            prior_private: Buffer.alloc(0),
            provider_meta: null,
            client_capabilities: caps,
          })
        ).planned_state,
      );
    expect(await plan(obj({ name: 'a', secret_wo: 'other', secret_wo_version: 1 }))).toEqual(prior);
    expect(await plan(obj({ name: 'a', secret_wo: 'other', secret_wo_version: 2 }))).toEqual({
      ...prior,
      secret_wo_version: 2,
      version: UNKNOWN,
    });
  });

  it('asks for replacement when a requires-replace attribute changes', async () => {
    const { h, dv } = setup();
    const prior = obj({ id: 'id-1', name: 'a', version: 1 });
    const config = obj({ name: 'b' });
    const p = await h.planResourceChange({
      type_name: 'test_thing',
      prior_state: dv(prior),
      proposed_new_state: dv({ ...prior, name: 'b' }),
      config: dv(config),
      prior_private: Buffer.alloc(0),
      provider_meta: null,
      client_capabilities: caps,
    });
    expect(p.requires_replace).toEqual([{ steps: [{ attribute_name: 'name' }] }]);
  });

  it('validates at the attribute and refuses write-only values from a client without the capability', async () => {
    const { h, dv } = setup();
    const bad = await h.validateResourceConfig({
      type_name: 'test_thing',
      config: dv(obj({ name: 'bad' })),
      client_capabilities: caps,
    });
    expect(bad.diagnostics).toEqual([
      {
        severity: 'ERROR',
        summary: 'Bad name',
        detail: 'name must not be bad',
        attribute: { steps: [{ attribute_name: 'name' }] },
      },
    ]);
    const old = await h.validateResourceConfig({
      type_name: 'test_thing',
      config: dv(obj({ name: 'a', secret_wo: 'x' })),
      client_capabilities: { deferral_allowed: false, write_only_attributes_allowed: false },
    });
    expect(old.diagnostics?.[0]?.attribute).toEqual({ steps: [{ attribute_name: 'secret_wo' }] });
    const noCaps = await h.validateResourceConfig({
      type_name: 'test_thing',
      config: dv(obj({ name: 'a', secret_wo: 'x' })),
      client_capabilities: null,
    });
    expect(noCaps.diagnostics?.[0]?.summary).toBe('Write-only attribute not supported');
  });

  it('keeps state unchanged when apply fails: null on create, the prior object on update', async () => {
    const { h, store, dv, out } = setup();
    await h.configureProvider({ terraform_version: '1.12.6', config: null, client_capabilities: caps });
    store.down = true;
    const config = obj({ name: 'a', secret_wo: 'x', secret_wo_version: 1 });
    const create = await h.applyResourceChange({
      type_name: 'test_thing',
      prior_state: null,
      planned_state: dv(obj({ id: UNKNOWN, name: 'a', secret_wo_version: 1, version: UNKNOWN })),
      config: dv(config),
      planned_private: Buffer.alloc(0),
      provider_meta: null,
    });
    expect(create.diagnostics?.[0]?.summary).toBe('Server down');
    expect(out(create.new_state)).toBeNull();
    const prior = obj({ id: 'id-1', name: 'a', secret_wo_version: 1, version: 1 });
    const update = await h.applyResourceChange({
      type_name: 'test_thing',
      prior_state: dv(prior),
      planned_state: dv({ ...prior, secret_wo_version: 2, version: UNKNOWN }),
      config: dv({ ...config, secret_wo_version: 2 }),
      planned_private: Buffer.alloc(0),
      provider_meta: null,
    });
    expect(out(update.new_state)).toEqual(prior);
  });

  it('reads a vanished object as null (removed from state) and imports by id', async () => {
    const { h, dv, out } = setup();
    await h.configureProvider({ terraform_version: '1.12.6', config: null, client_capabilities: caps });
    const r = await h.readResource({
      type_name: 'test_thing',
      current_state: dv(obj({ id: 'id-404', name: 'a', version: 1 })),
      private: Buffer.alloc(0),
      provider_meta: null,
      client_capabilities: caps,
    });
    expect(out(r.new_state)).toBeNull();
    const i = await h.importResourceState({ type_name: 'test_thing', id: 'id-7', client_capabilities: caps });
    expect(i.imported_resources).toHaveLength(1);
    expect(out(i.imported_resources?.[0]?.state)).toEqual(obj({ id: 'id-7' }));
  });

  it('upgrades JSON state into the current schema: missing attributes null, unknown ones and write-only values dropped', async () => {
    const { h, out } = setup();
    const r = await h.upgradeResourceState({
      type_name: 'test_thing',
      version: 0,
      raw_state: {
        json: Buffer.from(
          JSON.stringify({ id: 'id-1', name: 'a', removed_attr: 1, secret_wo: 'leak', version: 3 }),
        ),
        flatmap: {},
      },
    });
    expect(r.diagnostics).toEqual([]);
    expect(out(r.upgraded_state)).toEqual(obj({ id: 'id-1', name: 'a', version: 3 }));
  });

  it('answers unknown resource types with a diagnostic', async () => {
    const { h } = setup();
    const r = await h.readResource({
      type_name: 'test_nope',
      current_state: null,
      private: Buffer.alloc(0),
      provider_meta: null,
      client_capabilities: caps,
    });
    expect(r.diagnostics?.[0]?.summary).toBe('Unknown resource type');
  });

  it('opens an ephemeral resource, and answers unknown without opening while its configuration is not known', async () => {
    const { h, store } = setup();
    await h.configureProvider({ terraform_version: '1.12.6', config: null, client_capabilities: caps });
    store.rows.set('id-1', { name: 'a', secret: 'opened-value', version: 1 });
    const type = objectType(peek.schema.attributes);
    const open = (name: Value) =>
      h.openEphemeralResource({
        type_name: 'test_peek',
        config: { msgpack: Buffer.from(encodeValue({ name, value: null }, type)), json: Buffer.alloc(0) },
        client_capabilities: caps,
      });
    const before = opened;
    const later = await open(UNKNOWN);
    expect(opened).toBe(before);
    expect(decodeValue(later.result?.msgpack ?? new Uint8Array(), type)).toEqual({
      name: UNKNOWN,
      value: UNKNOWN,
    });
    const now = await open('a');
    expect(opened).toBe(before + 1);
    expect(decodeValue(now.result?.msgpack ?? new Uint8Array(), type)).toEqual({
      name: 'a',
      value: 'opened-value',
    });
  });
});
