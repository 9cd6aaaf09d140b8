// The constructs' bodies, written once for both flavors. A flavor (src/cdktf, src/cdktn) hands in what differs:
// its runtime (TerraformVariable, Token, Annotations) and where a value goes in the generated resource (the
// sensitive `value`, or the write-only `value_wo` with its `value_wo_version`). Its entry point only binds these
// bodies to its own generated classes, which a shared body cannot extend.
//
// A Workspace's overrides are child resources of the generated coffer_workspace that reference its `id`, so
// Terraform creates the workspace before them (the server answers 422 for an override on a workspace that does
// not exist) and destroys it after them.

import type { WorkspaceSecretKey } from '@coffer/sdk/rules';
import { Construct, type IConstruct } from 'constructs';
import {
  type AwsSecretsManagerOptions,
  awsSecretsManagerConfig,
  checkExpiresInDays,
  checkScopedSecret,
  checkVaultRef,
  checkWorkspaceId,
  checkWorkspaceKeys,
  plainBackendConfig,
  type ReadonlyVaultOptions,
  type ScopedSecretCommonOptions,
  type SecretRef,
  type SecretsManagerCommonOptions,
  type SecretsManagerResourceConfig,
  type TeamCommonOptions,
  type TeamResourceConfig,
  teamConfig,
  type VaultOptions,
  vaultConfig,
  type WorkspaceCommonOptions,
  type WorkspaceResourceConfig,
  workspaceConfig,
} from './config.ts';
import { Issues } from './validate.ts';

/** What the constructs read from a flavor's TerraformVariable. */
export interface VariableLike {
  readonly sensitive?: boolean;
  readonly node: { readonly id: string };
  readonly stringValue: string;
}

/** The meta-arguments a construct passes through, typed by the flavor. */
export interface MetaLike {
  readonly provider?: unknown;
  readonly dependsOn?: unknown;
}

/** The value attributes of the generated coffer_secret / coffer_workspace_secret. */
export type ValueAttributes = { value: string } | { valueWo: string; valueWoVersion: number };

export interface Flavor<V extends VariableLike> {
  isVariable(input: unknown): input is V;
  /** Token.isUnresolved of the flavor. */
  isUnresolved(value: unknown): boolean;
  /** Annotations.of(scope).addWarning of the flavor. */
  warn(scope: IConstruct, message: string): void;
  /** True when values go through the write-only attributes (and carry a version), false for `value`. */
  readonly writeOnly: boolean;
}

/** A construct's configuration, checked, and the property paths that hold literal values (warned about). */
export interface Planned<C> {
  readonly config: C;
  readonly literals: readonly string[];
}

export interface ScopedSecretBodyProps<S> extends ScopedSecretCommonOptions {
  /** The value; or, under READONLY_VAULT, `vaultRef` instead. */
  readonly value?: S;
  /** READONLY_VAULT: the `path#key` reference Coffer reads (never writes); instead of `value`. */
  readonly vaultRef?: string;
  /** Write-only flavors only. */
  readonly valueVersion?: number;
}

export type WorkspaceSecretBodyEntry<S> =
  | S
  | { readonly value: S; readonly version?: number; readonly expiresInDays?: number };

export interface WorkspaceSecretsBodyProps<S> {
  readonly workspaceId: string;
  readonly secrets: Partial<Record<WorkspaceSecretKey, WorkspaceSecretBodyEntry<S>>>;
  readonly expiresInDays?: number;
  /** Write-only flavors only. */
  readonly version?: number;
}

/** The overrides of a Workspace and their defaults. */
export interface OverridesBodyProps<S> {
  readonly overrides?: Partial<Record<WorkspaceSecretKey, WorkspaceSecretBodyEntry<S>>>;
  readonly expiresInDays?: number;
  /** Write-only flavors only. */
  readonly version?: number;
}

export interface WorkspaceBodyProps<S> extends WorkspaceCommonOptions, OverridesBodyProps<S> {
  /** A team id, or anything with the team's `id` (a Team construct: its id attribute, a reference). */
  readonly team?: string | { readonly id: string };
}

/** The generated `coffer_secret` configuration the ScopedSecret body produces (meta-arguments aside). */
export type ScopedSecretResourceConfig = {
  name: string;
  scopeType: string;
  scopeId: string;
  category?: string;
  description?: string;
  expiresAt?: string;
} & (ValueAttributes | { vaultRef: string });

/** A `coffer_workspace_secret` configuration without its workspace (a Workspace passes its own `id`). */
export type OverrideResourceConfig = {
  key: string;
  expiresInDays?: number;
} & ValueAttributes;

/** The generated `coffer_workspace_secret` configuration (meta-arguments aside). */
export type WorkspaceSecretResourceConfig = { workspaceId: string } & OverrideResourceConfig;

export interface PlannedOverride {
  readonly key: WorkspaceSecretKey;
  readonly config: OverrideResourceConfig;
  readonly literal: boolean;
}

/** A Workspace's configuration and its overrides, checked. */
export interface PlannedWorkspace {
  readonly config: WorkspaceResourceConfig;
  readonly overrides: readonly PlannedOverride[];
}

/**
 * One reference token per variable. `TerraformVariable.stringValue` builds a new token on every read, and
 * cdktf/cdktn capture a full creation stack trace for each (tens of microseconds: with one variable passed to
 * 1,000 resources that was a tenth of the synth benchmark). The token resolves in whichever stack uses it
 * (`Reference` keeps a per-stack identifier for cross-stack references), so sharing it is safe.
 */
const variableTokens = new WeakMap<VariableLike, string>();

function variableToken(variable: VariableLike): string {
  let token = variableTokens.get(variable);
  if (token === undefined) {
    token = variable.stringValue;
    variableTokens.set(variable, token);
  }
  return token;
}

/** Passes `provider` and `dependsOn` on when set (the generated classes treat a present `undefined` as set). */
export function meta<M extends MetaLike>(m: M): Pick<M, 'provider' | 'dependsOn'> {
  return {
    ...(m.provider !== undefined ? { provider: m.provider } : {}),
    ...(m.dependsOn !== undefined ? { dependsOn: m.dependsOn } : {}),
  } as Pick<M, 'provider' | 'dependsOn'>;
}

/** The bodies of SecretsManager, ScopedSecret and WorkspaceSecrets for one flavor. */
export class ConstructBodies<V extends VariableLike> {
  readonly flavor: Flavor<V>;
  /** Appended to a literal's warning: where the literal ends up. */
  readonly #literalWarning: string;

  constructor(flavor: Flavor<V>) {
    this.flavor = flavor;
    this.#literalWarning =
      `a literal secret value is written into the synthesized configuration (cdktf.out)` +
      `${flavor.writeOnly ? '' : ' and the state'}; pass a TerraformVariable declared with sensitive: true instead`;
  }

  issues(): Issues {
    return new Issues((v) => this.flavor.isUnresolved(v));
  }

  /** Turns a secret input (a variable, a token or a literal) into the string the generated resource takes. */
  reveal(issues: Issues, path: string, input: string | V): SecretRef {
    if (this.flavor.isVariable(input)) {
      if (input.sensitive !== true) {
        issues.add(path, `variable "${input.node.id}" must be declared with sensitive: true`);
      }
      return { value: variableToken(input), literal: false };
    }
    if (typeof input === 'string') {
      if (input === '') issues.add(path, 'must not be empty');
      return { value: input, literal: !this.flavor.isUnresolved(input) };
    }
    issues.add(
      path,
      `must be a string or a TerraformVariable, got ${input === null ? 'null' : typeof input}`,
    );
    return { value: '', literal: false };
  }

  /** Warns once per literal value, naming the construct and the property. */
  warnLiterals(scope: IConstruct, construct: string, literals: readonly string[]): void {
    for (const path of literals) this.flavor.warn(scope, `${construct}: ${path}: ${this.#literalWarning}`);
  }

  #values(value: string, version: number | undefined): ValueAttributes {
    return this.flavor.writeOnly ? { valueWo: value, valueWoVersion: version ?? 1 } : { value };
  }

  // -- SecretsManager ----------------------------------------------------------------------------------------

  db(id: string, options: SecretsManagerCommonOptions): Planned<SecretsManagerResourceConfig> {
    return this.#plain('db', 'DB', id, options);
  }

  env(id: string, options: SecretsManagerCommonOptions): Planned<SecretsManagerResourceConfig> {
    return this.#plain('env', 'ENV', id, options);
  }

  #plain(
    method: string,
    backend: 'DB' | 'ENV',
    id: string,
    options: SecretsManagerCommonOptions,
  ): Planned<SecretsManagerResourceConfig> {
    const issues = this.issues();
    const config = plainBackendConfig(issues, backend, options);
    issues.throwIfAny(`SecretsManager.${method} "${id}"`);
    return { config, literals: [] };
  }

  vault(id: string, options: VaultOptions<string | V>): Planned<SecretsManagerResourceConfig> {
    return this.#vault('vault', id, options);
  }

  /** `READONLY_VAULT`: the Vault settings of `vault()`, with Coffer reading `path#key` references only. */
  readonlyVault(
    id: string,
    options: ReadonlyVaultOptions<string | V>,
  ): Planned<SecretsManagerResourceConfig> {
    if ((options as { readOnly?: unknown }).readOnly === false) {
      const issues = this.issues();
      issues.add(
        'readOnly',
        'is always true for readonlyVault(); use vault() for the read-write VAULT backend',
      );
      issues.throwIfAny(`SecretsManager.readonlyVault "${id}"`);
    }
    return this.#vault('readonlyVault', id, { ...options, readOnly: true });
  }

  #vault(
    method: string,
    id: string,
    options: VaultOptions<string | V>,
  ): Planned<SecretsManagerResourceConfig> {
    const issues = this.issues();
    const literals: string[] = [];
    const config = vaultConfig(issues, options, (path, v) => {
      const ref = this.reveal(issues, path, v);
      if (ref.literal) literals.push(path);
      return ref;
    });
    issues.throwIfAny(`SecretsManager.${method} "${id}"`);
    return { config, literals };
  }

  awsSecretsManager(id: string, options: AwsSecretsManagerOptions): Planned<SecretsManagerResourceConfig> {
    const issues = this.issues();
    const config = awsSecretsManagerConfig(issues, options);
    issues.throwIfAny(`SecretsManager.awsSecretsManager "${id}"`);
    return { config, literals: [] };
  }

  // -- ScopedSecret ------------------------------------------------------------------------------------------

  scopedSecret(id: string, props: ScopedSecretBodyProps<string | V>): Planned<ScopedSecretResourceConfig> {
    const issues = this.issues();
    const extra = checkScopedSecret(issues, props);
    // Built once the checks passed (a missing scope has thrown by then).
    const common = () => ({
      name: props.name,
      scopeType: props.scope.type,
      scopeId: props.scope.id,
      ...(props.category !== undefined ? { category: props.category } : {}),
      ...(props.description !== undefined ? { description: props.description } : {}),
      ...extra,
    });
    if (props.vaultRef !== undefined && props.value === undefined) {
      // A reference is no secret (it names where the value is), so it is never warned about as a literal.
      checkVaultRef(issues, 'vaultRef', props.vaultRef);
      if (props.valueVersion !== undefined)
        issues.add('valueVersion', 'only applies to value (a vaultRef change is itself the new version)');
      issues.throwIfAny(`ScopedSecret "${id}"`);
      return { config: { ...common(), vaultRef: props.vaultRef }, literals: [] };
    }
    if (props.vaultRef !== undefined)
      issues.add(
        'vaultRef',
        'conflicts with value: under READONLY_VAULT a secret is a reference, not a value',
      );
    if (props.value === undefined)
      issues.add('value', 'is required (or, under READONLY_VAULT, vaultRef: a path#key reference)');
    const ref =
      props.value === undefined
        ? { value: '', literal: false }
        : this.reveal(issues, 'value', props.value as string | V);
    if (this.flavor.writeOnly) issues.integer('valueVersion', props.valueVersion, 1, Number.MAX_SAFE_INTEGER);
    issues.throwIfAny(`ScopedSecret "${id}"`);
    return {
      config: { ...common(), ...this.#values(ref.value, props.valueVersion) },
      literals: ref.literal ? ['value'] : [],
    };
  }

  // -- WorkspaceSecrets --------------------------------------------------------------------------------------

  /** One configuration per key, in the order given, and the keys whose values are literals. */
  workspaceSecrets(
    id: string,
    props: WorkspaceSecretsBodyProps<string | V>,
  ): { key: WorkspaceSecretKey; config: WorkspaceSecretResourceConfig; literal: boolean }[] {
    const issues = this.issues();
    checkWorkspaceId(issues, props.workspaceId);
    const planned = this.#overrides(issues, 'secrets', true, props.secrets, props);
    issues.throwIfAny(`WorkspaceSecrets "${id}"`);
    return planned.map((p) => ({ ...p, config: { workspaceId: props.workspaceId, ...p.config } }));
  }

  // -- Team and Workspace ------------------------------------------------------------------------------------

  team(id: string, props: TeamCommonOptions): Planned<TeamResourceConfig> {
    const issues = this.issues();
    const config = teamConfig(issues, props);
    issues.throwIfAny(`Team "${id}"`);
    return { config, literals: [] };
  }

  workspace(id: string, props: WorkspaceBodyProps<string | V>): PlannedWorkspace {
    const issues = this.issues();
    const team = props.team as unknown;
    let teamId: string | undefined;
    if (typeof team === 'string') teamId = team;
    else if (typeof team === 'object' && team !== null && typeof (team as { id?: unknown }).id === 'string')
      teamId = (team as { id: string }).id;
    else if (team !== undefined)
      issues.add('team', `must be a Team or a team id, got ${team === null ? 'null' : typeof team}`);
    const config = workspaceConfig(issues, props, teamId);
    const overrides =
      props.overrides === undefined
        ? []
        : this.#overrides(issues, 'overrides', false, props.overrides, props);
    issues.throwIfAny(`Workspace "${id}"`);
    return { config, overrides };
  }

  /** Creates one resource per planned override under `scope` and warns about literal values. */
  createOverrides<R>(
    scope: IConstruct,
    construct: string,
    path: string,
    planned: readonly PlannedOverride[],
    create: (key: WorkspaceSecretKey, config: OverrideResourceConfig) => R,
  ): Partial<Record<WorkspaceSecretKey, R>> {
    const out: Partial<Record<WorkspaceSecretKey, R>> = {};
    for (const { key, config, literal } of planned) {
      out[key] = create(key, config);
      if (literal) this.warnLiterals(scope, construct, [`${path}.${key}`]);
    }
    return out;
  }

  /** The overrides under `path` with the construct-wide defaults (`expiresInDays`, `version`) applied. */
  #overrides(
    issues: Issues,
    path: string,
    requireOne: boolean,
    secrets: Partial<Record<WorkspaceSecretKey, WorkspaceSecretBodyEntry<string | V>>> | undefined,
    defaults: { readonly expiresInDays?: number; readonly version?: number },
  ): PlannedOverride[] {
    checkExpiresInDays(issues, 'expiresInDays', defaults.expiresInDays);
    if (this.flavor.writeOnly) issues.integer('version', defaults.version, 1, Number.MAX_SAFE_INTEGER);
    if (secrets !== undefined && (typeof secrets !== 'object' || secrets === null)) {
      issues.add(path, 'must be an object of override key to value');
      return [];
    }
    const entries = Object.entries(secrets ?? {}) as [
      WorkspaceSecretKey,
      WorkspaceSecretBodyEntry<string | V>,
    ][];
    checkWorkspaceKeys(
      issues,
      entries.map(([k]) => k),
      path,
      requireOne,
    );
    return entries.map(([key, entry]) => {
      const obj = this.#isEntryObject(entry) ? entry : undefined;
      const value = obj ? obj.value : (entry as string | V);
      const days = obj?.expiresInDays;
      checkExpiresInDays(issues, `${path}.${key}.expiresInDays`, days);
      const version = obj?.version;
      if (this.flavor.writeOnly)
        issues.integer(`${path}.${key}.version`, version, 1, Number.MAX_SAFE_INTEGER);
      const ref = this.reveal(issues, `${path}.${key}`, value);
      const expiresInDays = days ?? defaults.expiresInDays;
      const config: OverrideResourceConfig = {
        key,
        ...this.#values(ref.value, version ?? defaults.version),
        ...(expiresInDays !== undefined ? { expiresInDays } : {}),
      };
      return { key, config, literal: ref.literal };
    });
  }

  #isEntryObject(e: unknown): e is { value: string | V; version?: number; expiresInDays?: number } {
    return typeof e === 'object' && e !== null && !this.flavor.isVariable(e) && 'value' in e;
  }
}

/**
 * WorkspaceSecrets for one flavor: one generated `coffer_workspace_secret` (`R`) per override key. A flavor's
 * class extends it, passing its bodies and how to create its generated resource (with the meta-arguments).
 */
export class WorkspaceSecretsConstruct<R> extends Construct {
  /** The generated resources by key. */
  readonly secrets: Readonly<Partial<Record<WorkspaceSecretKey, R>>>;

  protected constructor(
    bodies: ConstructBodies<VariableLike>,
    create: (scope: Construct, key: WorkspaceSecretKey, config: WorkspaceSecretResourceConfig) => R,
    scope: Construct,
    id: string,
    props: WorkspaceSecretsBodyProps<string | VariableLike>,
  ) {
    const planned = bodies.workspaceSecrets(id, props);
    super(scope, id);
    const out: Partial<Record<WorkspaceSecretKey, R>> = {};
    for (const { key, config, literal } of planned) {
      out[key] = create(this, key, config);
      if (literal) bodies.warnLiterals(this, `WorkspaceSecrets "${id}"`, [`secrets.${key}`]);
    }
    this.secrets = out;
  }

  /** The resource of one key; throws when the key was not configured. */
  secret(key: WorkspaceSecretKey): R {
    const found = this.secrets[key];
    if (!found) throw new Error(`WorkspaceSecrets "${this.node.id}" has no ${key}`);
    return found;
  }
}

/** The override of one key; throws, naming the construct, when the key was not configured. */
export function overrideOf<R>(
  overrides: Readonly<Partial<Record<WorkspaceSecretKey, R>>>,
  key: WorkspaceSecretKey,
  construct: string,
): R {
  const found = overrides[key];
  if (!found) throw new Error(`${construct} has no ${key}`);
  return found;
}
