// What a provider, a managed resource, a data source and an ephemeral resource declare. Handlers receive
// decoded values shaped by their schema (every attribute present; UNKNOWN only where the phase allows it)
// and the client the provider's `configure` built.
import type { Diagnostic } from './diagnostics.ts';
import type { Known, Planned } from './model.ts';
import type { Attributes, BlockSchema } from './schema.ts';
import type { ObjectValue } from './value.ts';

/** Private data kept by the CLI next to the state (never shown, never in the plan JSON). */
export type PrivateData = { [key: string]: unknown };

export interface ValidateArgs {
  /** May contain UNKNOWN where the configuration refers to values known only later. */
  config: ObjectValue;
}

export interface PlanArgs {
  prior: ObjectValue | null;
  config: ObjectValue;
  /** The framework's plan (write-only nulled, computed unknowns marked); modify in place. */
  planned: ObjectValue;
  priorPrivate: PrivateData | null;
  /** Whether anything but computed values differs from the prior state. */
  changed: boolean;
}

/**
 * What create and update receive. With the schema's attributes as `A` (declared `satisfies Attributes`),
 * the values are typed models (model.ts); with the default they are plain objects.
 */
export interface ApplyArgs<C, A = Attributes> {
  client: C;
  /** The configuration, with write-only values (they exist nowhere else). */
  config: Known<A>;
  planned: Planned<A>;
  prior: Known<A> | null;
  private: PrivateData | null;
}

export interface StateResult {
  state: ObjectValue;
  private?: PrivateData | null;
}

/** One attribute of a resource identity: the resource attribute of the same name (a string). */
export interface IdentityAttribute {
  readonly description: string;
  /** Must be given in an import block's `identity` (otherwise the provider can work it out). */
  readonly requiredForImport?: boolean;
}

/** Resource identity (protocol 6.10): the attributes that name an object for good, taken from its state. */
export interface IdentityDefinition {
  /** Bump when the attributes change (UpgradeResourceIdentity receives older versions back). */
  readonly version?: number;
  readonly attributes: { readonly [name: string]: IdentityAttribute };
  /** The import id that names the same object as `identity` (the import then runs as for that id). */
  importId(identity: ObjectValue): string;
}

export interface ResourceDefinition<C, A extends Attributes = Attributes> {
  readonly typeName: string;
  readonly schema: BlockSchema & { readonly attributes: A };
  readonly identity?: IdentityDefinition;
  validate?(args: ValidateArgs): Diagnostic[];
  /** Resource-specific planning after the framework's: mark values that will change unknown (throw DiagnosticsError to refuse). */
  plan?(args: PlanArgs): void;
  create(args: ApplyArgs<C, A>): Promise<StateResult>;
  /** null when the object no longer exists (it is then removed from state). */
  read(args: { client: C; state: Known<A>; private: PrivateData | null }): Promise<StateResult | null>;
  update(args: ApplyArgs<C, A> & { prior: Known<A> }): Promise<StateResult>;
  delete(args: { client: C; prior: Known<A>; private: PrivateData | null }): Promise<void>;
  /** The state of an existing object named by `id` (the framework then reads it). */
  importState?(args: { client: C; id: string }): Promise<StateResult>;
}

export interface DataSourceDefinition<C, A extends Attributes = Attributes> {
  readonly typeName: string;
  readonly schema: BlockSchema & { readonly attributes: A };
  validate?(args: ValidateArgs): Diagnostic[];
  /** Called once the configuration is known. */
  read(args: { client: C; config: Known<A> }): Promise<ObjectValue>;
}

export interface EphemeralResult {
  result: ObjectValue;
  private?: PrivateData | null;
  renewAt?: Date;
}

export interface EphemeralResourceDefinition<C, A extends Attributes = Attributes> {
  readonly typeName: string;
  readonly schema: BlockSchema & { readonly attributes: A };
  validate?(args: ValidateArgs): Diagnostic[];
  /** Called once the configuration is wholly known (until then the result is unknown). */
  open(args: { client: C; config: Known<A> }): Promise<EphemeralResult>;
  renew?(args: {
    client: C;
    private: PrivateData | null;
  }): Promise<{ private?: PrivateData | null; renewAt?: Date }>;
  close?(args: { client: C; private: PrivateData | null }): Promise<void>;
}

export interface ProviderDefinition<C> {
  /** e.g. registry.opentofu.org/coffer/coffer */
  readonly address: string;
  readonly schema: BlockSchema;
  validate?(args: ValidateArgs): Diagnostic[];
  /** Builds the client from the provider configuration; throw DiagnosticsError to refuse it, `warn` to
   * accept it with a warning. */
  configure(args: {
    config: ObjectValue;
    terraformVersion: string;
    warn(d: Diagnostic): void;
  }): Promise<C> | C;
  /** Called on StopProvider and when the plugin shuts down. */
  stop?(client: C | undefined): Promise<void> | void;
  readonly resources: readonly ResourceDefinition<C>[];
  readonly dataSources: readonly DataSourceDefinition<C>[];
  readonly ephemeralResources: readonly EphemeralResourceDefinition<C>[];
}
