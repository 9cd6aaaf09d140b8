// The resource framework's public surface: declare schemas and handlers (define.ts, schema.ts), get a
// tfplugin6 ProviderHandler (server.ts, over proto6server/ and fwserver/) and the schema JSON document.
export type {
  ApplyArgs,
  DataSourceDefinition,
  EphemeralResourceDefinition,
  EphemeralResult,
  PlanArgs,
  PrivateData,
  ProviderDefinition,
  ResourceDefinition,
  StateResult,
  ValidateArgs,
} from './define.ts';
export {
  type Diagnostic,
  DiagnosticsError,
  error,
  hasErrors,
  type Path,
  type PathStep,
  warning,
} from './diagnostics.ts';
export type { Known, Planned, Unknown } from './model.ts';
export { markUnknown, plan } from './plan.ts';
export type { Attribute, Attributes, BlockSchema, CtyType, NestedObject } from './schema.ts';
export { goJson, type ProviderSchemas, schemaDocument } from './schema-json.ts';
export { createHandler } from './server.ts';
export * as validators from './validators.ts';
export { equal, isObject, isUnknown, num, type ObjectValue, str, UNKNOWN, type Value } from './value.ts';
