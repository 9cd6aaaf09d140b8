// The constructs' bodies, written once for both flavors. A flavor (src/cdktf, src/cdktn) hands in what differs:
// its runtime (TerraformVariable, Token, Annotations) and where a value goes in the generated resource (the
// sensitive `value`, or the write-only `value_wo` with its `value_wo_version`). Its entry point only binds these
// bodies to its own generated classes, which a shared body cannot extend.

import type { WorkspaceSecretKey } from '@coffer/sdk/rules';
import { Construct, type IConstruct } from 'constructs';
import {
  type AwsSecretsManagerOptions,
  awsSecretsManagerConfig,
  checkExpiresInDays,
  checkScopedSecret,
  checkWorkspaceId,
  checkWorkspaceKeys,
  plainBackendConfig,
  type ScopedSecretCommonOptions,
  type SecretRef,
  type SecretsManagerCommonOptions,
  type SecretsManagerResourceConfig,
  type VaultOptions,
  vaultConfig,
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
  readonly value: S;
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

/** The generated `coffer_secret` configuration the ScopedSecret body produces (meta-arguments aside). */
export type ScopedSecretResourceConfig = {
  name: string;
  scopeType: string;
  scopeId: string;
  category?: string;
  description?: string;
  expiresAt?: string;
} & ValueAttributes;

/** The generated `coffer_workspace_secret` configuration (meta-arguments aside). */
export type WorkspaceSecretResourceConfig = {
  workspaceId: string;
  key: string;
  expiresInDays?: number;
} & ValueAttributes;

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
    const issues = this.issues();
    const literals: string[] = [];
    const config = vaultConfig(issues, options, (path, v) => {
      const ref = this.reveal(issues, path, v);
      if (ref.literal) literals.push(path);
      return ref;
    });
    issues.throwIfAny(`SecretsManager.vault "${id}"`);
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
    const ref = this.reveal(issues, 'value', props.value);
    if (this.flavor.writeOnly) issues.integer('valueVersion', props.valueVersion, 1, Number.MAX_SAFE_INTEGER);
    issues.throwIfAny(`ScopedSecret "${id}"`);
    return {
      config: {
        name: props.name,
        scopeType: props.scope.type,
        scopeId: props.scope.id,
        ...(props.category !== undefined ? { category: props.category } : {}),
        ...(props.description !== undefined ? { description: props.description } : {}),
        ...extra,
        ...this.#values(ref.value, props.valueVersion),
      },
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
    checkExpiresInDays(issues, 'expiresInDays', props.expiresInDays);
    if (this.flavor.writeOnly) issues.integer('version', props.version, 1, Number.MAX_SAFE_INTEGER);
    const entries = Object.entries(props.secrets ?? {}) as [
      WorkspaceSecretKey,
      WorkspaceSecretBodyEntry<string | V>,
    ][];
    checkWorkspaceKeys(
      issues,
      entries.map(([k]) => k),
    );
    const planned = entries.map(([key, entry]) => {
      const obj = this.#isEntryObject(entry) ? entry : undefined;
      const value = obj ? obj.value : (entry as string | V);
      const days = obj?.expiresInDays;
      checkExpiresInDays(issues, `secrets.${key}.expiresInDays`, days);
      const version = obj?.version;
      if (this.flavor.writeOnly)
        issues.integer(`secrets.${key}.version`, version, 1, Number.MAX_SAFE_INTEGER);
      const ref = this.reveal(issues, `secrets.${key}`, value);
      const expiresInDays = days ?? props.expiresInDays;
      const config: WorkspaceSecretResourceConfig = {
        workspaceId: props.workspaceId,
        key,
        ...this.#values(ref.value, version ?? props.version),
        ...(expiresInDays !== undefined ? { expiresInDays } : {}),
      };
      return { key, config, literal: ref.literal };
    });
    issues.throwIfAny(`WorkspaceSecrets "${id}"`);
    return planned;
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
