// Hand-written constructs for CDKTF (cdktf 0.21). Values go into the sensitive `value` attributes (kept in
// state, redacted in plans); use the cdktn entry point for write-only values that never reach state.
// The bodies are shared with the cdktn entry point (../core/constructs.ts); this file binds them to cdktf.

import type { WorkspaceSecretKey } from '@coffer/sdk/rules';
import {
  Annotations,
  type ITerraformDependable,
  type TerraformProvider,
  TerraformVariable,
  Token,
} from 'cdktf';
import type { Construct } from 'constructs';
import { secret, secretsManager, team, workspace, workspaceSecret } from '../../generated/cdktf/lib/index.js';
import type {
  AwsSecretsManagerOptions,
  ReadonlyVaultOptions,
  ScopedSecretCommonOptions,
  SecretsManagerCommonOptions,
  SecretsManagerResourceConfig,
  TeamCommonOptions,
  VaultOptions,
  WorkspaceCommonOptions,
} from '../core/config.ts';
import {
  ConstructBodies,
  meta,
  overrideOf,
  type Planned,
  WorkspaceSecretsConstruct,
} from '../core/constructs.ts';

/** A secret value: a sensitive TerraformVariable (preferred), a token, or (with a synth warning) a literal. */
export type SecretInput = string | TerraformVariable;

/** Meta-arguments the constructs pass through to the resources they create. */
export interface CofferMetaArguments {
  readonly provider?: TerraformProvider;
  readonly dependsOn?: ITerraformDependable[];
}

const bodies = new ConstructBodies<TerraformVariable>({
  isVariable: (input): input is TerraformVariable => input instanceof TerraformVariable,
  isUnresolved: (value) => Token.isUnresolved(value),
  warn: (scope, message) => Annotations.of(scope).addWarning(message),
  writeOnly: false,
});

// ----------------------------------------------------------------------------------------------------------

/**
 * `coffer_secrets_manager` with validated configurations: `SecretsManager.db()`, `.env()`, `.vault()`,
 * `.awsSecretsManager()`. The result is the generated resource (all attributes, e.g. `effectiveBackend`).
 */
export class SecretsManager extends secretsManager.SecretsManager {
  private constructor(
    scope: Construct,
    id: string,
    planned: Planned<SecretsManagerResourceConfig>,
    m: CofferMetaArguments,
  ) {
    super(scope, id, { ...planned.config, ...meta(m) });
    bodies.warnLiterals(this, `SecretsManager "${id}"`, planned.literals);
  }

  /** Values encrypted in Coffer's own store (the default backend). */
  static db(
    scope: Construct,
    id: string,
    options: SecretsManagerCommonOptions & CofferMetaArguments = {},
  ): SecretsManager {
    return new SecretsManager(scope, id, bodies.db(id, options), options);
  }

  /** Read-only values from the server's environment (development and simple deployments). */
  static env(
    scope: Construct,
    id: string,
    options: SecretsManagerCommonOptions & CofferMetaArguments = {},
  ): SecretsManager {
    return new SecretsManager(scope, id, bodies.env(id, options), options);
  }

  /** HashiCorp Vault / OpenBao KV (read-write, or `readOnly: true` for READONLY_VAULT). */
  static vault(
    scope: Construct,
    id: string,
    options: VaultOptions<SecretInput> & CofferMetaArguments,
  ): SecretsManager {
    return new SecretsManager(scope, id, bodies.vault(id, options), options);
  }

  /**
   * READONLY_VAULT: Coffer reads the values that `path#key` references (a secret's `vaultRef`) point at and never
   * writes or deletes in Vault; the same settings as `vault()`.
   */
  static readonlyVault(
    scope: Construct,
    id: string,
    options: ReadonlyVaultOptions<SecretInput> & CofferMetaArguments,
  ): SecretsManager {
    return new SecretsManager(scope, id, bodies.readonlyVault(id, options), options);
  }

  /** AWS Secrets Manager (Coffer keeps the ARN; `endpoint` for VPC endpoints and emulators). */
  static awsSecretsManager(
    scope: Construct,
    id: string,
    options: AwsSecretsManagerOptions & CofferMetaArguments,
  ): SecretsManager {
    return new SecretsManager(scope, id, bodies.awsSecretsManager(id, options), options);
  }
}

// ----------------------------------------------------------------------------------------------------------

export interface ScopedSecretProps extends ScopedSecretCommonOptions, CofferMetaArguments {
  /** The value, stored in the sensitive `value` attribute. Required unless `vaultRef` is given. */
  readonly value?: SecretInput;
  /**
   * READONLY_VAULT, instead of `value`: a reference `path#key` to a string field of a Vault secret (e.g.
   * `secret/data/payments/stripe#api_key`), which Coffer reads and never writes.
   */
  readonly vaultRef?: string;
}

/** `coffer_secret` with a `{ type, id }` scope and the name, scope, category and expiry rules checked up front. */
export class ScopedSecret extends secret.Secret {
  constructor(scope: Construct, id: string, props: ScopedSecretProps) {
    const planned = bodies.scopedSecret(id, props);
    super(scope, id, { ...planned.config, ...meta(props) });
    bodies.warnLiterals(this, `ScopedSecret "${id}"`, planned.literals);
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
  /** Default expiry for every key (1 to 3650 days, the spec's maximum); an entry's own `expiresInDays` wins. */
  readonly expiresInDays?: number;
}

/** One `coffer_workspace_secret` per override key of a workspace; keys are checked against the allowed list. */
export class WorkspaceSecrets extends WorkspaceSecretsConstruct<workspaceSecret.WorkspaceSecret> {
  constructor(scope: Construct, id: string, props: WorkspaceSecretsProps) {
    super(
      bodies,
      (s, key, config) => new workspaceSecret.WorkspaceSecret(s, key, { ...config, ...meta(props) }),
      scope,
      id,
      props,
    );
  }
}

// ----------------------------------------------------------------------------------------------------------

export interface TeamProps extends TeamCommonOptions, CofferMetaArguments {}

/**
 * `coffer_team` with its id, name and organization checked up front. Extends the generated `team.Team`, so it
 * is the resource: pass it as a Workspace's `team`, or its `id` (a reference, which orders creation) as a
 * ScopedSecret's `scope.id`.
 */
export class Team extends team.Team {
  constructor(scope: Construct, id: string, props: TeamProps) {
    const planned = bodies.team(id, props);
    super(scope, id, { ...planned.config, ...meta(props) });
  }
}

// ----------------------------------------------------------------------------------------------------------

export interface WorkspaceProps extends WorkspaceCommonOptions, CofferMetaArguments {
  /** The team the workspace belongs to: a Team (its id is referenced) or a team id. Absent: directly in the
   * organization. */
  readonly team?: Team | string;
  /** Override key → value, one `coffer_workspace_secret` each (they win over every scoped secret). */
  readonly overrides?: Partial<Record<WorkspaceSecretKey, WorkspaceSecretEntry>>;
  /** Default expiry of every override (1 to 3650 days); an entry's own `expiresInDays` wins. */
  readonly expiresInDays?: number;
}

/**
 * `coffer_workspace`, in a team or directly in the organization, with its overrides: one
 * `coffer_workspace_secret` per key, a child of the workspace that references its `id` (so Terraform creates
 * the workspace first and destroys it last). Extends the generated `workspace.Workspace`.
 */
export class Workspace extends workspace.Workspace {
  /** The override resources by key. */
  readonly overrides: Readonly<Partial<Record<WorkspaceSecretKey, workspaceSecret.WorkspaceSecret>>>;

  constructor(scope: Construct, id: string, props: WorkspaceProps) {
    const planned = bodies.workspace(id, props);
    super(scope, id, { ...planned.config, ...meta(props) });
    this.overrides = bodies.createOverrides(
      this,
      `Workspace "${id}"`,
      'overrides',
      planned.overrides,
      (key, config) =>
        new workspaceSecret.WorkspaceSecret(this, key, { ...config, workspaceId: this.id, ...meta(props) }),
    );
  }

  /** The override resource of one key; throws when the key was not configured. */
  override(key: WorkspaceSecretKey): workspaceSecret.WorkspaceSecret {
    return overrideOf(this.overrides, key, `Workspace "${this.node.id}"`);
  }
}
