// The framework's ProviderHandler: every tfplugin6 RPC the wire layer routes, implemented once on top of the
// declarations in define.ts. Resource code never sees protobuf or msgpack.
import type * as W from '../wire/handler.ts';
import { conform } from './conform.ts';
import type {
  DataSourceDefinition,
  EphemeralResourceDefinition,
  PrivateData,
  ProviderDefinition,
  ResourceDefinition,
} from './define.ts';
import {
  type Diagnostic,
  DiagnosticsError,
  error,
  fromThrown,
  hasErrors,
  toWire,
  toWirePath,
} from './diagnostics.ts';
import { decodeObject, decodePrivate, decodeStored, encodeDynamic, encodePrivate } from './dynamic.ts';
import {
  encodeIdentity,
  identityAttributes,
  identityOf,
  identityType,
  toWireIdentitySchema,
} from './identity.ts';
import { plan } from './plan.ts';
import { settle, withConfig } from './result.ts';
import { type BlockSchema, type CtyType, checkSchema, objectType } from './schema.ts';
import { toWireSchema } from './schema-wire.ts';
import { validateAttributes, writeOnlyNotAllowed } from './validate.ts';
import { type ObjectValue, UNKNOWN, whollyKnown } from './value.ts';

interface Typed<D> {
  def: D;
  type: CtyType;
}

function index<D extends { typeName: string; schema: BlockSchema }>(
  kind: string,
  defs: readonly D[],
  managed: boolean,
): Map<string, Typed<D>> {
  const m = new Map<string, Typed<D>>();
  for (const def of defs) {
    if (m.has(def.typeName)) throw new Error(`${kind} ${def.typeName} is declared twice`);
    checkSchema(`${kind} ${def.typeName}`, def.schema, managed);
    m.set(def.typeName, { def, type: objectType(def.schema.attributes) });
  }
  return m;
}

const wire = (diags: readonly Diagnostic[]): W.Diagnostic[] => diags.map(toWire);

function timestamp(d: Date): W.Timestamp {
  const ms = d.getTime();
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 };
}

/** The import id of an ImportResourceState request: its `id`, or the one its `identity` stands for. */
function importId<C>(r: Typed<ResourceDefinition<C>>, req: W.ImportResourceStateRequest): string {
  if (req.id !== '' || !req.identity?.identity_data) return req.id;
  const def = r.def.identity;
  if (!def) {
    throw new DiagnosticsError(
      error(
        'Import by identity not supported',
        `${r.def.typeName} has no resource identity: import it by id.`,
      ),
    );
  }
  const identity = conform(
    identityAttributes(def),
    decodeObject(req.identity.identity_data, identityType(def)),
    true,
  );
  const missing = Object.entries(def.attributes)
    .filter(([name, a]) => a.requiredForImport && typeof identity[name] !== 'string')
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new DiagnosticsError(
      error(
        'Incomplete identity',
        `Importing ${r.def.typeName} by identity needs ${Object.keys(def.attributes).join(', ')}; missing: ${missing.join(', ')}.`,
      ),
    );
  }
  return def.importId(identity);
}

export function createHandler<C>(def: ProviderDefinition<C>): W.ProviderHandler {
  checkSchema('provider', def.schema, false);
  const providerType = objectType(def.schema.attributes);
  const resources = index<ResourceDefinition<C>>('resource', def.resources, true);
  const dataSources = index<DataSourceDefinition<C>>('data source', def.dataSources, false);
  const ephemerals = index<EphemeralResourceDefinition<C>>(
    'ephemeral resource',
    def.ephemeralResources,
    false,
  );
  let client: C | undefined;
  let configureDiagnostics: Diagnostic[] = [];

  const unknownType = (kind: string, name: string): Diagnostic[] => [
    error(`Unknown ${kind} type`, `terraform-provider-coffer has no ${kind} named ${JSON.stringify(name)}.`),
  ];

  /** The configured client, or a diagnostic explaining why there is none. */
  const needClient = (): C => {
    if (client !== undefined) return client;
    if (configureDiagnostics.length > 0) throw new DiagnosticsError(configureDiagnostics);
    throw new DiagnosticsError(error('Provider not configured', 'ConfigureProvider has not been called.'));
  };

  const validateWith = (
    schema: BlockSchema,
    config: ObjectValue | null,
    custom: ((a: { config: ObjectValue }) => Diagnostic[]) | undefined,
  ): Diagnostic[] => {
    if (!config) return [];
    const shaped = conform(schema.attributes, config, false);
    return [...validateAttributes(schema.attributes, shaped), ...(custom?.({ config: shaped }) ?? [])];
  };

  /** The identity data of an object of type `r` whose state is `state` (none for types without identity). */
  const identityFor = (r: Typed<ResourceDefinition<C>>, state: ObjectValue | null) =>
    r.def.identity ? encodeIdentity(r.def.identity, identityOf(r.def.identity, state)) : null;

  const handler: W.ProviderHandler = {
    getMetadata() {
      return {
        server_capabilities: { plan_destroy: false, get_provider_schema_optional: true },
        diagnostics: [],
        resources: [...resources.keys()].map((type_name) => ({ type_name })),
        data_sources: [...dataSources.keys()].map((type_name) => ({ type_name })),
        ephemeral_resources: [...ephemerals.keys()].map((type_name) => ({ type_name })),
        functions: [],
      };
    },

    getProviderSchema() {
      const map = <D extends { schema: BlockSchema }>(m: Map<string, Typed<D>>) =>
        Object.fromEntries([...m].map(([name, t]) => [name, toWireSchema(t.def.schema)]));
      return {
        provider: toWireSchema(def.schema),
        resource_schemas: map(resources),
        data_source_schemas: map(dataSources),
        ephemeral_resource_schemas: map(ephemerals),
        diagnostics: [],
        server_capabilities: { plan_destroy: false, get_provider_schema_optional: true },
      };
    },

    validateProviderConfig(req) {
      try {
        const config = decodeObject(req.config, providerType);
        return { diagnostics: wire(validateWith(def.schema, config, def.validate?.bind(def))) };
      } catch (e) {
        return { diagnostics: wire(fromThrown(e, 'Validating the provider configuration')) };
      }
    },

    async configureProvider(req) {
      try {
        const config = conform(def.schema.attributes, decodeObject(req.config, providerType), false);
        const diags = validateWith(def.schema, config, def.validate?.bind(def));
        if (hasErrors(diags)) {
          configureDiagnostics = diags;
          return { diagnostics: wire(diags) };
        }
        client = await def.configure({ config, terraformVersion: req.terraform_version });
        configureDiagnostics = [];
        return { diagnostics: wire(diags) };
      } catch (e) {
        configureDiagnostics = fromThrown(e, 'Configuring the provider');
        return { diagnostics: wire(configureDiagnostics) };
      }
    },

    validateResourceConfig(req) {
      const r = resources.get(req.type_name);
      if (!r) return { diagnostics: wire(unknownType('resource', req.type_name)) };
      try {
        const config = decodeObject(req.config, r.type);
        const diags = validateWith(r.def.schema, config, r.def.validate?.bind(r.def));
        // Only a client that says it handles write-only attributes may set them (Terraform/OpenTofu >= 1.11);
        // an older client sends no capabilities at all.
        if (config && !req.client_capabilities?.write_only_attributes_allowed) {
          diags.push(...writeOnlyNotAllowed(r.def.schema.attributes, config));
        }
        return { diagnostics: wire(diags) };
      } catch (e) {
        return { diagnostics: wire(fromThrown(e, `Validating ${req.type_name}`)) };
      }
    },

    validateDataResourceConfig(req) {
      const d = dataSources.get(req.type_name);
      if (!d) return { diagnostics: wire(unknownType('data source', req.type_name)) };
      try {
        return {
          diagnostics: wire(
            validateWith(d.def.schema, decodeObject(req.config, d.type), d.def.validate?.bind(d.def)),
          ),
        };
      } catch (e) {
        return { diagnostics: wire(fromThrown(e, `Validating data source ${req.type_name}`)) };
      }
    },

    validateEphemeralResourceConfig(req) {
      const x = ephemerals.get(req.type_name);
      if (!x) return { diagnostics: wire(unknownType('ephemeral resource', req.type_name)) };
      try {
        return {
          diagnostics: wire(
            validateWith(x.def.schema, decodeObject(req.config, x.type), x.def.validate?.bind(x.def)),
          ),
        };
      } catch (e) {
        return { diagnostics: wire(fromThrown(e, `Validating ephemeral resource ${req.type_name}`)) };
      }
    },

    upgradeResourceState(req) {
      const r = resources.get(req.type_name);
      if (!r) return { diagnostics: wire(unknownType('resource', req.type_name)) };
      const current = r.def.schema.version ?? 0;
      if (req.version > current) {
        return {
          diagnostics: wire([
            error(
              'State from a newer provider',
              `The state of this ${req.type_name} was written by schema version ${req.version}; this provider ` +
                `knows versions up to ${current}. Upgrade terraform-provider-coffer.`,
            ),
          ]),
        };
      }
      const raw = req.raw_state;
      if (!raw?.json || raw.json.length === 0) {
        const legacy = raw && Object.keys(raw.flatmap ?? {}).length > 0;
        if (legacy) {
          return {
            diagnostics: wire([
              error('Unsupported state format', 'Flatmap (pre-0.12) state is not supported.'),
            ]),
          };
        }
        return { upgraded_state: encodeDynamic(null, r.type), diagnostics: [] };
      }
      try {
        const state = conform(r.def.schema.attributes, decodeStored(raw.json, r.type), true);
        return { upgraded_state: encodeDynamic(state, r.type), diagnostics: [] };
      } catch (e) {
        return { diagnostics: wire(fromThrown(e, `Upgrading the state of ${req.type_name}`)) };
      }
    },

    getResourceIdentitySchemas() {
      const identity_schemas: Record<string, W.ResourceIdentitySchema> = {};
      for (const [name, r] of resources) {
        if (r.def.identity) identity_schemas[name] = toWireIdentitySchema(r.def.identity);
      }
      return { identity_schemas, diagnostics: [] };
    },

    upgradeResourceIdentity(req) {
      const r = resources.get(req.type_name);
      if (!r) return { diagnostics: wire(unknownType('resource', req.type_name)) };
      const id = r.def.identity;
      if (!id) {
        return {
          diagnostics: wire([
            error('No resource identity', `${req.type_name} has no resource identity to upgrade.`),
          ]),
        };
      }
      const current = id.version ?? 0;
      if (req.version > current) {
        return {
          diagnostics: wire([
            error(
              'Identity from a newer provider',
              `The identity of this ${req.type_name} was written by identity version ${req.version}; this ` +
                `provider knows versions up to ${current}. Upgrade terraform-provider-coffer.`,
            ),
          ]),
        };
      }
      const raw = req.raw_identity?.json;
      try {
        const stored = decodeStored(raw, identityType(id));
        const shaped = stored ? conform(identityAttributes(id), stored, true) : null;
        return {
          upgraded_identity: { identity_data: encodeDynamic(shaped, identityType(id)) },
          diagnostics: [],
        };
      } catch (e) {
        return { diagnostics: wire(fromThrown(e, `Upgrading the identity of ${req.type_name}`)) };
      }
    },

    async readResource(req) {
      const r = resources.get(req.type_name);
      if (!r) return { diagnostics: wire(unknownType('resource', req.type_name)) };
      const current = decodeObject(req.current_state, r.type);
      if (!current) return { new_state: encodeDynamic(null, r.type), diagnostics: [] };
      try {
        const state = conform(r.def.schema.attributes, current, true);
        const got = await r.def.read({ client: needClient(), state, private: decodePrivate(req.private) });
        if (!got) return { new_state: encodeDynamic(null, r.type), diagnostics: [] };
        const fresh = conform(r.def.schema.attributes, got.state, true);
        return {
          new_state: encodeDynamic(fresh, r.type),
          private: encodePrivate(got.private === undefined ? decodePrivate(req.private) : got.private),
          new_identity: identityFor(r, fresh),
          diagnostics: [],
        };
      } catch (e) {
        return {
          new_state: req.current_state ?? undefined,
          private: req.private,
          diagnostics: wire(fromThrown(e, `Reading ${req.type_name}`)),
        };
      }
    },

    planResourceChange(req) {
      const r = resources.get(req.type_name);
      if (!r) return { diagnostics: wire(unknownType('resource', req.type_name)) };
      try {
        const attrs = r.def.schema.attributes;
        const proposed = decodeObject(req.proposed_new_state, r.type);
        if (!proposed) return { planned_state: encodeDynamic(null, r.type), diagnostics: [] };
        const priorRaw = decodeObject(req.prior_state, r.type);
        const prior = priorRaw ? conform(attrs, priorRaw, true) : null;
        const config = conform(attrs, decodeObject(req.config, r.type), false);
        const diags = validateWith(r.def.schema, config, r.def.validate?.bind(r.def));
        if (hasErrors(diags)) return { diagnostics: wire(diags) };
        const result = plan({ attributes: attrs, prior, proposed, config });
        const priorPrivate = decodePrivate(req.prior_private);
        r.def.plan?.({ prior, config, planned: result.planned, priorPrivate, changed: result.changed });
        return {
          planned_state: encodeDynamic(result.planned, r.type),
          requires_replace: result.requiresReplace.map(toWirePath),
          planned_private: encodePrivate(priorPrivate),
          // Known once the identity attributes are (they are required and replace the object when changed).
          planned_identity: identityFor(r, result.planned),
          diagnostics: wire(diags),
        };
      } catch (e) {
        return { diagnostics: wire(fromThrown(e, `Planning ${req.type_name}`)) };
      }
    },

    async applyResourceChange(req) {
      const r = resources.get(req.type_name);
      if (!r) return { diagnostics: wire(unknownType('resource', req.type_name)) };
      const attrs = r.def.schema.attributes;
      // On failure the state keeps what was there before: null for a create, the prior object otherwise.
      const unchanged = (diagnostics: Diagnostic[]): W.ApplyResourceChangeResponse => ({
        new_state:
          req.prior_state && (req.prior_state.msgpack.length > 0 || req.prior_state.json.length > 0)
            ? req.prior_state
            : encodeDynamic(null, r.type),
        private: req.planned_private,
        diagnostics: wire(diagnostics),
      });
      let planned: ObjectValue | null = null;
      let prior: ObjectValue | null = null;
      try {
        const priorRaw = decodeObject(req.prior_state, r.type);
        prior = priorRaw ? conform(attrs, priorRaw, true) : null;
        planned = decodeObject(req.planned_state, r.type);
        const priv = decodePrivate(req.planned_private);
        const c = needClient();
        if (!planned) {
          if (prior) await r.def.delete({ client: c, prior, private: priv });
          return { new_state: encodeDynamic(null, r.type), diagnostics: [] };
        }
        const config = conform(attrs, decodeObject(req.config, r.type), false);
        const shapedPlan = conform(attrs, planned, true);
        const args = { client: c, config, planned: shapedPlan, private: priv };
        const got = prior
          ? await r.def.update({ ...args, prior })
          : await r.def.create({ ...args, prior: null });
        const state = settle(attrs, shapedPlan, got.state);
        if (!whollyKnown(state)) {
          return unchanged([error('Provider bug', `${req.type_name} left a value unknown after apply.`)]);
        }
        return {
          new_state: encodeDynamic(state, r.type),
          private: encodePrivate(got.private ?? null),
          new_identity: identityFor(r, state),
          diagnostics: [],
        };
      } catch (e) {
        return unchanged(
          fromThrown(e, `${planned ? (prior ? 'Updating' : 'Creating') : 'Deleting'} ${req.type_name}`),
        );
      }
    },

    async importResourceState(req) {
      const r = resources.get(req.type_name);
      if (!r) return { diagnostics: wire(unknownType('resource', req.type_name)) };
      if (!r.def.importState) {
        return { diagnostics: wire([error('Import not supported', `${req.type_name} cannot be imported.`)]) };
      }
      try {
        const got = await r.def.importState({ client: needClient(), id: importId(r, req) });
        const state = conform(r.def.schema.attributes, got.state, true);
        return {
          imported_resources: [
            {
              type_name: req.type_name,
              state: encodeDynamic(state, r.type),
              private: encodePrivate(got.private),
              identity: identityFor(r, state),
            },
          ],
          diagnostics: [],
        };
      } catch (e) {
        return { diagnostics: wire(fromThrown(e, `Importing ${req.type_name}`)) };
      }
    },

    async readDataSource(req) {
      const d = dataSources.get(req.type_name);
      if (!d) return { diagnostics: wire(unknownType('data source', req.type_name)) };
      try {
        const attrs = d.def.schema.attributes;
        const config = conform(attrs, decodeObject(req.config, d.type), false);
        const diags = validateWith(d.def.schema, config, d.def.validate?.bind(d.def));
        if (hasErrors(diags)) return { diagnostics: wire(diags) };
        const got = await d.def.read({ client: needClient(), config });
        return { state: encodeDynamic(withConfig(attrs, config, got), d.type), diagnostics: wire(diags) };
      } catch (e) {
        return { diagnostics: wire(fromThrown(e, `Reading data source ${req.type_name}`)) };
      }
    },

    async openEphemeralResource(req) {
      const x = ephemerals.get(req.type_name);
      if (!x) return { diagnostics: wire(unknownType('ephemeral resource', req.type_name)) };
      try {
        const attrs = x.def.schema.attributes;
        const config = conform(attrs, decodeObject(req.config, x.type), false);
        const diags = validateWith(x.def.schema, config, x.def.validate?.bind(x.def));
        if (hasErrors(diags)) return { diagnostics: wire(diags) };
        if (!whollyKnown(config)) {
          // Values known only after apply: nothing to open yet; the result is unknown where it is computed.
          const unknown = Object.fromEntries(
            Object.entries(attrs).map(([k, a]) => [
              k,
              a.computed && config[k] === null ? UNKNOWN : config[k],
            ]),
          ) as ObjectValue;
          return { result: encodeDynamic(unknown, x.type), diagnostics: wire(diags) };
        }
        const got = await x.def.open({ client: needClient(), config });
        const res: W.OpenEphemeralResourceResponse = {
          result: encodeDynamic(withConfig(attrs, config, got.result), x.type),
          diagnostics: wire(diags),
        };
        if (got.private) res.private = encodePrivate(got.private);
        if (got.renewAt) res.renew_at = timestamp(got.renewAt);
        return res;
      } catch (e) {
        return { diagnostics: wire(fromThrown(e, `Opening ephemeral resource ${req.type_name}`)) };
      }
    },

    async renewEphemeralResource(req) {
      const x = ephemerals.get(req.type_name);
      if (!x) return { diagnostics: wire(unknownType('ephemeral resource', req.type_name)) };
      if (!x.def.renew) return { diagnostics: [] };
      try {
        const got = await x.def.renew({ client: needClient(), private: decodePrivate(req.private) });
        const res: W.RenewEphemeralResourceResponse = { diagnostics: [] };
        if (got.private) res.private = encodePrivate(got.private);
        if (got.renewAt) res.renew_at = timestamp(got.renewAt);
        return res;
      } catch (e) {
        return { diagnostics: wire(fromThrown(e, `Renewing ephemeral resource ${req.type_name}`)) };
      }
    },

    async closeEphemeralResource(req) {
      const x = ephemerals.get(req.type_name);
      if (!x) return { diagnostics: wire(unknownType('ephemeral resource', req.type_name)) };
      if (!x.def.close) return { diagnostics: [] };
      try {
        await x.def.close({
          client: needClient(),
          private: decodePrivate(req.private) as PrivateData | null,
        });
        return { diagnostics: [] };
      } catch (e) {
        return { diagnostics: wire(fromThrown(e, `Closing ephemeral resource ${req.type_name}`)) };
      }
    },

    async stopProvider() {
      try {
        await def.stop?.(client);
        return {};
      } catch (e) {
        return { Error: e instanceof Error ? e.message : String(e) };
      }
    },
  };
  return handler;
}
