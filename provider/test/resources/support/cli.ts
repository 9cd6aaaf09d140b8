// A CLI in miniature for in-process resource tests: the RPC sequence OpenTofu runs for plan and apply
// (ValidateResourceConfig, PlanResourceChange on the proposed new state, ApplyResourceChange), ReadResource,
// ImportResourceState, on the real provider handler with msgpack values, against a real `coffer serve`.

import { Coffer, Secret } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll } from 'vitest';
import type { Attributes } from '../../../src/framework/schema.ts';
import { objectType } from '../../../src/framework/schema.ts';
import { isObject, type ObjectValue, UNKNOWN, type Value } from '../../../src/framework/value.ts';
import { cofferProvider, createProvider } from '../../../src/provider.ts';
import { decodeValue, encodeValue } from '../../../src/wire/codec.ts';
import type * as W from '../../../src/wire/handler.ts';

export const caps = { deferral_allowed: false, write_only_attributes_allowed: true };

/** The objchange.ProposedNew rule: configured values, and prior values where a computed one is left null. */
export function proposedNew(attrs: Attributes, prior: ObjectValue | null, config: ObjectValue): ObjectValue {
  const out: ObjectValue = {};
  for (const [name, a] of Object.entries(attrs)) {
    const c = config[name] ?? null;
    const p = prior?.[name] ?? null;
    if (a.nested?.nesting === 'single' && isObject(c)) {
      out[name] = proposedNew(a.nested.attributes, isObject(p) ? p : null, c);
    } else out[name] = a.computed && c === null ? p : c;
  }
  return out;
}

/** Every attribute present: null unless given. */
export function full(attrs: Attributes, v: ObjectValue): ObjectValue {
  const out: ObjectValue = {};
  for (const [name, a] of Object.entries(attrs)) {
    const x = v[name] ?? null;
    out[name] = a.nested?.nesting === 'single' && isObject(x) ? full(a.nested.attributes, x) : x;
  }
  return out;
}

export interface Instance {
  state: ObjectValue | null;
  private: Buffer;
}

export class MiniCli {
  readonly p: W.ProviderHandler;
  /** Every response, to search for values that must never appear. */
  readonly responses: unknown[] = [];

  constructor(env: NodeJS.ProcessEnv) {
    this.p = createProvider(env);
  }

  async configure(): Promise<void> {
    const r = await this.p.configureProvider({
      terraform_version: '1.12.6',
      config: null,
      client_capabilities: caps,
    });
    if (r.diagnostics?.length) throw new Error(JSON.stringify(r.diagnostics));
  }

  type(typeName: string): Resource {
    return new Resource(this, typeName);
  }

  /** ValidateDataResourceConfig + ReadDataSource, as the CLI reads a data source: its state or diagnostics. */
  async readData(typeName: string, config: ObjectValue) {
    const t = new Typed(attrsOf(typeName, 'dataSources'));
    const cfg = t.dv(full(t.attributes, config));
    const v = this.record(await this.p.validateDataResourceConfig({ type_name: typeName, config: cfg }));
    if (v.diagnostics?.length) return { diagnostics: v.diagnostics, state: null };
    const r = this.record(
      await this.p.readDataSource({
        type_name: typeName,
        config: cfg,
        provider_meta: null,
        client_capabilities: caps,
      }),
    );
    return { diagnostics: r.diagnostics ?? [], state: t.value(r.state) };
  }

  /** ValidateEphemeralResourceConfig + OpenEphemeralResource: the result (a value!) or diagnostics. */
  async openEphemeral(typeName: string, config: ObjectValue) {
    const t = new Typed(attrsOf(typeName, 'ephemeralResources'));
    const cfg = t.dv(full(t.attributes, config));
    const v = await this.p.validateEphemeralResourceConfig({ type_name: typeName, config: cfg });
    this.record(v);
    if (v.diagnostics?.some((d) => d.severity === 'ERROR')) {
      return { validation: v.diagnostics ?? [], diagnostics: v.diagnostics ?? [], result: null };
    }
    // Not recorded: the result holds the resolved value, which callers check themselves.
    const r = await this.p.openEphemeralResource({
      type_name: typeName,
      config: cfg,
      client_capabilities: caps,
    });
    this.record({ diagnostics: r.diagnostics });
    return { validation: v.diagnostics ?? [], diagnostics: r.diagnostics ?? [], result: t.value(r.result) };
  }

  /** Every response as text, bytes (msgpack, private data) as latin1, to search for a value. */
  responsesText(): string {
    return JSON.stringify(this.responses, (_k, v) =>
      v instanceof Uint8Array
        ? Buffer.from(v).toString('latin1')
        : v?.type === 'Buffer' && Array.isArray(v.data)
          ? Buffer.from(v.data).toString('latin1')
          : v,
    );
  }

  record<T>(r: T): T {
    this.responses.push(r);
    return r;
  }
}

function attrsOf(
  typeName: string,
  kind: 'resources' | 'dataSources' | 'ephemeralResources' = 'resources',
): Attributes {
  const def = cofferProvider({})[kind].find((r) => r.typeName === typeName);
  if (!def) throw new Error(`no ${kind} ${typeName}`);
  return def.schema.attributes;
}

/** Values of one schema to and from msgpack. */
class Typed {
  readonly attributes: Attributes;

  constructor(attributes: Attributes) {
    this.attributes = attributes;
  }

  dv(v: Value): W.DynamicValue {
    return { msgpack: Buffer.from(encodeValue(v, objectType(this.attributes))), json: Buffer.alloc(0) };
  }

  value(d: { msgpack?: Uint8Array } | null | undefined): ObjectValue | null {
    if (!d?.msgpack || d.msgpack.length === 0) return null;
    const v = decodeValue(d.msgpack, objectType(this.attributes));
    return isObject(v) ? v : null;
  }
}

export class Resource {
  readonly cli: MiniCli;
  readonly typeName: string;
  readonly attributes: Attributes;

  constructor(cli: MiniCli, typeName: string) {
    this.cli = cli;
    this.typeName = typeName;
    this.attributes = attrsOf(typeName);
  }

  dv(v: Value): W.DynamicValue {
    return { msgpack: Buffer.from(encodeValue(v, objectType(this.attributes))), json: Buffer.alloc(0) };
  }

  value(d: { msgpack?: Uint8Array } | null | undefined): ObjectValue | null {
    if (!d?.msgpack || d.msgpack.length === 0) return null;
    const v = decodeValue(d.msgpack, objectType(this.attributes));
    return isObject(v) ? v : null;
  }

  /** validate + plan; the plan, or the diagnostics that stopped it. */
  async plan(prior: Instance | null, config: ObjectValue) {
    const attrs = this.attributes;
    const cfg = full(attrs, config);
    const v = this.cli.record(
      await this.cli.p.validateResourceConfig({
        type_name: this.typeName,
        config: this.dv(cfg),
        client_capabilities: caps,
      }),
    );
    if (v.diagnostics?.length) return { diagnostics: v.diagnostics, planned: null, response: null };
    const r = this.cli.record(
      await this.cli.p.planResourceChange({
        type_name: this.typeName,
        prior_state: prior?.state ? this.dv(prior.state) : null,
        proposed_new_state: this.dv(proposedNew(attrs, prior?.state ?? null, cfg)),
        config: this.dv(cfg),
        prior_private: prior?.private ?? Buffer.alloc(0),
        provider_meta: null,
        client_capabilities: caps,
      }),
    );
    return { diagnostics: r.diagnostics ?? [], planned: this.value(r.planned_state), response: r };
  }

  /** plan + apply (config null destroys); the new instance and the diagnostics. */
  async apply(prior: Instance | null, config: ObjectValue | null) {
    const attrs = this.attributes;
    let planned: ObjectValue | null = null;
    let plannedPrivate = prior?.private ?? Buffer.alloc(0);
    if (config) {
      const p = await this.plan(prior, config);
      if (!p.planned) return { instance: prior, diagnostics: p.diagnostics, planned: null };
      planned = p.planned;
      plannedPrivate = Buffer.from(p.response?.planned_private ?? []);
    }
    const r = this.cli.record(
      await this.cli.p.applyResourceChange({
        type_name: this.typeName,
        prior_state: prior?.state ? this.dv(prior.state) : null,
        planned_state: planned ? this.dv(planned) : null,
        config: config ? this.dv(full(attrs, config)) : null,
        planned_private: plannedPrivate,
        provider_meta: null,
      }),
    );
    const instance: Instance = {
      state: this.value(r.new_state),
      private: Buffer.from(r.private ?? []),
    };
    return { instance, diagnostics: r.diagnostics ?? [], planned, response: r };
  }

  async read(i: Instance) {
    const r = this.cli.record(
      await this.cli.p.readResource({
        type_name: this.typeName,
        current_state: this.dv(i.state),
        private: i.private,
        provider_meta: null,
        client_capabilities: caps,
      }),
    );
    const instance: Instance = {
      state: this.value(r.new_state),
      private: Buffer.from(r.private ?? []),
    };
    return { instance, diagnostics: r.diagnostics ?? [], response: r };
  }

  async import(id: string) {
    const r = this.cli.record(
      await this.cli.p.importResourceState({ type_name: this.typeName, id, client_capabilities: caps }),
    );
    const got = r.imported_resources?.[0];
    const instance: Instance | null = got
      ? { state: this.value(got.state), private: Buffer.from(got.private ?? []) }
      : null;
    return { instance, diagnostics: r.diagnostics ?? [] };
  }
}

export const summaries = (d: readonly W.Diagnostic[]) => d.map((x) => x.summary);
export { UNKNOWN };

export interface Session {
  server: RunningServer;
  /** The provider handler, configured against `server`. */
  cli: MiniCli;
  /** The SDK on the same server, for changes made outside Terraform and for checks. */
  sdk: Coffer;
}

/** A real `coffer serve`, a configured provider and an SDK client for one test file: `use` gets them. */
export function withSession(use: (s: Session) => void): void {
  let session: Session | undefined;
  beforeAll(async () => {
    const server = await startServer();
    const cli = new MiniCli({ COFFER_BASE_URL: server.baseUrl, COFFER_API_KEY: server.apiKey });
    await cli.configure();
    const sdk = new Coffer({ baseUrl: server.baseUrl, apiKey: new Secret(server.apiKey) });
    session = { server, cli, sdk };
    use(session);
  }, 30_000);
  afterAll(async () => {
    await session?.cli.p.stopProvider({});
    await session?.sdk.close();
    await session?.server.stop();
  });
}
