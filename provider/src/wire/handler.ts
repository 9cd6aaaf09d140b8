// The provider side of tfplugin6, as plain objects: one method per RPC the wire layer serves.
//
// Requests arrive exactly as @grpc/proto-loader decodes them with
// `{ keepCase: true, longs: Number, enums: String, bytes: Buffer, defaults: true, oneofs: true }`:
// snake_case field names as in provider/proto/tfplugin6.proto; every scalar present (empty string, 0, false,
// empty Buffer when unset); repeated fields `[]`, maps `{}`; message fields `null` when absent; proto3
// `optional` fields absent (undefined) when unset; enums as their names; int64 as number.
// Responses are encoded with protobufjs `fromObject`: any field may be left out (it takes its default);
// a message-typed field may also be null (= absent).
// Values inside DynamicValue are msgpack (or JSON) bytes: see ./codec.ts.

export type MaybePromise<T> = T | Promise<T>;

// ---------------------------------------------------------------------------------------------------------
// Shared messages

export interface DynamicValue {
  msgpack: Buffer;
  json: Buffer;
}

/** What a response carries: msgpack bytes (the provider always answers in msgpack). */
export interface DynamicValueOut {
  msgpack?: Uint8Array;
  json?: Uint8Array;
}

export type Severity = 'INVALID' | 'ERROR' | 'WARNING';

/** One step of an attribute path: exactly one selector is set. */
export type AttributePathStep =
  | { attribute_name: string; selector?: 'attribute_name' }
  | { element_key_string: string; selector?: 'element_key_string' }
  | { element_key_int: number; selector?: 'element_key_int' };

export interface AttributePath {
  steps: AttributePathStep[];
}

export interface Diagnostic {
  severity: Severity;
  summary: string;
  detail?: string;
  attribute?: AttributePath | null;
}

export type StringKind = 'PLAIN' | 'MARKDOWN';

export interface ClientCapabilities {
  deferral_allowed: boolean;
  write_only_attributes_allowed: boolean;
}

export interface ServerCapabilities {
  plan_destroy?: boolean;
  get_provider_schema_optional?: boolean;
  move_resource_state?: boolean;
  generate_resource_config?: boolean;
}

export type DeferredReason =
  | 'UNKNOWN'
  | 'RESOURCE_CONFIG_UNKNOWN'
  | 'PROVIDER_CONFIG_UNKNOWN'
  | 'ABSENT_PREREQ';

export interface Deferred {
  reason: DeferredReason;
}

/** google.protobuf.Timestamp (seconds since the Unix epoch, plus nanoseconds). */
export interface Timestamp {
  seconds: number;
  nanos: number;
}

/** Stored state given to UpgradeResourceState: `json` (current format) or the legacy `flatmap`. */
export interface RawState {
  json: Buffer;
  flatmap: Record<string, string>;
}

/** Resource identity data (protocol 6.10) as it arrives: a DynamicValue of the identity schema's object. */
export interface ResourceIdentityData {
  identity_data: DynamicValue | null;
}

/** Resource identity data in a response. */
export interface ResourceIdentityDataOut {
  identity_data?: DynamicValueOut | null;
}

// ---------------------------------------------------------------------------------------------------------
// Schema (responses only, so every field is optional)

export interface SchemaAttribute {
  name: string;
  /** cty type as compact JSON bytes, e.g. Buffer.from('"string"') or Buffer.from('["map","string"]'). */
  type?: Uint8Array;
  nested_type?: SchemaObject | null;
  description?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  description_kind?: StringKind;
  deprecated?: boolean;
  write_only?: boolean;
  deprecation_message?: string;
}

export type BlockNestingMode = 'INVALID' | 'SINGLE' | 'LIST' | 'SET' | 'MAP' | 'GROUP';
export type ObjectNestingMode = 'INVALID' | 'SINGLE' | 'LIST' | 'SET' | 'MAP';

export interface SchemaNestedBlock {
  type_name: string;
  block: SchemaBlock;
  nesting: BlockNestingMode;
  min_items?: number;
  max_items?: number;
}

export interface SchemaObject {
  attributes: SchemaAttribute[];
  nesting: ObjectNestingMode;
}

export interface SchemaBlock {
  version?: number;
  attributes?: SchemaAttribute[];
  block_types?: SchemaNestedBlock[];
  description?: string;
  description_kind?: StringKind;
  deprecated?: boolean;
  deprecation_message?: string;
}

export interface Schema {
  version?: number;
  block: SchemaBlock;
}

export interface IdentityAttribute {
  name: string;
  /** cty type as compact JSON bytes, as in SchemaAttribute */
  type?: Uint8Array;
  required_for_import?: boolean;
  optional_for_import?: boolean;
  description?: string;
}

export interface ResourceIdentitySchema {
  version?: number;
  identity_attributes?: IdentityAttribute[];
}

// ---------------------------------------------------------------------------------------------------------
// RPC messages

export type GetMetadataRequest = Record<string, never>;
export interface GetMetadataResponse {
  server_capabilities?: ServerCapabilities | null;
  diagnostics?: Diagnostic[];
  data_sources?: { type_name: string }[];
  resources?: { type_name: string }[];
  functions?: { name: string }[];
  ephemeral_resources?: { type_name: string }[];
}

export type GetProviderSchemaRequest = Record<string, never>;
export interface GetProviderSchemaResponse {
  provider?: Schema | null;
  resource_schemas?: Record<string, Schema>;
  data_source_schemas?: Record<string, Schema>;
  ephemeral_resource_schemas?: Record<string, Schema>;
  diagnostics?: Diagnostic[];
  provider_meta?: Schema | null;
  server_capabilities?: ServerCapabilities | null;
}

export interface ValidateProviderConfigRequest {
  config: DynamicValue | null;
}
export interface ValidateProviderConfigResponse {
  diagnostics?: Diagnostic[];
}

export interface UpgradeResourceStateRequest {
  type_name: string;
  /** The schema version recorded in the state. */
  version: number;
  raw_state: RawState | null;
}
export interface UpgradeResourceStateResponse {
  upgraded_state?: DynamicValueOut | null;
  diagnostics?: Diagnostic[];
}

export type GetResourceIdentitySchemasRequest = Record<string, never>;
export interface GetResourceIdentitySchemasResponse {
  identity_schemas?: Record<string, ResourceIdentitySchema>;
  diagnostics?: Diagnostic[];
}

export interface UpgradeResourceIdentityRequest {
  type_name: string;
  /** The identity schema version recorded in the state. */
  version: number;
  /** The stored identity (JSON). */
  raw_identity: RawState | null;
}
export interface UpgradeResourceIdentityResponse {
  upgraded_identity?: ResourceIdentityDataOut | null;
  diagnostics?: Diagnostic[];
}

export interface ValidateResourceConfigRequest {
  type_name: string;
  config: DynamicValue | null;
  client_capabilities: ClientCapabilities | null;
}
export interface ValidateResourceConfigResponse {
  diagnostics?: Diagnostic[];
}

export interface ValidateDataResourceConfigRequest {
  type_name: string;
  config: DynamicValue | null;
}
export interface ValidateDataResourceConfigResponse {
  diagnostics?: Diagnostic[];
}

export interface ValidateEphemeralResourceConfigRequest {
  type_name: string;
  config: DynamicValue | null;
}
export interface ValidateEphemeralResourceConfigResponse {
  diagnostics?: Diagnostic[];
}

export interface ConfigureProviderRequest {
  terraform_version: string;
  config: DynamicValue | null;
  client_capabilities: ClientCapabilities | null;
}
export interface ConfigureProviderResponse {
  diagnostics?: Diagnostic[];
}

export interface ReadResourceRequest {
  type_name: string;
  current_state: DynamicValue | null;
  private: Buffer;
  provider_meta: DynamicValue | null;
  client_capabilities: ClientCapabilities | null;
  current_identity?: ResourceIdentityData | null;
}
export interface ReadResourceResponse {
  /** msgpack nil (or no value) means the object is gone. */
  new_state?: DynamicValueOut | null;
  diagnostics?: Diagnostic[];
  private?: Uint8Array;
  deferred?: Deferred | null;
  new_identity?: ResourceIdentityDataOut | null;
}

export interface PlanResourceChangeRequest {
  type_name: string;
  prior_state: DynamicValue | null;
  proposed_new_state: DynamicValue | null;
  config: DynamicValue | null;
  prior_private: Buffer;
  provider_meta: DynamicValue | null;
  client_capabilities: ClientCapabilities | null;
  prior_identity?: ResourceIdentityData | null;
}
export interface PlanResourceChangeResponse {
  planned_state?: DynamicValueOut | null;
  requires_replace?: AttributePath[];
  planned_private?: Uint8Array;
  diagnostics?: Diagnostic[];
  deferred?: Deferred | null;
  planned_identity?: ResourceIdentityDataOut | null;
}

export interface ApplyResourceChangeRequest {
  type_name: string;
  prior_state: DynamicValue | null;
  planned_state: DynamicValue | null;
  config: DynamicValue | null;
  planned_private: Buffer;
  provider_meta: DynamicValue | null;
  planned_identity?: ResourceIdentityData | null;
}
export interface ApplyResourceChangeResponse {
  new_state?: DynamicValueOut | null;
  private?: Uint8Array;
  diagnostics?: Diagnostic[];
  new_identity?: ResourceIdentityDataOut | null;
}

export interface ImportResourceStateRequest {
  type_name: string;
  /** Empty when the import block names the object by `identity` instead. */
  id: string;
  client_capabilities: ClientCapabilities | null;
  identity?: ResourceIdentityData | null;
}
export interface ImportedResource {
  type_name: string;
  state: DynamicValueOut;
  private?: Uint8Array;
  identity?: ResourceIdentityDataOut | null;
}
export interface ImportResourceStateResponse {
  imported_resources?: ImportedResource[];
  diagnostics?: Diagnostic[];
  deferred?: Deferred | null;
}

export interface ReadDataSourceRequest {
  type_name: string;
  config: DynamicValue | null;
  provider_meta: DynamicValue | null;
  client_capabilities: ClientCapabilities | null;
}
export interface ReadDataSourceResponse {
  state?: DynamicValueOut | null;
  diagnostics?: Diagnostic[];
  deferred?: Deferred | null;
}

export interface OpenEphemeralResourceRequest {
  type_name: string;
  config: DynamicValue | null;
  client_capabilities: ClientCapabilities | null;
}
export interface OpenEphemeralResourceResponse {
  diagnostics?: Diagnostic[];
  renew_at?: Timestamp | null;
  result?: DynamicValueOut | null;
  private?: Uint8Array;
  deferred?: Deferred | null;
}

export interface RenewEphemeralResourceRequest {
  type_name: string;
  /** Absent when Open returned no private data. */
  private?: Buffer;
}
export interface RenewEphemeralResourceResponse {
  diagnostics?: Diagnostic[];
  renew_at?: Timestamp | null;
  private?: Uint8Array;
}

export interface CloseEphemeralResourceRequest {
  type_name: string;
  /** Absent when Open/Renew returned no private data. */
  private?: Buffer;
}
export interface CloseEphemeralResourceResponse {
  diagnostics?: Diagnostic[];
}

export type StopProviderRequest = Record<string, never>;
export interface StopProviderResponse {
  /** Non-empty when stopping failed. */
  Error?: string;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * What the framework implements. serve() routes each tfplugin6 RPC to the method of the same name
 * (lowerCamelCase). A thrown error becomes a gRPC INTERNAL status whose message is the error's message:
 * never put secret values in error messages; prefer returning an ERROR diagnostic.
 * GetFunctions is answered by the wire layer with an empty map (Coffer defines no functions).
 */
export interface ProviderHandler {
  getMetadata(req: GetMetadataRequest): MaybePromise<GetMetadataResponse>;
  getProviderSchema(req: GetProviderSchemaRequest): MaybePromise<GetProviderSchemaResponse>;
  validateProviderConfig(req: ValidateProviderConfigRequest): MaybePromise<ValidateProviderConfigResponse>;
  validateResourceConfig(req: ValidateResourceConfigRequest): MaybePromise<ValidateResourceConfigResponse>;
  validateDataResourceConfig(
    req: ValidateDataResourceConfigRequest,
  ): MaybePromise<ValidateDataResourceConfigResponse>;
  upgradeResourceState(req: UpgradeResourceStateRequest): MaybePromise<UpgradeResourceStateResponse>;
  getResourceIdentitySchemas(
    req: GetResourceIdentitySchemasRequest,
  ): MaybePromise<GetResourceIdentitySchemasResponse>;
  upgradeResourceIdentity(req: UpgradeResourceIdentityRequest): MaybePromise<UpgradeResourceIdentityResponse>;
  configureProvider(req: ConfigureProviderRequest): MaybePromise<ConfigureProviderResponse>;
  readResource(req: ReadResourceRequest): MaybePromise<ReadResourceResponse>;
  planResourceChange(req: PlanResourceChangeRequest): MaybePromise<PlanResourceChangeResponse>;
  applyResourceChange(req: ApplyResourceChangeRequest): MaybePromise<ApplyResourceChangeResponse>;
  importResourceState(req: ImportResourceStateRequest): MaybePromise<ImportResourceStateResponse>;
  readDataSource(req: ReadDataSourceRequest): MaybePromise<ReadDataSourceResponse>;
  validateEphemeralResourceConfig(
    req: ValidateEphemeralResourceConfigRequest,
  ): MaybePromise<ValidateEphemeralResourceConfigResponse>;
  openEphemeralResource(req: OpenEphemeralResourceRequest): MaybePromise<OpenEphemeralResourceResponse>;
  renewEphemeralResource(req: RenewEphemeralResourceRequest): MaybePromise<RenewEphemeralResourceResponse>;
  closeEphemeralResource(req: CloseEphemeralResourceRequest): MaybePromise<CloseEphemeralResourceResponse>;
  stopProvider(req: StopProviderRequest): MaybePromise<StopProviderResponse>;
}

/** The handler method for each tfplugin6 RPC name served (the wire layer's routing table). */
export const RPC_METHODS = {
  GetMetadata: 'getMetadata',
  GetProviderSchema: 'getProviderSchema',
  ValidateProviderConfig: 'validateProviderConfig',
  ValidateResourceConfig: 'validateResourceConfig',
  ValidateDataResourceConfig: 'validateDataResourceConfig',
  UpgradeResourceState: 'upgradeResourceState',
  GetResourceIdentitySchemas: 'getResourceIdentitySchemas',
  UpgradeResourceIdentity: 'upgradeResourceIdentity',
  ConfigureProvider: 'configureProvider',
  ReadResource: 'readResource',
  PlanResourceChange: 'planResourceChange',
  ApplyResourceChange: 'applyResourceChange',
  ImportResourceState: 'importResourceState',
  ReadDataSource: 'readDataSource',
  ValidateEphemeralResourceConfig: 'validateEphemeralResourceConfig',
  OpenEphemeralResource: 'openEphemeralResource',
  RenewEphemeralResource: 'renewEphemeralResource',
  CloseEphemeralResource: 'closeEphemeralResource',
  StopProvider: 'stopProvider',
} as const satisfies Record<string, keyof ProviderHandler>;
