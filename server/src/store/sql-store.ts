/**
 * The store over a SqlExecutor, shared by both drivers: the repositories (one per file under repos/) bound to
 * one executor, and the same set bound to a transaction. Dialect differences are confined to dialect.ts and
 * the drivers.
 */
import type { KeyObject } from 'node:crypto';
import { makeStoreCrypto } from '../crypto/bindings.ts';
import type { Keyring } from '../crypto/cipher.ts';
import type { SqlExecutor } from './executor.ts';
import { apiKeysRepo } from './repos/api-keys.ts';
import { auditRepo } from './repos/audit.ts';
import { configRepo } from './repos/config.ts';
import { idempotencyRepo } from './repos/idempotency.ts';
import { organizationsRepo } from './repos/organizations.ts';
import { scopesRepo } from './repos/scopes.ts';
import { secretsRepo } from './repos/secrets.ts';
import { teamsRepo } from './repos/teams.ts';
import { workspaceSecretsRepo } from './repos/workspace-secrets.ts';
import { workspacesRepo } from './repos/workspaces.ts';
import type {
  ApiKeysRepo,
  AuditRepo,
  ConfigRepo,
  IdempotencyRepo,
  OrganizationsRepo,
  ScopesRepo,
  SecretsRepo,
  Store,
  StoreCrypto,
  TeamsRepo,
  WorkspaceSecretsRepo,
  WorkspacesRepo,
} from './types.ts';

export { AAD, makeStoreCrypto } from '../crypto/bindings.ts';
export { isUuid } from './repos/common.ts';

/** Shared state of a store and its transaction-bound views. */
interface Shared {
  kind: 'sqlite' | 'postgres';
  keyring: Keyring;
  macKey: KeyObject;
  touched: Map<string, number>;
  ping: () => Promise<void>;
  close: () => Promise<void>;
}

export class SqlStore implements Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly organizations: OrganizationsRepo;
  readonly teams: TeamsRepo;
  readonly workspaces: WorkspacesRepo;
  readonly scopes: ScopesRepo;
  readonly secrets: SecretsRepo;
  readonly workspaceSecrets: WorkspaceSecretsRepo;
  readonly apiKeys: ApiKeysRepo;
  readonly audit: AuditRepo;
  readonly config: ConfigRepo;
  readonly idempotency: IdempotencyRepo;
  readonly crypto: StoreCrypto;
  readonly #ex: SqlExecutor;
  readonly #shared: Shared;

  constructor(ex: SqlExecutor, shared: Shared) {
    this.#ex = ex;
    this.#shared = shared;
    this.kind = shared.kind;
    this.crypto = makeStoreCrypto(shared.keyring, shared.macKey);
    this.organizations = organizationsRepo(ex);
    this.teams = teamsRepo(ex);
    this.workspaces = workspacesRepo(ex);
    this.scopes = scopesRepo(ex);
    this.secrets = secretsRepo(ex);
    this.workspaceSecrets = workspaceSecretsRepo(ex);
    this.apiKeys = apiKeysRepo(ex, shared.touched);
    this.audit = auditRepo(ex);
    this.config = configRepo(ex);
    this.idempotency = idempotencyRepo(ex);
  }

  static create(
    ex: SqlExecutor,
    opts: {
      kind: 'sqlite' | 'postgres';
      keyring: Keyring;
      macKey: KeyObject;
      ping: () => Promise<void>;
      close: () => Promise<void>;
    },
  ): SqlStore {
    return new SqlStore(ex, { ...opts, touched: new Map() });
  }

  get executor(): SqlExecutor {
    return this.#ex;
  }

  get keyring(): Keyring {
    return this.#shared.keyring;
  }

  async getMeta(key: string): Promise<string | null> {
    const rows = await this.#ex.query<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]);
    return rows[0]?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.#ex.execute(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }

  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.#ex.inTransaction) return fn(this);
    return this.#ex.transaction((tx) => fn(new SqlStore(tx, this.#shared)));
  }

  ping(): Promise<void> {
    return this.#shared.ping();
  }

  close(): Promise<void> {
    return this.#shared.close();
  }
}
