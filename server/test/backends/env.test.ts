/** The ENV backend's allow-list: nothing by default, never the server's own settings. */
import { describe, expect, it } from 'vitest';
import { EnvBackend, isReservedName } from '../../src/backends/env.ts';

const ENV = {
  COFFER_ENCRYPTION_SECRET: 'master',
  COFFER_BOOTSTRAP_API_KEY: 'owner',
  DATABASE_URL: 'postgres://u:p@h/db',
  PGPASSWORD: 'pg',
  AWS_SECRET_ACCESS_KEY: 'aws',
  VAULT_TOKEN: 'vault',
  APP_TOKEN: 'app',
  STRIPE_API_KEY: 'stripe',
};

describe('EnvBackend', () => {
  it('allows nothing by default', () => {
    const b = new EnvBackend(undefined, ENV);
    for (const name of Object.keys(ENV)) {
      expect(b.allows(name)).toBe(false);
      expect(b.read(name)).toBeNull();
    }
  });

  it('allows listed names and prefixes only', () => {
    const b = new EnvBackend('APP_*, STRIPE_API_KEY', ENV);
    expect(b.read('APP_TOKEN')?.reveal()).toBe('app');
    expect(b.read('STRIPE_API_KEY')?.reveal()).toBe('stripe');
    expect(b.allows('STRIPE_API_KEY_2')).toBe(false);
    expect(b.read('APP_MISSING')).toBeNull();
  });

  it('never reads reserved names, even under *', () => {
    const b = new EnvBackend('*', ENV);
    for (const name of [
      'COFFER_ENCRYPTION_SECRET',
      'COFFER_BOOTSTRAP_API_KEY',
      'DATABASE_URL',
      'PGPASSWORD',
      'AWS_SECRET_ACCESS_KEY',
      'VAULT_TOKEN',
    ]) {
      expect(isReservedName(name)).toBe(true);
      expect(b.read(name)).toBeNull();
    }
    expect(b.read('APP_TOKEN')?.reveal()).toBe('app');
  });

  it('refuses an allow-list that names a reserved setting or is not a name', () => {
    expect(() => new EnvBackend('COFFER_ENCRYPTION_SECRET', ENV)).toThrow(/own settings/);
    expect(() => new EnvBackend('COFFER_*', ENV)).toThrow(/own settings/);
    expect(() => new EnvBackend('MY_DATABASE_URL', ENV)).toThrow(/own settings/);
    expect(() => new EnvBackend('not-a-name', ENV)).toThrow(/not an environment-variable name/);
  });
});
