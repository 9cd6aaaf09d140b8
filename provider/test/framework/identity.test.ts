// Resource identity through the framework's RPCs: the identity schema, identity data on read / plan / apply /
// import (decoded from the msgpack the CLI receives), import by identity, and UpgradeResourceIdentity.
import { describe, expect, it } from 'vitest';
import type { ProviderDefinition, ResourceDefinition } from '../../src/framework/define.ts';
import { identityType } from '../../src/framework/identity.ts';
import { objectType } from '../../src/framework/schema.ts';
import { createHandler } from '../../src/framework/server.ts';
import { type ObjectValue, str, type Value } from '../../src/framework/value.ts';
import { decodeValue, encodeValue } from '../../src/wire/codec.ts';
import type { DynamicValue } from '../../src/wire/handler.ts';

const imported: string[] = [];
const thing: ResourceDefinition<null> = {
  typeName: 'test_thing',
  identity: {
    attributes: {
      scope: { requiredForImport: true, description: 'scope' },
      name: { requiredForImport: true, description: 'name' },
    },
    importId: (i) => `${str(i.scope)}/${str(i.name)}`,
  },
  schema: {
    description: 'a thing',
    attributes: {
      id: { type: 'string', computed: true, description: 'id' },
      scope: { type: 'string', required: true, requiresReplace: true, description: 'scope' },
      name: { type: 'string', required: true, requiresReplace: true, description: 'name' },
    },
  },
  create: async ({ planned }) => ({ state: { ...planned, id: 'id-1' } }),
  read: async ({ state }) => ({ state }),
  update: async ({ planned }) => ({ state: planned }),
  delete: async () => {},
  importState: async ({ id }) => {
    imported.push(id);
    const [scope, name] = id.split('/');
    return { state: { id: 'id-1', scope: scope ?? null, name: name ?? null } };
  },
};

const def: ProviderDefinition<null> = {
  address: 'registry.opentofu.org/test/test',
  schema: { description: 'p', attributes: {} },
  configure: () => null,
  resources: [thing],
  dataSources: [],
  ephemeralResources: [],
};

const type = objectType(thing.schema.attributes);
const idType = identityType(thing.identity as NonNullable<typeof thing.identity>);
const dv = (v: Value, t = type): DynamicValue => ({
  msgpack: Buffer.from(encodeValue(v, t)),
  json: Buffer.alloc(0),
});
const identity = (d: { identity_data?: { msgpack?: Uint8Array } | null } | null | undefined): Value =>
  d?.identity_data?.msgpack ? decodeValue(d.identity_data.msgpack, idType) : null;
const caps = { deferral_allowed: false, write_only_attributes_allowed: true };
const state: ObjectValue = { id: 'id-1', scope: 'team', name: 'DB' };

describe('resource identity', () => {
  it('answers the identity schema: string attributes, required for import', async () => {
    const h = createHandler(def);
    const r = await h.getResourceIdentitySchemas({});
    expect(r.identity_schemas?.test_thing).toEqual({
      version: 0,
      identity_attributes: [
        {
          name: 'name',
          type: Buffer.from('"string"'),
          required_for_import: true,
          optional_for_import: false,
          description: 'name',
        },
        {
          name: 'scope',
          type: Buffer.from('"string"'),
          required_for_import: true,
          optional_for_import: false,
          description: 'scope',
        },
      ],
    });
  });

  it('returns the identity with every read, plan, apply and import', async () => {
    const h = createHandler(def);
    await h.configureProvider({ terraform_version: '1.13.3', config: null, client_capabilities: caps });
    const read = await h.readResource({
      type_name: 'test_thing',
      current_state: dv(state),
      private: Buffer.alloc(0),
      provider_meta: null,
      client_capabilities: caps,
    });
    expect(identity(read.new_identity)).toEqual({ scope: 'team', name: 'DB' });
    const config = { id: null, scope: 'team', name: 'DB' };
    const plan = await h.planResourceChange({
      type_name: 'test_thing',
      prior_state: null,
      proposed_new_state: dv(config),
      config: dv(config),
      prior_private: Buffer.alloc(0),
      provider_meta: null,
      client_capabilities: caps,
    });
    expect(identity(plan.planned_identity)).toEqual({ scope: 'team', name: 'DB' });
    const apply = await h.applyResourceChange({
      type_name: 'test_thing',
      prior_state: null,
      planned_state: plan.planned_state as DynamicValue,
      config: dv(config),
      planned_private: Buffer.alloc(0),
      provider_meta: null,
    });
    expect(identity(apply.new_identity)).toEqual({ scope: 'team', name: 'DB' });
    const byId = await h.importResourceState({
      type_name: 'test_thing',
      id: 'org/KEY',
      client_capabilities: caps,
    });
    expect(identity(byId.imported_resources?.[0]?.identity)).toEqual({ scope: 'org', name: 'KEY' });
  });

  it('imports by identity through the import id it stands for', async () => {
    const h = createHandler(def);
    await h.configureProvider({ terraform_version: '1.13.3', config: null, client_capabilities: caps });
    imported.length = 0;
    const r = await h.importResourceState({
      type_name: 'test_thing',
      id: '',
      client_capabilities: caps,
      identity: { identity_data: dv({ scope: 'team', name: 'DB' }, idType) },
    });
    expect(r.diagnostics).toEqual([]);
    expect(imported).toEqual(['team/DB']);
    expect(decodeValue((r.imported_resources?.[0]?.state as { msgpack: Uint8Array }).msgpack, type)).toEqual(
      state,
    );
  });

  it('refuses an identity that lacks a required attribute, naming it', async () => {
    const h = createHandler(def);
    await h.configureProvider({ terraform_version: '1.13.3', config: null, client_capabilities: caps });
    const r = await h.importResourceState({
      type_name: 'test_thing',
      id: '',
      client_capabilities: caps,
      identity: { identity_data: dv({ scope: 'team', name: null }, idType) },
    });
    expect(r.imported_resources ?? []).toEqual([]);
    expect(r.diagnostics?.[0]).toMatchObject({ severity: 'ERROR', summary: 'Incomplete identity' });
    expect(r.diagnostics?.[0]?.detail).toContain('missing: name');
  });

  it('upgrades a stored identity (JSON) to msgpack, and refuses a newer version', async () => {
    const h = createHandler(def);
    const up = await h.upgradeResourceIdentity({
      type_name: 'test_thing',
      version: 0,
      raw_identity: { json: Buffer.from('{"scope":"team","name":"DB","dropped":"x"}'), flatmap: {} },
    });
    expect(identity(up.upgraded_identity)).toEqual({ scope: 'team', name: 'DB' });
    const newer = await h.upgradeResourceIdentity({
      type_name: 'test_thing',
      version: 3,
      raw_identity: { json: Buffer.from('{}'), flatmap: {} },
    });
    expect(newer.diagnostics?.[0]?.summary).toBe('Identity from a newer provider');
  });
});
