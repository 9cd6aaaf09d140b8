/**
 * The ENV backend: read-only values from the server's own environment, for names the operator allows.
 *
 * Nothing is allowed by default. `COFFER_ENV_BACKEND_ALLOW` lists names (`STRIPE_API_KEY`) and prefixes
 * (`APP_*`), comma-separated; `*` allows every name not reserved. Reserved names are the server's own
 * settings and the credentials of what it talks to, and never resolve, whatever the list says: `COFFER_*`,
 * `AWS_*`, `VAULT_*`, `BAO_*`, `PG*` and any name containing `DATABASE_URL`. The rule is applied when a secret
 * is bound to a name and again every time it resolves, so a row bound before the rule (or before the list
 * changed) cannot hand out what the list no longer allows. The remote backends' `fallback: "ENV"` goes
 * through the same rule.
 */
import { SecretValue } from '../crypto/secret-value.ts';

export const ENV_ALLOW_SETTING = 'COFFER_ENV_BACKEND_ALLOW';

const RESERVED: RegExp[] = [/^COFFER_/, /^AWS_/, /^VAULT_/, /^BAO_/, /^PG/, /DATABASE_URL/];
const ENTRY = /^(?:\*|[A-Za-z_][A-Za-z0-9_]{0,127}\*?)$/;

class EnvBackendSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

export function isReservedName(name: string): boolean {
  return RESERVED.some((r) => r.test(name));
}

export class EnvBackend {
  readonly #names = new Set<string>();
  readonly #prefixes: string[] = [];
  readonly #env: NodeJS.ProcessEnv;

  /** `allow`: the value of COFFER_ENV_BACKEND_ALLOW; `env`: where values are read from. */
  constructor(allow: string | undefined, env: NodeJS.ProcessEnv) {
    this.#env = env;
    for (const raw of (allow ?? '').split(',')) {
      const entry = raw.trim();
      if (entry === '') continue;
      if (!ENTRY.test(entry)) {
        throw new EnvBackendSettingsError(
          `${ENV_ALLOW_SETTING}: "${entry}" is not an environment-variable name or a prefix ending in *`,
        );
      }
      if (entry.endsWith('*')) {
        const prefix = entry.slice(0, -1);
        if (prefix !== '' && isReservedName(prefix)) throw reserved(entry);
        this.#prefixes.push(prefix);
      } else {
        if (isReservedName(entry)) throw reserved(entry);
        this.#names.add(entry);
      }
    }
  }

  /** True when `name` may be bound to and read from the environment. */
  allows(name: string): boolean {
    if (isReservedName(name)) return false;
    return this.#names.has(name) || this.#prefixes.some((p) => name.startsWith(p));
  }

  /** The value of an allowed name, or null (not allowed, or not set). */
  read(name: string): SecretValue | null {
    if (!this.allows(name)) return null;
    const v = this.#env[name];
    return v === undefined ? null : new SecretValue(v);
  }
}

function reserved(entry: string): EnvBackendSettingsError {
  return new EnvBackendSettingsError(
    `${ENV_ALLOW_SETTING}: "${entry}" names the server's own settings or credentials (COFFER_*, AWS_*, VAULT_*, BAO_*, PG*, *DATABASE_URL*), which the ENV backend never reads`,
  );
}
