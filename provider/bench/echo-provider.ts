// A no-op provider with the real provider's schemas (bench/apply.ts's second floor): GetProviderSchema,
// GetMetadata and GetResourceIdentitySchemas answer what terraform-provider-coffer answers; every other RPC
// at once, plan and apply echoing what OpenTofu proposed (no value decoded, no API call). It shows what
// OpenTofu itself pays for coffer_workspace_secret's 12 attributes next to the 1-attribute no-op floor.
// Plans keep computed attributes null (never unknown), so the state ends with them null: this measures
// OpenTofu's side, not a usable provider.
import type { ProviderHandler } from '../src/wire/handler.ts';
import { serve } from '../src/wire/serve.ts';

// Loaded only by the process that answers the schema RPCs (OpenTofu asks once per run and caches the
// answer, as the provider allows): the others start as light as the no-op floor does.
let loaded: ProviderHandler | undefined;
const real = async (): Promise<ProviderHandler> =>
  (loaded ??= (await import('../src/provider.ts')).createProvider({}));

/** msgpack fixstr "value_wo" (the map key; "value_wo_version" is a longer fixstr and does not match). */
const WO_KEY = Buffer.from([0xa8, ...Buffer.from('value_wo')]);

/**
 * The proposal with value_wo set to null, as OpenTofu requires of a plan (write-only values never enter a
 * plan or a state): the value's bytes are cut out in place, nothing else is decoded.
 */
function withoutWriteOnly(dv: { msgpack: Buffer; json: Buffer } | null): { msgpack: Buffer } | undefined {
  if (!dv) return undefined;
  const b = dv.msgpack;
  const at = b.indexOf(WO_KEY);
  if (at < 0) return { msgpack: b };
  const v = at + WO_KEY.length;
  const tag = b[v] as number;
  let end: number;
  if (tag >= 0xa0 && tag <= 0xbf) end = v + 1 + (tag - 0xa0);
  else if (tag === 0xd9) end = v + 2 + (b[v + 1] as number);
  else if (tag === 0xda) end = v + 3 + b.readUInt16BE(v + 1);
  else if (tag === 0xdb) end = v + 5 + b.readUInt32BE(v + 1);
  else return { msgpack: b }; // nil already (or unknown): nothing to cut
  return { msgpack: Buffer.concat([b.subarray(0, v), Buffer.from([0xc0]), b.subarray(end)]) };
}
const ok = () => ({ diagnostics: [] });

const handler: ProviderHandler = {
  getMetadata: async (req) => (await real()).getMetadata(req),
  getProviderSchema: async (req) => (await real()).getProviderSchema(req),
  getResourceIdentitySchemas: async (req) => (await real()).getResourceIdentitySchemas(req),
  validateProviderConfig: ok,
  validateResourceConfig: ok,
  validateDataResourceConfig: ok,
  upgradeResourceState: (req) => ({ upgraded_state: { json: req.raw_state?.json ?? Buffer.alloc(0) } }),
  upgradeResourceIdentity: (req) => ({
    upgraded_identity: { identity_data: { json: req.raw_identity?.json ?? Buffer.alloc(0) } },
  }),
  configureProvider: ok,
  readResource: (req) => ({ new_state: req.current_state ?? undefined }),
  planResourceChange: (req) => ({ planned_state: withoutWriteOnly(req.proposed_new_state) }),
  applyResourceChange: (req) => ({ new_state: req.planned_state ?? undefined }),
  importResourceState: () => ({ imported_resources: [] }),
  readDataSource: (req) => ({ state: req.config ?? undefined }),
  validateEphemeralResourceConfig: ok,
  openEphemeralResource: () => ({}),
  renewEphemeralResource: () => ({}),
  closeEphemeralResource: ok,
  stopProvider: () => ({}),
};

// No top-level await: bench/apply.ts bundles this file into a single executable (CommonJS).
serve(handler).then(() => process.exit(0));
