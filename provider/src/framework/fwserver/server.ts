// The framework server: the declarations indexed by type name with their cty types, and the provider's
// state between RPCs (the configured client, or why there is none). Every RPC's semantics take it.
import type {
  DataSourceDefinition,
  EphemeralResourceDefinition,
  ProviderDefinition,
  ResourceDefinition,
} from '../define.ts';
import { type Diagnostic, DiagnosticsError, error } from '../diagnostics.ts';
import { type BlockSchema, type CtyType, checkSchema, objectType } from '../schema.ts';

/** A declaration with the cty object type of its schema. */
export interface Typed<D> {
  readonly def: D;
  readonly type: CtyType;
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

export class FrameworkServer<C> {
  readonly def: ProviderDefinition<C>;
  readonly providerType: CtyType;
  readonly resources: Map<string, Typed<ResourceDefinition<C>>>;
  readonly dataSources: Map<string, Typed<DataSourceDefinition<C>>>;
  readonly ephemerals: Map<string, Typed<EphemeralResourceDefinition<C>>>;
  client: C | undefined;
  /** Why ConfigureProvider left no client (shown by every call that needs one). */
  configureDiagnostics: Diagnostic[] = [];

  constructor(def: ProviderDefinition<C>) {
    checkSchema('provider', def.schema, false);
    this.def = def;
    this.providerType = objectType(def.schema.attributes);
    this.resources = index('resource', def.resources, true);
    this.dataSources = index('data source', def.dataSources, false);
    this.ephemerals = index('ephemeral resource', def.ephemeralResources, false);
  }

  /** The configured client, or a diagnostic explaining why there is none. */
  needClient(): C {
    if (this.client !== undefined) return this.client;
    if (this.configureDiagnostics.length > 0) throw new DiagnosticsError(this.configureDiagnostics);
    throw new DiagnosticsError(error('Provider not configured', 'ConfigureProvider has not been called.'));
  }
}

export function unknownType(kind: string, name: string): Diagnostic[] {
  return [
    error(`Unknown ${kind} type`, `terraform-provider-coffer has no ${kind} named ${JSON.stringify(name)}.`),
  ];
}
