// The provider's own log at its most verbose (TF_LOG_PROVIDER=trace, and the SDK's COFFER_LOG=debug on top):
// the real plugin process over gRPC against `coffer serve`, driven through create, read, update, import, a
// refused create and the ephemeral value. Its stderr (what the CLI forwards into its log) must hold log lines
// and none of the values, write-only or sensitive, nor the API key.
import { randomBytes } from 'node:crypto';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectType } from '../../src/framework/schema.ts';
import type { ObjectValue, Value } from '../../src/framework/value.ts';
import { cofferProvider, providerSchema } from '../../src/provider.ts';
import { decodeValue, encodeValue } from '../../src/wire/codec.ts';
import {
  call,
  connect,
  type GenericClient,
  LAUNCHER,
  type PluginProcess,
  startPlugin,
  svc,
} from '../wire/support/plugin.ts';
import { full, proposedNew } from './support/cli.ts';

const WO = `wo-${randomBytes(12).toString('hex')}`;
const WO2 = `wo2-${randomBytes(12).toString('hex')}`;
const SENSITIVE = `sv-${randomBytes(12).toString('hex')}`;
const caps = { deferral_allowed: false, write_only_attributes_allowed: true };

const def = cofferProvider({});
const attrsOf = (name: string) => {
  const r = [...def.resources, ...def.ephemeralResources].find((x) => x.typeName === name);
  if (!r) throw new Error(name);
  return r.schema.attributes;
};
const dv = (name: string, v: Value) => ({
  msgpack: Buffer.from(encodeValue(v, objectType(attrsOf(name)))),
});
const val = (name: string, d: { msgpack?: Uint8Array } | null | undefined): ObjectValue | null =>
  d?.msgpack?.length ? (decodeValue(d.msgpack, objectType(attrsOf(name))) as ObjectValue) : null;

interface Diag {
  severity: string;
  summary: string;
}
interface Applied {
  new_state?: { msgpack?: Uint8Array };
  private?: Uint8Array;
  diagnostics?: Diag[];
}

describe('TF_LOG_PROVIDER=trace', () => {
  let server: RunningServer;
  let plugin: PluginProcess;
  let client: GenericClient;

  beforeAll(async () => {
    server = await startServer();
    plugin = await startPlugin(LAUNCHER, [], {
      TF_LOG_PROVIDER: 'trace',
      COFFER_LOG: 'debug',
      COFFER_BASE_URL: server.baseUrl,
      COFFER_API_KEY: server.apiKey,
    });
    client = connect(plugin.handshake.address, svc().provider);
  }, 60_000);
  afterAll(async () => {
    client?.close();
    plugin?.child.kill('SIGKILL');
    await server?.stop();
  });

  /** validate, plan, apply: as the CLI does it for one resource. */
  async function apply(name: string, prior: Applied | null, config: ObjectValue | null): Promise<Applied> {
    const attrs = attrsOf(name);
    const priorState = prior ? val(name, prior.new_state) : null;
    let planned: ObjectValue | null = null;
    let plannedPrivate = prior?.private ?? Buffer.alloc(0);
    if (config) {
      const cfg = full(attrs, config);
      const v = await call<{ diagnostics?: Diag[] }>(client, 'ValidateResourceConfig', {
        type_name: name,
        config: dv(name, cfg),
        client_capabilities: caps,
      });
      expect(v.diagnostics ?? []).toEqual([]);
      const p = await call<{ planned_state?: { msgpack?: Uint8Array }; planned_private?: Uint8Array }>(
        client,
        'PlanResourceChange',
        {
          type_name: name,
          prior_state: priorState ? dv(name, priorState) : undefined,
          proposed_new_state: dv(name, proposedNew(attrs, priorState, cfg)),
          config: dv(name, cfg),
          prior_private: plannedPrivate,
          client_capabilities: caps,
        },
      );
      planned = val(name, p.planned_state);
      plannedPrivate = Buffer.from(p.planned_private ?? []);
    }
    return call<Applied>(client, 'ApplyResourceChange', {
      type_name: name,
      prior_state: priorState ? dv(name, priorState) : undefined,
      planned_state: dv(name, planned),
      config: config ? dv(name, full(attrs, config)) : undefined,
      planned_private: plannedPrivate,
    });
  }

  it('logs the RPCs, and no value, write-only or sensitive, and not the API key', async () => {
    const configured = await call<{ diagnostics?: Diag[] }>(client, 'ConfigureProvider', {
      terraform_version: '1.12.6',
      config: { msgpack: Buffer.from(encodeValue(null, objectType(providerSchema.attributes))) },
      client_capabilities: caps,
    });
    expect(configured.diagnostics ?? []).toEqual([]);
    await call(client, 'ApplyResourceChange', {}).catch(() => {}); // a malformed call: "rpc failed"

    const cfg = { scope_type: 'organization', scope_id: 'default', name: 'TRACE_DB', value_wo_version: 1 };
    const created = await apply('coffer_secret', null, { ...cfg, value_wo: WO });
    expect(created.diagnostics ?? []).toEqual([]);
    expect(val('coffer_secret', created.new_state)).toMatchObject({ version: 1, value_wo: null });

    const read = await call<Applied>(client, 'ReadResource', {
      type_name: 'coffer_secret',
      current_state: created.new_state,
      private: created.private,
      client_capabilities: caps,
    });
    expect(read.diagnostics ?? []).toEqual([]);

    const updated = await apply('coffer_secret', read, { ...cfg, value_wo: WO2, value_wo_version: 2 });
    expect(val('coffer_secret', updated.new_state)).toMatchObject({ version: 2 });

    const imported = await call<{ diagnostics?: Diag[] }>(client, 'ImportResourceState', {
      type_name: 'coffer_secret',
      id: 'organization/default/TRACE_DB',
      client_capabilities: caps,
    });
    expect(imported.diagnostics ?? []).toEqual([]);

    // A refused create (the name is taken) with a value that is not write-only.
    const refused = await apply('coffer_secret', null, { ...cfg, value: SENSITIVE, value_wo_version: null });
    expect(refused.diagnostics?.map((d) => d.summary)).toEqual(['Secret already exists']);

    const opened = await call<{ result?: { msgpack?: Uint8Array }; diagnostics?: Diag[] }>(
      client,
      'OpenEphemeralResource',
      {
        type_name: 'coffer_secret_value',
        config: dv(
          'coffer_secret_value',
          full(attrsOf('coffer_secret_value'), { workspace_id: 'none', name: 'X' }),
        ),
        client_capabilities: caps,
      },
    );
    expect(opened.diagnostics?.map((d) => d.severity)).toEqual(['ERROR']); // no such workspace

    const log = plugin.stderr();
    expect(log).toContain('"@level":"trace"');
    expect(log).toContain('"rpc":"ApplyResourceChange"');
    expect(log).toContain('[coffer] request POST /v1/secrets');
    // Booleans, so that a failure does not print the value it found.
    const found = [WO, WO2, SENSITIVE, server.apiKey].map((secret) => log.includes(secret));
    expect(found, 'value_wo, its rotation, value, the API key').toEqual([false, false, false, false]);
  }, 60_000);
});
