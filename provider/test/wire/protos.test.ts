// The runtime service definitions (protobufjs/light + proto/generated/descriptor.json) must match the .proto
// files and decode exactly as @grpc/proto-loader does with the options handler.ts documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { describe, expect, it } from 'vitest';
import { DESCRIPTOR_PATH, descriptorJson, PROTO_FILES } from '../../proto/generate.ts';
import { services } from '../../src/wire/protos.ts';

const PROTO_DIR = join(import.meta.dirname, '..', '..', 'proto');
const reference = loadSync(PROTO_FILES, {
  keepCase: true,
  longs: Number,
  enums: String,
  bytes: Buffer,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
});
const refService = (name: string) => reference[name] as ServiceDefinition;
type Method = MethodDefinition<object, object>;

const dv = (s: string) => ({ msgpack: Buffer.from(s, 'hex'), json: Buffer.alloc(0) });
const diagnostics = [
  {
    severity: 'ERROR',
    summary: 'bad',
    detail: 'very bad',
    attribute: { steps: [{ attribute_name: 'rule' }, { element_key_int: 2 }, { element_key_string: 'k' }] },
  },
  { severity: 'WARNING', summary: 'meh' },
];
const schema = {
  version: 3,
  block: {
    attributes: [
      { name: 'id', type: Buffer.from('"string"'), computed: true, description_kind: 'MARKDOWN' },
      {
        name: 'rules',
        nested_type: {
          nesting: 'LIST',
          attributes: [{ name: 'a', type: Buffer.from('"bool"'), write_only: true }],
        },
      },
    ],
    block_types: [{ type_name: 'b', nesting: 'SET', min_items: 1, block: { attributes: [] } }],
  },
};

/** [service, method, sample request, sample response] */
const samples: [string, string, object, object][] = [
  [
    'tfplugin6.Provider',
    'GetProviderSchema',
    {},
    {
      provider: schema,
      resource_schemas: { coffer_secret: schema },
      ephemeral_resource_schemas: { coffer_secret_value: schema },
      diagnostics,
      server_capabilities: { plan_destroy: true, get_provider_schema_optional: true },
    },
  ],
  [
    'tfplugin6.Provider',
    'PlanResourceChange',
    {
      type_name: 'coffer_secret',
      prior_state: dv('c0'),
      proposed_new_state: dv('81a161d40000'),
      config: dv('81a161a178'),
      prior_private: Buffer.from('{}'),
      client_capabilities: { deferral_allowed: true, write_only_attributes_allowed: true },
    },
    {
      planned_state: dv('81a161d40000'),
      requires_replace: [{ steps: [{ attribute_name: 'name' }] }],
      planned_private: Buffer.from('p'),
      diagnostics,
    },
  ],
  [
    'tfplugin6.Provider',
    'UpgradeResourceState',
    {
      type_name: 't',
      version: 2 ** 40,
      raw_state: { json: Buffer.from('{"a":1}'), flatmap: { 'a.%': '1' } },
    },
    { upgraded_state: dv('c0') },
  ],
  [
    'tfplugin6.Provider',
    'OpenEphemeralResource',
    { type_name: 'e', config: dv('80') },
    {
      renew_at: { seconds: 1_700_000_000, nanos: 7 },
      result: dv('80'),
      private: Buffer.from(''),
      diagnostics: [],
    },
  ],
  [
    'tfplugin6.Provider',
    'RenewEphemeralResource',
    { type_name: 'e' },
    { renew_at: { seconds: 1, nanos: 0 } },
  ],
  ['tfplugin6.Provider', 'CloseEphemeralResource', { type_name: 'e', private: Buffer.from('x') }, {}],
  [
    'tfplugin6.Provider',
    'ImportResourceState',
    { type_name: 't', id: 'a/b/c' },
    {
      imported_resources: [{ type_name: 't', state: dv('80'), private: Buffer.from('q') }],
      deferred: { reason: 'PROVIDER_CONFIG_UNKNOWN' },
    },
  ],
  ['tfplugin6.Provider', 'StopProvider', {}, { Error: 'nope' }],
  ['plugin.GRPCController', 'Shutdown', {}, {}],
  ['grpc.health.v1.Health', 'Check', { service: 'plugin' }, { status: 'SERVING' }],
];

const ours: Record<string, ServiceDefinition> = {
  'tfplugin6.Provider': services().provider,
  'plugin.GRPCController': services().controller,
  'plugin.GRPCStdio': services().stdio,
  'plugin.GRPCBroker': services().broker,
  'grpc.health.v1.Health': services().health,
};

describe('runtime service definitions', () => {
  it('the committed descriptor matches the .proto files (npm run generate -w terraform-provider-coffer)', () => {
    expect(readFileSync(DESCRIPTOR_PATH, 'utf8')).toBe(descriptorJson());
  });

  it('serve the same methods, paths and streaming flags as proto-loader', () => {
    for (const [name, def] of Object.entries(ours)) {
      const ref = refService(name);
      expect(Object.keys(def).sort(), name).toEqual(Object.keys(ref).sort());
      for (const [m, md] of Object.entries(def)) {
        const r = ref[m] as Method;
        expect([md.path, md.requestStream, md.responseStream, md.originalName]).toEqual([
          r.path,
          r.requestStream,
          r.responseStream,
          r.originalName,
        ]);
      }
    }
  });

  it.each(
    samples,
  )('%s/%s: same bytes and same decoded objects as proto-loader', (svcName, method, req, res) => {
    const a = ours[svcName]?.[method] as Method;
    const b = refService(svcName)[method] as Method;
    const reqBytes = b.requestSerialize(req);
    expect(a.requestSerialize(req).equals(reqBytes)).toBe(true);
    expect(a.requestDeserialize(reqBytes)).toEqual(b.requestDeserialize(reqBytes));
    const resBytes = b.responseSerialize(res);
    expect(a.responseSerialize(res).equals(resBytes)).toBe(true);
    expect(a.responseDeserialize(resBytes)).toEqual(b.responseDeserialize(resBytes));
  });

  it('every request and response decodes from empty bytes exactly as proto-loader (defaults, nulls)', () => {
    for (const [name, def] of Object.entries(ours)) {
      for (const [m, md] of Object.entries(def)) {
        const r = refService(name)[m] as Method;
        const empty = Buffer.alloc(0);
        expect(md.requestDeserialize(empty), `${name}/${m}`).toEqual(r.requestDeserialize(empty));
        expect(md.responseDeserialize(empty), `${name}/${m}`).toEqual(r.responseDeserialize(empty));
      }
    }
  });
});
