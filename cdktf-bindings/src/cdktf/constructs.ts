// Hand-written constructs for CDKTF (cdktf 0.21). Values go into the sensitive `value` attributes (kept in
// state, redacted in plans); use the cdktn entry point for write-only values that never reach state.

import type { WorkspaceSecretKey } from '@coffer/sdk/rules';
import {
  Annotations,
  type ITerraformDependable,
  type TerraformProvider,
  TerraformVariable,
  Token,
} from 'cdktf';
import { Construct } from 'constructs';
import { secret, secretsManager, workspaceSecret } from '../../generated/cdktf/lib/index.js';
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
} from '../core/config.ts';
import { Issues } from '../core/validate.ts';

/** A secret value: a sensitive TerraformVariable (preferred), a token, or (with a synth warning) a literal. */
export type SecretInput = string | TerraformVariable;

/** Meta-arguments the constructs pass through to the resources they create. */
export interface CofferMetaArguments {
  readonly provider?: TerraformProvider;
  readonly dependsOn?: ITerraformDependable[];
}

const LITERAL_WARNING =
  'a literal secret value is written into the synthesized configuration (cdktf.out) and the state; ' +
  'pass a TerraformVariable declared with sensitive: true instead';

function newIssues(): Issues {
  return new Issues((v) => Token.isUnresolved(v));
}

/**
 * One reference token per variable. `TerraformVariable.stringValue` builds a new token on every read, and
 * cdktf captures a full creation stack trace for each (tens of microseconds: with one variable passed to
 * 1,000 resources that was a tenth of the synth benchmark). The token resolves in whichever stack uses it
 * (cdktf's `Reference` keeps a per-stack identifier for cross-stack references), so sharing it is safe.
 */
const variableTokens = new WeakMap<TerraformVariable, string>();

function variableToken(variable: TerraformVariable): string {
  let token = variableTokens.get(variable);
  if (token === undefined) {
    token = variable.stringValue;
    variableTokens.set(variable, token);
  }
  return token;
}

/** Turns a SecretInput into the string the generated resource takes, noting problems. */
export function revealSecretInput(issues: Issues, path: string, input: SecretInput): SecretRef {
  if (input instanceof TerraformVariable) {
    if (input.sensitive !== true) {
      issues.add(path, `variable "${input.node.id}" must be declared with sensitive: true`);
    }
    return { value: variableToken(input), literal: false };
  }
  if (typeof input === 'string') {
    if (input === '') issues.add(path, 'must not be empty');
    return { value: input, literal: !Token.isUnresolved(input) };
  }
  issues.add(path, `must be a string or a TerraformVariable, got ${input === null ? 'null' : typeof input}`);
  return { value: '', literal: false };
}

function meta(m: CofferMetaArguments): CofferMetaArguments {
  return {
    ...(m.provider !== undefined ? { provider: m.provider } : {}),
    ...(m.dependsOn !== undefined ? { dependsOn: m.dependsOn } : {}),
  };
}

// ----------------------------------------------------------------------------------------------------------

/**
 * `coffer_secrets_manager` with validated configurations: `SecretsManager.db()`, `.env()`, `.vault()`,
 * `.awsSecretsManager()`. The result is the generated resource (all attributes, e.g. `effectiveBackend`).
 */
export class SecretsManager extends secretsManager.SecretsManager {
  private constructor(
    scope: Construct,
    id: string,
    config: SecretsManagerResourceConfig,
    literals: string[],
    m: CofferMetaArguments,
  ) {
    super(scope, id, { ...config, ...meta(m) });
    for (const path of literals)
      Annotations.of(this).addWarning(`SecretsManager "${id}": ${path}: ${LITERAL_WARNING}`);
  }

  /** Values encrypted in Coffer's own store (the default backend). */
  static db(
    scope: Construct,
    id: string,
    options: SecretsManagerCommonOptions & CofferMetaArguments = {},
  ): SecretsManager {
    const issues = newIssues();
    const config = plainBackendConfig(issues, 'DB', options);
    issues.throwIfAny(`SecretsManager.db "${id}"`);
    return new SecretsManager(scope, id, config, [], options);
  }

  /** Read-only values from the server's environment (development and simple deployments). */
  static env(
    scope: Construct,
    id: string,
    options: SecretsManagerCommonOptions & CofferMetaArguments = {},
  ): SecretsManager {
    const issues = newIssues();
    const config = plainBackendConfig(issues, 'ENV', options);
    issues.throwIfAny(`SecretsManager.env "${id}"`);
    return new SecretsManager(scope, id, config, [], options);
  }

  /** HashiCorp Vault / OpenBao KV (read-write, or `readOnly: true` for READONLY_VAULT). */
  static vault(
    scope: Construct,
    id: string,
    options: VaultOptions<SecretInput> & CofferMetaArguments,
  ): SecretsManager {
    const issues = newIssues();
    const literals: string[] = [];
    const config = vaultConfig(issues, options, (path, v) => {
      const ref = revealSecretInput(issues, path, v);
      if (ref.literal) literals.push(path);
      return ref;
    });
    issues.throwIfAny(`SecretsManager.vault "${id}"`);
    return new SecretsManager(scope, id, config, literals, options);
  }

  /** AWS Secrets Manager (Coffer keeps the ARN; `endpoint` for VPC endpoints and emulators). */
  static awsSecretsManager(
    scope: Construct,
    id: string,
    options: AwsSecretsManagerOptions & CofferMetaArguments,
  ): SecretsManager {
    const issues = newIssues();
    const config = awsSecretsManagerConfig(issues, options);
    issues.throwIfAny(`SecretsManager.awsSecretsManager "${id}"`);
    return new SecretsManager(scope, id, config, [], options);
  }
}

// ----------------------------------------------------------------------------------------------------------

export interface ScopedSecretProps extends ScopedSecretCommonOptions, CofferMetaArguments {
  /** The value, stored in the sensitive `value` attribute. */
  readonly value: SecretInput;
}

/** `coffer_secret` with a `{ type, id }` scope and the name, scope, category and expiry rules checked up front. */
export class ScopedSecret extends secret.Secret {
  constructor(scope: Construct, id: string, props: ScopedSecretProps) {
    const issues = newIssues();
    const extra = checkScopedSecret(issues, props);
    const ref = revealSecretInput(issues, 'value', props.value);
    issues.throwIfAny(`ScopedSecret "${id}"`);
    super(scope, id, {
      name: props.name,
      scopeType: props.scope.type,
      scopeId: props.scope.id,
      ...(props.category !== undefined ? { category: props.category } : {}),
      ...(props.description !== undefined ? { description: props.description } : {}),
      ...extra,
      value: ref.value,
      ...meta(props),
    });
    if (ref.literal) Annotations.of(this).addWarning(`ScopedSecret "${id}": value: ${LITERAL_WARNING}`);
  }
}

// ----------------------------------------------------------------------------------------------------------

export type WorkspaceSecretEntry =
  | SecretInput
  | { readonly value: SecretInput; readonly expiresInDays?: number };

export interface WorkspaceSecretsProps extends CofferMetaArguments {
  readonly workspaceId: string;
  /** Override key → value. Keys: OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, GROK_API_KEY, ... */
  readonly secrets: Partial<Record<WorkspaceSecretKey, WorkspaceSecretEntry>>;
  /** Default expiry for every key (1..3650 days); an entry's own `expiresInDays` wins. */
  readonly expiresInDays?: number;
}

function isEntryObject<S>(e: unknown): e is { value: S; expiresInDays?: number } {
  return typeof e === 'object' && e !== null && !(e instanceof TerraformVariable) && 'value' in e;
}

/** One `coffer_workspace_secret` per override key of a workspace; keys are checked against the allowed list. */
export class WorkspaceSecrets extends Construct {
  /** The generated resources by key. */
  readonly secrets: Readonly<Partial<Record<WorkspaceSecretKey, workspaceSecret.WorkspaceSecret>>>;

  constructor(scope: Construct, id: string, props: WorkspaceSecretsProps) {
    const issues = newIssues();
    checkWorkspaceId(issues, props.workspaceId);
    checkExpiresInDays(issues, 'expiresInDays', props.expiresInDays);
    const entries = Object.entries(props.secrets ?? {}) as [WorkspaceSecretKey, WorkspaceSecretEntry][];
    checkWorkspaceKeys(
      issues,
      entries.map(([k]) => k),
    );
    const planned = entries.map(([key, entry]) => {
      const obj = isEntryObject<SecretInput>(entry) ? entry : undefined;
      const value = obj ? obj.value : (entry as SecretInput);
      const days = obj?.expiresInDays;
      checkExpiresInDays(issues, `secrets.${key}.expiresInDays`, days);
      const ref = revealSecretInput(issues, `secrets.${key}`, value);
      return { key, ref, expiresInDays: days ?? props.expiresInDays };
    });
    issues.throwIfAny(`WorkspaceSecrets "${id}"`);
    super(scope, id);
    const out: Partial<Record<WorkspaceSecretKey, workspaceSecret.WorkspaceSecret>> = {};
    for (const { key, ref, expiresInDays } of planned) {
      out[key] = new workspaceSecret.WorkspaceSecret(this, key, {
        workspaceId: props.workspaceId,
        key,
        value: ref.value,
        ...(expiresInDays !== undefined ? { expiresInDays } : {}),
        ...meta(props),
      });
      if (ref.literal)
        Annotations.of(this).addWarning(`WorkspaceSecrets "${id}": secrets.${key}: ${LITERAL_WARNING}`);
    }
    this.secrets = out;
  }

  /** The resource of one key; throws when the key was not configured. */
  secret(key: WorkspaceSecretKey): workspaceSecret.WorkspaceSecret {
    const found = this.secrets[key];
    if (!found) throw new Error(`WorkspaceSecrets "${this.node.id}" has no ${key}`);
    return found;
  }
}
