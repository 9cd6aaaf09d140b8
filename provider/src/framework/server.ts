// The framework's ProviderHandler: each tfplugin6 RPC the wire layer routes, one file per RPC in two layers
// (as terraform-plugin-framework's internal/proto6server and internal/fwserver): proto6server/<rpc>.ts
// decodes the request, calls fwserver/ and encodes the answer; fwserver/ holds the semantics on decoded
// values. Resource code never sees protobuf or msgpack.
import type { ProviderHandler } from '../wire/handler.ts';
import type { ProviderDefinition } from './define.ts';
import { FrameworkServer } from './fwserver/server.ts';
import { applyResourceChange } from './proto6server/apply-resource-change.ts';
import { closeEphemeralResource } from './proto6server/close-ephemeral-resource.ts';
import { configureProvider } from './proto6server/configure-provider.ts';
import { getMetadata } from './proto6server/get-metadata.ts';
import { getProviderSchema } from './proto6server/get-provider-schema.ts';
import { getResourceIdentitySchemas } from './proto6server/get-resource-identity-schemas.ts';
import { importResourceState } from './proto6server/import-resource-state.ts';
import { openEphemeralResource } from './proto6server/open-ephemeral-resource.ts';
import { planResourceChange } from './proto6server/plan-resource-change.ts';
import { readDataSource } from './proto6server/read-data-source.ts';
import { readResource } from './proto6server/read-resource.ts';
import { renewEphemeralResource } from './proto6server/renew-ephemeral-resource.ts';
import { stopProvider } from './proto6server/stop-provider.ts';
import { upgradeResourceIdentity } from './proto6server/upgrade-resource-identity.ts';
import { upgradeResourceState } from './proto6server/upgrade-resource-state.ts';
import { validateDataResourceConfig } from './proto6server/validate-data-resource-config.ts';
import { validateEphemeralResourceConfig } from './proto6server/validate-ephemeral-resource-config.ts';
import { validateProviderConfig } from './proto6server/validate-provider-config.ts';
import { validateResourceConfig } from './proto6server/validate-resource-config.ts';

export function createHandler<C>(def: ProviderDefinition<C>): ProviderHandler {
  const s = new FrameworkServer(def);
  return {
    getMetadata: () => getMetadata(s),
    getProviderSchema: () => getProviderSchema(s),
    getResourceIdentitySchemas: () => getResourceIdentitySchemas(s),
    validateProviderConfig: (req) => validateProviderConfig(s, req),
    configureProvider: (req) => configureProvider(s, req),
    validateResourceConfig: (req) => validateResourceConfig(s, req),
    validateDataResourceConfig: (req) => validateDataResourceConfig(s, req),
    validateEphemeralResourceConfig: (req) => validateEphemeralResourceConfig(s, req),
    upgradeResourceState: (req) => upgradeResourceState(s, req),
    upgradeResourceIdentity: (req) => upgradeResourceIdentity(s, req),
    readResource: (req) => readResource(s, req),
    planResourceChange: (req) => planResourceChange(s, req),
    applyResourceChange: (req) => applyResourceChange(s, req),
    importResourceState: (req) => importResourceState(s, req),
    readDataSource: (req) => readDataSource(s, req),
    openEphemeralResource: (req) => openEphemeralResource(s, req),
    renewEphemeralResource: (req) => renewEphemeralResource(s, req),
    closeEphemeralResource: (req) => closeEphemeralResource(s, req),
    stopProvider: () => stopProvider(s),
  };
}
